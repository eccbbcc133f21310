"""placeables: URLs, e-mail addresses, hashtags and @handles must reach the
target unchanged — a link or an address that changed by one character is broken.

Each is compared as written (trailing punctuation of the sentence, Arabic or
English, is not part of it). A Latin-script hashtag or handle in the source must
appear in the target (Arabic text often shows it as ``Word#``, typed right to
left: the same tag); an Arabic-script hashtag (#كورونا) may be translated and is
not required. A URL differing only by a final slash is the same URL. A URL or
e-mail in the target that the source does not have is flagged too (an invented
link); an extra hashtag may be a translated Arabic one and is not. Measured on the human English of TICO-19 and
NTREX by bench/qa_checks_bench.py (figures in the README).
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from .base import Check, Finding, SegmentView
from ..arabic.script import ARABIC_BLOCKS as ARABIC

_TRAILING = ".,;:!?)]}\"'\u201d\u2019\u00bb\u060c\u061b\u061f\u06d4"
_PATTERNS = (
    # Arabic letters end a URL: Arabic text often runs on without a space after one.
    ("URL", re.compile(f"(?:https?://|www\\.)[^\\s<>\"\u00ab\u00bb{ARABIC}]+", re.IGNORECASE)),
    ("e-mail", re.compile(r"(?<![A-Za-z0-9.+_%-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")),
    ("hashtag", re.compile(r"(?<![\w&/#])#[A-Za-z_][A-Za-z0-9_]*|(?<![\w&/#])[A-Za-z_][A-Za-z0-9_]*#(?![\w#])")),
    ("handle", re.compile(r"(?<![\w.@/])@[A-Za-z0-9_]{1,30}(?![\w@.]*\.[A-Za-z])")),
)


def _canonical(kind: str, text: str) -> str:
    if kind == "hashtag" and text.endswith("#"):
        return "#" + text[:-1]
    if kind == "URL":
        return text.rstrip("/")
    return text


def placeables(text: str) -> list[tuple[str, str, int, int]]:
    """(kind, text, start, end) of every URL, e-mail, Latin hashtag and @handle."""
    found: list[tuple[str, str, int, int]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            while end > start and text[end - 1] in _TRAILING:
                end -= 1
            if end - start < 2 or any(a < end and start < b for a, b in taken):
                continue
            taken.append((start, end))
            found.append((kind, _canonical(kind, text[start:end]), start, end))
    return sorted(found, key=lambda p: p[2])


class Placeables(Check):
    name = "placeables"
    severity = "error"
    description = "a URL, e-mail address, hashtag or @handle not carried over unchanged"

    def segment(self, view: SegmentView) -> Iterable[Finding]:
        seg = view.segment
        if "@" not in seg.source + seg.target and "#" not in seg.source + seg.target \
                and "www" not in (seg.source + seg.target).lower() and "://" not in seg.source + seg.target:
            return
        src, tgt = placeables(seg.source), placeables(seg.target)
        left = Counter(p[1] for p in tgt)
        for kind, text, start, end in src:
            if left[text]:
                left[text] -= 1
                continue
            near = [p for p in tgt if p[0] == kind and p[1] not in {s[1] for s in src}]
            instead = f"; the target has {near[0][1]!r}" if near else ""
            yield self.finding(view, f"the {kind} {text!r} is not in the target unchanged{instead}", evidence=text,
                               source_spans=((start, end),),
                               target_spans=((near[0][2], near[0][3]),) if near else ())
        extra = [p for p in tgt if left[p[1]] > 0 and p[1] not in {s[1] for s in src}]
        for kind, text, start, end in extra:
            if kind in ("hashtag", "handle") or any(kind == s[0] for s in src):
                continue  # already reported as the changed form of a source one
            yield self.finding(view, f"the {kind} {text!r} is in the target but not in the source", evidence=text,
                               target_spans=((start, end),))
