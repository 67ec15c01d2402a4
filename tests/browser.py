"""Debian's Chromium for browser tests, started the way this closed network needs."""

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying hosts this
# machine cannot reach; --no-sandbox because tests run as root in CI.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

requires_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Chromium is not installed (apt-get install -y chromium)"
)


def launch(playwright):
    """A headless Chromium browser from a sync_playwright() context."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def new_page(browser, *, width: int = 1280, height: int = 900, locale: str = "zh-CN"):
    """A page of the given size and browser language, patient enough for a loaded CI."""
    page = browser.new_page(viewport={"width": width, "height": height}, locale=locale)
    page.set_default_timeout(20_000)
    return page


def log_in(page, base_url: str, username: str, password: str) -> None:
    """Sign in through the admin's login form and wait for the dashboard."""
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")
