"""Enforcement and QA give one answer (issue 11): for random glossaries and texts,
what ``enforce`` reports as not enforced is what ``qa`` finds (term-missing,
forbidden) in the enforced output, term by term and line by line."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_enforce_props import _mutate  # one sound-alike rule for both property tests
from translate.documents import align
from translate.enforce import Enforcer
from translate.glossary import Glossary, load_glossaries
from translate.glossary.model import Term
from translate.qa import run_qa

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = load_glossaries([ROOT / "glossaries" / "us-iraq-news.yaml"]).terms
ARABIC_FILLER = ["قال", "في", "إن", "مع", "الوزير", "بعد", "هجمات", "،", "العراقية", "ال"]
ENGLISH_FILLER = ["said", "the", "The", "and", "US", "us", "Esperanza", "Iraqi", "Iranian-backed", "Mark",
                  "Secretary", "Times", "of", "told", "al-", "(", ")", "-", "'s", "OIR", "Harris", "Haris"]


@st.composite
def glossaries(draw) -> Glossary:
    """Some shipped terms, each with some of its spellings and forbidden forms, and
    maybe a second name for one of its Arabic spellings (هاريس: Harris and Haris)."""
    picked = draw(st.lists(st.sampled_from(SHIPPED), min_size=1, max_size=8, unique_by=lambda t: t.target))
    terms = []
    for t in picked:
        source = tuple(draw(st.lists(st.sampled_from(t.source), min_size=1, max_size=len(t.source), unique=True)))
        forbidden = tuple(draw(st.lists(st.sampled_from(t.forbidden), max_size=3, unique=True))) if t.forbidden else ()
        terms.append(Term(target=t.target, source=source, type=t.type, forbidden=forbidden))
    if draw(st.booleans()):
        terms += [Term(target="Harris", source=("هاريس",), type="person"),
                  Term(target="Haris", source=("هاريس",), type="person")]
    return Glossary(terms=terms)


@st.composite
def documents(draw, glossary: Glossary) -> tuple[list[str], list[str]]:
    spellings = sorted({s for t in glossary.terms for s in t.source})
    forms = sorted({t.target for t in glossary.terms} | {f for t in glossary.terms for f in t.forbidden})
    sources, targets = [], []
    for _ in range(draw(st.integers(1, 4))):
        sources.append(" ".join(draw(st.lists(st.sampled_from(spellings + ARABIC_FILLER), min_size=1, max_size=6))))
        words = []
        for _ in range(draw(st.integers(0, 8))):
            kind = draw(st.sampled_from(["form", "form", "mutant", "filler"]))
            word = draw(st.sampled_from(ENGLISH_FILLER if kind == "filler" else forms))
            if kind == "mutant":
                word = _mutate(word, draw(st.integers(0, 7)))
            case = draw(st.sampled_from(["as", "as", "as", "upper", "lower"]))
            word = word.upper() if case == "upper" else word.lower() if case == "lower" else word
            words.append(word + draw(st.sampled_from(["", "", "", "'s", "-led", "s", ",", "."])))
        targets.append(" ".join(words))
    return sources, targets


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_enforce_reports_what_qa_finds_in_its_output(data):
    glossary = data.draw(glossaries())
    sources, targets = data.draw(documents(glossary))
    results = Enforcer(glossary).enforce_lines(sources, targets)
    enforced = [r.text for r in results]
    report = run_qa([align(None, sources, enforced)], glossary, checks=["term-missing", "forbidden", "term-unchecked"])
    said_by_enforce = {(u.line, u.target) for r in results for u in r.unplaced}
    said_by_qa = {(f.line, f.term) for f in report.findings}
    assert said_by_enforce == said_by_qa, (sources, targets, enforced)


def test_the_issue_example_is_reported_by_both():
    """Esper/إسبر, source قال إسبر, English "esper said": a lowercase word is not the
    name, so enforce does not write it and both report the term."""
    glossary = Glossary(terms=[Term(target="Esper", source=("إسبر",), type="person")])
    results = Enforcer(glossary).enforce_lines(["قال إسبر"], ["esper said"])
    assert [(u.target, u.reason) for u in results[0].unplaced] == [("Esper", "missing")]
    report = run_qa([align(None, ["قال إسبر"], [results[0].text])], glossary)
    assert [(f.check, f.term) for f in report.findings] == [("term-missing", "Esper")]
