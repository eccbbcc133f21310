"""Suggest glossary growth from a corpus.

Two kinds of suggestion, both for a maintainer to review, never applied blindly:

* **variants** — spellings in the corpus that only the matcher's fuzzy pass
  found (an unseen spelling of a listed name: اسبير for Esper). Listing them turns
  a guess into a certainty, and the maintainer sees the ones that are wrong.
* **new entries** (parallel text) — an Arabic word group that keeps appearing in
  the same segments as a capitalised English name. Each English name is paired
  with the Arabic n-gram (1–4 words, proclitics و ف ب ل ك peeled off the first
  word) of highest Dice association, 2·c(A,E) / (c(A)+c(E)) over segments, kept
  when it is consistent (Dice ≥ 0.5, seen together ≥ ``min_count`` times) and
  either sounds like the English (consonant keys, :mod:`translate.english.sounds`)
  or is near-certain by association alone (Dice ≥ 0.9 over 3 segments or more): البيت الأبيض/White House
  sounds like nothing, but always comes with it. Of two groups about as strong,
  the longer wins (البيت الأبيض, not البيت). Weekday and month names are
  capitalised in English but are not names, and are left out.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from ..arabic.clitics import stems
from ..arabic.lexicon import default_lexicon
from ..arabic.normalize import normalize
from ..english.sounds import arabic_key, english_key, key_similarity
from ..glossary.corpus import Doc
from ..glossary.keys import spelling_key
from ..glossary.model import Glossary, Term

CONTEXT_CHARS = 40
MIN_DICE = 0.5
# Association alone (no likeness in sound) must be near-perfect: on NTREX at 0.8
# it let in الفيدرالي/FBI and جمعية ويلز/AMs; at 0.9 it keeps البيت الأبيض/White House
# and المحكمة العليا/Supreme Court.
SURE_DICE = 0.9
# ...and seen together at least this often: two segments make any pair look
# perfect (سوء التغذية/U.K, القس/Rev in a hand-checked NTREX sample).
SURE_TOGETHER = 3
MIN_SOUND = 0.5
MAX_NGRAM = 4
# Arabic words this common (Zipf) are function words, never inside a name (في, من, أن).
FUNCTION_ZIPF = 5.8
# Capitalised in English by convention, not names (and translated, not transliterated).
CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december""".split())
# Titles written before English names (President Donald Trump, Mr Kavanaugh): the
# name is what follows.
TITLES = frozenset("""mr mrs ms miss dr prof president vice sen senator rep gov governor prime minister secretary
general gen judge justice king queen prince princess sir lord lady pope sheikh col capt lt sgt adm chancellor
mayor chairman ambassador officer professor""".split())
# Sentence-initial English words this common are ordinary words capitalised by position.
COMMON_ENGLISH_ZIPF = 4.0


def _context(line: str, start: int, end: int) -> str:
    a, b = max(0, start - CONTEXT_CHARS), min(len(line), end + CONTEXT_CHARS)
    return ("…" if a else "") + line[a:start] + "«" + line[start:end] + "»" + line[end:b] + ("…" if b < len(line) else "")


@dataclass
class Variant:
    term: Term
    spelling: str
    count: int
    score: float          # best fuzzy score seen
    contexts: list[str] = field(default_factory=list)


def fuzzy_variants(docs: list[Doc], glossary: Glossary, min_count: int = 1, matcher=None) -> list[Variant]:
    """Spellings only the fuzzy pass found, most frequent first."""
    from ..matching import Matcher

    matcher = matcher or Matcher(glossary)
    found: dict[tuple[int, str], Variant] = {}
    surfaces: dict[tuple[int, str], Counter] = defaultdict(Counter)
    for doc in docs:
        for k, matches in enumerate(matcher.find_lines(doc.arabic)):
            for m in matches:
                if m.kind != "fuzzy":
                    continue
                key = (id(m.term), spelling_key(m.text))
                v = found.get(key)
                if v is None:
                    v = found[key] = Variant(m.term, m.text, 0, 0.0)
                v.count += 1
                v.score = max(v.score, m.score)
                surfaces[key][m.text] += 1
                if len(v.contexts) < 2:
                    v.contexts.append(f"{doc.where(k)}: {_context(doc.arabic[k], m.start, m.end)}")
    for key, v in found.items():
        v.spelling = surfaces[key].most_common(1)[0][0]
    out = [v for v in found.values() if v.count >= min_count]
    out.sort(key=lambda v: (-v.count, -v.score, v.term.target, v.spelling))
    return out


# --- new entries from parallel text -------------------------------------------

_CAP = r"(?:[A-Z][\w'’.\-]*[\w]|[A-Z])"
_CONNECTOR = r"(?:of|al|bin|ibn|de|del|da|la|le|van|von|der|el|y)"
_NAME = re.compile(rf"{_CAP}(?:[ \-](?:{_CONNECTOR}[ \-])?{_CAP})*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”'‘(]\s*)$")
_AR_TOKEN = re.compile(r"[^\s\d.,;:!?؟،؛«»\"'()\[\]{}<>/\\|*#@%&+=~`^…—–\-]+")


def english_names(text: str) -> list[tuple[int, int, str]]:
    """Capitalised name groups (start, end, name); a sentence-initial common word
    (The, But, In) is not part of a name."""
    from wordfreq import zipf_frequency

    out = []
    for m in _NAME.finditer(text):
        start, name = m.start(), m.group()
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        words = name.split()
        while words and _SENTENCE_START.search(text[:start]) and \
                zipf_frequency(words[0].lower(), "en") >= COMMON_ENGLISH_ZIPF:
            start += len(words[0]) + 1
            words = words[1:]
            if words and not words[0][:1].isupper():
                break
        while words and words[0].rstrip(".").lower() in TITLES:
            start += len(words[0]) + 1
            words = words[1:]
        if not words or not words[0][:1].isupper() or len(words) > MAX_NGRAM:
            continue
        if len(words) == 1 and len(words[0]) < 2:
            continue
        name = " ".join(words)
        if name.lower() in CALENDAR:
            continue
        out.append((start, start + len(name), name))
    return out


def _first_word_forms(norm: str) -> list[str]:
    """A first word and its readings without proclitics, the article kept (والبنتاغون → البنتاغون)."""
    forms = []
    for plen, stem in stems(norm):
        prefix = norm[:plen]
        if prefix.endswith("ال"):
            continue
        if prefix.endswith("لل"):
            stem = "ال" + stem
        forms.append(stem)
    return list(dict.fromkeys(forms))


@dataclass
class Proposal:
    arabic: str
    english: str
    together: int
    arabic_count: int
    english_count: int
    dice: float
    sound: float
    contexts: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return round(self.dice * (0.5 + 0.5 * self.sound), 3)


def _arabic_ngrams(line: str, function_word) -> tuple[dict[str, str], dict[str, tuple[int, int]]]:
    """Normalised n-gram → surface form and span, for every n-gram of a line."""
    tokens = [(m.start(), m.end(), m.group()) for m in _AR_TOKEN.finditer(line)]
    norms = [spelling_key(t[2]) for t in tokens]
    grams: dict[str, str] = {}
    spans: dict[str, tuple[int, int]] = {}
    for i in range(len(tokens)):
        if not norms[i] or " " in norms[i] or function_word(norms[i]):
            continue
        for first in _first_word_forms(norms[i]):
            surface_first = tokens[i][2][len(tokens[i][2]) - len(first):] if not first.startswith("ال") or \
                norms[i].endswith(first) else tokens[i][2]
            key_words = [first]
            for j in range(i, min(len(tokens), i + MAX_NGRAM)):
                if j > i:
                    if not norms[j] or " " in norms[j] or function_word(norms[j]):
                        break
                    key_words.append(norms[j])
                key = " ".join(key_words)
                if len(key.replace(" ", "")) < 3:
                    continue
                if key not in grams:
                    start = tokens[i][1] - len(surface_first)
                    grams[key] = line[start:tokens[j][1]]
                    spans[key] = (start, tokens[j][1])
    return grams, spans


def _stronger(p: Proposal, old: Proposal) -> bool:
    """Higher score wins; within 0.05, the group with more words (a name in full:
    البيت الأبيض, not البيت) unless it sounds less like the name (فريق جاينتس is
    "the Giants team")."""
    if abs(p.score - old.score) <= 0.05 and p.arabic.count(" ") != old.arabic.count(" "):
        longer, shorter = (p, old) if p.arabic.count(" ") > old.arabic.count(" ") else (old, p)
        return (longer if longer.sound >= shorter.sound - 0.1 else shorter) is p
    return p.score > old.score


def _partial(key: str, english: str, sound: float) -> bool:
    """Does a shorter Arabic group sound like only part of the English name (رايدر
    for Ryder Cup, بوسطن for Boston Globe)? Then the name in full is elsewhere,
    or was written too many ways to count; either way this pair is not it."""
    n = key.count(" ") + 1
    words = english.split()
    if n >= len(words):
        return False
    part = max(key_similarity(arabic_key(key), english_key(" ".join(words[i:i + n])))
               for i in range(len(words) - n + 1))
    return part >= 0.8 and part > sound + 0.15


def propose_entries(docs: Iterable[Doc], glossary: Glossary, min_count: int = 2) -> list[Proposal]:
    """New (Arabic, English) entries from parallel documents, best first."""
    lexicon = default_lexicon()
    function_word = lambda w: lexicon.arabic_zipf(w) >= FUNCTION_ZIPF  # noqa: E731
    known_english = {re.sub(r"^the\s+", "", f.casefold()) for t in glossary.terms for f in t.accepted_renderings()}
    known_arabic = {spelling_key(s) for t in glossary.terms for s in t.source}
    c_ar: Counter = Counter()
    c_en: Counter = Counter()
    c_pair: Counter = Counter()
    surface: dict[str, Counter] = defaultdict(Counter)
    example: dict[tuple[str, str], list[str]] = defaultdict(list)
    for doc in docs:
        if doc.english is None:
            continue
        for k, (ar, en) in enumerate(zip(doc.arabic, doc.english)):
            names = {n for _, _, n in english_names(en) if re.sub(r"^the\s+", "", n.casefold()) not in known_english}
            grams, spans = _arabic_ngrams(ar, function_word)
            c_ar.update(grams.keys())
            if not names:
                continue
            c_en.update(names)
            for key, text in grams.items():
                surface[key][text] += 1
            for name in names:
                n = len(name.split())
                for key in grams:
                    if abs(key.count(" ") + 1 - n) <= 1:
                        c_pair[(key, name)] += 1
                        if len(example[(key, name)]) < 2:
                            a, b = spans[key]
                            example[(key, name)].append(f"{doc.where(k)}: {_context(ar, a, b)} | {en}")
    best: dict[str, Proposal] = {}
    for (key, name), together in c_pair.items():
        if together < min_count or key in known_arabic:
            continue
        dice = 2 * together / (c_ar[key] + c_en[name])
        if dice < MIN_DICE:
            continue
        sound = key_similarity(arabic_key(key), english_key(name))
        if sound < MIN_SOUND and (dice < SURE_DICE or together < SURE_TOGETHER):
            continue
        if _partial(key, name, sound):
            continue
        p = Proposal(surface[key].most_common(1)[0][0], name, together, c_ar[key], c_en[name], round(dice, 3),
                     round(sound, 3), example[(key, name)])
        old = best.get(name)
        if old is None or _stronger(p, old):
            best[name] = p
    # One Arabic group, one English name: the strongest pairing keeps it.
    out: list[Proposal] = []
    taken: set[str] = set()
    for p in sorted(best.values(), key=lambda p: (-p.score, -p.together, p.english)):
        key = spelling_key(p.arabic)
        if key in taken:
            continue
        taken.add(key)
        out.append(p)
    out.sort(key=lambda p: (-p.together, -p.score, p.english))
    return out


def patch_yaml(variants: list[Variant], proposals: list[Proposal], glossary_names: list[str]) -> str:
    """A glossary-shaped patch for ``tarjama glossary apply``: each suggestion an
    entry with its evidence as comments, for the maintainer to prune first."""
    from ..glossary.writer import yaml_block

    lines = ["# Suggestions from `tarjama glossary suggest` for " + (", ".join(glossary_names) or "the glossary") + ".",
             "# Review each entry, delete the wrong ones, then: tarjama glossary apply GLOSSARY THIS-FILE",
             "# An entry whose target is already in the glossary adds its spellings to that entry.",
             "name: suggestions", "source_lang: ar", "target_lang: en", "terms:"]
    for v in variants:
        lines.append(f"  # variant: {v.count} occurrence(s), fuzzy score {v.score:.2f}; entry at {v.term.where}")
        lines += [f"  #   {c}" for c in v.contexts]
        record = {"target": v.term.target, "type": v.term.type, "source": [v.spelling]}
        lines.append(yaml_block(record))
    for p in proposals:
        lines.append(f"  # new entry: together in {p.together} segment(s) (Arabic in {p.arabic_count}, English in "
                     f"{p.english_count}); dice {p.dice:.2f}, sound {p.sound:.2f}; set the type")
        lines += [f"  #   {c}" for c in p.contexts]
        lines.append(yaml_block({"target": p.english, "type": "other", "source": [p.arabic]}))
    if not variants and not proposals:
        lines[-1] = "terms: []"
    return "\n".join(lines) + "\n"
