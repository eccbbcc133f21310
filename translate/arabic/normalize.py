"""The one place where Arabic orthography is folded.

Two spellings that a reader takes for the same word must compare equal after
:func:`normalize`. The folding table below is the documentation; the tests check it
character by character. Every fold maps one original character to zero, one or more
normalised characters, so :class:`Normalized` can always point back at the exact
span of the original text.

========================  ==========================================  =========
original                  meaning                                     becomes
========================  ==========================================  =========
أ إ آ ٱ ٲ ٳ               alef with hamza/madda/wasla                 ا
ى ی (U+06CC) ې            alef maksura, Farsi yeh                     ي
ک (U+06A9) گ (U+06AF)     Farsi keheh, gaf                            ك
ة                         teh marbuta                                 ه
ؤ ئ                       hamza on waw / yeh seats                    ء
پ ڤ چ                     Persian/loanword letters                    ب ف ج
U+064B–U+065F, U+0670     harakat, shadda, sukun, dagger alef         (removed)
U+06D6–U+06ED             Quranic annotation marks                    (removed)
U+0640                    tatweel (kashida)                           (removed)
U+200B–U+200F, U+061C,    zero-width (non-)joiners, LRM/RLM/ALM,      (removed)
U+202A–U+202E,            bidi embeddings and isolates, BOM
U+2066–U+2069, U+FEFF
٠–٩ (U+0660), ۰–۹         Arabic-Indic and Eastern digits             0–9
U+FB50–U+FDFF,            presentation forms (ﻻ ﷲ ﺍ …)                their NFKC letters,
U+FE70–U+FEFC                                                         folded again
A–Z, À–Þ, Latin Ext-A     Latin capitals (names inside Arabic text)   lower case
========================  ==========================================  =========

Spaces are not touched here: compound names (عبدالمهدي / عبد المهدي) are a
matching concern, handled by the matcher's keys.
"""
from __future__ import annotations

import re
import unicodedata

from ..charmap import dense

ALEF = "\u0627"
YEH = "\u064a"
KAF = "\u0643"
HEH = "\u0647"
HAMZA = "\u0621"

_MAP: dict[str, str] = {
    "\u0623": ALEF, "\u0625": ALEF, "\u0622": ALEF, "\u0671": ALEF, "\u0672": ALEF, "\u0673": ALEF,
    "\u0649": YEH, "\u06cc": YEH, "\u06d0": YEH,
    "\u06a9": KAF, "\u06af": KAF,
    "\u0629": HEH,
    "\u0624": HAMZA, "\u0626": HAMZA,
    "\u067e": "\u0628", "\u06a4": "\u0641", "\u0686": "\u062c",
}

_REMOVED_RANGES = [
    (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED), (0x0640, 0x0640),
    (0x200B, 0x200F), (0x061C, 0x061C), (0x202A, 0x202E), (0x2066, 0x2069), (0xFEFF, 0xFEFF),
]
REMOVED: frozenset[str] = frozenset(chr(c) for lo, hi in _REMOVED_RANGES for c in range(lo, hi + 1))
#: The written marks among them: harakat, shadda, sukun, dagger alef and Quranic
#: marks (U+064B–U+06ED); not tatweel, nor the invisible controls.
MARKS: frozenset[str] = frozenset(c for c in REMOVED if "\u064b" <= c <= "\u06ed")
_NO_MARKS = dense({ord(c): None for c in MARKS})  # a list: read without exceptions (see charmap)


def strip_marks(text: str) -> str:
    """``text`` without its :data:`MARKS`, letters (hamza seats, ة) as written."""
    return text.translate(_NO_MARKS)


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {ord(k): v for k, v in _MAP.items()}
    for ch in REMOVED:
        table[ord(ch)] = ""
    for i in range(10):
        table[0x0660 + i] = str(i)
        table[0x06F0 + i] = str(i)
    for cp in range(0x41, 0x250):  # Latin: fold case where it stays one character
        ch = chr(cp)
        low = ch.lower()
        if low != ch and len(low) == 1:
            table[cp] = low
    for lo, hi in ((0xFB50, 0xFDFF), (0xFE70, 0xFEFC)):
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            nfkc = unicodedata.normalize("NFKC", ch)
            if nfkc != ch:
                table[cp] = "".join(table.get(ord(c), c) for c in nfkc if c != " ")
    return table


TABLE: dict[int, str] = _build_table()
_FAST = dense(TABLE)  # the same table, read without exceptions (see charmap)


def _char_class(chars: list[int]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(chars)) + "]")


# Characters whose fold is not exactly one character: only they shift offsets.
_SHIFTING = _char_class([c for c, v in TABLE.items() if len(v) != 1])
_REMOVING = _char_class([c for c, v in TABLE.items() if len(v) == 0])
_EXPANDING = _char_class([c for c, v in TABLE.items() if len(v) > 1])


def fold_char(ch: str) -> str:
    """What one original character becomes (possibly empty or several characters)."""
    return TABLE.get(ord(ch), ch)


def normalize(text: str) -> str:
    """Fold orthographic variation; runs at C speed via ``str.translate``."""
    return text.translate(_FAST)


def normalize_many(texts: list[str]) -> list[str]:
    """:func:`normalize` for many short strings in one C-level pass."""
    if not texts:
        return []
    joined = "\x00".join(texts)
    if joined.count("\x00") != len(texts) - 1:  # a text holds the separator itself
        return [t.translate(_FAST) for t in texts]
    return _fold_long(joined).split("\x00")


#: No fold yields a character that another fold changes, so folding one
#: character at a time gives what one ``translate`` gives.
_FOLDS_COMMUTE = not any(ord(c) in TABLE for v in TABLE.values() for c in v)
#: Characters of text from which :func:`_fold_long` beats ``translate``.
_LONG = 4096


#: The folded characters nearly every Arabic text holds (ة أ إ ى, tanween, ئ:
#: 95 % of the 16k NTREX has), and the short vowels and shadda of vocalised
#: text: replaced without searching for them first.
_COMMON = tuple(map(ord, "ةأإىًئ" "َُِّْ"))
#: The table's other characters, as a group (``split`` keeps each one found).
_RARE = re.compile(f"({_char_class([c for c in TABLE if c not in _COMMON]).pattern})")


def _fold_long(text: str) -> str:
    """:func:`normalize` for a long text, where ``translate`` makes an int
    object per character of Arabic text (it has no fast path beyond ASCII):
    one ``str.replace`` (memchr speed) per common character of the table, then
    one ``split`` at the others, each folded in the list (the folds commute:
    folding one character at a time gives what ``translate`` gives). A
    ``replace`` per character held copies the whole text each time, and a
    ``findall`` of them made a string per character. NTREX Arabic (0.42 MB):
    6.8 ms with ``translate``, 3.9 ms with a ``replace`` per character held,
    now 2.7 ms (TICO-19 8.8 -> 4.6 ms; a fully vocalised text 16 -> 2.3 ms)."""
    if len(text) < _LONG or not _FOLDS_COMMUTE:
        return text.translate(_FAST)
    for c in _COMMON:
        text = text.replace(chr(c), TABLE[c])
    parts = _RARE.split(text)  # the pieces between the other characters, and those characters
    parts[1::2] = map(TABLE.__getitem__, map(ord, parts[1::2]))
    return "".join(parts)


class Normalized:
    """Normalised text plus the exact map back to the original.

    Every normalised character comes from one original character; :meth:`span`
    turns a normalised ``[start, end)`` into the original ``[start, end)`` that
    produced it, so reports always point at real characters of the user's text.
    Most lines only lose characters (harakat, tatweel, marks), so the map is kept
    as the sorted positions of removed characters; lines with expanding
    characters (ligatures such as ﻻ) get a full per-character table.
    """

    __slots__ = ("original", "text", "_removed", "_starts")

    def __init__(self, original: str, text: str | None = None):
        """``text``: ``normalize(original)`` when already known (a batch of lines
        is normalised in one pass); the offset map is built on first use."""
        self.original = original
        self.text = original.translate(_FAST) if text is None else text
        self._removed: list[int] | None = None
        self._starts: list[int] | None = None

    def _build_map(self) -> None:
        original = self.original
        if len(self.text) == len(original) and _SHIFTING.search(original) is None:
            self._removed = []
        elif _EXPANDING.search(original) is None:
            self._removed = [m.start() for m in _REMOVING.finditer(original)]
        else:
            starts: list[int] = []
            for i, ch in enumerate(original):
                starts.extend([i] * len(TABLE.get(ord(ch), ch)))
            self._starts = starts

    def source_index(self, k: int) -> int:
        """Original index of the character that produced normalised character ``k``."""
        if self._removed is None and self._starts is None:
            self._build_map()
        if self._starts is not None:
            return self._starts[k] if k < len(self._starts) else len(self.original)
        pos = k
        for r in self._removed:  # type: ignore[union-attr]
            if r <= pos:
                pos += 1
            else:
                break
        return pos

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` covering normalised ``text[start:end]`` (end exclusive)."""
        if self._removed is None and self._starts is None:
            self._build_map()
        if self._removed is not None and not self._removed:  # most lines: nothing removed
            return (start, start) if end <= start else (start, end)
        first = self.source_index(start)
        if end <= start:
            return first, first
        return first, self.source_index(end - 1) + 1


def table_digest() -> str:
    """A fingerprint of the folding table: tables keyed by normalised text (the
    cached Arabic word frequencies) are stale when it changes."""
    import hashlib

    return hashlib.sha256(repr(sorted(TABLE.items())).encode()).hexdigest()[:16]
