import pytest
from django.urls import reverse

from planning.models import PlanEvent, ProcessMilestone, ProcessPlan
from tests.planning.process.conftest import at


def edit_url(milestone):
    return reverse(
        "process-milestone-edit", kwargs={"pk": milestone.process_plan.plan_id, "milestone_pk": milestone.pk}
    )


def post_data(milestone, **changes):
    local = milestone.starts_at.astimezone(at(2026, 1, 1).tzinfo)
    data = {
        "kind": milestone.kind,
        "title": milestone.title,
        "start_date": local.date().isoformat(),
        "start_time": local.strftime("%H:%M"),
        "place": "",
        "status": milestone.status,
        "description": "",
    }
    if milestone.ends_at:
        end = milestone.ends_at.astimezone(local.tzinfo)
        data |= {"end_date": end.date().isoformat(), "end_time": end.strftime("%H:%M")}
    return data | changes


def test_detail_shows_timeline_svg_table_slack_and_danish_dates(client, process_plan, secretariat):
    client.force_login(secretariat)
    html = client.get(reverse("process-detail", kwargs={"pk": process_plan.plan_id})).content.decode()
    assert 'role="img"' in html and '<title id="tl-title">' in html and '<desc id="tl-desc">' in html
    assert "i dag" in html and "Frist 1. april 2027" in html and "Reformens milepæle" in html
    assert "6. november 2026" in html and "Slæk til fristen: 9 dage." in html
    assert html.count('class="milestone ') == 9 and html.count("<tr data-milestone-id=") == 9
    assert "Alle regler i den lovbestemte kæde er overholdt." in html


def test_a_move_that_breaks_a_rule_is_shown_not_saved_until_confirmed(client, process_plan, secretariat):
    client.force_login(secretariat)
    adoption = process_plan.milestones.get(kind="adoption")
    data = post_data(adoption, start_date="2027-04-06", end_date="2027-04-06")
    response = client.post(edit_url(adoption), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Regel brudt: vedtagelse senest den lovbestemte frist 1. april 2027" in html
    assert "Der er intet rådsmøde den 6. april 2027" in html and "-5 dage" in html
    adoption.refresh_from_db()
    assert adoption.starts_at == at(2027, 3, 23, 8)  # nothing moved
    response = client.post(edit_url(adoption), data | {"confirm_warnings": "on"}, follow=True)
    adoption.refresh_from_db()
    assert adoption.starts_at == at(2027, 4, 6, 8)
    html = response.content.decode()
    assert "Flyttet fra 23. marts 2027 til 6. april 2027. Ingen andre datoer er ændret." in html
    assert "Vedtagelsen ligger 5 dage efter fristen." in html


def test_a_harmless_move_is_saved_at_once_and_reports_the_slack(client, process_plan, secretariat):
    client.force_login(secretariat)
    conference = process_plan.milestones.get(kind="conference")
    others = {m.pk: m.starts_at for m in process_plan.milestones.exclude(pk=conference.pk)}
    response = client.post(
        edit_url(conference),
        post_data(conference, start_date="2026-11-13", end_date="2026-11-13"),
        follow=True,
    )
    conference.refresh_from_db()
    assert conference.starts_at == at(2026, 11, 13, 9)
    assert {m.pk: m.starts_at for m in process_plan.milestones.exclude(pk=conference.pk)} == others
    assert "Slæk til fristen 1. april 2027: 9 dage." in response.content.decode()


def test_bad_input_is_answered_in_danish_and_the_input_kept(client, process_plan, secretariat):
    client.force_login(secretariat)
    conference = process_plan.milestones.get(kind="conference")
    data = post_data(conference, start_date="2026-11-13", end_date="2026-11-12", title="Ny titel")
    response = client.post(edit_url(conference), data)
    html = response.content.decode()
    assert response.status_code == 200 and "Slutningen kan ikke ligge før starten." in html
    assert 'value="Ny titel"' in html
    conference.refresh_from_db()
    assert conference.title == "Politisk konference om nærsundhedsplanen"


@pytest.mark.parametrize(("role", "status"), [("member", 403), ("other_secretariat", 404), (None, 302)])
def test_denied_users_change_nothing(client, process_plan, world, role, status):
    if role:
        client.force_login(world.users[role])
    conference = process_plan.milestones.get(kind="conference")
    events = PlanEvent.objects.count()
    response = client.post(edit_url(conference), post_data(conference, start_date="2027-01-01"))
    assert response.status_code == status
    settings_url = reverse("process-settings", kwargs={"pk": process_plan.plan_id})
    assert (
        client.post(settings_url, {"min_hearing_weeks": "1", "reminder_offsets": "2"}).status_code == status
    )
    adopt_url = reverse("process-adopt", kwargs={"pk": process_plan.plan_id})
    assert client.post(adopt_url, {"decided_on": "2026-04-28"}).status_code == status
    delete_url = reverse(
        "process-milestone-delete", kwargs={"pk": process_plan.plan_id, "milestone_pk": conference.pk}
    )
    assert client.post(delete_url).status_code == status
    conference.refresh_from_db()
    process_plan.refresh_from_db()
    assert conference.starts_at == at(2026, 11, 6, 9)
    assert (process_plan.min_hearing_weeks, process_plan.reminder_offsets, process_plan.adopted_on) == (
        4,
        [14, 7, 1],
        None,
    )
    assert ProcessMilestone.objects.count() == 9 and PlanEvent.objects.count() == events


def test_member_cannot_create_a_process_plan(client, plan, member):
    client.force_login(member)
    assert client.post(reverse("process-create", kwargs={"pk": plan.pk})).status_code == 403
    assert not ProcessPlan.objects.exists()


def test_settings_reject_bad_offsets_in_danish(client, process_plan, secretariat):
    client.force_login(secretariat)
    url = reverse("process-settings", kwargs={"pk": process_plan.plan_id})
    html = client.post(url, {"min_hearing_weeks": "4", "reminder_offsets": "14, syv"}).content.decode()
    assert "Skriv hele tal adskilt af komma" in html and 'value="14, syv"' in html
    html = client.post(url, {"min_hearing_weeks": "4", "reminder_offsets": "200"}).content.decode()
    assert "mellem 1 og 90 dage" in html
    client.post(url, {"min_hearing_weeks": "6", "reminder_offsets": "1, 14, 7, 7"})
    process_plan.refresh_from_db()
    assert (process_plan.min_hearing_weeks, process_plan.reminder_offsets) == (6, [14, 7, 1])
    html = client.get(reverse("process-detail", kwargs={"pk": process_plan.plan_id})).content.decode()
    assert "høringen skal vare mindst 6 uger (42 dage)" in html


def test_adopt_view_records_the_decision(client, process_plan, secretariat):
    client.force_login(secretariat)
    url = reverse("process-adopt", kwargs={"pk": process_plan.plan_id})
    response = client.post(url, {"decided_on": "2026-04-28", "note": "Godkendt"}, follow=True)
    assert "Rådets vedtagelse af procesplanen 28. april 2026 er registreret." in response.content.decode()
    response = client.post(url, {"decided_on": "2026-05-26"})
    assert "Procesplanen blev allerede vedtaget 28. april 2026." in response.content.decode()


def test_edit_form_is_prefilled_in_copenhagen_time(client, process_plan, secretariat):
    client.force_login(secretariat)
    seminar = process_plan.milestones.get(kind="seminar")
    html = client.get(edit_url(seminar)).content.decode()
    assert 'value="2026-08-31"' in html and 'value="13:00' in html and 'value="2026-09-01"' in html
    assert 'value="12-12-seminar"' in html
