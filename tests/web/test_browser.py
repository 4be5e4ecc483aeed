"""A real browser over a real server: Debian's headless Chromium driven by Playwright.

The server is `rasid serve` in a subprocess on a free port, over the fixture store. Screenshots
go to $RASID_ARTIFACTS (default tests/artifacts) for a person to look at.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.web.conftest import FRESH, WebStore, build_store

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parents[2]

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (/usr/bin/chromium); apt-get install chromium",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def artifacts() -> Path:
    folder = Path(os.environ.get("RASID_ARTIFACTS") or ROOT / "tests" / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, WebStore]]:
    folder = tmp_path_factory.mktemp("browser")
    store = build_store(folder / "browser.db")
    log = (folder / "serve.err").open("w+")
    process = subprocess.Popen(
        [sys.executable, "-c", "from rasid.cli.serve import serve_command; serve_command()",
         "--db", str(store.path), "--port", "0"],
        stdout=subprocess.PIPE, stderr=log, text=True, cwd=ROOT)
    try:
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], 60)
        line = process.stdout.readline() if ready else ""   # "rasid: the UI is at http://127.0.0.1:PORT/ …"
        if "http://" not in line:
            log.seek(0)
            pytest.fail(f"rasid serve did not start: {line!r} {log.read()}")
        url = line.split("the UI is at ", 1)[1].split()[0].rstrip("/")
        yield url, store
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def errors() -> list[str]:
    """Console errors and uncaught exceptions of the page (a CSP violation shows up here)."""
    return []


@pytest.fixture
def page(browser: Browser, errors: list[str]) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()


def test_article_highlights_a_known_mention(page: Page, errors: list[str], server: tuple[str, WebStore],
                                           artifacts: Path) -> None:
    url, store = server
    started = time.perf_counter()
    page.goto(f"{url}/documents/{store.ids['نشرة الساحل']}")
    loaded = time.perf_counter() - started
    mention = page.locator('#article-text span.m[data-gloss="ORG · African Union"]')
    assert mention.first.inner_text() == "الاتحاد الأفريقي"
    style = mention.first.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "underline" in style
    assert page.locator("#article-text").evaluate("e => getComputedStyle(e).direction") == "rtl"
    mention.first.hover()
    assert "African Union" in page.locator(".gloss").inner_text()
    page.evaluate("document.fonts.ready")
    loaded_fonts = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("Noto Naskh Arabic" in family for family in loaded_fonts), loaded_fonts
    page.screenshot(path=str(artifacts / "article-1280.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= 391, f"the page is {overflow} px wide on a 390 px phone"
    page.screenshot(path=str(artifacts / "article-390.png"), full_page=True)
    assert errors == [], errors
    assert loaded < 5


def test_graph_shows_nodes(page: Page, errors: list[str], server: tuple[str, WebStore],
                           artifacts: Path) -> None:
    url, _ = server
    page.goto(f"{url}/graph")
    page.wait_for_selector("#node-count", timeout=10_000)
    nodes = int(page.locator("#node-count").inner_text())
    assert nodes >= 3
    assert page.locator("#cy canvas").count() >= 1
    assert page.evaluate("window.rasidGraph.nodes().length") == nodes
    # A click on a node opens its panel with the link to the actor page.
    position = page.evaluate(
        "(() => { const n = window.rasidGraph.nodes('#MLI_GOV'); const p = n.renderedPosition();"
        " const box = document.getElementById('cy').getBoundingClientRect();"
        " return {x: box.left + p.x, y: box.top + p.y}; })()")
    page.mouse.click(position["x"], position["y"])
    page.wait_for_selector('#evidence a[href="/actors/MLI_GOV"]', timeout=5_000)
    page.screenshot(path=str(artifacts / "graph-1280.png"))
    assert errors == [], errors


def test_analyze_page_shows_the_events(page: Page, errors: list[str], server: tuple[str, WebStore],
                                      artifacts: Path) -> None:
    url, _ = server
    page.goto(f"{url}/analyze")
    page.fill("#text", FRESH)
    page.fill('input[name="published"]', "2024-05-02")
    page.click("#analyze-submit")
    page.wait_for_selector("#result ol.events li", timeout=20_000)
    events = page.locator("#result ol.events li").all_inner_texts()
    assert any(text.startswith("AID") and "Government of Mauritania" in text for text in events), events
    assert page.locator("#result #article-text span.ev").count() >= 2
    page.screenshot(path=str(artifacts / "analyze-1280.png"), full_page=True)
    assert errors == [], errors


@pytest.mark.parametrize("width", [1280, 390])
def test_other_pages_render_cleanly(browser: Browser, server: tuple[str, WebStore], artifacts: Path,
                                    width: int) -> None:
    url, _ = server
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
    tab.on("pageerror", lambda error: errors.append(str(error)))
    for name, path in (("timeline", "/timeline"), ("contradictions", "/contradictions"),
                       ("actor", "/actors/RSF"), ("search", "/search?q=الفاشر"), ("home", "/"),
                       ("docs", "/docs")):
        tab.goto(url + path)
        if name == "docs":
            tab.wait_for_selector(".opblock", timeout=10_000)        # Swagger UI drew the endpoints
        else:
            wide = tab.evaluate("document.documentElement.scrollWidth")
            assert wide <= width + 1, f"{path} is {wide} px wide at {width} px"
        tab.screenshot(path=str(artifacts / f"{name}-{width}.png"), full_page=True)
    context.close()
    assert errors == [], errors
