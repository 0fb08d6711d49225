"""The one PDF renderer: a Django template under ``templates/pdf/`` to a tagged (PDF/UA-1) PDF.

Used for plan drafts and snapshots today and meant for hearings, white papers, agendas and minutes: every
caller goes through :func:`pdf_render`, so every PDF gets the same locked-down fetching, metadata and
accessibility tagging.

Plan text is user input and ends up in the HTML, so WeasyPrint never touches the network or the file system
on its own: :class:`StaticOnlyURLFetcher` serves only the app's own static files (``file://`` URLs that
resolve inside a static directory) and ``data:`` URLs. Everything else (``http(s)://`` to any host, other
``file://`` paths, ``ftp://``...) is refused before any I/O, redirects are never followed (there is no HTTP),
and attachments (``<link rel=attachment>``, ``<a rel=attachment>``) are stripped, so nothing is embedded.

Fonts come from Debian (fonts-liberation2, fonts-dejavu-core) through fontconfig: no font is fetched over
URLs, and WeasyPrint embeds the subsets it uses.
"""

import logging
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)

PDF_VARIANT = "pdf/ua-1"  # tagged PDF (structure tree, /Lang, /MarkInfo) for screen readers
DEFAULT_STYLESHEETS = ("planning/pdf/print.css",)


class PdfFetchRefused(ValueError):
    """The renderer asked for a resource it may not read; WeasyPrint logs it and renders without it."""


def pdf_static_roots() -> list[Path]:
    """Every directory static files are served from (finders' locations and STATIC_ROOT), resolved."""
    roots: list[Path] = []
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            location = getattr(storage, "location", None)
            if location:
                roots.append(Path(location).resolve())
    if settings.STATIC_ROOT:
        roots.append(Path(settings.STATIC_ROOT).resolve())
    return roots


def pdf_static_path(path: str) -> Path:
    """The file behind a static path such as ``planning/pdf/print.css``; raises if it is not a static file."""
    found = finders.find(path)
    if not found:
        candidate = Path(settings.STATIC_ROOT or "") / path
        if settings.STATIC_ROOT and candidate.is_file():
            found = str(candidate)
    if not found:
        raise FileNotFoundError(f"static file not found: {path}")
    return Path(found).resolve()


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyURLFetcher(URLFetcher):
        """Serves the app's static files and ``data:`` URLs; refuses everything else before any I/O."""

        def __init__(self) -> None:
            super().__init__(timeout=1, allowed_protocols=("file", "data"), allow_redirects=False)
            self.refused: list[str] = []
            self._roots = pdf_static_roots()

        def fetch(self, url, headers=None):
            scheme = url.split(":", 1)[0].lower() if ":" in url else ""
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                path = self._static_file(url)
                if path is not None:
                    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    return URLFetcherResponse(
                        path.as_uri(), body=path.read_bytes(), headers={"Content-Type": content_type}
                    )
            self.refused.append(url[:200])
            logger.warning("PDF renderer refused to fetch %s", url[:200])
            raise PdfFetchRefused(f"refused: {url[:200]}")

        def _static_file(self, url: str) -> Path | None:
            parts = urlsplit(url)
            if parts.netloc not in ("", "localhost"):
                return None
            try:
                path = Path(unquote(parts.path)).resolve()  # resolves ".." and symlinks before the check
            except (OSError, RuntimeError, ValueError):
                return None
            if not any(path.is_relative_to(root) for root in self._roots):
                return None
            return path if path.is_file() else None

    return StaticOnlyURLFetcher


def pdf_url_fetcher():
    """A fresh locked-down fetcher (one per render: it records what it refused)."""
    return _fetcher_class()()


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    page_count: int


def pdf_render_document(
    *,
    template_name: str,
    context: dict,
    title: str,
    author: str,
    lang: str = "da",
    stylesheets: tuple[str, ...] = DEFAULT_STYLESHEETS,
) -> RenderedPdf:
    """:func:`pdf_render`, also returning the number of pages laid out."""
    from weasyprint import HTML

    if not template_name.startswith("pdf/"):
        raise ValueError("PDF templates live under templates/pdf/")
    fetcher = pdf_url_fetcher()
    pdf_context = {
        "pdf_title": title,
        "pdf_author": author,
        "pdf_lang": lang,
        # Author-origin stylesheets (<link> in templates/pdf/base.html), read through the fetcher.
        "pdf_stylesheets": [pdf_static_path(path).as_uri() for path in stylesheets],
    }
    with translation.override(lang):
        html_string = render_to_string(template_name, {**context, **pdf_context})
    html = HTML(string=html_string, base_url=None, url_fetcher=fetcher, media_type="print")
    document = html.render(pdf_variant=PDF_VARIANT, pdf_tags=True, attachments=[])
    document.metadata.title = title
    document.metadata.authors = [author]
    document.metadata.lang = lang
    document.metadata.attachments = []  # <link rel=attachment>: never embed anything
    for page in document.pages:
        page.links = [link for link in page.links if link[0] != "attachment"]  # <a rel=attachment>
    content = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True, attachments=[])
    return RenderedPdf(content=content, page_count=len(document.pages))


def pdf_render(
    *,
    template_name: str,
    context: dict,
    title: str,
    author: str,
    lang: str = "da",
    stylesheets: tuple[str, ...] = DEFAULT_STYLESHEETS,
) -> bytes:
    """Render ``templates/pdf/<template_name>`` to PDF bytes.

    Guarantees: the PDF carries ``title``/``author`` in its info dictionary and ``lang`` as the catalog's
    ``/Lang``; it is tagged PDF/UA-1; it holds no embedded files; and rendering read nothing but static
    files and ``data:`` URLs. ``stylesheets`` are static paths (print CSS, whose fonts/images are static too).
    """
    return pdf_render_document(
        template_name=template_name,
        context=context,
        title=title,
        author=author,
        lang=lang,
        stylesheets=stylesheets,
    ).content
