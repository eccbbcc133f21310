"""How protected glossary terms survive decoding (the measurement behind
``translate/enforce/protect.py``'s choice): used by ``bench/enforce_bench.py``
and the test suite, not shipped in the package."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from translate.enforce.protect import Protected, protect, protection_token


def survived(protected: Protected, english: str) -> list[bool]:
    """Which protection tokens appear verbatim in the decoded English."""
    return [token in english for token in protected.tokens]


@dataclass(frozen=True)
class Survival:
    """How one protection mode fared on a set of sentences."""

    mode: str
    terms: int
    unk_free: int   # protections the source and target vocabularies spell without <unk>
    survived: int   # protections found verbatim in the decoded English

    @property
    def rate(self) -> float:
        return self.survived / self.terms if self.terms else 0.0


def _unk_free(sp, text: str) -> bool:
    unk = sp.unk_id()
    return all(i != unk for i in sp.encode(text))


def placeholder(match, k: int) -> str:
    """The alternative to the canonical form: an opaque token put back after decoding."""
    return f"TERM{k}"


def measure_protection(translator, sentences: Sequence[str], matcher, modes: Sequence[str] = ("canonical", "placeholder")) -> list[Survival]:
    """Protect every matched term in ``sentences`` each way, translate, count survivors."""
    out = []
    for mode in modes:
        token = placeholder if mode == "placeholder" else protection_token
        protected = [protect(s, matcher.find(s, k), token=token) for k, s in enumerate(sentences, 1)]
        results = translator.translate_sentences([p.text for p in protected])
        terms = sum(len(p.tokens) for p in protected)
        unk_free = sum(_unk_free(translator.source_sp, t) and _unk_free(translator.target_sp, t)
                       for p in protected for t in p.tokens)
        alive = sum(sum(survived(p, r.target)) for p, r in zip(protected, results))
        out.append(Survival(mode, terms, unk_free, alive))
    return out
