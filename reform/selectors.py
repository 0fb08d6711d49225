"""Reads of the reform's timeline and funding."""

import datetime
from calendar import monthrange

from django.db.models import Q, QuerySet

from councils.models import HealthCouncil
from reform.models import Milestone


def milestone_period_end(*, milestone: Milestone) -> datetime.date:
    """The last day a milestone can fall on, given its precision (a month, a half-year or the day itself)."""
    date = milestone.date
    if milestone.precision == Milestone.Precision.MONTH:
        return date.replace(day=monthrange(date.year, date.month)[1])
    if milestone.precision == Milestone.Precision.HALF_YEAR:
        return datetime.date(date.year, 6, 30) if date.month <= 6 else datetime.date(date.year, 12, 31)
    return date


def milestone_list_for_council(*, council: HealthCouncil) -> QuerySet[Milestone]:
    """National milestones, those of the council's region and those of the council itself, in date order."""
    return Milestone.objects.filter(
        Q(scope=Milestone.Scope.NATIONAL)
        | Q(scope=Milestone.Scope.REGION, region_id=council.region_id)
        | Q(scope=Milestone.Scope.COUNCIL, council=council)
    ).order_by("date", "title")


def milestone_list_upcoming(*, council: HealthCouncil, today: datetime.date) -> list[Milestone]:
    """Milestones for the council whose period has not ended yet (one query)."""
    earliest_start = today - datetime.timedelta(days=184)  # a half-year that began up to six months ago
    milestones = milestone_list_for_council(council=council).filter(date__gte=earliest_start)
    return [milestone for milestone in milestones if milestone_period_end(milestone=milestone) >= today]
