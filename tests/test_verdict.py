"""The ambiguity policy on its own (translate/matching/verdict.py): a pure function
of a spelling, the term, the real word frequencies and the settings."""
from __future__ import annotations

import pytest

from translate.arabic.lexicon import default_lexicon
from translate.arabic.normalize import normalize
from translate.glossary import Glossary
from translate.glossary.model import Term
from translate.matching import Matcher
from translate.matching.match import AmbiguitySettings
from translate.matching.index import TermIndex
from translate.matching.verdict import Verdict, verdict


def _verdict(target: str, spelling: str, type: str = "person", word: str | None = None, plen: int = 0,
             settings: AmbiguitySettings | None = None) -> Verdict:
    glossary = Glossary(terms=[Term(target, (spelling,), type)])
    stem = normalize(spelling)
    entry = TermIndex(glossary).single[stem][0]
    return verdict(word or stem, plen, stem, 1, entry, glossary.terms[0], default_lexicon(), settings or AmbiguitySettings())


@pytest.mark.parametrize("target, spelling, type, expected", [
    ("Esper", "إسبر", "person", Verdict.ANCHOR),            # rare as a word: a name, and vouches for neighbours
    ("Iraq", "العراق", "place", Verdict.KEEP),               # common, but a place discussed as a place
    ("Fi", "في", "person", Verdict.DROP),                    # a two-letter particle is never a name alone
    ("Bassam", "بسام", "person", Verdict.NEEDS_NAME),        # an Arabic word too: a title or a name next to it
    ("Amam", "أمام", "person", Verdict.NEEDS_TITLE_HERE),    # "in front of": a title right before it
    ("Ali", "علي", "person", Verdict.NEEDS_LISTED_TITLE),    # among the commonest words ("on")
])
def test_verdicts_on_real_frequencies(target, spelling, type, expected):
    assert _verdict(target, spelling, type) is expected


def test_groups_say_what_a_hit_needs():
    assert Verdict.KEEP.sure and Verdict.ANCHOR.sure and not Verdict.KEEP.need
    assert Verdict.NEEDS_NAME.open and Verdict.NEEDS_TITLE.open
    assert Verdict.DROP.shut and not Verdict.DROP.kept and Verdict.NEEDS_TITLE_HERE.shut and Verdict.NEEDS_TITLE_HERE.kept
    assert all(sum((v.sure, v.open, v.shut)) == 1 for v in Verdict)


def test_without_context_an_ambiguous_spelling_is_dropped():
    assert _verdict("Bassam", "بسام", settings=AmbiguitySettings(context=False)) is Verdict.DROP
    assert _verdict("Esper", "إسبر", settings=AmbiguitySettings(context=False)) is Verdict.ANCHOR


def test_clitics_on_a_name():
    assert _verdict("Esper", "إسبر", word="واسبر", plen=1) is Verdict.ANCHOR   # و + Esper
    # no article on a personal name: refused, and reported as a doubtful clitic (issue 12)
    assert _verdict("Esper", "إسبر", word="الاسبر", plen=2) is Verdict.DOUBTFUL_CLITIC
    assert not Verdict.DOUBTFUL_CLITIC.kept and Verdict.DOUBTFUL_CLITIC.reported and not Verdict.DROP.reported


def test_needs_is_the_verdicts_note():
    glossary = Glossary(terms=[Term("Ali", ("علي",), "person"), Term("Esper", ("إسبر",), "person")])
    matcher = Matcher(glossary)
    assert matcher.needs(0, "علي") == Verdict.NEEDS_LISTED_TITLE.need
    assert matcher.needs(1, "إسبر") is None
