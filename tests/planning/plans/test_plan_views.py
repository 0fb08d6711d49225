"""The drafting pages over HTTP: content, forms with Danish validation, denied writes change nothing,
and a plan page whose query count does not grow with the number of sections."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from planning.models import Goal, Initiative, Plan, PlanEvent, PlanSnapshot, Section, SectionRevision
from planning.plans.services import section_add, section_revision_save
from tests.factories.planning import PlanFactory
from tests.permissions.expectations import planning as drafting_expectations


@pytest.fixture
def plan(world):
    return PlanFactory(council=world.council, created_by=world.users["secretariat"])


def test_plan_page_shows_header_outline_completeness_and_tables(client, world, plan):
    section = plan.sections.get(position=1)
    Goal.objects.create(section=section, title="Færre forebyggelige indlæggelser")
    Initiative.objects.create(section=section, title="Akutsygepleje", responsible="shared", indicator="Antal")
    client.force_login(world.users["member"])
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Sundhedsråd Sønderjylland" in page and "2027–2030" in page and "Udkast" in page
    assert "1. Lokal planlægning og udvikling af regionale sundhedstilbud i somatik og psykiatri" in page
    assert "12. Tværgående forudsætninger" in page
    assert "Lovbestemt indhold a–e" in page and "Tom" in page
    assert '<th scope="row">Færre forebyggelige indlæggelser</th>' in page
    assert "Fælles" in page
    assert "Rediger tekst" not in page  # members read only
    client.force_login(world.users["secretariat"])
    assert "Rediger tekst" in client.get(plan.get_absolute_url()).content.decode()


def test_plan_list_is_grouped_by_council_and_offers_creation(client, world, plan):
    client.force_login(world.users["secretariat"])
    page = client.get(reverse("plan-list")).content.decode()
    assert "<h2" in page and "Sundhedsråd Sønderjylland" in page
    assert reverse("plan-create", kwargs={"slug": world.council.slug}) in page
    assert reverse("plan-create", kwargs={"slug": world.other_council.slug}) not in page


def test_create_plan_from_council_with_template(client, world):
    client.force_login(world.users["secretariat"])
    url = reverse("plan-create", kwargs={"slug": world.council.slug})
    data = {"title": "Nærsundhedsplan", "period_start_year": 2027, "period_end_year": 2030}
    response = client.post(url, data)
    plan = Plan.objects.get(council=world.council)
    assert response.status_code == 302 and response.url == plan.get_absolute_url()
    assert plan.sections.count() == 12


def test_plan_period_backwards_is_rejected_in_danish_and_input_kept(client, world):
    client.force_login(world.users["secretariat"])
    url = reverse("plan-create", kwargs={"slug": world.council.slug})
    response = client.post(url, {"title": "Min plan", "period_start_year": 2030, "period_end_year": 2027})
    assert response.status_code == 400
    assert "Perioden kan ikke slutte før den begynder." in response.content.decode()
    assert 'value="Min plan"' in response.content.decode()
    assert not Plan.objects.exists()


def test_initiative_ending_before_it_starts_is_rejected(client, world, plan):
    section = plan.sections.get(position=2)
    client.force_login(world.users["secretariat"])
    url = reverse("initiative-create", kwargs={"pk": plan.pk, "section_pk": section.pk})
    response = client.post(
        url,
        {"title": "Bagvendt", "responsible": "region", "start_date": "2028-01-01", "end_date": "2027-01-01"},
    )
    assert response.status_code == 400
    assert "Slutdatoen kan ikke ligge før startdatoen." in response.content.decode()
    assert 'value="Bagvendt"' in response.content.decode()
    assert not Initiative.objects.exists()
    ok = client.post(url, {"title": "Fremad", "responsible": "region", "start_date": "2027-01-01"})
    assert ok.status_code == 302
    assert plan.events.filter(kind=PlanEvent.Kind.INITIATIVE_CHANGED).count() == 1


def test_move_buttons_reorder_without_javascript(client, world, plan):
    first, second = plan.sections.order_by("position")[:2]
    client.force_login(world.users["secretariat"])
    url = reverse("section-move", kwargs={"pk": plan.pk, "section_pk": first.pk})
    assert client.post(url, {"direction": "down"}).status_code == 302
    assert list(plan.sections.order_by("position").values_list("pk", flat=True)[:2]) == [second.pk, first.pk]
    assert client.get(url).status_code == 405


def test_section_diff_page_marks_the_change(client, world, plan):
    author = world.users["secretariat"]
    section = plan.sections.get(position=1)
    for text in ["<p>Vi styrker psykiatrien</p>", "<p>Vi styrker børnepsykiatrien</p>"]:
        section.refresh_from_db()
        section_revision_save(
            section=section,
            title=section.title,
            text=text,
            base_revision_id=section.current_revision_id,
            author=author,
        )
    client.force_login(world.users["member"])
    url = reverse("section-diff", kwargs={"pk": plan.pk, "section_pk": section.pk})
    page = client.get(url).content.decode()
    assert '<del><span class="visually-hidden">slettet: </span>psykiatrien</del>' in page
    assert '<ins><span class="visually-hidden">indsat: </span>børnepsykiatrien</ins>' in page
    assert client.get(url + "?fra=1&til=99").status_code == 404


def test_snapshot_pages_render_and_compare(client, world, plan):
    client.force_login(world.users["secretariat"])
    create = reverse("snapshot-create", kwargs={"pk": plan.pk})
    assert client.post(create, {"name": "  "}).status_code == 400
    client.post(create, {"name": "Udkast til høring"})
    section = plan.sections.get(position=3)
    section_revision_save(
        section=section, title=section.title, text="<p>Samspil med kommunerne</p>",
        base_revision_id=section.current_revision_id, author=world.users["secretariat"],
    )  # fmt: skip
    client.post(create, {"name": "Vedtaget"})
    assert PlanSnapshot.objects.filter(plan=plan).count() == 2
    page = client.get(reverse("snapshot-diff", kwargs={"pk": plan.pk})).content.decode()
    assert "0 tilføjet, 0 fjernet, 1 ændret, 11 uændret." in page
    assert "Samspil med kommunerne</ins>" in page
    snapshot = PlanSnapshot.objects.get(name="Vedtaget")
    detail = client.get(reverse("snapshot-detail", kwargs={"pk": plan.pk, "snapshot_pk": snapshot.pk}))
    assert "Samspil med kommunerne" in detail.content.decode()


def _state():
    return {
        "plans": list(Plan.objects.order_by("pk").values()),
        "sections": list(Section.objects.order_by("pk").values()),
        "revisions": SectionRevision.objects.count(),
        "goals": list(Goal.objects.order_by("pk").values()),
        "initiatives": list(Initiative.objects.order_by("pk").values()),
        "snapshots": PlanSnapshot.objects.count(),
        "events": PlanEvent.objects.count(),
    }


WRITE_CASES = [
    (name, role)
    for name, expect in sorted(drafting_expectations.EXPECTATIONS.items())
    if expect.post
    for role in ("anonymous", "other_member", "other_secretariat", "member")
]


@pytest.mark.parametrize(("name", "role"), WRITE_CASES)
def test_denied_posts_change_nothing(client, world, name, role):
    expect = drafting_expectations.EXPECTATIONS[name]
    url = reverse(name, kwargs=expect.kwargs(world))
    data = expect.post_data(world)
    before = _state()
    if world.users[role]:
        client.force_login(world.users[role])
    response = client.post(url, data)
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert response.url.startswith(reverse("login"))
    assert _state() == before


def _plan_with_sections(world, count: int) -> Plan:
    author = world.users["secretariat"]
    plan = PlanFactory(council=world.council, created_by=author)
    for index in range(count - plan.sections.count()):
        section_add(plan=plan, title=f"Afsnit {index}", added_by=author)
    for section in plan.sections.all()[:count]:
        Goal.objects.create(section=section, title="Mål")
        Initiative.objects.create(section=section, title="Indsats", responsible="region")
    extra = list(plan.sections.order_by("position"))[count:]
    for section in extra:
        section.is_removed = True
        section.save()
    assert plan.sections.filter(is_removed=False).count() == count
    return plan


def test_plan_page_query_count_does_not_grow_with_sections(client, world, django_assert_num_queries):
    client.force_login(world.users["secretariat"])
    small = _plan_with_sections(world, 5)
    client.get(small.get_absolute_url())  # warm up session/permission caches alike for both
    with CaptureQueriesContext(connection) as small_queries:
        assert client.get(small.get_absolute_url()).status_code == 200
    expected = len(small_queries)  # read now: the captured list is a view on a log the next request clears
    large = _plan_with_sections(world, 50)
    client.get(large.get_absolute_url())
    assert expected > 5
    with django_assert_num_queries(expected):
        response = client.get(large.get_absolute_url())
    assert response.content.decode().count('class="plan-section"') == 50
