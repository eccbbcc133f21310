"""What produced a QA result, so anyone can reproduce and audit it.

``run_qa`` signs its report (:mod:`translate.qa.signature`: the tarjama version,
the sha256 of every glossary file, the model when a model made the translation,
the checks run and every threshold); here are the model record and
``signature_string``, the one-line form for the terminal and for pasting into tickets.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from ..qa.signature import build_signature, file_sha256

__all__ = ["build_signature", "engine_string", "file_sha256", "input_records", "model_info", "signature_string"]


def model_info(spec: str) -> dict[str, Any]:
    """Name and sha256 of the model that produced the translation (from its
    install manifest; for a bare model directory, the sha256 of model.bin)."""
    from ..models import store

    path = store.resolve(spec)
    manifest = store.read_manifest(path)
    if manifest is not None:
        return {"name": manifest.name, "sha256": manifest.sha256, "source": manifest.source}
    weights = path / "model.bin"
    return {"name": path.name, "sha256": file_sha256(weights) if weights.is_file() else None, "source": str(path)}


def input_records(source: str, target: str | None, documents: Sequence[Any]) -> list[dict[str, Any]]:
    """What was checked: each input file with its sha256 and segment count
    (stdin is named ``-`` with no hash; a directory pair lists its files)."""

    def record(role: str, path: str | None, segments: int, **more: Any) -> dict[str, Any]:
        real = path is not None and path != "-" and Path(path).is_file()
        return {"role": role, "file": path or "-", "sha256": file_sha256(path) if real else None,
                "segments": segments, **more}

    total = sum(len(d.segments) for d in documents)
    if target is None:
        return [record("batch", source, total, documents=len(documents))]
    if Path(source).is_dir():
        return [record(role, getattr(d, f"{role}_path"), len(d.segments))
                for d in documents for role in ("source", "target")]
    return [record("source", source, total), record("target", target, total)]


def signature_string(sig: dict[str, Any]) -> str:
    """``tarjama:0.1.0|wordfreq:3.1.1|glossary:us-iraq-news.yaml@1a2b3c4d|model:none|checks:…|fuzzy:0.75|…``"""
    parts = [f"tarjama:{sig.get('tarjama')}"]
    if sig.get("wordfreq"):
        parts.append(f"wordfreq:{sig['wordfreq']}")
    for i in sig.get("inputs", []):
        parts.append(f"input:{Path(i['file']).name}@{(i.get('sha256') or 'stdin')[:12]}")
    for g in sig.get("glossaries", []):
        parts.append(f"glossary:{Path(g['file']).name}@{g['sha256'][:12]}")
    model = sig.get("model")
    parts.append(f"model:{model['name']}@{(model.get('sha256') or 'unknown')[:12]}" if model else "model:none")
    if model and model.get("device"):  # model=Translator.signature(): how the engine ran
        parts.append(engine_string(model, with_model=False))
    parts.append("checks:" + ",".join(sig.get("checks", [])))
    t = sig.get("thresholds", {})
    m = t.get("matching", {})
    if m:
        f, a = m.get("fuzzy", {}), m.get("ambiguity", {})
        parts.append(f"fuzzy:{f.get('min_score') if f.get('enabled') else 'off'}")
        parts.append(f"ambiguous:{a.get('min_zipf')},{a.get('foreign_min_zipf')}/{a.get('margin')}"
                     f",{a.get('long_spelling_margin')}@{a.get('long_spelling')}")
        parts.append(f"context:{a.get('context_max_gap') if a.get('context') else 'off'}")
    r = t.get("renderings", {})
    if r:
        parts.append(f"variant:{r.get('min_variant_similarity')}")
    q = t.get("qa", {})
    parts.extend(f"{k}:{v}" for k, v in q.items())
    return "|".join(parts)


def engine_string(engine: dict[str, Any], with_model: bool = True) -> str:
    """``model:opus-mt-ar-en@1a2b3c4d5e6f|family:marian|device:cpu|compute:int8|beam:4``
    from ``Translator.signature()``."""
    parts = [f"model:{engine.get('name')}@{str(engine.get('sha256') or 'unknown')[:12]}"] if with_model else []
    parts += [f"family:{engine.get('family')}", f"device:{engine.get('device')}",
              f"compute:{engine.get('compute_type')}", f"beam:{engine.get('beam_size')}"]
    return "|".join(parts)
