"""number: the numbers of the source and the target differ.

Digits are compared as values, not strings: Arabic-Indic (٠-٩) and Eastern
(۰-۹) digits are folded with the normaliser's own table (one character for one,
so spans stay exact); thousands separators (1,000 / 1.000 / ١٬٠٠٠) and decimal
marks (3.5 / 3,5 / ٣٫٥) are read both ways when ambiguous; a unit glued on or
hyphenated (122mm, 122-millimeter) does not hide its number. Small numbers
spelled out (three, fifty-eight / ثلاثة) excuse a digit on the other side, and
English ordinals (17th) need no digit in the Arabic, which spells them out.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Iterable

from ..arabic.clitics import stems
from ..arabic.normalize import TABLE, normalize
from ..arabic.script import ARABIC_WORD
from .base import Check, Finding, SegmentView

_DIGITS = {k: v for k, v in TABLE.items() if len(v) == 1 and v.isdigit()}
_SEPS = ".,\u066b\u066c\u00a0\u202f'"
_ANY_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(rf"\d{{1,2}}:\d\d(?!\d)|\d+(?:[{re.escape(_SEPS)}]\d+)*")
_THOUSANDS_ONLY = "\u066c\u00a0\u202f'"
_DECIMAL_ONLY = "\u066b"

_EN_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_EN_WORDS.update(thirty="30", forty="40", fifty="50", sixty="60", seventy="70", eighty="80",
                 ninety="90", hundred="100", thousand="1000", dozen="12", once="1", twice="2", single="1",
                 both="2", first="1", second="2", third="3", fourth="4", fifth="5", tenth="10")
_AR_WORDS = {normalize(w): v for v, ws in {
    "1": "واحد واحدة الأول الأولى", "2": "اثنان اثنين اثنتان اثنتين مرتين الثاني الثانية",
    "3": "ثلاث ثلاثة الثالث الثالثة", "4": "أربع أربعة الرابع الرابعة", "5": "خمس خمسة الخامس الخامسة",
    "6": "ست ستة السادس", "7": "سبع سبعة السابع", "8": "ثمان ثماني ثمانية الثامن", "9": "تسع تسعة التاسع",
    "10": "عشر عشرة العاشر", "20": "عشرين عشرون", "30": "ثلاثين ثلاثون", "40": "أربعين أربعون",
    "50": "خمسين خمسون", "100": "مائة مئة", "1000": "ألف آلاف", "12": "اثني اثنا",
}.items() for w in ws.split()}
# Arabic says "two <unit>" with the dual of the unit (لأسبوعين, "for 2 weeks";
# ألفين, "2,000"), which a translation writes with the digit.
_DUAL_UNITS = {"2": "يوم أسبوع شهر عام سنت ساعت دقيقت قرن عقد متر كيلومتر ميل دولار شخص طفل رجل جندي",
               "2000": "ألف", "2000000": "مليون", "2000000000": "مليار"}
_AR_WORDS.update({normalize(stem + end): v for v, stems in _DUAL_UNITS.items()
                  for stem in stems.split() for end in ("ين", "ان")})


def _dec(text: str) -> str | None:
    try:
        return format(Decimal(text).normalize(), "f")
    except InvalidOperation:
        return None


def readings(token: str) -> frozenset[str]:
    """Every value a digit string can mean (1,000 is 1000, or 1 in comma-decimal locales;
    04:00 is a time, or the hour 4 that Arabic often writes alone)."""
    if ":" in token:
        hour, minute = token.split(":")
        return frozenset({f"{int(hour)}:{minute}"} | ({str(int(hour))} if minute == "00" else set()))
    parts = re.split(rf"([{re.escape(_SEPS)}])", token)
    groups, seps = parts[0::2], parts[1::2]
    if not seps:
        return frozenset({_dec(token) or token})
    out: set[str] = set()
    if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3 and len(set(seps)) == 1 \
            and seps[0] not in _DECIMAL_ONLY:
        out.add(_dec("".join(groups)) or token)
    last = seps[-1]
    if last in ".,\u066b" and all(s not in (last, *_DECIMAL_ONLY) for s in seps[:-1]) and \
            all(len(g) == 3 for g in groups[1:-1]):
        value = _dec("".join(groups[:-1]) + "." + groups[-1])
        if value:
            out.add(value)
    if not out:  # dates, versions: compare the digit groups themselves
        out.add("|".join(str(int(g)) for g in groups))
    return frozenset(out)


# 300 ألف is 300,000: the Arabic word for thousand after a number multiplies it.
_THOUSAND_AFTER = re.compile(r"\s*(?:ألف|آلاف|الف|ألفا|ألفًا)(?![\u0621-\u064a])")


def _in_code(text: str, start: int) -> bool:
    """Digits glued to a word before them belong to a code or a name (R0, B0AT1,
    OC43, U07.1): they may match a number on the other side (Arabic often writes
    أوه سي 43), but a missing one is not reported. An Arabic proclitic glued to
    a number (و٣٫٥, ب5) is no such word."""
    if not start or not text[start - 1].isalpha():
        return False
    proclitic = text[start - 1] in "وفبلك" and (start == 1 or not text[start - 2].isalpha())
    return not proclitic


def numbers(text: str) -> list[tuple[int, int, str, frozenset[str]]]:
    folded = text.translate(_DIGITS)
    out = []
    for m in _NUMBER.finditer(folded):
        values = readings(m.group())
        if _THOUSAND_AFTER.match(text, m.end()):
            values |= {_dec(v + "e3") or v for v in values if "|" not in v}
        out.append((m.start(), m.end(), text[m.start():m.end()], values))
    return out


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_COMPOUND = re.compile(r"\b(" + "|".join(_TENS) + r")[-\s](one|two|three|four|five|six|seven|eight|nine)\b")
# 12th, 21st, the 1980s: Arabic writes ordinals and decades as words (الثانية عشرة,
# ثمانينيات), so they need no digit there.
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th|s)\b")  # and decades: the 1980s


# Roman numerals (World War II, type-II, angiotensin II) render Arabic digits; a
# lone "I" is the pronoun unless a hyphen ties it to its word (type-I).
_ROMAN = re.compile(r"(?<![\w'’])(?:[IVX]{2,5}|(?<=-)I)(?![\w'’])")


def _to_roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


# Only well-formed numerals count (IIX and VV are not numbers).
_ROMAN_NUMERALS = {_to_roman(n): n for n in range(1, 40)}


def _english_words(text: str) -> set[str]:
    low = text.lower()
    out = {_EN_WORDS[w] for w in re.findall(r"[a-z]+", low) if w in _EN_WORDS}
    out.update(str(_TENS[a] + int(_EN_WORDS[b])) for a, b in _COMPOUND.findall(low))
    out.update(str(_ROMAN_NUMERALS[r]) for r in _ROMAN.findall(text) if r in _ROMAN_NUMERALS)
    return out


def _arabic_words(text: str) -> set[str]:
    out = set()
    for w in ARABIC_WORD.findall(normalize(text)):
        # The word itself, else the least stripped reading without proclitics.
        value = next((_AR_WORDS[stem] for _, stem in stems(w, min_stem=2) if stem in _AR_WORDS), None)
        if value is not None:
            out.add(value)
    return out


def _unmatched(side, other, words: set[str]):
    values = set().union(*(r for *_, r in other)) if other else set()
    return [n for n in side if not (n[3] & values) and not (n[3] & words)]


class Number(Check):
    name = "number"
    severity = "error"
    description = "numbers differ between source and target (any digits, separators, units)"

    def segment(self, view: SegmentView) -> Iterable[Finding]:
        src_text, tgt_text = view.segment.source, view.segment.target
        if _ANY_DIGIT.search(src_text) is None and _ANY_DIGIT.search(tgt_text) is None:
            return
        src, tgt = numbers(src_text), numbers(tgt_text)
        missing = [n for n in _unmatched(src, tgt, _english_words(tgt_text) if src else set())
                   if not _in_code(src_text, n[0])]
        extra = [n for n in _unmatched(tgt, src, _arabic_words(src_text) if tgt else set())
                 if not _ORDINAL_SUFFIX.match(tgt_text, n[1]) and not _in_code(tgt_text, n[0])]
        if not missing and not extra:
            return
        parts = []
        if missing:
            parts.append("source has " + ", ".join(n[2] for n in missing) + " (not in the target)")
        if extra:
            parts.append("target has " + ", ".join(n[2] for n in extra) + " (not in the source)")
        yield self.finding(view, "numbers differ: " + "; ".join(parts),
                           evidence=", ".join(n[2] for n in extra) or ", ".join(n[2] for n in missing),
                           source_spans=tuple((a, b) for a, b, *_ in missing),
                           target_spans=tuple((a, b) for a, b, *_ in extra))
