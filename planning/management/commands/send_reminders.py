"""Run the daily reminder sweep by hand: `manage.py send_reminders [--dry-run] [--date YYYY-MM-DD]`."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from planning.process.services import reminder_sweep_run


class Command(BaseCommand):
    help = "Send the process reminders and overdue notices due on a date (default: today, Copenhagen time)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Show what would be sent; send nothing.")
        parser.add_argument("--date", help="The sweep's date, YYYY-MM-DD (default: today in Copenhagen).")

    def handle(self, *args, dry_run: bool = False, date: str | None = None, **options):
        try:
            day = _parse(date) if date else timezone.localdate()
        except ValueError as exc:
            raise CommandError(f"Ugyldig dato {date!r}: brug formatet ÅÅÅÅ-MM-DD.") from exc
        result = reminder_sweep_run(today=day, dry_run=dry_run)
        if dry_run:
            for milestone_id, user_id, kind, offset in result.planned:
                self.stdout.write(f"ville sende: milepæl {milestone_id}, bruger {user_id}, {kind} {offset}")
            self.stdout.write(
                f"{day.isoformat()}: {len(result.planned)} ville blive sendt, "
                f"{result.already_sent} er allerede sendt, {result.marked_late} milepæle er over tid "
                "(tørkørsel: intet sendt)."
            )
            return
        self.stdout.write(
            f"{day.isoformat()}: {result.sent} sendt, {result.already_sent} allerede sendt, "
            f"{result.marked_late} milepæle markeret som forsinket."
        )


def _parse(value: str) -> date:
    return date.fromisoformat(value)
