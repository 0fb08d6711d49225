"""{{ milestone|milestone_when }}: "juni 2026" or "1. halvår 2026": as precise as the source."""

from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from reform.models import Milestone

register = template.Library()


@register.filter
def milestone_when(milestone: Milestone) -> str:
    if milestone.precision == Milestone.Precision.MONTH:
        return date_format(milestone.date, "F Y")
    if milestone.precision == Milestone.Precision.HALF_YEAR:
        half = 1 if milestone.date.month <= 6 else 2
        return _("%(half)s. halvår %(year)s") % {"half": half, "year": milestone.date.year}
    return date_format(milestone.date, "j. F Y")
