"""Match records and the settings that produced them."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..glossary.model import Term

KINDS = ("exact", "normalized", "fuzzy")


@dataclass(frozen=True)
class FuzzySettings:
    """What makes an unseen spelling (a slip, another vowel spelling) a match."""

    enabled: bool = True
    min_score: float = 0.75
    # An unseen spelling is weaker evidence than a listed one: any known Arabic
    # word (the frequency table goes down to 2.5) is judged as a word, not a slip.
    word_zipf: float = 2.5


@dataclass(frozen=True)
class AmbiguitySettings:
    """When a spelling that is also an ordinary Arabic word counts as a name."""

    # A single-word spelling is ambiguous when it is this common in Arabic (Zipf)…
    min_zipf: float = 3.0
    # …or this common, for a spelling that looks foreign (none of ع ح ص ض ط ظ ق):
    # there the yardstick, how often Europe uses the name, applies fully (كوف, the
    # CoV of SARS-CoV, is common in Arabic; "Kove" is no name anywhere).
    foreign_min_zipf: float = 2.5
    # …and this much more common in Arabic than the name is as a name (its median
    # frequency over European languages; English alone for places). 0.75: on the
    # NTREX bench 0.5 and 0.75 give the same precision, 0.75 keeps 3 % more names.
    margin: float = 0.75
    # …or this much, for spellings of this many letters or more: a long spelling
    # seldom spells an ordinary word by chance, and names in the news are common
    # in Arabic text for being in the news (نتنياهو 3.95 vs Netanyahu 3.02,
    # أردوغان 4.44 vs 3.63). On NTREX and TICO-19 it finds 22 more right names each
    # at the same precision.
    long_spelling: int = 6
    long_spelling_margin: float = 1.25
    # Places and organisations are discussed far more in Arabic news than in general
    # English text (العراق 5.5 vs Iraq 4.6), so their gap must be wider to count.
    place_margin_bonus: float = 1.0
    # Common words (بأن, أمام: Zipf >= 5) need a title or place word next to them, a
    # neighbouring name is not enough ("بأن ترامب" is "that Trump").
    title_only_zipf: float = 5.0
    # The few hundred most common words (على, كان, إلى) are names only when spelled
    # exactly as the glossary has them and introduced by a title (الرئيس علي).
    never_alone_zipf: float = 6.0
    # Ambiguous spellings still match next to a title or another name…
    context: bool = True
    # …but a neighbouring name only tips a close call: a person's name this much
    # rarer as a name than its spelling is as an Arabic word (100x) needs a title
    # (والدة ريسا is "Risa's mother"; الجنرال سليماني still matches). On NTREX and
    # TICO-19 every name-rescue above 2.0 was wrong (25 and 150), every right one
    # was below 1.8.
    context_max_gap: float = 2.0
    # A clitic reading (و+stem) is doubted when the whole word is this close (Zipf)
    # to the stem's frequency: real "و+name" forms are about ten times rarer.
    clitic_margin: float = 0.7
    # A person's one-word spelling whose adjective forms (الكندية, الكنديين) are
    # common in Arabic and within this much (Zipf) of the spelling names a place or
    # nation (verdict.names_a_place). Nations measure -0.1 to -0.6 (البرتغال, كندا,
    # أسكتلندا, المكسيك), persons -1.0 and below (ناصر, لينين, ستالين, محمد).
    place_nisba_margin: float = 0.7
    # A consonant key this similar to the English name's spells it: a fuzzy
    # one-word spelling must (or it is a word of its own), and a name's frequency
    # vouches for an ambiguous spelling only if it does.
    translit_min: float = 0.6
    # A one-word person name whose English is an everyday English word (Track,
    # Wall, Win, Stars) is that word more often than a name: at least this
    # common in English (Zipf)…
    english_word_zipf: float = 4.0
    # …and this much more common in English than its median over European
    # languages (names travel, words do not: track 5.0 vs 3.6, win 5.0 vs 3.6;
    # Trump 4.9 vs 4.5, Kate 4.3 vs 3.9, Brown 5.0 vs 4.2). Alone it needs a
    # title, a first name or the full name in the document (Verdict.ENGLISH_WORD).
    english_word_margin: float = 1.0


@dataclass(frozen=True)
class MatchSettings:
    """Every threshold that changes what is matched (reported in QA signatures),
    in two groups: ``fuzzy`` (unseen spellings) and ``ambiguity`` (spellings
    that are also Arabic words)."""

    fuzzy: FuzzySettings = field(default_factory=FuzzySettings)
    ambiguity: AmbiguitySettings = field(default_factory=AmbiguitySettings)

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Match:
    """A glossary term found in a line. ``text == line[start:end]`` always holds."""

    line: int
    start: int
    end: int
    text: str
    target: str
    kind: str
    score: float
    term: Term
    variant: str
    #: For a hit the ambiguity policy refused (``Matcher.find_all(refused=…)``):
    #: what the spelling needs to be matched, in a glossary maintainer's words.
    need: str | None = None

    def to_dict(self) -> dict:
        return {
            "line": self.line,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "target": self.target,
            "kind": self.kind,
            "score": round(self.score, 3),
        }
