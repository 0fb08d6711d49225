"""Explicit state machines: one transition table per status field.

Each model module declares its table next to the model, e.g.::

    PLAN_STATUS = StateMachine(
        name="plan", model_label=_("planen"), field="status", choices=Plan.Status,
        transitions={Plan.Status.DRAFT: {Plan.Status.IN_HEARING, ...}, ...},
    )

and every service that changes the field calls ``PLAN_STATUS.apply(plan, to)``: the change is checked
against the table and the guards the service passes (the domain rules that must hold for this move),
and refused with a Danish message before anything is written. ``apply`` only sets the attribute; the
service saves, so the change lands in the service's transaction with the rest of its writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

Guard = Callable[[object], Iterable[str]]  # returns the Danish reasons the move is not allowed (none = ok)

MACHINES: list[StateMachine] = []


class TransitionRefused(ValidationError):
    """A status change not in the table, or one whose guards failed; nothing was written."""


@dataclass(frozen=True, eq=False)
class StateMachine:
    name: str
    model_label: str
    field: str
    choices: type
    transitions: Mapping[str, frozenset[str]]

    def __post_init__(self):
        object.__setattr__(
            self, "transitions", {str(k): frozenset(str(t) for t in v) for k, v in self.transitions.items()}
        )
        unknown = (set(self.transitions) | {t for v in self.transitions.values() for t in v}) - set(
            self.choices.values
        )
        if unknown or set(self.transitions) != set(self.choices.values):
            raise ValueError(f"{self.name}: table must list every state exactly once (unknown: {unknown})")
        MACHINES.append(self)

    def label(self, state: str) -> str:
        return str(dict(self.choices.choices).get(state, state))

    def allowed(self, state: str) -> frozenset[str]:
        return self.transitions[str(state)]

    def can(self, instance, to: str) -> bool:
        return str(to) in self.allowed(getattr(instance, self.field))

    def refusal(self, current: str, to: str) -> str:
        return _("%(what)s kan ikke gå fra »%(from)s« til »%(to)s«.") % {
            "what": str(self.model_label).capitalize(),
            "from": self.label(current),
            "to": self.label(to),
        }

    def check(self, instance, to: str, *, guards: Iterable[Guard] = (), error=TransitionRefused) -> None:
        """Raise `error` (with Danish messages) unless `instance` may move to `to` now."""
        current = str(getattr(instance, self.field))
        if str(to) not in self.transitions[current]:
            raise error(self.refusal(current, to))
        reasons = [reason for guard in guards for reason in guard(instance)]
        if reasons:
            raise error(reasons if issubclass(error, ValidationError) else " ".join(str(r) for r in reasons))

    def apply(self, instance, to: str, *, guards: Iterable[Guard] = (), error=TransitionRefused) -> str:
        """Check, then set the field (the caller saves); returns the state it came from."""
        self.check(instance, to, guards=guards, error=error)
        before = getattr(instance, self.field)
        setattr(instance, self.field, to)
        return before
