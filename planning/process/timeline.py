"""Server-rendered SVG pictures: the process plan as a Gantt chart and the national overview.

Both are plain SVG with role="img", <title> and <desc>, text labels on every bar and diamond (status in
words, never by colour alone); the pages show the same data as tables beside them.
"""

from datetime import date, timedelta

from django.utils import formats, translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from planning.common.dates import danish_date, local_date
from planning.process.rules import STATUTORY_DEADLINE

LABEL_WIDTH = 280
ROW = 26
HEADER = 34


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def _short(day: date) -> str:
    with translation.override("da"):
        return formats.date_format(day, "j. b")


class _Scale:
    def __init__(self, start: date, end: date, width: int):
        self.start = _month_start(start)
        self.end = _next_month(end)
        self.x0 = LABEL_WIDTH
        self.x1 = width - 16
        self.per_day = (self.x1 - self.x0) / max((self.end - self.start).days, 1)

    def x(self, day: date) -> float:
        return round(self.x0 + (day - self.start).days * self.per_day, 1)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def months(self):
        month = self.start
        while month < self.end:
            yield month
            month = _next_month(month)


def _grid(scale: _Scale, height: int) -> list[str]:
    parts = []
    for month in scale.months():
        x = scale.x(month)
        with translation.override("da"):
            label = formats.date_format(month, "b Y")
        parts.append(f'<line class="grid" x1="{x}" y1="{HEADER - 6}" x2="{x}" y2="{height}"/>')
        parts.append(f'<text class="month" x="{x + 2}" y="{HEADER - 12}">{escape(label)}</text>')
    return parts


def _vline(scale: _Scale, day: date, height: int, css: str, label: str) -> list[str]:
    if not scale.contains(day):
        return []
    x = scale.x(day)
    return [
        f'<g class="{css}"><line x1="{x}" y1="{HEADER - 4}" x2="{x}" y2="{height}"/>'
        f'<text x="{x + 3}" y="{height - 4}">{escape(label)}</text></g>'
    ]


def _diamond(x: float, y: float, size: float = 7) -> str:
    return f"{x},{y - size} {x + size},{y} {x},{y + size} {x - size},{y}"


def timeline_svg(
    *,
    phases,
    milestones,
    reform_milestones,
    today: date,
    title: str,
    deadline: date = STATUTORY_DEADLINE,
    width: int = 1000,
    id_prefix: str = "tl",
) -> SafeString:
    """The process plan as a Gantt chart: phases as bars, milestones as diamonds, today, the deadline,
    and the national reform milestones on their own row."""
    dates = [deadline, today]
    dates += [d for p in phases for d in (p.start_date, p.end_date)]
    dates += [local_date(m.ends_at or m.starts_at) for m in milestones] + [
        local_date(m.starts_at) for m in milestones
    ]
    scale = _Scale(min(dates), max(dates), width)
    reform_in_view = [r for r in reform_milestones if scale.contains(r.date)]
    height = HEADER + ROW * (len(phases) + len(milestones) + 1) + 24
    parts = _grid(scale, height)
    y = HEADER
    for phase in phases:
        x1, x2 = scale.x(phase.start_date), scale.x(phase.end_date + timedelta(days=1))
        span = f"{danish_date(phase.start_date)} – {danish_date(phase.end_date)}"
        parts.append(
            f'<g class="phase" data-phase-id="{phase.pk}">'
            f'<text class="row-label" x="6" y="{y + 17}">{escape(phase.name)}</text>'
            f'<rect x="{x1}" y="{y + 5}" width="{max(x2 - x1, 2)}" height="{ROW - 10}" rx="3">'
            f"<title>{escape(phase.name)}: {escape(span)}</title></rect></g>"
        )
        y += ROW
    for milestone in milestones:
        day = local_date(milestone.starts_at)
        x = scale.x(day)
        status = milestone.get_status_display()
        status_word = "" if milestone.status == "planned" else f" ({status.lower()})"
        parts.append(
            f'<g class="milestone status-{milestone.status} kind-{milestone.kind}" '
            f'data-milestone-id="{milestone.pk}" data-date="{day.isoformat()}">'
            f'<text class="row-label" x="6" y="{y + 17}">{escape(milestone.title)}</text>'
            f'<polygon points="{_diamond(x, y + ROW / 2)}"><title>{escape(milestone.title)}: '
            f"{escape(danish_date(day))}{escape(status_word)}</title></polygon>"
            f'<text class="date-label" x="{x + 10}" y="{y + 17}">'
            f"{escape(_short(day))}{escape(status_word)}</text></g>"
        )
        y += ROW
    parts.append(f'<text class="row-label" x="6" y="{y + 17}">{escape(_("Reformens milepæle"))}</text>')
    for number, reform in enumerate(reform_in_view, start=1):
        x = scale.x(reform.date)
        parts.append(
            f'<g class="reform"><polygon points="{_diamond(x, y + ROW / 2, 6)}">'
            f"<title>{escape(reform.title)}: {escape(danish_date(reform.date))}</title></polygon>"
            f'<text x="{x}" y="{y + ROW + 6}" text-anchor="middle">{number}</text></g>'
        )
    parts += _vline(scale, today, height, "today", _("i dag"))
    parts += _vline(
        scale, deadline, height, "deadline", _("Frist %(date)s") % {"date": danish_date(deadline)}
    )
    desc = _(
        "%(phases)d faser og %(milestones)d milepæle fra %(start)s til %(end)s. I dag er %(today)s; den "
        "lovbestemte frist er %(deadline)s. Samme oplysninger står i tabellen under billedet."
    ) % {
        "phases": len(phases),
        "milestones": len(milestones),
        "start": danish_date(scale.start),
        "end": danish_date(scale.end),
        "today": danish_date(today),
        "deadline": danish_date(deadline),
    }
    return _svg(width, height, id_prefix, title, desc, parts, "timeline")


def overview_svg(*, rows, today: date, title: str, width: int = 1000, id_prefix: str = "ov") -> SafeString:
    """One line per council: planned hearing opening (open or not), planned adoption, today and deadline."""
    dates = [today, STATUTORY_DEADLINE, date(2026, 9, 1)]
    dates += [d for r in rows for d in (r.hearing_planned_on, r.adoption_date) if d]
    scale = _Scale(min(dates), max(dates), width)
    height = HEADER + ROW * len(rows) + 24
    parts = _grid(scale, height)
    y = HEADER
    for row in rows:
        risk = _("i risiko") if row.at_risk else _("på sporet")
        label = f"{row.council.name} – {risk}"
        css = "at-risk" if row.at_risk else "on-track"
        parts.append(f'<g class="council {css}" data-council="{row.council.slug}">')
        parts.append(f'<text class="row-label" x="6" y="{y + 17}">{escape(label)}</text>')
        if row.hearing_planned_on:
            x = scale.x(row.hearing_planned_on)
            state = _("åbnet") if row.hearing_opened else _("ikke åbnet")
            hearing_css = "done" if row.hearing_opened else "open"
            hearing_text = f"{_('Høring')} {danish_date(row.hearing_planned_on)} ({state})"
            parts.append(
                f'<circle class="hearing {hearing_css}" cx="{x}" cy="{y + ROW / 2}" r="6">'
                f"<title>{escape(hearing_text)}</title></circle>"
            )
        if row.adoption_date:
            x = scale.x(row.adoption_date)
            parts.append(
                f'<polygon class="adoption" points="{_diamond(x, y + ROW / 2)}"><title>'
                f"{escape(_('Vedtagelse'))} {escape(danish_date(row.adoption_date))}</title></polygon>"
            )
        parts.append("</g>")
        y += ROW
    parts += _vline(scale, today, height, "today", _("i dag"))
    parts += _vline(scale, STATUTORY_DEADLINE, height, "deadline", _("Frist 1. april 2027"))
    at_risk = sum(1 for r in rows if r.at_risk)
    desc = _(
        "%(count)d sundhedsråd; %(risk)d i risiko. Cirkel: planlagt høringsstart; "
        "rombe: planlagt vedtagelse. Samme oplysninger står i tabellen."
    ) % {"count": len(rows), "risk": at_risk}
    return _svg(width, height, id_prefix, title, desc, parts, "overview-picture")


def _svg(
    width: int, height: int, id_prefix: str, title: str, desc: str, parts: list[str], css: str
) -> SafeString:
    body = "".join(parts)
    return mark_safe(  # noqa: S308 - every dynamic value above is escaped
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css}" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-labelledby="{id_prefix}-title {id_prefix}-desc">'
        f'<title id="{id_prefix}-title">{escape(title)}</title>'
        f'<desc id="{id_prefix}-desc">{escape(desc)}</desc>'
        f"{body}</svg>"
    )
