"""`python manage.py load_demo`: demo logins, the Sønderjylland roster, a draft plan (not in production)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from planning.demo import DEMO_PASSWORD, DEMO_USERS, DemoDataMissing, demo_load


class Command(BaseCommand):
    help = "Indlæser demo-brugere, Sønderjyllands medlemsliste og et udkast til nærsundhedsplan."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Kør også når DEBUG er slået fra (opretter konti med kendt adgangskode: aldrig i drift).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "load_demo opretter konti med en kendt adgangskode og kører derfor ikke, når DEBUG er slået "
                "fra. Brug --force, hvis det virkelig er et test- eller demomiljø."
            )
        try:
            result = demo_load()
        except DemoDataMissing as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Demo: {result.users_created} nye brugere, {result.members_created} nye rådsmedlemmer, "
            f"plan {'oprettet' if result.plan_created else 'fandtes allerede'}: {result.plan.title}"
        )
        logins = ", ".join(spec.username for spec in DEMO_USERS)
        self.stdout.write(self.style.SUCCESS(f"Demo-logins: {logins} (adgangskode: {DEMO_PASSWORD})"))
