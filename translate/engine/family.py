"""Model families: which tokenizer, language tokens and preprocessing a model needs.

Why: the same CTranslate2 ``translate_batch`` call serves Marian (OPUS-MT,
Tatoeba), NLLB-200 and M2M100, but each was trained on a different input
shape. NLLB translates only when the source is ``arb_Arab ▁pieces… </s>`` and
decoding starts from ``eng_Latn``; M2M100 wants ``__ar__ … </s>`` and
``__en__``; Marian wants bare pieces. Without them the model answers in the
wrong language. The family is read from the directory (the tokenizer class the
converter copied, then the language tokens in the vocabulary, then the
SentencePiece file names) and can be overridden with ``--family``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import TarjamaError

FAMILY_NAMES = ("marian", "nllb", "m2m100")


@dataclass(frozen=True)
class Family:
    """How to feed one kind of model.

    ``source_prefix``/``source_suffix`` wrap the source pieces;
    ``target_prefix`` starts decoding; ``language_token`` recognises every
    language token of the vocabulary, so none reaches the output even when a
    model emits a wrong one. ``moses_punctuation``: the training data went
    through Moses' punctuation normaliser (OPUS-MT's ``preprocess.sh``; the
    NLLB data pipeline), so inputs should too.
    """

    name: str
    #: Tokenizer files, in the order we look for them: (source, target).
    tokenizers: tuple[tuple[str, str], ...]
    source_prefix: tuple[str, ...] = ()
    source_suffix: tuple[str, ...] = ()
    target_prefix: tuple[str, ...] = ()
    language_token: str | None = None
    moses_punctuation: bool = False
    #: The languages, as the family names them, for ``model list``.
    languages: str = "ar→en"

    def special(self, token: str) -> bool:
        """Whether ``token`` is a language or control token that must never be shown."""
        if token in _CONTROL:
            return True
        return self.language_token is not None and re.fullmatch(self.language_token, token) is not None


_CONTROL = frozenset({"<s>", "</s>", "<pad>", "<mask>"})

MARIAN = Family(
    "marian",
    tokenizers=(("source.spm", "target.spm"), ("sentencepiece.model", "sentencepiece.model")),
    # OPUS-MT's preprocess.sh runs Moses' normalize-punctuation.perl before spm_encode.
    moses_punctuation=True,
)
NLLB = Family(
    "nllb",
    tokenizers=(("sentencepiece.bpe.model", "sentencepiece.bpe.model"),),
    # Modern Standard Arabic; NLLB also knows arz_Arab (Egyptian), apc_Arab (Levantine), …
    source_prefix=("arb_Arab",),
    source_suffix=("</s>",),
    target_prefix=("eng_Latn",),
    language_token=r"[a-z]{3}_[A-Z][a-z]{3}",
    moses_punctuation=True,
    languages="arb_Arab→eng_Latn",
)
M2M100 = Family(
    "m2m100",
    tokenizers=(("sentencepiece.bpe.model", "sentencepiece.bpe.model"),),
    source_prefix=("__ar__",),
    source_suffix=("</s>",),
    target_prefix=("__en__",),
    language_token=r"__[a-z]{2,3}__",
    languages="__ar__→__en__",
)
FAMILIES: dict[str, Family] = {f.name: f for f in (MARIAN, NLLB, M2M100)}

#: Hugging Face tokenizer classes, as ``--copy_files tokenizer_config.json`` keeps them.
_TOKENIZER_CLASSES = {
    "nllbtokenizer": "nllb",
    "nllbtokenizerfast": "nllb",
    "m2m100tokenizer": "m2m100",
    "mariantokenizer": "marian",
}


def family_named(name: str) -> Family:
    """The family called ``name`` (``--family``), or a clear error."""
    try:
        return FAMILIES[name.lower()]
    except KeyError:
        raise TarjamaError(f"unknown model family {name!r}; expected one of {', '.join(FAMILY_NAMES)}") from None


def _tokenizer_class(root: Path) -> str | None:
    try:
        data = json.loads((root / "tokenizer_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    klass = data.get("tokenizer_class") if isinstance(data, dict) else None
    return _TOKENIZER_CLASSES.get(str(klass).lower()) if klass else None


def _vocabulary_has(root: Path, tokens: tuple[str, ...]) -> bool:
    """Whether the shared vocabulary (json list or one token per line) holds all ``tokens``."""
    for name in ("shared_vocabulary.json", "shared_vocabulary.txt", "target_vocabulary.json", "target_vocabulary.txt"):
        path = root / name
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return False
        if name.endswith(".json"):
            try:
                vocab = set(json.loads(text))
            except (ValueError, TypeError):
                return False
        else:
            vocab = set(text.splitlines())
        return all(t in vocab for t in tokens)
    return False


def detect_family(root: Path) -> Family:
    """The family of the model in ``root``: the tokenizer class, else the
    language tokens its vocabulary holds, else Marian (SentencePiece pairs)."""
    named = _tokenizer_class(root)
    if named:
        return FAMILIES[named]
    for family in (NLLB, M2M100):
        if _vocabulary_has(root, family.source_prefix + family.target_prefix):
            return family
    return MARIAN
