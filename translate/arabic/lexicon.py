"""What real Arabic says about a spelling: is it an ordinary word?

Many Arabic spellings of names are also everyday words (في, على→علي after folding,
ماضي, كمال). We decide from language-wide evidence, not from a list tuned to one
corpus: wordfreq's Arabic frequencies (summed over every surface form that folds to
the same normalised key) compared with how often the *name* is used as a name
(see NAME_LANGUAGES). An ordinary word is far more frequent in Arabic than its
transliteration is as a name (في 7.6 vs "fi" 4.3 on the Zipf scale); a real name
is mentioned about as often in both (بومبيو 2.8 vs "pompeo" 2.6).

The tables take about two seconds to build from wordfreq's lists and are kept on
disk between runs (:mod:`translate.cache`).
"""
from __future__ import annotations

import math
import re
from itertools import repeat
from typing import Callable, Iterable

from ..bulk import gc_paused
from ..cache import load_or_build
from .morphology import adjective_forms, inflected_forms, nisba_forms
from .normalize import normalize_many, table_digest

# Words rarer than this (Zipf) are not worth loading: they can never be "common".
_LOAD_MIN_ZIPF = 2.5
# Rare names (Mickelson, Widodo) are still names: their frequency in the other
# languages is read down to here.
_NAME_MIN_ZIPF = 1.0
# Zipf value of a word wordfreq does not know.
UNKNOWN = 0.0
# Hardly any name is more frequent in English than this (John 5.3, Trump 4.9).
NAME_ZIPF_CAP = 5.0
#: Endings whose written form :meth:`Lexicon.written_zipf` keeps (normalising folds them),
#: and the alef with madda that starts a word (آلان, Alan; الآن, "now", folds the same).
_WRITTEN_ENDINGS = ("ة", "ى")
_WRITTEN_START = "آ"
# Names travel, words do not: a person's name is about as frequent in French or
# German text as in English (john 5.4/4.8/4.9, kavanaugh 3.1/2.4/2.3), while an
# English word that a name list happens to hold is not (list 5.3/3.6/3.9, june
# 5.2/3.4/3.4). The median over these languages and English measures a word's use
# as a name.
NAME_LANGUAGES = ("en", "fr", "de", "es", "it", "nl", "pt")


def _zipf(freq: float) -> float:
    return math.log10(freq * 1e9) if freq > 0 else UNKNOWN


class Lexicon:
    """Normalised Arabic word frequencies, English word frequencies, and how
    often English words are used as names (see NAME_LANGUAGES)."""

    def __init__(self, arabic: dict[str, float] | None = None, english: dict[str, float] | None = None,
                 names: dict[str, float] | None = None):
        self._arabic = arabic
        self._english = english
        self._names = names
        self._name_cache: dict[str, float] = {}
        self._word_cache: dict[str, float] = {}
        self._written: dict[str, float] = {}
        self._nisba: dict[str, float] = {}
        self._adjective: dict[str, float] = {}
        self._inflected: dict[str, float] = {}

    @staticmethod
    def _buckets(lang: str, min_zipf: float) -> list[tuple[float, list[str]]]:
        """wordfreq's words by frequency (bucket i holds words of frequency
        10^(-i/100)), most frequent first, down to ``min_zipf``."""
        import wordfreq

        last = int(round((9 - min_zipf) * 100))
        return [(10 ** (-i / 100), words) for i, words in enumerate(wordfreq.get_frequency_list(lang)[:last + 1])]

    @classmethod
    def _load_arabic(cls) -> dict[str, float]:
        table: dict[str, float] = {}
        for freq, words in cls._buckets("ar", _LOAD_MIN_ZIPF):
            for key in normalize_many(words):
                table[key] = table.get(key, 0.0) + freq
        return table

    @classmethod
    def _load_english(cls) -> dict[str, float]:
        # Below Zipf 2 an English frequency cannot change any decision (see MatchSettings).
        return {w: freq for freq, words in cls._buckets("en", 2.0) for w in words}

    @classmethod
    def _load_names(cls, english: dict[str, float]) -> dict[str, float]:
        """Median frequency over NAME_LANGUAGES of every English word (a name
        rendered in English is an English-table word)."""
        others = [{w: f for f, ws in cls._buckets(lang, _NAME_MIN_ZIPF) for w in ws}
                  for lang in NAME_LANGUAGES if lang != "en"]
        middle = len(NAME_LANGUAGES) // 2
        out = {}
        for word, freq in english.items():
            values = sorted([freq] + [table.get(word, 0.0) for table in others])
            if values[middle]:
                out[word] = values[middle]
        return out

    @classmethod
    def _load_written(cls) -> dict[str, float]:
        """Arabic words as written that normalising changes at their end (ة, ى)
        or start (آ): the only ones :meth:`written_zipf` is asked about."""
        return {w: freq for freq, words in cls._buckets("ar", _LOAD_MIN_ZIPF) for w in words
                if w.endswith(_WRITTEN_ENDINGS) or w.startswith(_WRITTEN_START)}

    @classmethod
    def _build(cls) -> list[dict[str, float]]:
        arabic, english = cls._load_arabic(), cls._load_english()
        return [arabic, english, cls._load_names(english), cls._load_written()]

    def prepare(self) -> "Lexicon":
        """Load the tables now rather than at the first lookup: about 2 s the
        first time on a machine, a few hundredths from the cache afterwards."""
        if self._names is None:
            self._load()
        return self

    @gc_paused()
    def _load(self) -> None:
        from importlib.metadata import version

        key = (f"wordfreq {version('wordfreq')}|{_LOAD_MIN_ZIPF}|{_NAME_MIN_ZIPF}|{','.join(NAME_LANGUAGES)}"
               f"|{table_digest()}|written ة ى آ")
        arabic, english, names, self._written = load_or_build("lexicon", key, self._build)
        if self._arabic is None:
            self._arabic = arabic
        if self._english is None:
            self._english = english
        self._names = names

    def arabic_zipf(self, norm: str) -> float:
        """Zipf frequency of a normalised Arabic word, all its spellings together
        (the matcher's commonest question: a few calls per distinct word, so
        :meth:`prepare` and :func:`_zipf` are inlined)."""
        if self._names is None:
            self._load()
        freq = self._arabic.get(norm, 0.0)  # type: ignore[union-attr]
        return math.log10(freq * 1e9) if freq > 0 else UNKNOWN

    def nisba_zipf(self, norm: str) -> float:
        """Zipf frequency of a normalised word's unambiguous adjective and
        people-plural forms together (:func:`.morphology.nisba_forms`): a place
        or nation is talked about through them (كندا 4.63, الكندية/الكنديين/…
        4.21; أسكتلندا 3.57, الاسكتلندية 3.04), a person seldom (ترامب, مايكل,
        بوتين: none; ناصر 4.88, الناصرية 3.55)."""
        return self._forms_zipf(self._nisba, nisba_forms, norm)

    def adjective_zipf(self, norm: str) -> float:
        """Zipf frequency of a bare word in ـي's other adjective forms together
        (:func:`.morphology.adjective_forms`): Arabic writes an adjective with
        the article and in the feminine too (جيني 3.88: الجيني, جينية, الجينية
        together 3.8; مناعي 2.76: 3.9), a foreign name in ـي seldom (هيلاري,
        توني, ديدي: 0). Arabic names that are adjectives (سامي, راضي) have them."""
        return self._forms_zipf(self._adjective, adjective_forms, norm)

    def inflected_zipf(self, norm: str) -> float:
        """Zipf frequency of a word's Arabic inflections together
        (:func:`.morphology.inflected_forms`): an Arabic word is written with
        the article, a pronoun suffix or another verb ending (هدية 4.61: الهديه
        3.85; تشير 4.92: يشير 4.88; روليت, "roulette", 2.62: الروليت 2.89), a
        name Arabic spells from another language hardly ever (كوليبالي 3.14,
        هيذر 3.26, أونيل 3.51, وايد 3.99: none of them above 2.5, the table's floor)."""
        return self._forms_zipf(self._inflected, inflected_forms, norm)

    def _forms_zipf(self, cache: dict[str, float], forms: Callable[[str], Iterable[str]], norm: str) -> float:
        """Zipf frequency of ``forms(norm)`` together, cached per word: the
        nisba, adjective and inflection tables are asked once per spelling."""
        cached = cache.get(norm)
        if cached is None:
            table = self.prepare()._arabic
            cached = cache[norm] = _zipf(sum(map(table.get, forms(norm), repeat(0.0))))  # type: ignore[union-attr]
        return cached

    def written_zipf(self, word: str) -> float:
        """Zipf frequency of an Arabic word exactly as written (wordfreq keeps
        hamza and ta marbuta apart: كافية 4.69, "sufficient", against كافيه 3.84,
        Café; آلان 4.06, Alan, against الآن 5.97, "now"), for the few hits that
        exist only because normalising folded them; words ending in ة or ى or
        starting with آ only (others: 0)."""
        return _zipf(self.prepare()._written.get(word, 0.0))

    def english_name_zipf(self, target: str) -> float:
        """Zipf frequency in English of a name's most frequent content word,
        capped where English words stop being names (can, been, even)."""
        return self._content_zipf(target, self.prepare()._english, self._word_cache)  # type: ignore[arg-type]

    def name_zipf(self, target: str) -> float:
        """How often a name is used *as a name*: its most frequent content word's
        median frequency over several European languages (see NAME_LANGUAGES), so
        a name list's stray English words (list, june, rider) cannot vouch for an
        Arabic word or win over a real name spelled the same."""
        return self._content_zipf(target, self.prepare()._names, self._name_cache)  # type: ignore[arg-type]

    def name_zipfs(self, targets: Iterable[str]) -> list[float]:
        """:meth:`name_zipf` of many names at once (one spelling's readings:
        a 65k-name list gives محمد dozens): one call, cached ones at C speed."""
        table, cache = self.prepare()._names, self._name_cache
        content = self._content_zipf
        return [cache[t] if t in cache else content(t, table, cache) for t in targets]  # type: ignore[arg-type]

    @staticmethod
    def _content_zipf(target: str, table: dict[str, float], cache: dict[str, float]) -> float:
        cached = cache.get(target)
        if cached is None:
            if target.isalpha():  # one plain word, the common case in name lists: no list
                word = target.lower()
                freq = table.get(word, 0.0) if len(target) > 1 and word not in _EN_FUNCTION_WORDS else 0.0
            else:
                words = [w.lower() for w in _EN_WORD.findall(_APOSTROPHES.sub("", target))
                         if len(w) > 1 and not _HAS_DIGIT.search(w)]
                freq = max([table.get(w, 0.0) for w in words if w not in _EN_FUNCTION_WORDS], default=0.0)
            cached = cache[target] = min(_zipf(freq), NAME_ZIPF_CAP)
        return cached


_EN_FUNCTION_WORDS = frozenset("the of and a an al el in for on at to de la le bin ibn abu".split())
# Initials ("J.", "H") say nothing about how common a name is: words of 2+ letters.
_EN_WORD = re.compile(r"[^\W_]+")
# A word with digits in it (R3hab, B0AT1) is a handle or a code: no frequency
# of its letter pieces ("hab") says how common it is.
_HAS_DIGIT = re.compile(r"\d")
# Romanised ayn/hamza marks inside a name (Mut‘im, Ya'alon) are not word breaks.
_APOSTROPHES = re.compile(r"['’‘ʻʼ`]")


_DEFAULT: Lexicon | None = None


def default_lexicon() -> Lexicon:
    """One shared lexicon per process (the Arabic table is ~20 MB)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Lexicon()
    return _DEFAULT
