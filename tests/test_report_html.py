"""The HTML report: one card per segment, filters, search, keyboard navigation,
self-contained — driven in headless Chromium (Debian's, through Playwright's
DevTools driver: no browser download), i.e. as a reviewer's browser shows it."""
from __future__ import annotations

import re
import shutil
import struct
from pathlib import Path

import pytest

from translate.documents import align, read_pair
from translate.glossary import load_glossaries
from translate.qa import run_qa
from translate.reports import render
from translate.reports.html import highlight, highlight_many

DATA = Path(__file__).parent / "data" / "qa"
ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"),
                             shutil.which("google-chrome"), "/usr/bin/chromium") if p and Path(p).exists()), None)
try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - the test extra installs it
    sync_playwright = None
needs_browser = pytest.mark.skipif(CHROMIUM is None or sync_playwright is None,
                                   reason="needs chromium (make browser) and playwright (the test extra)")


def _seed_report(extra: bool = True):
    glossary = load_glossaries([ROOT / "glossaries"])
    doc = read_pair(DATA / "seed.ar.txt", DATA / "seed.injected.en.txt")
    if extra:  # two reviewer-check errors on top of the seed's terminology ones
        segs = doc.segments
        doc.segments = segs[:11] + [type(segs[11])(12, segs[11].source, "The the  officials said.")] + segs[12:]
    return run_qa([doc], glossary)


@pytest.fixture(scope="module")
def report():
    return _seed_report()


def test_highlight_escapes_and_marks():
    assert highlight("a <b> & c", [(2, 5)]) == 'a <mark class="hl">&lt;b&gt;</mark> &amp; c'
    assert highlight("abcdef", [(0, 2), (1, 3), (10, 12)]) == '<mark class="hl">abc</mark>def'


def test_each_finding_has_its_own_colour_and_overlaps_are_marked():
    out = highlight_many("abcdef", [((0, 2),), ((1, 4),)], ["one", "two"])
    assert out == ('<mark class="hl c0" data-f="0" title="one">a</mark>'
                   '<mark class="hl c0 multi" data-f="0 1" title="one; two">b</mark>'
                   '<mark class="hl c1" data-f="1" title="two">cd</mark>ef')


def test_self_contained_and_escaped():
    doc = align(None, ["قال <script>alert(1)</script> 10"], ["He said <script>alert(1)</script> & 11"])
    page = render(run_qa([doc], None), "html")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)  # no network
    assert "<link" not in page and "@import" not in page and "url(" not in page


def test_one_card_per_segment_with_every_finding(report):
    page = render(report, "html")
    lines = sorted({f.line for f in report.findings})
    assert re.findall(r'<article class="card [a-z]+" id="seg-(\d+)"', page) == [str(n) for n in lines]
    for line in lines:  # every finding of a segment is on its one card
        start = page.index(f'id="seg-{line}"')
        card = page[start:page.index("</article>", start)]
        assert card.count("<li ") == sum(f.line == line for f in report.findings)
    # line 9 (Bompeo for Pompeo): the glossary note beside the finding, and where the term belongs
    card9 = page[page.index('id="seg-9"'):page.index('id="seg-11"')]
    assert "Mike Pompeo, US Secretary of State" in card9 and "where Pompeo belongs" in card9
    card12 = page[page.index('id="seg-12"'):]
    assert 'data-check="repeated-word"' in card12 and 'data-check="whitespace"' in card12


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None or sync_playwright is None:
        pytest.skip("needs chromium and playwright")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def _open(browser, html: str, tmp_path: Path):
    """Load the page from file:// with every request logged and all network blocked."""
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.route("**/*", lambda route: (requests.append(route.request.url),
                                         route.continue_() if route.request.url == path.as_uri() else route.abort()))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    return page, requests, errors, path


@needs_browser
def test_filters_search_and_keys_in_chromium(browser, report, tmp_path):
    page, requests, errors, path = _open(browser, render(report, "html"), tmp_path)
    assert not errors
    assert requests == [path.as_uri()]  # the page itself and nothing else: no network
    cards = page.locator("article.card")
    total = cards.count()
    assert total == len({f.line for f in report.findings})

    def visible() -> list[str]:
        return [c.get_attribute("id") for c in cards.all() if c.is_visible()]

    assert len(visible()) == total
    # a check filter shows only the cards with that check, and only that finding on them
    page.click('nav button[data-value="repeated-word"]')
    assert visible() == ["seg-12"]
    assert page.locator('#seg-12 li[data-check="whitespace"]').is_hidden()
    assert page.locator('#seg-12 li[data-check="repeated-word"]').is_visible()
    page.click('nav button[data-value="repeated-word"]')  # again: off
    assert len(visible()) == total
    # a severity filter
    page.click('nav button[data-filter="severity"][data-value="warning"]')
    warn_lines = sorted({f.line for f in report.findings if f.severity == "warning"})
    assert visible() == [f"seg-{n}" for n in warn_lines]
    page.click("#show-all")
    # search box: Arabic or English text of a segment
    page.fill("#search", "THE THE")  # any case
    assert visible() == ["seg-12"]
    page.fill("#search", "المشرعون")
    assert visible() == ["seg-12"]
    page.fill("#search", "no such text anywhere")
    assert visible() == []
    page.fill("#search", "")
    assert len(visible()) == total
    # keyboard: j goes to the first card, j again to the second, k back
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.evaluate("location.hash") == "#" + visible()[1]
    page.keyboard.press("k")
    assert page.evaluate("location.hash") == "#" + visible()[0]
    # line numbers are links to their card
    assert page.locator("#seg-9 a.ln").get_attribute("href") == "#seg-9"
    # screenshot: a tall page with a visible card and its highlighted spans
    shot = page.screenshot(full_page=True)
    width, height = _png_size(shot)
    assert width == 1280 and height > 1500
    box = page.locator("#seg-12").bounding_box()
    assert box and box["height"] > 80 and box["width"] > 600
    assert page.locator("#seg-12 .seg.tgt mark").first.is_visible()
    assert page.locator('#seg-12 .seg.src[dir="rtl"][lang="ar"]').count() == 1
    assert page.locator("#seg-9 .seg.src mark").first.is_visible()
    page.context.close()


@needs_browser
def test_print_hides_controls_and_shows_cards(browser, report, tmp_path):
    page, _, errors, _ = _open(browser, render(report, "html"), tmp_path)
    page.emulate_media(media="print")
    assert page.locator("nav").is_hidden() and page.locator("article.card").first.is_visible()
    assert not errors
    page.context.close()


@needs_browser
def test_clean_report_in_chromium(browser, tmp_path):
    page, requests, errors, _ = _open(browser, render(run_qa([align(None, ["قال"], ["He said"])], None), "html"),
                                      tmp_path)
    assert "No findings in 1 segments." in page.inner_text("main") and not errors and len(requests) == 1
    page.context.close()
