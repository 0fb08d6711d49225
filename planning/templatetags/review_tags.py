"""Open-comment counts in the plan outline and the plan list (see templates/planning/review/includes/).

{% load review_tags %}
{% open_comment_counts_for plan as comment_counts %}      one query, on the plan page
{% open_comment_counts_for plans as comment_counts %}     one query, on the plan list
{% include "planning/review/includes/section_comment_count.html" %}   needs `section`, `comment_counts`
{% include "planning/review/includes/plan_comment_count.html" %}      needs `plan`, `comment_counts`
"""

from django import template

from planning.plans.models import Plan
from planning.review.selectors import open_comment_counts

register = template.Library()


@register.simple_tag
def open_comment_counts_for(plans) -> dict:
    """Counts for one plan or an iterable of plans (or plan ids), from one query."""
    if isinstance(plans, Plan):
        return open_comment_counts(plan=plans)
    return open_comment_counts(plan_ids=[getattr(p, "pk", p) for p in plans])


@register.filter
def open_count_for_section(counts, section_id) -> int:
    return (counts or {}).get("sections", {}).get(section_id, 0)


@register.filter
def open_count_for_plan(counts, plan_id) -> int:
    return (counts or {}).get("plans", {}).get(plan_id, 0)
