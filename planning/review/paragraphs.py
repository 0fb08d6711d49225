"""Split a section's sanitised HTML into paragraphs and anchor things (comments, proposals) to them.

A paragraph is one top-level block element (``<p>``, ``<h3>``, ``<ul>``, ``<table>``...) or a run of
top-level inline content. Each paragraph carries a fingerprint: a hash of its normalised text
(tags removed, entities decoded, whitespace collapsed, Unicode NFC). A comment stores the revision,
paragraph index, fingerprint and quoted text it was made on; on a later revision it is re-anchored to
the paragraph with the same fingerprint (so it follows a paragraph that moved) or, when none has it,
reported as outdated ("forældet") — never dropped.
"""

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "table", "hr", "div", "pre",
    "section", "figure", "dl",
}  # fmt: skip
VOID_TAGS = {"br", "hr", "img", "wbr", "col", "area", "embed", "input", "source", "track"}
_TAG_RE = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Paragraph:
    index: int  # 1-based, as shown to users ("afsnit 3")
    html: str  # the paragraph's own (sanitised) HTML, sliced from the revision text
    text: str  # normalised plain text
    fingerprint: str
    start: int  # offsets into the revision's HTML, used to replace the paragraph
    end: int

    @property
    def tag(self) -> str:
        match = re.match(r"<([a-zA-Z0-9]+)", self.html)
        return match.group(1).lower() if match else ""


def text_normalise(value: str) -> str:
    """Plain text of an HTML fragment with whitespace collapsed: what a reader sees as the words."""
    plain = html.unescape(_TAG_RE.sub(" ", value or ""))
    return unicodedata.normalize("NFC", " ".join(plain.split()))


def text_fingerprint(text: str) -> str:
    return hashlib.sha256(text_normalise(text).encode("utf-8")).hexdigest()[:32]


class _BlockSplitter(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0]
        for i, char in enumerate(source):
            if char == "\n":
                self.line_starts.append(i + 1)
        self.depth = 0
        self.block_start: int | None = None
        self.inline_start: int | None = None
        self.spans: list[tuple[int, int]] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _inline_open(self, pos: int) -> None:
        if self.inline_start is None:
            self.inline_start = pos

    def _inline_close(self, pos: int) -> None:
        if self.inline_start is not None:
            self.spans.append((self.inline_start, pos))
            self.inline_start = None

    def handle_starttag(self, tag, attrs):
        pos = self._offset()
        end_of_tag = pos + len(self.get_starttag_text() or "")
        if self.depth == 0:
            if tag in BLOCK_TAGS:
                self._inline_close(pos)
                if tag in VOID_TAGS:
                    self.spans.append((pos, end_of_tag))
                else:
                    self.block_start = pos
                    self.depth = 1
            else:
                self._inline_open(pos)
        elif tag not in VOID_TAGS:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        pos = self._offset()
        end_of_tag = pos + len(self.get_starttag_text() or "")
        if self.depth == 0:
            if tag in BLOCK_TAGS:
                self._inline_close(pos)
                self.spans.append((pos, end_of_tag))
            else:
                self._inline_open(pos)

    def handle_endtag(self, tag):
        if self.depth == 0 or tag in VOID_TAGS:
            return  # the end of a top-level inline element: part of the running inline paragraph
        self.depth -= 1
        if self.depth == 0:
            pos = self._offset()
            end = self.source.find(">", pos)
            end = len(self.source) if end == -1 else end + 1
            self.spans.append((self.block_start or 0, end))
            self.block_start = None

    def _top_level_text(self, data: str) -> None:
        if self.depth == 0 and data.strip():
            self._inline_open(self._offset())

    def handle_data(self, data):
        self._top_level_text(data)

    def handle_entityref(self, name):
        self._top_level_text("&")

    def handle_charref(self, name):
        self._top_level_text("&")

    def close(self):
        super().close()
        if self.depth and self.block_start is not None:  # unclosed block: runs to the end
            self.spans.append((self.block_start, len(self.source)))
            self.depth = 0
        self._inline_close(len(self.source))


def paragraphs_split(html_text: str) -> list[Paragraph]:
    """The paragraphs of a revision's HTML, in order, numbered from 1; blocks without text are skipped."""
    source = html_text or ""
    splitter = _BlockSplitter(source)
    splitter.feed(source)
    splitter.close()
    result: list[Paragraph] = []
    for start, end in splitter.spans:
        fragment = source[start:end]
        stripped = fragment.rstrip()
        text = text_normalise(fragment)
        if not text:
            continue
        result.append(
            Paragraph(
                index=len(result) + 1,
                html=stripped.strip(),
                text=text,
                fingerprint=text_fingerprint(text),
                start=start,
                end=start + len(stripped),
            )
        )
    return result


def paragraph_locate(
    *, paragraphs: list[Paragraph], fingerprint: str, original_index: int | None
) -> Paragraph | None:
    """Where a paragraph anchored by `fingerprint` now is: the paragraph with the same text (the one
    nearest its original position if the text repeats), or None when it was changed or removed."""
    matches = [p for p in paragraphs if p.fingerprint == fingerprint]
    if not matches:
        return None
    if original_index is None:
        return matches[0]
    return min(matches, key=lambda p: (abs(p.index - original_index), p.index))


def paragraph_replace(*, html_text: str, paragraph: Paragraph, new_html: str) -> str:
    """The revision's HTML with one paragraph replaced and every other byte left as it was."""
    return html_text[: paragraph.start] + new_html + html_text[paragraph.end :]


def plain_text_to_paragraph_html(*, text: str, like_tag: str = "p") -> str:
    """Escaped HTML for proposed wording written as plain text.

    A heading stays a heading (one line); anything else becomes ``<p>`` elements, one per blank-line
    separated block, with single line breaks kept as ``<br>``.
    """
    text = (text or "").replace("\r\n", "\n").strip()
    if like_tag in {"h2", "h3", "h4", "h5", "h6"}:
        return f"<{like_tag}>{html.escape(' '.join(text.split()), quote=False)}</{like_tag}>"
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(line.strip(), quote=False) for line in block.split("\n")) + "</p>"
        for block in blocks
    )
