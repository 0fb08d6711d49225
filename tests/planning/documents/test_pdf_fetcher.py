"""The renderer reads nothing but static files and data: URLs, whatever the HTML asks for."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.conf import settings

from planning.common.pdf import PdfFetchRefused, pdf_render, pdf_static_path, pdf_url_fetcher
from planning.documents.services import plan_document_request
from planning.models import PlanDocument, SectionRevision
from tests.planning.documents.conftest import pdf_pages_text, pdf_reader

PASSWD_MARKER = "root:x:0:0"
# 1×1 transparent PNG
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


class _CountingHandler(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        type(self).hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(PNG)

    def log_message(self, *args):
        pass


@pytest.fixture
def http_server():
    """A throwaway HTTP server on 127.0.0.1 that counts every request it receives."""
    handler = type("Handler", (_CountingHandler,), {"hits": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, handler.hits
    server.shutdown()
    server.server_close()


def _hostile_html(port: int) -> str:
    static_css = pdf_static_path("css/site.css")
    return (
        "<p>Fjendtlig tekst</p>"
        '<img src="file:///etc/passwd" alt="a">'
        f'<img src="http://127.0.0.1:{port}/x.png" alt="b">'
        f'<img src="https://127.0.0.1:{port}/y.png" alt="c">'
        f'<link rel="attachment" href="http://127.0.0.1:{port}/attachment.bin">'
        '<link rel="attachment" href="file:///etc/passwd">'
        f'<link rel="attachment" href="{static_css.as_uri()}">'
        f'<a rel="attachment" href="http://127.0.0.1:{port}/anchor.bin">bilag</a>'
        '<a rel="attachment" href="file:///etc/passwd">passwd</a>'
        f'<p style="background: url(http://127.0.0.1:{port}/bg.png)">baggrund</p>'
        f'<link rel="stylesheet" href="http://127.0.0.1:{port}/evil.css">'
        f"<style>@import url(http://127.0.0.1:{port}/import.css);</style>"
        f'<img src="{static_css.parent.as_uri()}/../../../../../../etc/passwd" alt="d">'
    )


def _assert_nothing_leaked(content: bytes, hits: list[str]):
    assert hits == []
    reader = pdf_reader(content)
    assert reader.attachments == {}
    assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {})
    for page in reader.pages:
        for annotation in page.get("/Annots", []) or []:
            assert annotation.get_object().get("/Subtype") != "/FileAttachment"
    text = "\n".join(pdf_pages_text(content))
    assert PASSWD_MARKER not in text
    assert PASSWD_MARKER.encode() not in content
    assert b"/FileAttachment" not in content


def _section(text: str) -> dict:
    return {
        "number": 1,
        "anchor": "afsnit-1",
        "title": "Afsnit",
        "text": text,
        "goals": [],
        "initiatives": [],
    }


def _plan_context() -> dict:
    return {
        "plan": {
            "title": "Test",
            "council": "Sundhedsråd Test",
            "region": "Region Test",
            "period": "2027–2030",
            "version_name": "Test",
            "status_label": "Udkast",
            "date": None,
        },
        "watermark": "UDKAST",
    }


def test_pdf_render_reads_no_file_no_url_and_embeds_nothing(http_server):
    server, hits = http_server
    port = server.server_address[1]
    content = pdf_render(
        template_name="pdf/plan.html",
        context={**_plan_context(), "sections": [_section(_hostile_html(port))]},
        title="Fjendtlig",
        author="Test",
    )
    assert content.startswith(b"%PDF")
    assert "Fjendtlig tekst" in "\n".join(pdf_pages_text(content))
    _assert_nothing_leaked(content, hits)


def test_plan_with_unsanitised_revision_text_renders_safely(
    plan, world, http_server, django_capture_on_commit_callbacks
):
    """Text written around the service (no nh3): the renderer must be safe on its own."""
    server, hits = http_server
    section = plan.sections.order_by("position").first()
    revision = SectionRevision.objects.create(
        section=section,
        number=section.current_revision.number + 1,
        title=section.title,
        text=_hostile_html(server.server_address[1]),
        author=world.users["secretariat"],
    )
    section.current_revision = revision
    section.save(update_fields=["current_revision"])
    with django_capture_on_commit_callbacks(execute=True):
        document = plan_document_request(plan=plan, requested_by=world.users["secretariat"])
    document.refresh_from_db()
    assert document.state == PlanDocument.State.DONE
    with document.file.open("rb") as handle:
        content = handle.read()
    assert "Fjendtlig tekst" in "\n".join(pdf_pages_text(content))
    _assert_nothing_leaked(content, hits)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file://localhost/etc/passwd",
        "http://127.0.0.1:1/x.png",
        "https://example.org/x.png",
        "http://10.0.0.1/x.png",
        "http://[::1]/x.png",
        "ftp://127.0.0.1/x",
        "gopher://127.0.0.1/x",
    ],
)
def test_fetcher_refuses_everything_but_static_and_data(url):
    with pytest.raises(PdfFetchRefused):
        pdf_url_fetcher().fetch(url)


def test_fetcher_refuses_path_traversal_out_of_static():
    css = pdf_static_path("planning/pdf/print.css")
    traversal = css.parent.as_uri() + "/" + "../" * 12 + "etc/passwd"
    with pytest.raises(PdfFetchRefused):
        pdf_url_fetcher().fetch(traversal)
    encoded = css.parent.as_uri() + "/" + "%2e%2e/" * 12 + "etc/passwd"
    with pytest.raises(PdfFetchRefused):
        pdf_url_fetcher().fetch(encoded)


def test_fetcher_refuses_symlink_out_of_static(tmp_path, settings):
    static_dir = tmp_path / "static"
    static_dir.mkdir()
    (static_dir / "passwd.css").symlink_to("/etc/passwd")
    settings.STATICFILES_DIRS = [static_dir]
    from planning.common.pdf import pdf_static_roots

    assert static_dir.resolve() in pdf_static_roots()  # refused because the link leaves static, not by luck
    with pytest.raises(PdfFetchRefused):
        pdf_url_fetcher().fetch((static_dir / "passwd.css").as_uri())


def test_fetcher_serves_static_files_and_data_urls():
    css = pdf_static_path("planning/pdf/print.css")
    response = pdf_url_fetcher().fetch(css.as_uri())
    assert response.read() == Path(css).read_bytes()
    assert response.content_type == "text/css"
    data = pdf_url_fetcher().fetch("data:text/plain;base64,aGVq")
    assert data.read() == b"hej"


def test_static_roots_include_the_project_static_dir():
    from planning.common.pdf import pdf_static_roots

    assert Path(settings.BASE_DIR / "static").resolve() in pdf_static_roots()
