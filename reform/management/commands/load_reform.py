"""python manage.py load_reform: the reform's reference data from fixtures/, atomically and idempotently."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from reform.services import FIXTURES_DIR, ReferenceDataError, reform_reference_load


class Command(BaseCommand):
    help = (
        "Indlæser reformens grunddata (regioner, sundhedsråd, kommuner, milepæle, bevillinger) fra fixtures/."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fixtures-dir", default=str(FIXTURES_DIR), help="Mappe med CSV-filerne (standard: fixtures/)."
        )

    def handle(self, *args, **options):
        with translation.override("da"):
            try:
                report = reform_reference_load(fixtures_dir=Path(options["fixtures_dir"]))
            except ReferenceDataError as error:
                raise CommandError(
                    _("Grunddata blev ikke indlæst; intet er ændret. Fejl:\n%(errors)s")
                    % {"errors": "\n".join(f"  - {message}" for message in error.messages)}
                ) from None
            for count in report.files:
                self.stdout.write(
                    _(
                        "%(label)s: %(total)s i alt (%(new)s nye, %(updated)s opdaterede, "
                        "%(unchanged)s uændrede)"
                    )
                    % {
                        "label": count.label,
                        "total": count.total,
                        "new": count.new,
                        "updated": count.updated,
                        "unchanged": count.unchanged,
                    }
                )
            if report.changed:
                self.stdout.write(self.style.SUCCESS(_("Reformens grunddata er indlæst.")))
            else:
                self.stdout.write(
                    self.style.SUCCESS(_("Reformens grunddata var allerede opdateret; intet ændret."))
                )
