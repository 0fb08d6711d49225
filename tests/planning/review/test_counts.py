from django.template import Context, Template

from planning.models import Comment
from planning.review.selectors import open_comment_counts
from planning.review.services import comment_create, comment_delete, comment_reply, comment_status_change
from tests.factories.planning import PlanFactory


def test_open_comment_counts_per_section_and_plan_in_one_query(
    section, member, secretariat, world, django_assert_num_queries
):
    other_section = section.plan.sections.order_by("position")[1]
    a = comment_create(section=section, author=member, text="a").comment
    comment_reply(parent=a, author=secretariat, text="svar tæller ikke")
    comment_create(section=section, author=member, text="b", paragraph_index=1)
    resolved = comment_create(section=other_section, author=member, text="c").comment
    comment_status_change(comment=resolved, user=secretariat, to_status=Comment.Status.RESOLVED)
    deleted = comment_create(section=other_section, author=member, text="d").comment
    comment_delete(comment=deleted, user=member)
    comment_create(section=other_section, author=member, text="e")
    second_plan = PlanFactory(council=world.council, created_by=secretariat)
    with django_assert_num_queries(1):
        counts = open_comment_counts(plan_ids=[section.plan_id, second_plan.pk])
    assert counts == {"sections": {section.pk: 2, other_section.pk: 1}, "plans": {section.plan_id: 3}}


def test_includes_render_the_counts(section, member):
    comment_create(section=section, author=member, text="a")
    plan = section.plan
    html = Template(
        "{% load review_tags %}{% open_comment_counts_for plan as comment_counts %}"
        '{% include "planning/review/includes/section_comment_count.html" %}|'
        '{% include "planning/review/includes/plan_comment_count.html" %}'
    ).render(Context({"plan": plan, "section": section}))
    assert html.count("1 åben kommentar") == 2
    plans_html = Template(
        "{% load review_tags %}{% open_comment_counts_for plans as comment_counts %}"
        '{% for plan in plans %}{% include "planning/review/includes/plan_comment_count.html" %}{% endfor %}'
    ).render(Context({"plans": [plan]}))
    assert "1 åben kommentar" in plans_html
