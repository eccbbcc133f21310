"""Arabic sentence segmentation with exact character offsets.

Why: the model translates sentences, but users hand us documents. We split each
paragraph into sentences the model can handle, keep the exact offsets of every
sentence so later steps (glossary enforcement, QA) can point back into the
source, and keep the document's line layout so the output mirrors the input.

Rules: sentences end at ``. ! ? ؟ ؛ …`` and at line breaks; a full stop inside a
number (``3.5``, ``٣.٥``), a domain or an initial (``د.``) does not end one; a
terminator inside a quotation that the sentence continues after does not end
one; very long sentences are cut at the best nearby break (comma, conjunction,
space) so no piece exceeds ``max_chars``. Everything here is pure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..arabic.script import ARABIC_LETTER

#: Characters that end a sentence on their own.
TERMINATORS = frozenset(".!?؟؛…")
#: Characters that may follow a terminator and still belong to the sentence.
CLOSERS = frozenset("\"'”’»)]}›")
#: Quotation pairs whose inside is protected from splitting.
QUOTE_PAIRS = {"“": "”", "«": "»", "‹": "›", '"': '"'}
#: Secondary breaks for cutting long sentences, best first.
_SOFT_BREAKS = ("؛", ";", "،", ",", ":")
DEFAULT_MAX_CHARS = 400

_DIGIT = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]")


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``text == paragraph.text[start:end]``."""

    text: str
    start: int
    end: int
    #: 1-based line of the document the sentence starts on.
    line: int


@dataclass(frozen=True)
class Paragraph:
    """A run of non-blank lines. ``start`` is its offset in the document."""

    index: int
    text: str
    start: int
    line: int
    sentences: tuple[Sentence, ...]

    def joiners(self) -> list[str]:
        """What separates consecutive sentences in output: a newline where the
        source had a line break between them, else a space."""
        return [
            "\n" if "\n" in self.text[a.end : b.start] else " "
            for a, b in zip(self.sentences, self.sentences[1:])
        ]


@dataclass(frozen=True)
class Document:
    """A segmented document. ``gaps[i]`` is the number of line breaks before
    paragraph ``i`` (the first one counts leading blank lines); ``trailing`` is
    the number after the last paragraph."""

    paragraphs: tuple[Paragraph, ...]
    gaps: tuple[int, ...] = field(default=())
    trailing: int = 0

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]


def _is_digit(ch: str) -> bool:
    return bool(_DIGIT.match(ch))


def _protected_quotes(text: str) -> list[tuple[int, int]]:
    """Spans (open, close) of balanced quotations, on one line each."""
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        closer = QUOTE_PAIRS.get(ch)
        if closer is not None:
            j = i + 1
            while j < n and text[j] != closer and text[j] != "\n":
                j += 1
            if j < n and text[j] == closer:
                spans.append((i, j))
                i = j + 1
                continue
        i += 1
    return spans


def _is_initial(text: str, dot: int) -> bool:
    """A full stop after a lone letter (``د.`` for doctor, ``U.S.``)."""
    if dot == 0 or not text[dot - 1].isalpha():
        return False
    return dot - 1 == 0 or not text[dot - 2].isalnum()


def _boundaries(text: str) -> list[int]:
    """End offsets (exclusive) of sentences in one line of text."""
    quotes = _protected_quotes(text)
    inside = [False] * len(text)
    quote_close = {}
    for a, b in quotes:
        for k in range(a + 1, b):
            inside[k] = True
        quote_close[b] = a
    ends: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch not in TERMINATORS:
            i += 1
            continue
        if inside[i]:
            # Inside a quotation: only a terminator that closes it ends the
            # sentence (after the closing mark).
            j = i
            while j < n and text[j] in TERMINATORS:
                j += 1
            if j < n and j in quote_close:
                j += 1
                while j < n and text[j] in CLOSERS and not inside[j]:
                    j += 1
                ends.append(j)
            i = j
            continue
        j = i
        while j < n and text[j] in TERMINATORS:  # "؟!", "..."
            j += 1
        if ch == "." and j - i == 1:
            before = text[i - 1] if i else ""
            after = text[j] if j < n else ""
            if _is_digit(before) and _is_digit(after):
                i = j
                continue  # 3.5
            if after and not after.isspace() and after not in CLOSERS and not ARABIC_LETTER.match(after):
                i = j
                continue  # example.com, U.S
            if _is_initial(text, i):
                i = j
                continue
        while j < n and text[j] in CLOSERS and not inside[j]:
            j += 1
        if j < n and not text[j].isspace():
            # Glued to the next word: only Arabic sentences run on like this.
            if not ARABIC_LETTER.match(text[j]) and ch in ".…":
                i = j
                continue
        ends.append(j)
        i = j
    return ends


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cut_long(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most ``max_chars`` characters,
    preferring soft punctuation, then a space before the conjunction و, then any
    space, never inside a word unless a word alone is longer than the limit."""
    pieces: list[tuple[int, int]] = []
    while end - start > max_chars:
        limit = start + max_chars
        floor = start + max_chars // 3  # don't make tiny first pieces
        cut = -1
        for mark in _SOFT_BREAKS:
            k = text.rfind(mark, floor, limit)
            if k != -1 and (k + 1 >= len(text) or text[k + 1].isspace()):
                cut = k + 1
                break
        if cut == -1:
            k = text.rfind(" و", floor, limit)
            if k != -1:
                cut = k
        if cut == -1:
            k = text.rfind(" ", floor, limit + 1)
            if k == -1:
                k = text.rfind(" ", start + 1, limit + 1)
            cut = k if k > start else limit
        a, b = _strip_span(text, start, cut)
        if b > a:
            pieces.append((a, b))
        start, end = _strip_span(text, cut, end)
    if end > start:
        pieces.append((start, end))
    return pieces


def split_sentences(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text`` (one paragraph, may contain
    line breaks). Spans are stripped of surrounding whitespace and never empty."""
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        cursor = 0
        for end in _boundaries(line) + [len(line)]:
            a, b = _strip_span(line, cursor, end)
            if b > a:
                for pa, pb in _cut_long(line, a, b, max_chars):
                    spans.append((line_start + pa, line_start + pb))
            cursor = end
        line_start += len(line) + 1
    return spans


def segment(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> Document:
    """Split a document into paragraphs (runs of non-blank lines) and sentences.

    ``\\r\\n`` is treated as ``\\n``. Offsets refer to the text after that
    normalisation (offsets of ``Sentence`` are relative to its paragraph).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[tuple[int, int, int]] = []  # (start, end, first line)
    offset = 0
    current: list[int] | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if current is None:
                current = [offset, offset + len(line), number]
            else:
                current[1] = offset + len(line)
        elif current is not None:
            blocks.append((current[0], current[1], current[2]))
            current = None
        offset += len(line) + 1
    if current is not None:
        blocks.append((current[0], current[1], current[2]))
    paragraphs: list[Paragraph] = []
    gaps: list[int] = []
    previous_end = 0
    for start, end, first_line in blocks:
        ptext = text[start:end]
        sentences = tuple(
            Sentence(ptext[a:b], a, b, first_line + ptext.count("\n", 0, a))
            for a, b in split_sentences(ptext, max_chars)
        )
        paragraphs.append(Paragraph(len(paragraphs), ptext, start, first_line, sentences))
        gaps.append(text.count("\n", previous_end, start))
        previous_end = end
    return Document(tuple(paragraphs), tuple(gaps), text.count("\n", previous_end))


def layout(document: Document, paragraph_texts: list[str]) -> str:
    """Rebuild a document from one output text per paragraph, with the same
    blank lines before, between and after paragraphs as the source."""
    if len(paragraph_texts) != len(document.paragraphs):
        raise ValueError("one text per paragraph expected")
    out: list[str] = []
    for gap, ptext in zip(document.gaps, paragraph_texts):
        out.append("\n" * gap)
        out.append(ptext)
    out.append("\n" * document.trailing)
    return "".join(out)
