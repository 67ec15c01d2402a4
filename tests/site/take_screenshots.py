"""Screenshots of the public pages at phone and desktop sizes (a tool, not a test).

    python -m tests.site.take_screenshots http://127.0.0.1:8000 [/tmp/shots]
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser import launch

PAGES = {
    "home": "/zh-hans/",
    "section": "/zh-hans/yaowen/",
    "article": "/zh-hans/yaowen/tuoyu-fuwu/",
    "search": "/zh-hans/search/?q=工会 托育",
    "archive": "/zh-hans/archive/2023/04/21/page/1/",
    "en-home": "/en/",
}
SIZES = {"phone": (390, 844), "desktop": (1366, 900)}


def main(base: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = launch(p)
        for size_name, (w, h) in SIZES.items():
            page = browser.new_page(viewport={"width": w, "height": h})
            for name, path in PAGES.items():
                page.goto(base + path)
                page.screenshot(path=str(out / f"{name}-{size_name}.png"), full_page=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/shots"))
