"""Word-level visual diffs of section texts and of whole plan snapshots.

The stored HTML is reduced to text (block elements become line breaks), split into word, space and
line-break tokens, and diffed with diff-match-patch on those tokens (each distinct token is mapped to
one character, the library's documented line-mode trick applied to words). Every token is escaped
before it is wrapped in <ins>/<del>, so the output is always valid, safe HTML whatever the input.
Each change carries a visually hidden "indsat:"/"slettet:" prefix so it is not marked by colour alone.
"""

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from diff_match_patch import diff_match_patch
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "table", "caption",
    "ul", "ol", "hr", "div", "thead", "tbody", "tfoot",
}  # fmt: skip
TOKEN_RE = re.compile(r"\n|[^\S\n]+|\w+|[^\w\s]")


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS or tag == "br":
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("• ")
        elif tag in ("td", "th"):
            self.parts.append(" | ")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def html_to_text(html: str) -> str:
    """Readable plain text of sanitised HTML: one line per block, list items bulleted."""
    parser = _TextExtractor()
    parser.feed(html or "")
    parser.close()
    text = "".join(parser.parts)
    lines = [re.sub(r"[^\S\n]+", " ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _token_char(number: int) -> str:
    code = 0x100 + number  # above control and latin-1 characters
    return chr(code if code < 0xD800 else code + 0x800)  # never a surrogate


def _token_number(char: str) -> int:
    code = ord(char)
    return (code if code < 0xD800 else code - 0x800) - 0x100


def _tokens_encode(old_tokens: list[str], new_tokens: list[str]) -> tuple[str, str, list[str]]:
    vocabulary: list[str] = []
    index: dict[str, int] = {}

    def encode(tokens: list[str]) -> str:
        chars = []
        for token in tokens:
            if token not in index:
                index[token] = len(vocabulary)
                vocabulary.append(token)
            chars.append(_token_char(index[token]))
        return "".join(chars)

    return encode(old_tokens), encode(new_tokens), vocabulary


@dataclass
class TextDiff:
    html: SafeString
    insertions: int = 0
    deletions: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.insertions or self.deletions)


def _render_run(tokens: str, tag: str | None) -> str:
    body = escape(tokens).replace("\n", "<br>\n")
    if tag is None:
        return body
    prefix = _("indsat:") if tag == "ins" else _("slettet:")
    return f'<{tag}><span class="visually-hidden">{escape(prefix)} </span>{body}</{tag}>'


def text_diff(*, old: str, new: str) -> TextDiff:
    """Word-level diff of two plain texts as safe HTML with <ins>/<del>."""
    old_enc, new_enc, vocabulary = _tokens_encode(TOKEN_RE.findall(old or ""), TOKEN_RE.findall(new or ""))
    engine = diff_match_patch()
    engine.Diff_Timeout = 2.0
    diffs = engine.diff_main(old_enc, new_enc, False)
    engine.diff_cleanupSemantic(diffs)
    out = []
    insertions = deletions = 0
    for op, chars in diffs:
        text = "".join(vocabulary[_token_number(c)] for c in chars)
        if op == engine.DIFF_EQUAL:
            out.append(_render_run(text, None))
        elif op == engine.DIFF_INSERT:
            insertions += 1
            out.append(_render_run(text, "ins"))
        else:
            deletions += 1
            out.append(_render_run(text, "del"))
    return TextDiff(html=mark_safe("".join(out)), insertions=insertions, deletions=deletions)  # noqa: S308


def html_diff(*, old_html: str, new_html: str) -> TextDiff:
    """Word-level diff of two stored (sanitised) HTML texts, compared as readable text."""
    return text_diff(old=html_to_text(old_html), new=html_to_text(new_html))


class EntryStatus:
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    UNCHANGED = "unchanged"

    LABELS = {
        ADDED: gettext_lazy("Tilføjet"),
        REMOVED: gettext_lazy("Fjernet"),
        CHANGED: gettext_lazy("Ændret"),
        UNCHANGED: gettext_lazy("Uændret"),
    }


@dataclass
class SectionDiff:
    section_id: int
    status: str
    old_number: int | None
    new_number: int | None
    old_title: str
    new_title: str
    title: TextDiff
    text: TextDiff
    goals: TextDiff
    initiatives: TextDiff
    moved: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return str(EntryStatus.LABELS[self.status])


def _goals_text(goals: list[dict]) -> str:
    return "\n".join(f"{g.get('title', '')}: {g.get('description', '')}".rstrip(": ") for g in goals)


def _initiatives_text(initiatives: list[dict]) -> str:
    lines = []
    for i in initiatives:
        period = f"{i.get('start_date') or ''}–{i.get('end_date') or ''}".strip("–")
        parts = [i.get("title", ""), i.get("responsible", ""), period, i.get("indicator", "")]
        lines.append(" · ".join(p for p in parts if p))
    return "\n".join(lines)


def _entry_texts(entry) -> tuple[str, str, str, str]:
    if entry is None:
        return "", "", "", ""
    text = html_to_text(entry.revision.text) if entry.revision_id else ""
    return entry.title, text, _goals_text(entry.goals), _initiatives_text(entry.initiatives)


def snapshot_diff(*, old_entries, new_entries) -> list[SectionDiff]:
    """Per section, what changed between two snapshots: added, removed, changed (title, text, goals,
    initiatives, place in the order) or unchanged. Entries need `revision` loaded to avoid N queries."""
    old_by_section = {e.section_id: e for e in old_entries}
    new_by_section = {e.section_id: e for e in new_entries}
    order = [e.section_id for e in new_entries] + [
        e.section_id for e in old_entries if e.section_id not in new_by_section
    ]
    result = []
    for section_id in order:
        old, new = old_by_section.get(section_id), new_by_section.get(section_id)
        old_title, old_text, old_goals, old_inits = _entry_texts(old)
        new_title, new_text, new_goals, new_inits = _entry_texts(new)
        diffs = {
            "title": text_diff(old=old_title, new=new_title),
            "text": text_diff(old=old_text, new=new_text),
            "goals": text_diff(old=old_goals, new=new_goals),
            "initiatives": text_diff(old=old_inits, new=new_inits),
        }
        if old is None:
            status = EntryStatus.ADDED
        elif new is None:
            status = EntryStatus.REMOVED
        elif any(d.changed for d in diffs.values()) or old.number != new.number:
            status = EntryStatus.CHANGED
        else:
            status = EntryStatus.UNCHANGED
        result.append(
            SectionDiff(
                section_id=section_id,
                status=status,
                old_number=old.number if old else None,
                new_number=new.number if new else None,
                old_title=old_title,
                new_title=new_title,
                moved=bool(old and new and old.number != new.number),
                **diffs,
            )
        )
    return result
