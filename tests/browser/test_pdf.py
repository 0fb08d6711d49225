"""Real browser: "Generér PDF", the state followed without a reload, then a valid PDF downloaded."""

import io

import pypdf
import pytest

from planning.documents import services as service
from planning.documents.services import plan_document_render
from tests.browser.conftest import login
from tests.planning.documents.conftest import plan_with_content

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _download(page):
    with page.expect_download() as info:
        page.locator("#udkast [data-pdf-download]").click()
    path = info.value.path()
    with open(path, "rb") as handle:
        return handle.read()


def test_generate_pdf_follows_state_and_downloads_a_valid_pdf(live_server, page, world, monkeypatch):
    """The task is held back so the page shows "I kø"; rendering it then flips the row to done by polling."""
    plan = plan_with_content(council=world.council, user=world.users["secretariat"])
    queued: list[int] = []
    monkeypatch.setattr(service, "_enqueue", queued.append)  # what the worker would receive

    login(page, live_server, "member")
    page.goto(f"{live_server.url}/planer/{plan.pk}/pdf/")
    row = page.locator("#udkast")
    assert row.locator("[data-pdf-state-label]").inner_text() == "Ikke dannet"
    url_before = page.url
    row.get_by_role("button", name="Generér PDF").click()
    page.wait_for_function("document.querySelector('#udkast').dataset.state === 'queued'")
    assert row.locator("[data-pdf-state-label]").inner_text() == "I kø"
    assert len(queued) == 1

    plan_document_render(document_id=queued[0], task_id="browser-test")  # the worker's part
    page.wait_for_function("document.querySelector('#udkast').dataset.state === 'done'", timeout=20_000)
    assert page.url == url_before  # no reload: pdf.js polled the status endpoint
    assert row.locator("[data-pdf-state-label]").inner_text() == "Færdig"
    page.wait_for_function("document.getElementById('pdf-live').textContent.includes('Færdig')")

    content = _download(page)
    assert content.startswith(b"%PDF")
    reader = pypdf.PdfReader(io.BytesIO(content))
    assert len(reader.pages) >= 14
    assert reader.metadata.title == plan.title


def test_generate_pdf_without_javascript_shows_state_after_reload(live_server, browser, world):
    """Core flow without JS: the form POSTs, the redirect shows the state, the link downloads."""
    plan = plan_with_content(council=world.council, user=world.users["secretariat"])
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    page = context.new_page()
    try:
        login(page, live_server, "secretariat")
        page.goto(f"{live_server.url}/planer/{plan.pk}/pdf/")
        page.locator("#udkast").get_by_role("button", name="Generér PDF").click()  # eager task in tests
        page.wait_for_load_state()
        assert page.locator("#udkast [data-pdf-state-label]").inner_text() == "Færdig"
        assert _download(page).startswith(b"%PDF")
    finally:
        context.close()
