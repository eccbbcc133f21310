"""A batch job: inputs → OUTDIR, resumable, one report.

Order of effects per document, chosen so a SIGKILL at any instant loses
nothing and doubles nothing: the worker returns the output bytes; the
coordinator writes the output file atomically (temporary file, fsync, rename),
then records the document as done in the SQLite manifest (one transaction). A
kill before the rename leaves the old state and at most a hidden ``.part``
file (removed on resume); a kill between the rename and the manifest commit
leaves a correct output that ``--resume`` rewrites with the same bytes. So
resume redoes at most the documents that were in flight.
"""
from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..errors import InputError
from ..progress import ProgressDisplay
from ..textio import write_bytes_atomic, write_text_atomic
from .inputs import InputDoc, collect
from .manifest import Manifest
from .report import batch_qa, is_drift, render_html, render_json
from .settings import BatchSettings, resolved
from .work import DocResult

if TYPE_CHECKING:
    from ..glossary import Glossary

STATE_DIR = ".tarjama"
REPORT_NAME = "tarjama-report"
REPORT_FORMATS = ("json", "html")


@dataclass
class BatchOutcome:
    results: list[DocResult]
    processed: int
    skipped: int
    findings: int
    drift: int
    reports: list[Path] = field(default_factory=list)
    workers: int = 1  # worker processes or Ray actors the job ran on (1: this process)

    @property
    def failed(self) -> list[DocResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def segments(self) -> int:
        return sum(len(r.segments) for r in self.results)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _clean_partials(outdir: Path) -> None:
    """Temporaries of atomic writes a kill interrupted (``.NAME.xxxx.part``)."""
    for part in outdir.rglob(".*.part"):
        if part.is_file():
            part.unlink()


def _file_sha(path: Path) -> tuple[str, int]:
    """The file's sha256 and size (``""``, 0 when it cannot be read: the worker reports why)."""
    try:
        data = path.read_bytes()
    except OSError:
        return "", 0
    return sha256(data), len(data)


def largest_first(todo: list[tuple[str, Path]], sizes: dict[str, int]) -> list[tuple[str, Path]]:
    """The documents in the order they are handed out: largest first (by input bytes, then name).

    Why: the job ends when its last document does, and while that one decodes
    every other thread or worker idles. Largest first (LPT scheduling) leaves
    the smallest documents for the end, so the threads finish nearly together.
    Outputs never depend on the order (each document is its own batch).
    Measured on the first 30 NTREX documents (base test model, ``--workers 2``,
    each document's CPU time from a traced run, scheduled on two workers): in
    name order the job took 1.8 % longer than a perfect split, one worker
    idling 0.93 s at the end; largest first 0.6 %, 0.31 s. Input bytes are a
    rough measure of a document's cost (0.42-0.92 CPU-s per KB there) but the
    only one known before parsing."""
    return sorted(todo, key=lambda job: (-sizes.get(job[0], 0), job[0]))


def _model_bytes(settings: BatchSettings) -> int:
    """Size of the (resolved) model's weights, 0 without a model."""
    if not settings.translate or not settings.model:
        return 0
    try:
        return (Path(settings.model) / "model.bin").stat().st_size
    except OSError:
        return 0


def make_executor(settings: BatchSettings, workers: int | None, ray: str | None, documents: int,
                  glossary: Glossary | None = None):
    """Where the documents run. ``workers=None`` is ``--workers auto``
    (:func:`~.executors.auto_workers`: this machine's cores and memory, or the Ray cluster's CPUs)."""
    from ..engine.runtime import available_cores, available_memory
    from .executors import InProcess, Processes, RayPool, auto_workers

    if ray is not None:
        return RayPool(settings, workers, None if ray in ("", "local") else ray, documents=documents)
    if workers is None:
        workers = auto_workers(documents, available_cores(), model_bytes=_model_bytes(settings),
                               memory=available_memory())
    if workers > 1:
        return Processes(settings, workers)
    return InProcess(settings, glossary)  # worker processes and Ray actors load their own


def run_batch(inputs: list[str], outdir: str | Path, settings: BatchSettings, *, workers: int | None = 1,
              resume: bool = False, report: str = "json", ray: str | None = None, quiet: bool = False,
              stream: TextIO | None = None, glossary: Glossary | None = None) -> BatchOutcome:
    """Process every input document into ``outdir``; see the module docstring.
    ``workers=None`` (``--workers auto``) chooses from the cores, the memory and the number of documents.
    ``glossary``: ``settings.glossaries`` already loaded (the CLI loads them first to print their
    warnings), so this process does not read them again."""
    if report not in REPORT_FORMATS:
        raise InputError(f"unknown report format '{report}' (expected json or html)")
    if workers is not None and workers < 1:
        raise InputError("--workers must be at least 1")
    out = Path(outdir)
    if out.exists() and not out.is_dir():
        raise InputError("is a file, expected an output directory", str(out))
    docs = collect(inputs, out)
    for d in docs:
        if d.name.split("/")[0] in (STATE_DIR,) or d.name.startswith(REPORT_NAME + "."):
            raise InputError(f"an input named {d.name} would clash with the job's own files", str(d.path))
    state = out / STATE_DIR
    if Manifest.exists(state) and not resume:
        raise InputError("holds a batch job already; add --resume to finish it (documents whose input or "
                         "settings changed are redone), or choose another output directory", str(out))
    if glossary is None and settings.glossaries:  # loaded once for this process: fingerprints, executor, QA
        from ..glossary import load_glossaries

        glossary = load_glossaries(list(settings.glossaries))
    settings = resolved(settings, glossary)  # model and glossary errors before any work
    signature = settings.signature()
    new_out, new_job = not out.exists(), not Manifest.exists(state)
    out.mkdir(parents=True, exist_ok=True)
    _clean_partials(out)
    manifest = Manifest.open(state)
    committed, finished = 0, False
    try:
        manifest.set("settings", signature)
        results: dict[str, DocResult] = {}
        todo: list[tuple[str, Path]] = []
        input_sha: dict[str, str] = {}
        sizes: dict[str, int] = {}
        for d in docs:
            input_sha[d.name], sizes[d.name] = _file_sha(d.path)
            entry = manifest.get(d.name) if resume else None
            if (entry is not None and entry.status == "done" and entry.input_sha256 == input_sha[d.name]
                    and entry.settings == signature and _file_sha(out / d.name)[0] == entry.output_sha256):
                results[d.name] = DocResult.from_record(entry.result)
            else:
                todo.append((d.name, d.path))
        todo = largest_first(todo, sizes)
        progress = ProgressDisplay("batch", len(docs), "documents", quiet=quiet, stream=stream,
                                   initial=len(docs) - len(todo), rate_of="segments")
        executor = make_executor(settings, workers, ray, len(todo), glossary) if todo else None
        try:
            for result in executor.run(todo) if executor else ():
                _commit(manifest, out, result, input_sha[result.name], signature)
                committed += 1
                results[result.name] = result
                progress.advance(1, segments=len(result.segments), failed=int(result.status == "failed"))
        finally:
            progress.close()
            if executor is not None:
                executor.close()
        ordered = [results[d.name] for d in docs]
        qa = batch_qa(ordered, settings, glossary)
        written = [out / f"{REPORT_NAME}.json"]
        write_text_atomic(written[0], render_json(ordered, qa))
        if report == "html":
            written.append(out / f"{REPORT_NAME}.html")
            write_text_atomic(written[1], render_html(qa))
        outcome = BatchOutcome(ordered, len(todo), len(docs) - len(todo), len(qa.findings),
                               sum(is_drift(f) for f in qa.findings), written,
                               executor.workers if executor is not None else 0)
        finished = True
        return outcome
    finally:
        manifest.close()
        if not finished and new_job and not committed:
            _forget_job(out, state, new_out)


def _forget_job(out: Path, state: Path, new_out: bool) -> None:
    """A new job that stopped before any document was done (a model that does not load, workers that
    cannot start, Ctrl-C during start-up) leaves nothing behind, so the same command runs again after
    the fix; a kept manifest would demand --resume for a job that has nothing to resume."""
    shutil.rmtree(state, ignore_errors=True)
    if new_out:
        try:
            out.rmdir()  # only when empty: never a file the job did not make
        except OSError:
            pass


def _commit(manifest: Manifest, out: Path, result: DocResult, input_sha: str, signature: str) -> None:
    """Output file first, then the manifest row (see the module docstring)."""
    target = out / result.name
    if result.status == "done" and result.output is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(target, result.output)
        manifest.record(result.name, input_sha, signature, "done", None, result.name, sha256(result.output),
                        result.record())
    else:
        if target.is_file():
            target.unlink()  # a stale output of an earlier, different input
        manifest.record(result.name, input_sha, signature, "failed", result.reason, None, None, result.record())


__all__ = ["BatchOutcome", "BatchSettings", "InputDoc", "REPORT_FORMATS", "run_batch"]
