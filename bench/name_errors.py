"""A seeded injector of realistic machine-translation name errors.

Into human English whose Arabic source names a glossary term, it writes the
errors MT systems make with names: a vowel or a confusable consonant changed
(Pompeo → Pompao, Bompeo), a letter dropped or doubled, hyphens and spaces moved
(Kim Jong-un → Kim Jong Un, Kimjong-un), a plain letter-by-letter romanisation
of the Arabic (ترامب → Tramb), or a form the glossary forbids. One error per
line, so every other line stays human English and any change there is a false
correction. The same seed gives the same errors.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Sequence

from name_credit import holds
from translate.arabic.normalize import normalize
from translate.glossary import Glossary, Term

KINDS = ("vowel", "consonant", "dropped", "doubled", "hyphen/space", "romanised", "forbidden")

_VOWELS = "aeiou"
_CONFUSABLE = {"t": "d", "d": "t", "b": "p", "p": "b", "k": "g", "g": "k", "c": "k", "q": "k", "s": "z",
               "z": "s", "f": "v", "v": "f", "j": "g", "x": "ks"}
_ROMAN = {"ا": "a", "أ": "a", "إ": "i", "آ": "a", "ء": "", "ؤ": "u", "ئ": "i", "ب": "b", "ت": "t", "ث": "th",
          "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s",
          "ض": "d", "ط": "t", "ظ": "z", "ع": "a", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
          "ن": "n", "ه": "h", "و": "u", "ي": "i", "ى": "a", "ة": "a", "پ": "p", "ڤ": "v", "گ": "g", "چ": "ch"}


@dataclass(frozen=True)
class Injection:
    """One error written into line ``line`` (1-based) at ``start:end`` of the new line."""

    line: int
    start: int
    end: int
    wrong: str
    target: str
    kind: str
    type: str


def romanise(arabic: str) -> str:
    """Letter-by-letter Latin spelling of an Arabic name, as a naive MT system
    writes an unknown name (و and ي are w/y at the start of a word)."""
    out = []
    for word in arabic.split():
        letters = []
        for k, ch in enumerate(word):
            if k == 0 and ch in "وي":
                letters.append("w" if ch == "و" else "y")
            else:
                letters.append(_ROMAN.get(ch, ""))
        text = re.sub(r"([aiu])\1+", r"\1", "".join(letters))
        if text:
            out.append(text[0].upper() + text[1:])
    return " ".join(out)


def _keep_case(new: str, old: str) -> str:
    return new[0].upper() + new[1:] if old[:1].isupper() and new else new


_POSSESSIVE = re.compile(r"['’]s$")


def _variants(target: str, term: Term, rng: random.Random) -> dict[str, str]:
    """One candidate error of each applicable kind.

    A letter slip falls in the name, never in a possessive ending it (Sainsbury's:
    "Sainsbury'" or "Sainsbury'ss" is no misspelt name); an "error" that is an
    accepted rendering of the term (its ``also`` forms) is no error at all."""
    out: dict[str, str] = {}
    name = _POSSESSIVE.sub("", target)
    low = name.lower()
    vowels = [i for i, c in enumerate(low) if c in _VOWELS]
    if vowels:
        i = rng.choice(vowels)
        vowel = rng.choice([v for v in _VOWELS if v != low[i]])
        out["vowel"] = target[:i] + _keep_case(vowel, target[i]) + target[i + 1:]
    cons = [i for i, c in enumerate(low) if c in _CONFUSABLE and not (c == "c" and low[i + 1:i + 2] == "h")]
    if cons:
        i = rng.choice(cons)
        out["consonant"] = target[:i] + _keep_case(_CONFUSABLE[low[i]], target[i]) + target[i + 1:]
    inner = [i for i in range(1, len(name)) if name[i].isalpha() and name[i - 1] != " "]
    if inner:
        i = rng.choice(inner)
        out["dropped"] = target[:i] + target[i + 1:]
    singles = [i for i in range(1, len(name)) if low[i].isalpha() and low[i] not in _VOWELS
               and low[i - 1:i] != low[i] and low[i + 1:i + 2] != low[i]]
    if singles:
        i = rng.choice(singles)
        out["doubled"] = target[:i + 1] + target[i] + target[i + 1:]
    if "-" in target:
        out["hyphen/space"] = rng.choice([target.replace("-", " "), target.replace("-", "")])
    elif " " in target:
        parts = target.split(" ")
        out["hyphen/space"] = rng.choice(["-".join(parts), parts[0] + "".join(p.lower() for p in parts[1:])])
    roman = romanise(term.source[0])
    if roman:
        out["romanised"] = roman
    if term.forbidden:
        out["forbidden"] = rng.choice(term.forbidden)
    right = {form.lower() for form in term.accepted_renderings()} | {target.lower()}
    return {k: v for k, v in out.items() if v.lower() not in right}


def inject(arabic: Sequence[str], english: Sequence[str], glossary: Glossary,
           seed: int = 12) -> tuple[list[str], list[Injection]]:
    """The English with one error written into each line that names a term in
    both languages, and the record of every error written."""
    rng = random.Random(seed)
    spellings = {id(t): {normalize(s) for s in t.source} for t in glossary.terms}
    out, done = list(english), []
    by_length = sorted(glossary.terms, key=lambda t: -len(t.target))
    for no, (ar, en) in enumerate(zip(arabic, english), 1):
        found: list[tuple[int, int, Term]] = []
        for term in by_length:
            for m in re.finditer(r"(?<![\w-])" + re.escape(term.target) + r"(?![\w-])", en):
                if not any(s < m.end() and m.start() < e for s, e, _ in found) and holds(ar, spellings[id(term)]):
                    found.append((m.start(), m.end(), term))
        if not found:
            continue
        start, end, term = rng.choice(sorted(found, key=lambda f: f[0]))
        variants = _variants(term.target, term, rng)
        if not variants:
            continue
        kind = rng.choice(sorted(variants))
        wrong = variants[kind]
        out[no - 1] = en[:start] + wrong + en[end:]
        done.append(Injection(no, start, start + len(wrong), wrong, term.target, kind, term.type))
    return out, done
