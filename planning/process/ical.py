"""iCalendar feeds of process milestones, times in Europe/Copenhagen (TZID plus a VTIMEZONE)."""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from planning.common.dates import COPENHAGEN

STATUS = {"planned": "CONFIRMED", "done": "CONFIRMED", "late": "TENTATIVE"}


def calendar_feed_build(*, milestones, name: str, meetings=()) -> bytes:
    """An .ics document with one VEVENT per milestone and per council meeting; stable UIDs so calendar
    apps update events rather than duplicate them."""
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
    for meeting in meetings:
        calendar.add_component(_meeting_event(meeting=meeting, stamp=stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _meeting_event(*, meeting, stamp) -> Event:
    starts = datetime.combine(meeting.date, meeting.start_time, tzinfo=COPENHAGEN)
    ends = (
        datetime.combine(meeting.date, meeting.end_time, tzinfo=COPENHAGEN)
        if meeting.end_time and meeting.end_time > meeting.start_time
        else starts + timedelta(hours=1)
    )
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@sundhedsraad-planner")
    event.add("dtstamp", stamp)
    event.add("last-modified", meeting.created_at)
    event.add("dtstart", starts)
    event.add("dtend", ends)
    event.add("summary", f"{meeting.get_kind_display()}: Sundhedsråd {meeting.council.name}")
    if meeting.place:
        event.add("location", meeting.place)
    event.add("description", f"{meeting.get_status_display()}{' · ' + meeting.note if meeting.note else ''}")
    event.add("status", "CONFIRMED")
    event.add("categories", [str(meeting.get_kind_display())])
    event.add("url", f"{settings.PORTAL_BASE_URL}{meeting.get_absolute_url()}")
    return event
