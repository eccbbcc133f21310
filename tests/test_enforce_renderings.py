"""What enforcement needed from translate.english.find_renderings (issue 5):
hyphen and plural forms, a strict canonical form, demonyms left alone. The
public API (Rendering start/end/text/kind/score) is unchanged."""
from __future__ import annotations

from pathlib import Path

import pytest

from translate.english import Rendering, find_renderings
from translate.english.renderings import phrase_spans
from translate.glossary import load_glossaries

ROOT = Path(__file__).resolve().parents[1]
TERMS = {t.target: t for t in load_glossaries([ROOT / "glossaries" / "us-iraq-news.yaml"]).terms}


def spans(target: str, english: str, source: str | None = None) -> list[tuple[str, str]]:
    return [(r.text, r.kind) for r in find_renderings(TERMS[target], english, source)]


def test_api_unchanged():
    r = find_renderings(TERMS["Esper"], "Esbir said", "اسبير")[0]
    assert isinstance(r, Rendering)
    assert (r.start, r.end, r.text, r.kind, r.score) == (0, 5, "Esbir", "forbidden", 1.0)


@pytest.mark.parametrize("target, english, expected", [
    ("Esper", "the Esbir-led talks", [("Esbir", "forbidden")]),
    ("Esper", "the Esper-led talks", [("Esper", "canonical")]),
    ("Trump", "the Trumps and the Tramps", [("Trump", "canonical"), ("Tramp", "forbidden")]),
    ("Iran", "pro-Iran and anti-Eran groups", [("Iran", "canonical"), ("Eran", "forbidden")]),
    ("Esper", "Esbirs' house", [("Esbir", "forbidden")]),
])
def test_hyphen_and_plural_forms(target, english, expected):
    assert spans(target, english) == expected


def test_hyphen_before_capital_is_another_name():
    # "Abdel-Mehdi": "Abdel" alone is not a whole word here
    assert phrase_spans("Abdel", "Abdel-Mehdi said") == []
    assert phrase_spans("Abdel", "Abdel-led group") == [(0, 5)]


def test_canonical_form_is_strict_about_separators():
    # Abdul-Mahdi is a listed forbidden form, not the canonical "Abdul Mahdi"
    assert spans("Abdul Mahdi", "Abdul-Mahdi and Abdul Mahdi") == [("Abdul-Mahdi", "forbidden"),
                                                                   ("Abdul Mahdi", "canonical")]


def test_demonyms_are_not_variants():
    assert spans("Iraq", "the Iraqi prime minister and Iraqis", "العراق") == []
    assert spans("Iran", "Iranian-backed militias", "إيران") == []


def test_name_words_with_article_and_suffix():
    # a variant keeps an Arabic article inside the name and stops before "-led"
    found = find_renderings(TERMS["Abu Mahdi al-Muhandis"], "Abu Mehdi al-Mohandis said", "أبو مهدي المهندس")
    assert [(r.text, r.kind) for r in found] == [("Abu Mehdi al-Mohandis", "variant")]
    found = find_renderings(TERMS["Esper"], "the Espeer-led talks", "اسبير")
    assert [(r.text, r.kind) for r in found] == [("Espeer", "variant")]


# -- phrase_spans against the lookbehind regex it replaced ---------------------------
import re as _re  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from translate.english.renderings import _phrase_pattern, phrase_spans  # noqa: E402

_LOOKBEHIND = r"(?:(?<![\w\-])" + "".join(
    rf"|(?<=(?<![\w\-]){p}-)" for p in ("pro", "anti", "ex", "non", "post", "pre", "mid")) + ")"


def _reference(phrase: str, text: str, strict: bool) -> list[tuple[int, int]]:
    pat = _re.compile(_LOOKBEHIND + _phrase_pattern(phrase, strict).pattern, _re.IGNORECASE)
    return [m.span() for m in pat.finditer(text)]


PIECES = st.sampled_from(["Esper", "esper", "Esper's", "Espers", "the", "The", "Mark", "Pentagon", "pro-", "Pro-",
                          "anti-", "xpro-", "-", " ", "  ", "x", "_", "9", "é", "Esper-led", "Esper-Smith", "bathe",
                          ","])


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=12), st.sampled_from(["Esper", "Mark Esper", "the Pentagon", "Espers"]),
       st.booleans())
def test_phrase_spans_equal_the_lookbehind_regex(parts, phrase, strict):
    text = "".join(parts)
    assert phrase_spans(phrase, text, strict) == _reference(phrase, text, strict)
