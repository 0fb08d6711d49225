"""The legal chain of a nærsundhedsplan's process, as checks between milestones.

Pure functions over in-memory milestones, so a move can be checked before it is saved. Every check
returns Danish warnings that name the broken rule; nothing here ever moves a date.
Dates are compared as Copenhagen calendar dates.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from planning.common.dates import danish_date, local_date

STATUTORY_DEADLINE = date(2027, 4, 1)  # the first nærsundhedsplan is adopted by 1 April 2027 (002, 004)
HEARING_OPEN_BY = date(2027, 2, 1)  # the overview flags a council whose hearing is not open by then


class Rule:
    ADOPTION_MISSING = "adoption_missing"
    ADOPTION_BY_DEADLINE = "adoption_by_deadline"
    ADVICE_MISSING = "advice_missing"
    ADVICE_BEFORE_ADOPTION = "advice_before_adoption"
    HEARING_BEFORE_ADVICE = "hearing_before_advice"
    HEARING_MISSING = "hearing_missing"
    MIN_HEARING_LENGTH = "min_hearing_length"
    ADOPTION_ON_MEETING = "adoption_on_meeting"


@dataclass(frozen=True)
class RuleWarning:
    rule: str
    message: str
    milestone_ids: tuple = field(default=())


def _first(milestones: Iterable, kind: str):
    found = [m for m in milestones if m.kind == kind]
    return min(found, key=lambda m: m.starts_at) if found else None


def _last(milestones: Iterable, kind: str):
    found = [m for m in milestones if m.kind == kind]
    return max(found, key=lambda m: m.starts_at) if found else None


def adoption_milestone(milestones: Iterable):
    return _last(list(milestones), "adoption")


def process_slack_days(*, milestones: Iterable, deadline: date = STATUTORY_DEADLINE) -> int | None:
    """Days from the planned adoption to the deadline; negative when late, None without an adoption."""
    adoption = adoption_milestone(milestones)
    if adoption is None:
        return None
    return (deadline - local_date(adoption.starts_at)).days


def process_rules_check(
    *,
    milestones: Iterable,
    min_hearing_weeks: int,
    wants_advice_on_final_draft: bool,
    meeting_dates: set[date],
    deadline: date = STATUTORY_DEADLINE,
) -> list[RuleWarning]:
    """Every broken rule of the legal chain, each with a Danish message naming it."""
    milestones = list(milestones)
    warnings: list[RuleWarning] = []
    adoption = adoption_milestone(milestones)
    advice = _last(milestones, "advice")
    opens = _first(milestones, "hearing_opens")
    closes = _last(milestones, "hearing_closes")

    if adoption is None:
        warnings.append(
            RuleWarning(
                Rule.ADOPTION_MISSING,
                _("Regel: vedtagelse senest %(deadline)s. Procesplanen har ingen milepæl for vedtagelsen.")
                % {"deadline": danish_date(deadline)},
            )
        )
    else:
        adopted = local_date(adoption.starts_at)
        if adopted > deadline:
            warnings.append(
                RuleWarning(
                    Rule.ADOPTION_BY_DEADLINE,
                    _(
                        "Regel brudt: vedtagelse senest den lovbestemte frist %(deadline)s. "
                        "Vedtagelsen ligger %(date)s, %(days)s dage for sent."
                    )
                    % {
                        "deadline": danish_date(deadline),
                        "date": danish_date(adopted),
                        "days": (adopted - deadline).days,
                    },
                    (adoption.pk,),
                )
            )
        if adopted not in meeting_dates:
            warnings.append(
                RuleWarning(
                    Rule.ADOPTION_ON_MEETING,
                    _(
                        "Regel brudt: vedtagelsen skal ske på et møde i sundhedsrådet. "
                        "Der er intet rådsmøde den %(date)s."
                    )
                    % {"date": danish_date(adopted)},
                    (adoption.pk,),
                )
            )

    if advice is None:
        warnings.append(
            RuleWarning(
                Rule.ADVICE_MISSING,
                _(
                    "Regel: rådgivning fra Sundhedsstyrelsen skal være indhentet før endelig vedtagelse. "
                    "Procesplanen har ingen milepæl for rådgivningen."
                ),
            )
        )
    elif adoption is not None:
        received = advice.ends_at or advice.starts_at
        if received >= adoption.starts_at:
            warnings.append(
                RuleWarning(
                    Rule.ADVICE_BEFORE_ADOPTION,
                    _(
                        "Regel brudt: rådgivning fra Sundhedsstyrelsen skal være modtaget før vedtagelsen. "
                        "Rådgivningen forventes %(advice)s, vedtagelsen er %(adoption)s."
                    )
                    % {
                        "advice": danish_date(local_date(received)),
                        "adoption": danish_date(local_date(adoption.starts_at)),
                    },
                    (advice.pk, adoption.pk),
                )
            )

    if opens is None or closes is None:
        warnings.append(
            RuleWarning(
                Rule.HEARING_MISSING,
                _("Regel: udkastet skal i høring. Procesplanen mangler start eller frist for høringen."),
            )
        )
    else:
        weeks_days = min_hearing_weeks * 7
        length = (local_date(closes.starts_at) - local_date(opens.starts_at)).days
        if length < weeks_days:
            warnings.append(
                RuleWarning(
                    Rule.MIN_HEARING_LENGTH,
                    _(
                        "Regel brudt: høringen skal vare mindst %(weeks)s uger (%(min)s dage). "
                        "Den varer %(days)s dage, fra %(open)s til %(close)s."
                    )
                    % {
                        "weeks": min_hearing_weeks,
                        "min": weeks_days,
                        "days": length,
                        "open": danish_date(local_date(opens.starts_at)),
                        "close": danish_date(local_date(closes.starts_at)),
                    },
                    (opens.pk, closes.pk),
                )
            )
        if wants_advice_on_final_draft and advice is not None and closes.starts_at > advice.starts_at:
            warnings.append(
                RuleWarning(
                    Rule.HEARING_BEFORE_ADVICE,
                    _(
                        "Regel brudt: høringen skal være afsluttet, før rådgivningen fra Sundhedsstyrelsen "
                        "indhentes, når rådet ønsker rådgivning på det endelige udkast. Høringsfristen er "
                        "%(close)s, rådgivningen indhentes %(advice)s."
                    )
                    % {
                        "close": danish_date(local_date(closes.starts_at)),
                        "advice": danish_date(local_date(advice.starts_at)),
                    },
                    (closes.pk, advice.pk),
                )
            )
    return warnings
