"""Everything that decides a batch document's output, and its signature.

A document is redone on ``--resume`` when its input bytes or this signature
changed: the model (name and sha256), every glossary file's sha256, the
decoding options, whether to translate, the input format and languages, the QA
checks and the tarjama version. Worker counts, Ray and progress settings are
not in it: they never change an output byte.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..glossary import Glossary


@dataclass(frozen=True)
class BatchSettings:
    model: str | None = None                 # installed model name or directory
    glossaries: tuple[str, ...] = ()
    translate: bool = True                   # False: --no-translate (enforce and QA existing targets)
    fmt: str = "auto"
    source_lang: str = "ar"
    target_lang: str = "en"
    beam_size: int = 4
    compute_type: str = "int8"
    checks: tuple[str, ...] = ()             # empty: every check
    #: Further :class:`~translate.engine.DecodeOptions` fields, e.g.
    #: ``(("max_decoding_length", 40),)`` (benchmarks fix the length so a random model costs what a real one does).
    decode: tuple[tuple[str, Any], ...] = ()
    #: Filled by :func:`resolved`: what the model and glossary files are, by content.
    fingerprints: dict[str, Any] = field(default_factory=dict, compare=False)

    def signature_record(self) -> dict[str, Any]:
        from .. import __version__

        record = asdict(self)
        record.pop("fingerprints")
        record.pop("model")
        record.pop("glossaries")
        record["tarjama"] = __version__
        record.update(self.fingerprints)
        return record

    def signature(self) -> str:
        """sha256 of the record above (what the manifest compares)."""
        text = json.dumps(self.signature_record(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def resolved(settings: BatchSettings, glossary: Glossary | None = None) -> BatchSettings:
    """``settings`` with the model path resolved and content fingerprints taken
    (errors here are the user's: a missing model or glossary, one clear line).
    ``glossary``: ``settings.glossaries`` already loaded, not read again."""
    from dataclasses import replace
    from pathlib import Path

    from ..glossary import load_glossaries
    from ..reports.signature import file_sha256, model_info

    glossary_files: list[str] = []
    if settings.glossaries:
        if glossary is None:
            glossary = load_glossaries(list(settings.glossaries))
        glossary_files = list(glossary.files)
    prints: dict[str, Any] = {"glossaries": [file_sha256(f) for f in glossary_files]}
    model = settings.model
    if settings.translate:
        from ..models import resolve

        from ..engine import validate_model_dir

        path = resolve(model)
        validate_model_dir(path)  # a broken model is one error now, not a failure in every worker
        info = model_info(str(path))
        prints["model"] = {"name": info.get("name"), "sha256": info.get("sha256")}
        model = str(Path(path).resolve())
    return replace(settings, model=model, fingerprints=prints)
