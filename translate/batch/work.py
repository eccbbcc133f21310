"""The per-document function every executor runs: bytes in, output bytes and a
record out — translate → enforce → QA, never touching the file system.

Why pure: the same function runs in this process, in ``--workers`` processes
and on Ray actors on other machines, so it gets the input bytes and returns the
output bytes; the coordinator alone writes files and the manifest. One
:class:`Runtime` (model, glossary, enforcer) is built per worker and reused for
every document it processes.

Per unit: a unit without a target is translated (unless ``--no-translate``),
with the glossary protected and enforced through the engine; a unit that has a
target is enforced. Then QA runs on the document, and units with findings of
severity warning or worse are marked for review in formats that carry a state
(XLIFF state, PO ``fuzzy``).
"""
from __future__ import annotations

import traceback
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from ..documents import Document, Segment
from .settings import BatchSettings

if TYPE_CHECKING:
    from ..glossary import Glossary

#: Findings of these severities put a unit up for review.
REVIEW_SEVERITIES = ("error", "warning")


@dataclass
class DocResult:
    """What happened to one document (JSON-ready, stored in the manifest)."""

    name: str
    status: str                      # "done" or "failed"
    reason: str | None = None
    format: str | None = None
    units: int = 0
    translated: int = 0
    corrections: int = 0
    unplaced: int = 0
    review: int = 0
    segments: list[tuple[str, str]] = field(default_factory=list)
    output: bytes | None = field(default=None, repr=False)

    def record(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("output")
        return out

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> "DocResult":
        record = dict(record)
        record["segments"] = [tuple(s) for s in record.get("segments", [])]
        return cls(**record)


class _Decoding:
    """The translator as the glossary engine sees it: decoding runs outside the
    runtime's lock, so documents overlap on CTranslate2's threads while the
    Python glossary code (matching, protection, enforcement, QA) runs one
    document at a time. Measured: with two documents in flight that code was
    not thread-safe (the same input gave different outputs from run to run),
    and it is a small share of the time next to decoding."""

    def __init__(self, translator, lock):
        self.translator = translator
        self.lock = lock

    @property
    def options(self):
        return self.translator.options

    def translate_sentences(self, sentences, options=None):
        self.lock.release()
        try:
            return self.translator.translate_sentences(sentences, options)
        finally:
            self.lock.acquire()


class Runtime:
    """What a worker loads once: the translator (only when translating), the
    glossary with its matcher and enforcer, and the QA settings.

    Safe to share between threads: :func:`process_document` holds ``lock``
    except while decoding."""

    def __init__(self, settings: BatchSettings, inter_threads: int | None = None, intra_threads: int | None = None,
                 glossary: Glossary | None = None):
        """``glossary``: ``settings.glossaries`` already loaded in this process (not read again)."""
        from ..enforce import Enforcer
        from ..glossary import Glossary, load_glossaries
        from ..matching import Matcher, MatchSettings
        from ..qa import QASettings

        import threading

        self.settings = settings
        self.lock = threading.Lock()
        if glossary is None:
            glossary = load_glossaries(list(settings.glossaries)) if settings.glossaries else Glossary()
        self.glossary = glossary
        self.match_settings = MatchSettings()
        self.qa_settings = QASettings()
        self.matcher = Matcher(self.glossary, self.match_settings)
        self.enforcer = Enforcer(self.glossary, matcher=self.matcher) if self.glossary.terms else None
        self.translator = None
        if settings.translate:
            from ..engine import DecodeOptions, Translator
            from ..engine.hooks import wants_attention

            # spread_batches off: a document's batches, hence its bytes, must not depend on the threads
            options = DecodeOptions(beam_size=settings.beam_size,
                                    return_attention=wants_attention(list(settings.glossaries)),
                                    spread_batches=False, **dict(settings.decode))
            self.translator = Translator(settings.model, compute_type=settings.compute_type, options=options,
                                         inter_threads=inter_threads, intra_threads=intra_threads)

    # -- translation ----------------------------------------------------------
    def translate(self, texts: list[str]) -> tuple[list[str], int, int]:
        """Translate ``texts`` with one engine call for all their sentences;
        returns the translations and the glossary corrections/unplaced counts."""
        from ..engine import segment
        from ..engine.segment import layout

        engine = _Decoding(self.translator, self.lock)
        if self.enforcer is not None:
            from ..enforce.translation import GlossaryEngine

            engine = GlossaryEngine(engine, self.enforcer)  # per call: it keeps per-call results
        cores = [t.strip() for t in texts]
        docs = [segment(c) for c in cores]
        flat = [s.text for d in docs for s in d.sentences]
        results = engine.translate_sentences(flat) if flat else []
        out: list[str] = []
        k = 0
        for text, core, doc in zip(texts, cores, docs):
            paragraphs = []
            for p in doc.paragraphs:
                sents = results[k:k + len(p.sentences)]
                k += len(p.sentences)
                parts = [sents[0].target] if sents else []
                parts += [j + s.target for j, s in zip(p.joiners(), sents[1:])]
                paragraphs.append("".join(parts))
            body = layout(doc, paragraphs) if core else ""
            lead = text[:len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()):] if core else ""
            out.append(lead + body + trail)
        lines = getattr(engine, "results", [])
        return out, sum(len(r.corrections) for r in lines), sum(len(r.unplaced) for r in lines)

    # -- enforcement and QA -----------------------------------------------------
    def enforce(self, sources: list[str], targets: list[str]) -> tuple[list[str], int, int]:
        if self.enforcer is None or not sources:
            return targets, 0, 0
        results = self.enforcer.enforce_lines(sources, targets)
        return ([r.text for r in results], sum(len(r.corrections) for r in results),
                sum(len(r.unplaced) for r in results))

    def qa(self, documents: list[Document]):
        from ..qa import run_qa

        checks = list(self.settings.checks) or None
        return run_qa(documents, self.glossary, checks=checks, match_settings=self.match_settings,
                      settings=self.qa_settings, matcher=self.matcher)


def process_document(name: str, data: bytes, runtime: Runtime) -> DocResult:
    """One document through the pipeline; any failure is a ``failed`` result
    with its reason, never an exception (one bad document must not sink a job)."""
    with runtime.lock:
        return _process(name, data, runtime)


def _process(name: str, data: bytes, runtime: Runtime) -> DocResult:
    from .. import formats
    from ..errors import TarjamaError

    settings = runtime.settings
    try:
        doc = formats.parse(data, name, settings.fmt, source_lang=settings.source_lang,
                            target_lang=settings.target_lang)
        result = DocResult(name, "done", format=doc.format, units=len(doc.units))
        has = [bool(u.target and u.target.strip()) for u in doc.units]
        targets = [u.target or "" for u in doc.units]
        todo = [i for i, h in enumerate(has) if not h and doc.units[i].source.strip()]
        if settings.translate and todo:
            try:
                new, fixed, unplaced = runtime.translate([doc.units[i].source for i in todo])
            except TarjamaError:
                raise
            except Exception as exc:  # the engine failing on this document
                return DocResult(name, "failed", f"translation failed: {type(exc).__name__}: {exc}",
                                 doc.format, len(doc.units))
            for i, text in zip(todo, new):
                targets[i] = text
            result.translated, result.corrections, result.unplaced = len(todo), fixed, unplaced
        elif not settings.translate and not any(has):
            return DocResult(name, "failed", "no translations to check (--no-translate, and the file has no "
                             "targets)", doc.format, len(doc.units))
        done = [i for i, h in enumerate(has) if h]
        fixed_text, fixed, unplaced = runtime.enforce([doc.units[i].source for i in done], [targets[i] for i in done])
        for i, text in zip(done, fixed_text):
            targets[i] = text
        result.corrections += fixed
        result.unplaced += unplaced
        segments = [Segment(i, u.source, t, name) for i, (u, t) in enumerate(zip(doc.units, targets), 1)]
        report = runtime.qa([Document(name, segments)])
        flagged = {f.line for f in report.findings if f.severity in REVIEW_SEVERITIES}
        for i, (unit, text) in enumerate(zip(doc.units, targets)):
            if text != (unit.target or "") or (i + 1) in flagged:
                doc.set_target(i, text, review=(i + 1) in flagged)
        result.review = len(flagged)
        result.segments = [(s.source, s.target) for s in segments]
        result.output = doc.to_bytes()
        return result
    except TarjamaError as exc:
        where = f"line {exc.line}: " if exc.line else ""
        return DocResult(name, "failed", where + exc.message)
    except Exception as exc:  # a bug must not sink the job either; keep its trace for the report
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return DocResult(name, "failed", f"internal error: {type(exc).__name__}: {exc} "
                         f"({where.filename.rsplit('/', 1)[-1]}:{where.lineno})")
