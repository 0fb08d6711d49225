from datetime import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse
from icalendar import Calendar

from councils.permissions import CouncilRole, council_role_revoke
from planning.process.services import (
    calendar_token_create,
    calendar_token_revoke,
    process_plan_create_from_template,
)
from tests.factories.planning import PlanFactory

CPH = ZoneInfo("Europe/Copenhagen")


def feed(client, token):
    return client.get(reverse("calendar-feed", kwargs={"token": token}))


def test_council_feed_parses_and_holds_the_milestones_in_copenhagen_time(client, process_plan, world):
    _feed_token, token = calendar_token_create(council=world.council, created_by=world.users["secretariat"])
    assert len(token) >= 43
    response = feed(client, token)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 9
    seminar = events["12-12-seminar (Sønderjylland)"]
    assert seminar["DTSTART"].params["TZID"] == "Europe/Copenhagen"
    assert seminar.decoded("DTSTART") == datetime(2026, 8, 31, 13, 0, tzinfo=CPH)
    assert seminar.decoded("DTEND") == datetime(2026, 9, 1, 13, 0, tzinfo=CPH)
    conference = events["Politisk konference om nærsundhedsplanen (Sønderjylland)"]
    assert conference.decoded("DTSTART").utcoffset().total_seconds() == 3600  # winter time, 9:00 local
    assert conference.decoded("DTSTART").astimezone(ZoneInfo("UTC")).hour == 8
    assert b"DTSTART;TZID=Europe/Copenhagen:20261106T090000" in response.content


def test_revoked_or_unknown_token_gives_404(client, process_plan, world):
    feed_token, token = calendar_token_create(council=world.council, created_by=world.users["secretariat"])
    assert calendar_token_revoke(feed_token=feed_token) is True
    assert feed(client, token).status_code == 404
    assert feed(client, "x" * 43).status_code == 404


def test_another_councils_token_shows_nothing_of_this_council(client, process_plan, world):
    other = process_plan_create_from_template(
        plan=PlanFactory(council=world.other_council, created_by=world.users["other_secretariat"]),
        created_by=world.users["other_secretariat"],
    )
    other.milestones.exclude(kind="adoption").delete()
    _t, token = calendar_token_create(
        council=world.other_council, created_by=world.users["other_secretariat"]
    )
    body = feed(client, token).content.decode()
    assert "Sønderjylland" not in body
    assert [str(e["SUMMARY"]) for e in Calendar.from_ical(body).walk("VEVENT")] == [
        "Vedtagelse af nærsundhedsplanen (Fyn)"
    ]


def test_user_feed_follows_the_users_current_rights(client, process_plan, world):
    member = world.users["member"]
    _t, token = calendar_token_create(user=member, created_by=member)
    assert len(Calendar.from_ical(feed(client, token).content).walk("VEVENT")) == 9
    council_role_revoke(council=world.council, user=member, role=CouncilRole.MEMBER)
    assert Calendar.from_ical(feed(client, token).content).walk("VEVENT") == []


def test_secretariat_creates_a_council_address_shown_once_and_members_cannot(client, process_plan, world):
    url = reverse("process-calendar-tokens", kwargs={"pk": process_plan.plan_id})
    client.force_login(world.users["member"])
    assert client.post(url, {"label": "x"}).status_code == 403
    client.force_login(world.users["secretariat"])
    html = client.post(url, {"label": "Outlook"}).content.decode()
    assert "den vises kun denne ene gang" in html
    address = html.split('id="new-feed-url" readonly value="')[1].split('"')[0]
    token = address.rsplit("/", 1)[1].removesuffix(".ics")
    assert feed(client, token).status_code == 200
    assert token not in client.get(url).content.decode()  # never shown again: only the hash is stored


def test_council_feed_holds_the_councils_meetings_and_not_other_councils(client, process_plan, world):
    from datetime import date, time

    from planning.meetings.services import meeting_create

    meeting_create(
        council=world.council,
        date=date(2027, 3, 29),
        start_time=time(8),
        end_time=time(12),
        place="Mødelokale F",
    )  # fmt: skip  (the Monday after the switch to summer time)
    meeting_create(council=world.other_council, date=date(2027, 3, 30), start_time=time(8), end_time=time(12))
    _feed_token, token = calendar_token_create(council=world.council, created_by=world.users["secretariat"])
    calendar = Calendar.from_ical(feed(client, token).content)
    meetings = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("meeting-")]
    assert len(meetings) == 1
    assert meetings[0].decoded("DTSTART") == datetime(2027, 3, 29, 8, 0, tzinfo=CPH)
    assert meetings[0].decoded("DTSTART").utcoffset().total_seconds() == 7200
    assert str(meetings[0]["LOCATION"]) == "Mødelokale F"
    assert "Sønderjylland" in str(meetings[0]["SUMMARY"])
