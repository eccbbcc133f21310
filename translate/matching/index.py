"""The lookup tables built once per glossary.

Every key is normalised (see :mod:`translate.arabic.normalize`). A spelling is
indexed under several keys so that the text side needs only dictionary lookups:

* one-word spellings by themselves; multi-word spellings as a word tuple *and*
  glued together (عبد المهدي ↔ عبدالمهدي); compound one-word spellings
  (عبدالمهدي, ابوبكر) also split after their first element;
* spellings starting with the article ال also without it (للبنتاغون = ل + ال…);
* the English target when it is written in Latin letters (names left in Latin
  inside Arabic text);
* for transliterated names, the consonant skeleton (unseen vowel spellings) and,
  for multi-word names, each word left out in turn (one-word slips).

Built with batch normalisation so a 65k-name list indexes in about a second.
"""
from __future__ import annotations

import re
from itertools import repeat
from typing import NamedTuple

from ..arabic.normalize import normalize_many
from ..arabic.morphology import ARTICLE, COMPOUND_HEADS, GOD, NATIVE_LETTERS, definiteness_forms, split_compound
from ..arabic.phonetic import skeletons
from ..arabic.script import WORD
from ..bulk import gc_paused
from ..glossary.model import TRANSLITERATED_TYPES, Glossary, Term

_LATIN = re.compile(r"[A-Za-z]")
MIN_FUZZY_WORD = 4  # letters; shorter words are too easy to hit by chance


class Entry(NamedTuple):
    term_id: int
    variant: str            # the spelling as written in the glossary
    words: tuple[str, ...]  # normalised words of this key
    latin: bool
    # The term's type and target, copied at build time: the hot path reads them
    # per hit, and an attribute of a NamedTuple is read at C speed where
    # ``terms[entry.term_id].type`` indexes a list and reads an unslotted object.
    type: str
    target: str


def _compound_forms(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Every way of writing a name's compounds joined or apart: حسن نصر الله,
    حسن نصرالله; عادل عبد المهدي, عادل عبدالمهدي."""
    parts = [p for w in words for p in split_compound(w)]
    joints = [k for k in range(len(parts) - 1) if parts[k] in COMPOUND_HEADS or parts[k + 1] == GOD]
    forms = [words]
    for mask in range(1 << len(joints)):
        joined = {joints[b] for b in range(len(joints)) if mask >> b & 1}
        out, i = [], 0
        while i < len(parts):
            if i in joined and i + 1 < len(parts):
                out.append(parts[i] + parts[i + 1])
                i += 2
            else:
                out.append(parts[i])
                i += 1
        if tuple(out) not in forms:
            forms.append(tuple(out))
    return forms


def _extra_keys(words: tuple[str, ...], lexical: bool = False) -> list[tuple[str, ...]]:
    """Other keys one Arabic spelling is found under (compounds, article; for a
    multi-word term, its phrase indefinite and definite)."""
    keys = _compound_forms(words)
    if lexical and len(words) > 1:
        keys += [k for k in definiteness_forms(words) if k not in keys]
    if len(words) > 1 and ("".join(words),) not in keys:
        keys.append(("".join(words),))
    for k in list(keys):
        if k[0].startswith(ARTICLE) and len(k[0]) >= 5:
            keys.append((k[0][2:],) + k[1:])
    return keys


class TermIndex:
    """All lookup tables for one glossary."""

    @gc_paused()
    def __init__(self, glossary: Glossary):
        self.terms: list[Term] = glossary.terms
        self.single: dict[str, list[Entry]] = {}
        self.multi: dict[tuple[str, ...], list[Entry]] = {}
        self.multi_first: dict[str, int] = {}
        self.skeletons: dict[str, list[Entry]] = {}
        self.wildcards: dict[tuple, list[tuple[Entry, int]]] = {}
        self.wild_words: set[str] = set()
        self.multi_lengths: set[int] = set()
        #: Words of the glossary's multi-word person names (ترامب of دونالد ترامب):
        #: the glossary itself says they name a person.
        self.surnames: set[str] = set()

        terms = self.terms
        ids = [k for k, term in enumerate(terms) for _ in term.source]
        spellings = [sp for term in terms for sp in term.source]
        latin_ids = [k for k, term in enumerate(terms) if _LATIN.search(term.target)]
        ids += latin_ids
        spellings += [terms[k].target for k in latin_ids]
        latin = [False] * (len(spellings) - len(latin_ids)) + [True] * len(latin_ids)
        norms = normalize_many(spellings)
        types, targets = [t.type for t in terms], [t.target for t in terms]
        # Entries built in one C-level pass (a 65k-name list has 130k of them);
        # Entry.words of a one-word spelling is the 1-tuple that zip() yields.
        entries = list(map(tuple.__new__, repeat(Entry), zip(
            ids, spellings, zip(norms), latin, map(types.__getitem__, ids), map(targets.__getitem__, ids))))

        heads = (ARTICLE,) + COMPOUND_HEADS
        fuzzy_single: list[Entry] = []
        seen: set[tuple[int, tuple[str, ...]]] = set()
        single, multi = self.single, self.multi
        for entry, norm in zip(entries, norms):
            term_id, spelling, _, is_latin, term_type, _ = entry
            if norm.isalnum() and (is_latin or not (norm.startswith(heads) or norm.endswith(GOD))):
                # The common case (one plain word): one key, no compound or article forms.
                # Words split_compound or the article rule would change (heads, ال, …الله) go the long way.
                found = single.get(norm)
                if found is None:
                    single[norm] = [entry]
                elif found[-1].term_id == term_id:
                    continue  # the same term spelled the same after normalisation
                else:
                    found.append(entry)
                words = entry.words
            else:
                words = tuple(WORD.findall(norm))
                if not words:
                    continue
                entry, listed = None, entry
                lexical = term_type not in TRANSLITERATED_TYPES
                for key in ([words] if is_latin else _extra_keys(words, lexical)):
                    if (term_id, key) in seen:
                        continue
                    seen.add((term_id, key))
                    keyed = listed._replace(words=key)
                    if key is words:
                        entry = keyed
                    if len(key) == 1:
                        single.setdefault(key[0], []).append(keyed)
                    else:
                        multi.setdefault(key, []).append(keyed)
                        if self.multi_first.get(key[0], 0) < len(key):
                            self.multi_first[key[0]] = len(key)
                if entry is None:
                    continue
            if is_latin or term_type not in TRANSLITERATED_TYPES:
                continue
            if len(words) == 1:
                if len(words[0]) >= MIN_FUZZY_WORD and not NATIVE_LETTERS.search(spelling):
                    fuzzy_single.append(entry)
            else:
                self._add_wildcards(entry)
        for entry, skel in zip(fuzzy_single, skeletons([e.words[0] for e in fuzzy_single])):
            if len(skel) >= 2:
                self.skeletons.setdefault(skel, []).append(entry)
        #: Two-letter person spellings (جو, ري, لي): never a name alone, but one next
        #: to a sure name (see precision._short_names, which asks this first).
        self.short_people: frozenset[str] = frozenset(
            k for k, entries in single.items()
            if len(k) == 2 and any(e.type == "person" and not e.latin for e in entries))
        # Skeletons shared by different names: an unseen spelling there could be any.
        self.mixed_skeletons: set[str] = {
            skel for skel, entries in self.skeletons.items() if len(entries) > 1 and not self.one_name(entries)}

    def _add_wildcards(self, entry: Entry) -> None:
        words = entry.words
        self.multi_lengths.add(len(words))
        for j, w in enumerate(words):
            if len(w) >= MIN_FUZZY_WORD:
                key = (len(words), j, words[:j] + words[j + 1:])
                self.wildcards.setdefault(key, []).append((entry, j))
        self.wild_words.update(words)
        if entry.type == "person":
            self.surnames.update(words)

    def one_name(self, entries: list[Entry]) -> bool:
        """Do these entries all lead to the same English target?"""
        first = entries[0].target
        return all(e.target == first for e in entries)
