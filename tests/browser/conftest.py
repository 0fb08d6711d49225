"""Shared real-browser fixtures: Playwright (sync API) driving Debian's /usr/bin/chromium.

`browser` is started once per test session; `page` gives every test a fresh context (no shared
cookies). Use them with pytest-django's `live_server` and `transactional_db`, and mark the tests
`@pytest.mark.browser`.
"""

import os

import pytest

from tests.factories import TEST_PASSWORD

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def login(page, live_server, username: str, password: str = TEST_PASSWORD):
    """Log in through the real login form; returns when the next page has loaded."""
    base_url = getattr(live_server, "url", live_server)
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    return page
