"""WCAG 2.1 AA checked by axe-core in Chromium on the main page of every feature, with the demo data.

axe finds what a machine can find (contrast, names, labels, landmarks, ARIA); keyboard use is covered
by each feature's own browser test.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.urls import reverse

from planning.models import Hearing, Meeting, Plan
from tests.browser.conftest import login

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _violations(page) -> list[str]:
    result = Axe().run(page, options=WCAG_21_AA)
    return [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes'][:3]]}"
        for violation in result.response["violations"]
    ]


@pytest.mark.browser
def test_main_pages_have_no_wcag_violations(page, live_server, transactional_db, settings):
    settings.DEBUG = True  # load_demo refuses to run otherwise
    call_command("load_reform", verbosity=0)
    call_command("load_demo", verbosity=0)
    plan = Plan.objects.get(council__slug="soenderjylland")
    section = plan.sections.order_by("position").first()
    hearing = Hearing.objects.get(plan=plan)
    meeting = Meeting.objects.filter(council__slug="soenderjylland", items__isnull=False).distinct().first()
    public = [reverse("home"), reverse("council-detail", kwargs={"slug": "soenderjylland"}), reverse("login")]
    private = [
        reverse("council-mine"),
        reverse("plan-list"),
        reverse("plan-detail", kwargs={"pk": plan.pk}),
        reverse("section-edit", kwargs={"pk": plan.pk, "section_pk": section.pk}),
        reverse("section-review", kwargs={"plan_pk": plan.pk, "section_pk": section.pk}),
        reverse("process-detail", kwargs={"pk": plan.pk}),
        reverse("process-overview"),
        reverse("plan-pdf", kwargs={"pk": plan.pk}),
        reverse("hearing-detail", kwargs={"pk": hearing.pk}),
        reverse("whitepaper-detail", kwargs={"pk": hearing.pk}),
        reverse("plan-adoption", kwargs={"plan_pk": plan.pk}),
        meeting.get_absolute_url(),
        reverse("question-list", kwargs={"slug": "soenderjylland"}),
        reverse("notification-list"),
    ]
    found = {}
    for path in public:
        page.goto(f"{live_server.url}{path}")
        found[path] = _violations(page)
    login(page, live_server, "sekretariat", password="demo-sundhed-2027")
    for path in private:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        found[path] = _violations(page)
    assert {path: problems for path, problems in found.items() if problems} == {}
