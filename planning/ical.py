"""iCalendar feeds of process milestones, times in Europe/Copenhagen (TZID plus a VTIMEZONE)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from planning.process_rules import COPENHAGEN

STATUS = {"planned": "CONFIRMED", "done": "CONFIRMED", "late": "TENTATIVE"}


def calendar_feed_build(*, milestones, name: str) -> bytes:
    """An .ics document with one VEVENT per milestone; stable UIDs so calendar apps update, not duplicate."""
    calendar = Calendar()
    calendar.add("prodid", "-//Sundhedsråd Planner//Procesplan//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Copenhagen")
    stamp = timezone.now()
    for milestone in milestones:
        plan = milestone.process_plan.plan
        event = Event()
        event.add("uid", f"milestone-{milestone.pk}@sundhedsraad-planner")
        event.add("dtstamp", stamp)
        event.add("last-modified", milestone.updated_at)
        starts = milestone.starts_at.astimezone(COPENHAGEN)
        ends = (milestone.ends_at or milestone.starts_at + timedelta(hours=1)).astimezone(COPENHAGEN)
        event.add("dtstart", starts)
        event.add("dtend", ends)
        event.add("summary", f"{milestone.title} ({plan.council.name})")
        if milestone.place:
            event.add("location", milestone.place)
        description = f"{milestone.get_kind_display()} · {milestone.get_status_display()}"
        if milestone.description:
            description += f"\n\n{milestone.description}"
        event.add("description", description)
        event.add("status", STATUS.get(milestone.status, "CONFIRMED"))
        event.add("categories", [milestone.get_kind_display()])
        event.add("url", f"{settings.PORTAL_BASE_URL}{milestone.process_plan.get_absolute_url()}")
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
