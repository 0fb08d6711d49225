"""Dates as the portal shows and compares them: Copenhagen calendar dates, Danish spelling."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.utils import formats, translation

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def local_date(value: datetime) -> date:
    """The Copenhagen calendar date of an aware datetime (never the UTC date)."""
    return value.astimezone(COPENHAGEN).date()


def danish_date(value: date) -> str:
    """ "1. april 2027", whatever language is active."""
    with translation.override("da"):
        return formats.date_format(value, "j. F Y")
