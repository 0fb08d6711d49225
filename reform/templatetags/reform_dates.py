"""{{ milestone|milestone_when }}: "juni 2026" or "1. halvår 2026": as precise as the source.

{% reform_milestones_upcoming council as milestones %}: the reform's milestones still ahead for a council
(the council page shows them; councils itself does not depend on reform)."""

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from reform.models import Milestone
from reform.selectors import milestone_list_upcoming

register = template.Library()


@register.filter
def milestone_when(milestone: Milestone) -> str:
    if milestone.precision == Milestone.Precision.MONTH:
        return date_format(milestone.date, "F Y")
    if milestone.precision == Milestone.Precision.HALF_YEAR:
        half = 1 if milestone.date.month <= 6 else 2
        return _("%(half)s. halvår %(year)s") % {"half": half, "year": milestone.date.year}
    return date_format(milestone.date, "j. F Y")


@register.simple_tag
def reform_milestones_upcoming(council) -> list[Milestone]:
    return milestone_list_upcoming(council=council, today=timezone.localdate())
