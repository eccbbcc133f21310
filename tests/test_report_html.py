"""The HTML report: self-contained, escaped, right-to-left Arabic, highlighted
spans — checked in headless Chromium, i.e. as a reviewer's browser shows it."""
from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from translate.documents import align, read_pair
from translate.glossary import load_glossaries
from translate.qa import run_qa
from translate.reports import render
from translate.reports.html import highlight

DATA = Path(__file__).parent / "data" / "qa"
ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"),
                             shutil.which("google-chrome"), "/usr/bin/chromium") if p and Path(p).exists()), None)


@pytest.fixture(scope="module")
def report():
    glossary = load_glossaries([ROOT / "glossaries"])
    return run_qa([read_pair(DATA / "seed.ar.txt", DATA / "seed.injected.en.txt")], glossary)


def test_highlight_escapes_and_marks():
    assert highlight("a <b> & c", [(2, 5)]) == 'a <mark class="hl">&lt;b&gt;</mark> &amp; c'
    assert highlight("abcdef", [(0, 2), (1, 3), (10, 12)]) == '<mark class="hl">abc</mark>def'


def test_self_contained_and_escaped():
    doc = align(None, ["قال <script>alert(1)</script> 10"], ["He said <script>alert(1)</script> & 11"])
    page = render(run_qa([doc], None), "html")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)  # no network
    assert "<link" not in page and "@import" not in page


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.marks, self.rtl = [], [], []

    def handle_starttag(self, tag, attrs):
        self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "mark":
            self.marks.append((data, [dict(a).get("class", "") for _, a in self.stack]))
        attrs = [a for _, a in self.stack]
        if any(a.get("dir") == "rtl" and a.get("lang") == "ar" for a in attrs) and data.strip():
            self.rtl.append(data)


def _dump_dom(html_file: Path, tmp_path: Path) -> str:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", html_file.as_uri()]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (apt-get install chromium) to render the report")
def test_chromium_shows_findings_grouped_with_highlights(report, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render(report, "html"), encoding="utf-8")
    dom = _dump_dom(page, tmp_path)
    assert "<title>tarjama QA report</title>" in dom
    # grouped by check, one section per check that found something, in report order
    sections = re.findall(r'<section class="check" id="check-([a-z-]+)"', dom)
    assert sections == ["term-missing", "forbidden", "inconsistent", "garbled-source", "untranslated", "number",
                        "unsupported-term"]
    tags = _Tags()
    tags.feed(dom)
    marked = [text for text, _ in tags.marks]
    for span in ("Bompeo", "بومبيو", "ميليتيم تايمز", "رئيس الوزراء", "John Bolton", "12", "Abdul Mehdi"):
        assert span in marked, span
    # every Arabic source segment is shown right-to-left; marks inside it are Arabic
    assert "ميليتيم تايمز" in tags.rtl and "بومبيو" in tags.rtl
    assert dom.count('class="seg src" dir="rtl" lang="ar"') == len(report.findings)
    assert 'dir="ltr" lang="en"' in dom
    # the distribution table for drift, and the signature
    assert re.search(r"<td class=\"wanted\">Abdul Mahdi</td><td class=\"num\">2</td><td>1, 5</td>", dom)
    assert "Signature" in dom or "tarjama" in dom


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (apt-get install chromium) to render the report")
def test_chromium_screenshot_of_clean_report(tmp_path):
    page = tmp_path / "clean.html"
    page.write_text(render(run_qa([align(None, ["قال"], ["He said"])], None), "html"), encoding="utf-8")
    dom = _dump_dom(page, tmp_path)
    assert "No findings in 1 segments." in dom
