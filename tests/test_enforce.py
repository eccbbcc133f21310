"""Glossary enforcement after translation: the library (issue 5)."""
from __future__ import annotations

from pathlib import Path

import pytest

from translate.enforce import Enforcer, EnforceSettings, LengthMismatch, enforce_line, fit_case
from translate.glossary import Glossary, load_glossaries
from translate.glossary.model import Term
from translate.matching import Match

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "enforce"
GLOSSARY = ROOT / "glossaries" / "us-iraq-news.yaml"


@pytest.fixture(scope="module")
def enforcer() -> Enforcer:
    return Enforcer(load_glossaries([GLOSSARY]))


def lines(name: str) -> list[str]:
    return (DATA / name).read_text(encoding="utf-8").splitlines()


def fix(enforcer: Enforcer, source: str, english: str) -> str:
    return enforcer.enforce_line(source, english).text


# -- the seed article end to end ---------------------------------------------------
def test_seed_article_all_names_fixed_rest_identical(enforcer):
    source, raw, expected = lines("seed.ar.txt"), lines("seed.mt.en.txt"), lines("seed.expected.en.txt")
    results = enforcer.enforce_lines(source, raw)
    assert [r.text for r in results] == expected
    for r, before in zip(results, raw):
        # outside the corrections the line is byte-identical
        rebuilt, pos = [], 0
        for c in r.corrections:
            assert r.text[c.start:c.end] == c.after
            rebuilt.append(r.text[pos:c.start] + c.before)
            pos = c.end
        assert "".join(rebuilt) + r.text[pos:] == before
    fixed = {(c.before, c.after) for r in results for c in r.corrections}
    assert {("Mark Esbir", "Mark Esper"), ("Ispir", "Esper"), ("Asper", "Esper"), ("Esbir", "Esper"),
            ("Mike Bompeo", "Mike Pompeo"), ("Pampeo", "Pompeo"), ("Miltim Times", "Military Times"),
            ("Abdel-Mehdi", "Abdul Mahdi"), ("The Bentagon", "The Pentagon")} <= fixed


def test_seed_article_is_idempotent(enforcer):
    once = [r.text for r in enforcer.enforce_lines(lines("seed.ar.txt"), lines("seed.mt.en.txt"))]
    twice = enforcer.enforce_lines(lines("seed.ar.txt"), once)
    assert [r.text for r in twice] == once
    assert not any(r.corrections for r in twice)


def test_issue_example(enforcer):
    src = "طلب وزير الدفاع الامريكي مارك اسبير من المخلوع عبد المهدي"
    en = "US Defense Secretary Mark Esbir asked the deposed Abdel-Mehdi to help"
    assert fix(enforcer, src, en) == "US Defense Secretary Mark Esper asked the deposed Abdul Mahdi to help"


# -- rules ----------------------------------------------------------------------
@pytest.mark.parametrize("source, english, expected", [
    # possessive, sentence-initial article, hyphen and plural forms
    ("تأتي مكالمة ايسبر", "Esbir's call comes", "Esper's call comes"),
    ("لم يصدر البنتاغون", "The Bentagon did not say", "The Pentagon did not say"),
    ("لم يصدر البنتاغون", "Officials at the Bentagon said", "Officials at the Pentagon said"),
    ("محادثات يقودها اسبير", "the Esbir-led talks", "the Esper-led talks"),
    ("قال ترامب", "the Tramps said", "the Trumps said"),
    ("قال ترامب", "pro-Tramp crowds", "pro-Trump crowds"),
    # a multi-word name is replaced whole, never doubled
    ("قال مايك بومبيو", "Mike Bompeo said", "Mike Pompeo said"),
    ("قال مايك بومبيو", "Mike Bumpeo said", "Mike Pompeo said"),
    # sound-alike variants not in the forbidden list
    ("قال اسبير", "Espeer said", "Esper said"),
    ("أخبر صحيفة ميليتيم تايمز", "told the Militeam Times", "told the Military Times"),
    # headline case
    ("اسبير", "ESBIR SPEAKS", "ESPER SPEAKS"),
    # a word next to the name is not part of it: neither a title in front, nor a
    # following name that makes a longer sound-alike group (found by hypothesis)
    ("قال أبو مهدي المهندس", "Mr Mahdi al-Mohandess said", "Mr Abu Mahdi al-Muhandis said"),
    ("أبو مهدي المهندس", "Abu Mahdi al-Mohandess Mike", "Abu Mahdi al-Muhandis Mike"),
])
def test_rules(enforcer, source, english, expected):
    assert fix(enforcer, source, english) == expected


def test_surname_only_is_corrected_not_completed(enforcer):
    """"مايك بومبيو" rendered as just "Bompeo": fix the surname, do not add "Mike"."""
    r = enforcer.enforce_line("قال مايك بومبيو", "Secretary Bompeo said")
    assert r.text == "Secretary Pompeo said"
    assert [c.reason for c in r.corrections] == ["partial"]
    assert r.corrections[0].target == "Mike Pompeo"


def test_already_right_is_left_alone(enforcer):
    src = "وقال بومبيو إن البنتاغون"
    en = "Pompeo's aides said the Pentagon"
    r = enforcer.enforce_line(src, en)
    assert r.text == en and not r.corrections and not r.unplaced


def test_never_edits_inside_other_words(enforcer):
    # "Esperanza" contains "Esper", "Iraqi" is not a misspelling of Iraq
    r = enforcer.enforce_line("قال اسبير في العراق", "Esperanza said the Iraqi side")
    assert "Esperanza" in r.text and "Iraqi" in r.text
    # "Iraqi" renders العراق (an adjective of the place), as QA says too: only Esper is reported
    assert {u.target for u in r.unplaced} == {"Esper"}


def test_unplaceable_term_is_reported_not_guessed(enforcer):
    r = enforcer.enforce_line("قال اسبير للصحفيين", "The minister told reporters")
    assert r.text == "The minister told reporters"
    assert [(u.target, u.reason, u.source_text) for u in r.unplaced] == [("Esper", "missing", "اسبير")]


def test_repeated_term_each_occurrence(enforcer):
    src = "قال اسبير إن ايسبر"
    r = enforcer.enforce_line(src, "Esbir said that Asper")
    assert r.text == "Esper said that Esper"
    # one match in the source but two renderings: the right one is kept and the
    # further one, a forbidden form, is fixed too (issue 12: per English occurrence)
    r = enforcer.enforce_line("قال اسبير", "Esbir and Esper")
    assert r.text == "Esper and Esper" and not r.unplaced


def test_two_terms_sharing_words(enforcer):
    # "Mark Esbir" renders Mark Esper; the later "Esbir" renders the Esper term
    src = "قال مارك اسبير ثم قال ايسبر"
    assert fix(enforcer, src, "Mark Esbir said, then Esbir said") == "Mark Esper said, then Esper said"


def test_low_score_fuzzy_match_is_reported_not_enforced():
    term = Term(target="Esper", source=("اسبير",), type="person", forbidden=("Esbir",))
    weak = Match(1, 4, 9, "اسبيز", "Esper", "fuzzy", 0.8, term, "اسبير")
    r = enforce_line("قال اسبيز", "Esbir said", [weak], EnforceSettings(min_match_score=0.85))
    assert r.text == "Esbir said"
    # reported as QA would: the term is missing and the forbidden Esbir is left
    assert [(u.reason, u.score, u.english) for u in r.unplaced] == [("low-score", 0.8, ""), ("forbidden", 0.8, "Esbir")]
    r = enforce_line("قال اسبيز", "Esbir said", [weak], EnforceSettings(min_match_score=0.75))
    assert r.text == "Esper said"


def test_lowercase_common_word_is_not_a_name():
    g = Glossary.from_pairs([("الولايات المتحدة", "US")], type="place")
    e = Enforcer(g)
    r = e.enforce_line("قالت الولايات المتحدة", "it told us that the US")
    assert r.text == "it told us that the US"


def test_length_mismatch(enforcer):
    with pytest.raises(LengthMismatch):
        enforcer.enforce_lines(["a", "b"], ["a"])


def test_empty_and_unmatched_lines(enforcer):
    assert enforcer.enforce_lines(["", "لا شيء هنا"], ["", "nothing here"])[1].text == "nothing here"
    r = enforcer.enforce_line("قال اسبير", "")
    assert r.text == "" and [u.reason for u in r.unplaced] == ["missing"]


@pytest.mark.parametrize("target, before, after", [
    ("the Pentagon", "The Bentagon", "The Pentagon"),
    ("the Pentagon", "the Bentagon", "the Pentagon"),
    ("the Pentagon", "Bentagon", "Pentagon"),
    ("The New York Times", "the New York Tims", "The New York Times"),
    ("Esper", "ESBIR", "ESPER"),
    ("ISIS", "Daesh", "ISIS"),
])
def test_fit_case(target, before, after):
    assert fit_case(target, before) == after
    assert fit_case(target, after) == after


def test_latin_source_copied_verbatim_is_replaced_but_not_single_letters():
    g = Glossary.from_pairs([("OIR", "Operation Inherent Resolve"), ("w", "w.")], type="other")
    e = Enforcer(g)
    assert e.enforce_line("قال OIR", "OIR said").text == "Operation Inherent Resolve said"
    assert e.enforce_line("قال w هنا", "a w here").text == "a w here"


def test_surname_term_inside_full_name_is_not_doubled(enforcer):
    # only بومبيو in the Arabic, "Mike Bompeo" in the English: the surname is fixed, "Mike" kept once
    assert fix(enforcer, "قال بومبيو", "Mike Bompeo said") == "Mike Pompeo said"
    assert fix(enforcer, "قال بومبيو", "Mike Pompeo said") == "Mike Pompeo said"


def test_attention_hint_breaks_ties():
    from translate.enforce.attention import attention_spans
    from translate.enforce.line import _choose
    from translate.enforce.records import EnforceSettings
    from translate.english.finder import RenderingFinder
    from translate.glossary import Glossary

    term = Term(target="Esper", source=("اسبير",), type="person")
    src = "قال اسبير"
    match = Match(1, 4, 9, "اسبير", "Esper", "exact", 1.0, term, "اسبير")
    english = "Espeer met Espir"
    # both are sound-alike variants; attention of target piece 2 ("Espir") points at the name
    attention = [[0.9, 0.1], [0.8, 0.2], [0.1, 0.9]]
    hint = attention_spans(attention, [(0, 3), (4, 9)], [(0, 6), (7, 10), (11, 16)], english, 4, 9)
    assert hint == [(11, 16)]
    finder = RenderingFinder(Glossary(terms=[term]))
    placed, _ = _choose(src, [match], english, EnforceSettings(), {0: hint}, None, finder)
    assert (placed[0].start, placed[0].end) == (11, 16)  # the hinted span is the Arabic mention's
    placed, _ = _choose(src, [match], english, EnforceSettings(), {}, None, finder)
    assert (placed[0].start, placed[0].end) == (0, 6)  # without a hint, the first of equals
    # Either way the other is a further mention written wrongly, fixed too: a second
    # pass would fix it beside the first's now-right span (idempotence).
    assert enforce_line(src, english, [match], hints={0: hint}).text == "Esper met Esper"
    assert enforce_line(src, english, [match]).text == "Esper met Esper"


def test_other_reading_of_the_same_arabic_is_kept():
    """هاريس is Harris and Haris: an English "Haris" is right, not a misspelt Harris."""
    g = Glossary.from_pairs([("هاريس", "Harris"), ("هاريس", "Haris"), ("اسبير", "Esper")])
    e = Enforcer(g)
    r = e.enforce_line("قال هاريس", "Haris said")
    assert r.text == "Haris said" and not r.corrections and not r.unplaced
    assert e.enforce_line("قال اسبير", "Espeer said").text == "Esper said"


def test_seed_names_fixed_by_sound_alone():
    """Without the forbidden lists the names are still found by how they sound."""
    from dataclasses import replace

    glossary = load_glossaries([GLOSSARY])
    glossary.terms = [replace(t, forbidden=()) for t in glossary.terms]
    results = Enforcer(glossary).enforce_lines(lines("seed.ar.txt"), lines("seed.mt.en.txt"))
    expected = lines("seed.expected.en.txt")
    for k in (0, 1, 2, 4, 5, 6, 7, 8, 12):  # lines 10 (Daesh→ISIS) and 12 (Capitol Heel) need the lists
        assert results[k].text == expected[k]
        assert {c.reason for c in results[k].corrections} <= {"variant"}
