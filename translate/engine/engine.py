"""The translation engine: CTranslate2 + SentencePiece behind one small API.

Why this shape: CTranslate2 is fastest when it gets the whole list of sentences
in one ``translate_batch`` call — it sorts by length, cuts batches of
``max_batch_size`` and spreads them over its ``inter_threads`` workers. A Python
loop over chunks leaves all but one worker idle (measured: half the
throughput on 2 cores). So :class:`Translator` hands over everything at once
(one call per decoding limit, all queued before any result is awaited) and only
does preprocessing, tokenization, detokenization and bookkeeping around it.
The model family (:mod:`.family`) decides the language tokens around the
pieces; the translation memory (:mod:`.memory`) skips what was translated before.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Protocol, Sequence

from ..progress import ProgressCallback
from .family import Family
from .memory import TranslationMemory
from .model_dir import ModelError, ModelFiles, validate_model_dir
from .pieces import repetition_keep, source_spans, target_spans
from .preprocess import normalize
from .runtime import batch_size, default_threads, resolve_device, tune_malloc
from .segment import DEFAULT_MAX_CHARS, Document, layout, segment


@dataclass(frozen=True)
class DecodeOptions:
    """Decoding settings passed to ``translate_batch``.

    ``max_decoding_length=None`` means "3× the longest source + 10, at most
    512": long enough for any real translation, short enough that a looping
    model stops. ``batch_type="examples"`` with 32 beat 2048-token batches here.
    """

    beam_size: int = 4
    max_batch_size: int = 32
    batch_type: str = "examples"
    max_decoding_length: int | None = None
    min_decoding_length: int = 0
    repetition_penalty: float = 1.0
    no_repeat_ngram_size: int = 0
    length_penalty: float = 1.0
    return_attention: bool = False
    #: Collapse degenerate loops ("the the the the") in the output.
    repetition_guard: bool = True
    #: Cut a short call into one batch per CTranslate2 worker (:func:`.runtime.batch_size`) so one
    #: article uses every core. Batch jobs turn it off: on CPU a sentence's output depends on the
    #: padding of the batch it shares (NTREX, base test model: 20 of 557 sentences changed at beam 1,
    #: 1 of 557 at beam 4, between one batch per document and batches of 8), so a document's batches
    #: must depend on the document alone, never on the thread count, for ``--workers`` not to change a byte.
    spread_batches: bool = True


@dataclass
class SentenceResult:
    """One translated sentence.

    ``attention[t][s]`` is the weight of source piece ``s`` for target piece
    ``t`` (only with ``return_attention``); ``source_spans[s]`` and
    ``target_spans[t]`` are those pieces' character spans in ``source`` and
    ``target``. ``paragraph``/``line``/``start``/``end`` locate the sentence in
    its document when it came from :meth:`Translator.translate_document`.
    """

    source: str
    target: str
    source_pieces: list[str] = field(default_factory=list)
    target_pieces: list[str] = field(default_factory=list)
    attention: list[list[float]] | None = None
    source_spans: list[tuple[int, int]] | None = None
    target_spans: list[tuple[int, int]] | None = None
    paragraph: int | None = None
    line: int | None = None
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict:
        record = {
            "paragraph": self.paragraph,
            "line": self.line,
            "start": self.start,
            "end": self.end,
            "source": self.source,
            "target": self.target,
        }
        if self.attention is not None:
            record.update(
                source_pieces=self.source_pieces,
                target_pieces=self.target_pieces,
                source_spans=self.source_spans,
                target_spans=self.target_spans,
                attention=[[round(w, 4) for w in row] for row in self.attention],
            )
        return record


@dataclass
class ParagraphResult:
    index: int
    source: str
    target: str
    sentences: list[SentenceResult]


@dataclass
class DocumentResult:
    """A translated document; ``text`` has one paragraph per source paragraph
    and the same blank lines."""

    paragraphs: list[ParagraphResult]
    text: str
    document: Document

    @property
    def sentences(self) -> list[SentenceResult]:
        return [s for p in self.paragraphs for s in p.sentences]


#: Called with every sentence of a document before layout; returns the
#: (possibly corrected) sentences. Glossary enforcement plugs in here.
Postprocess = Callable[[list[SentenceResult]], list[SentenceResult]]


class Engine(Protocol):
    """Anything that translates a list of sentences in order.

    ``options`` are the engine's default decoding settings; a call may pass
    others (``translate_document`` does), so wrappers such as glossary
    enforcement forward them instead of guessing what the engine is.
    ``progress`` (optional: only passed when a caller gives one) is told the
    sentences, then each one translated."""

    options: DecodeOptions

    def translate_sentences(
        self, sentences: Sequence[str], options: DecodeOptions | None = None,
        progress: ProgressCallback | None = None,
    ) -> list[SentenceResult]: ...


def _auto_max_length(tokens: list[str]) -> int:
    """The decoding limit of one sentence: 3× its length + 10, rounded up to a
    multiple of 32 (at most 512).

    Why per sentence and rounded: a limit taken from the longest sentence of
    the call made a looping sentence's output depend on what else was
    translated with it, so a translation-memory hit could differ from a fresh
    run. Sentences with the same rounded limit share one call (at most 16);
    the calls are queued together, so the workers stay busy."""
    need = 3 * len(tokens) + 10
    return min(512, -(-need // 32) * 32)


#: What a translation-memory record keeps of a :class:`SentenceResult`.
_RECORD_FIELDS = ("target", "source_pieces", "target_pieces", "attention", "source_spans", "target_spans")


class Translator:
    """A loaded model. Thread-safe for concurrent ``translate_*`` calls.

    ``family`` (``marian``, ``nllb``, ``m2m100``) overrides detection;
    ``device`` is ``auto``, ``cpu`` or ``cuda`` and ``compute_type`` defaults
    to ``int8`` on CPU, ``int8_float16`` on GPU; ``memory`` reuses segments
    translated before with the same model and settings."""

    def __init__(
        self,
        model_dir: str | os.PathLike[str],
        compute_type: str | None = None,
        inter_threads: int | None = None,
        intra_threads: int | None = None,
        options: DecodeOptions | None = None,
        device: str = "auto",
        family: str | Family | None = None,
        memory: TranslationMemory | None = None,
    ):
        self.files: ModelFiles = validate_model_dir(model_dir, family)
        self.family: Family = self.files.family
        self.options = options or DecodeOptions()
        self.memory = memory
        tune_malloc()  # before ctranslate2 allocates anything
        import ctranslate2
        import sentencepiece as spm

        self.device, self.compute_type = resolve_device(device, compute_type)
        auto_inter, auto_intra = default_threads()
        self.inter_threads = inter_threads or auto_inter
        self.intra_threads = intra_threads or auto_intra
        self.source_sp = _load_spm(spm, self.files.source_spm)
        same = self.files.target_spm == self.files.source_spm
        self.target_sp = self.source_sp if same else _load_spm(spm, self.files.target_spm)
        try:
            self.ct2 = ctranslate2.Translator(
                str(self.files.root),
                device=self.device,
                compute_type=self.compute_type,
                inter_threads=self.inter_threads,
                intra_threads=self.intra_threads,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError(f"cannot load model ({exc})", str(self.files.root)) from None
        self._model_id: str | None = None

    def settings(self) -> dict[str, Any]:
        """What decides this engine's output besides the text and the decoding
        options: for report signatures and translation-memory keys."""
        return {
            "family": self.family.name,
            "source_tokens": list(self.family.source_prefix),
            "target_prefix": list(self.family.target_prefix),
            "device": self.device,
            "compute_type": self.compute_type,
        }

    def model_id(self) -> str:
        """The model's identity: its install manifest's sha256, else a digest of
        its config, vocabularies, tokenizers and the weights' size and mtime."""
        if self._model_id is None:
            from ..models.store import MANIFEST

            try:
                self._model_id = str(json.loads((self.path / MANIFEST).read_text(encoding="utf-8"))["sha256"])
            except (OSError, ValueError, KeyError, TypeError):
                h = hashlib.sha256()
                for f in (self.files.config, self.files.source_spm, self.files.target_spm, *self.files.vocabularies):
                    h.update(f.read_bytes())
                st = self.files.model_bin.stat()
                h.update(f"{st.st_size}:{st.st_mtime_ns}".encode())
                self._model_id = h.hexdigest()
        return self._model_id

    def signature(self, options: DecodeOptions | None = None) -> dict[str, Any]:
        """The model record of a report signature (``build_signature(model=...)``):
        name, sha256, family, device, compute type and beam, so a result can be reproduced."""
        opts = options or self.options
        return {"name": self.path.name, "sha256": self.model_id(), **self.settings(), "beam_size": opts.beam_size}

    def _fingerprint(self, opts: DecodeOptions) -> str:
        from .. import __version__

        return json.dumps([__version__, self.model_id(), self.settings(), asdict(opts)], sort_keys=True)

    @property
    def path(self) -> Path:
        return self.files.root

    # -- sentences ---------------------------------------------------------------
    def translate_sentences(
        self, sentences: Sequence[str], options: DecodeOptions | None = None,
        progress: ProgressCallback | None = None,
    ) -> list[SentenceResult]:
        """Translate ``sentences`` in order: those the translation memory does
        not already hold go to ctranslate2 together (see :meth:`_decode`)."""
        opts = options or self.options
        sentences = list(sentences)
        if progress is not None:
            progress.add_total(len(sentences))
        results: list[SentenceResult] = [SentenceResult(s, "") for s in sentences]
        todo = [i for i, s in enumerate(sentences) if s.strip()]
        if not todo:
            return results
        keys: dict[int, str] = {}
        if self.memory is not None:
            fingerprint = self._fingerprint(opts)
            keys = {i: self.memory.key(fingerprint, sentences[i]) for i in todo}
            stored = self.memory.get_many(list(dict.fromkeys(keys.values())))
            for i in todo:
                record = stored.get(keys[i])
                if record is not None:
                    results[i] = replace(results[i], **{k: _from_json(k, record.get(k)) for k in _RECORD_FIELDS})
            todo = [i for i in todo if keys[i] not in stored]
        if progress is not None:  # blank lines and memory hits are done already
            progress.advance(len(sentences) - len(todo))
        if todo:
            self._decode([results[i] for i in todo], opts, progress)
        if self.memory is not None and todo:
            self.memory.put_many((keys[i], {k: getattr(results[i], k) for k in _RECORD_FIELDS}) for i in todo)
        return results

    def _decode(self, results: list[SentenceResult], opts: DecodeOptions,
                progress: ProgressCallback | None = None) -> None:
        """Fill ``results`` (non-empty sources): one ``translate_batch`` call per
        decoding limit (one call when the options fix it), queued together.
        With ``progress`` the calls are asynchronous, to count batches as they finish."""
        family = self.family
        prepared = [normalize(r.source, family.moses_punctuation) for r in results]
        pieces = self.source_sp.encode([p.text for p in prepared], out_type=str)
        head, tail = list(family.source_prefix), list(family.source_suffix)
        tokens = [head + p + tail for p in pieces] if head or tail else pieces
        prefix = [list(family.target_prefix)] * len(tokens) if family.target_prefix else None
        groups: dict[int, list[int]] = {}
        for k, toks in enumerate(tokens):
            groups.setdefault(opts.max_decoding_length or _auto_max_length(toks), []).append(k)
        asynchronous = len(groups) > 1 or progress is not None
        calls = [
            (members, self.ct2.translate_batch(
                [tokens[k] for k in members],
                target_prefix=[prefix[k] for k in members] if prefix else None,
                beam_size=opts.beam_size,
                max_batch_size=batch_size(len(members), self.inter_threads if opts.spread_batches else 1,
                                          opts.max_batch_size),
                batch_type=opts.batch_type,
                max_decoding_length=limit + len(family.target_prefix),
                min_decoding_length=opts.min_decoding_length + len(family.target_prefix),
                repetition_penalty=opts.repetition_penalty,
                no_repeat_ngram_size=opts.no_repeat_ngram_size,
                length_penalty=opts.length_penalty,
                return_attention=opts.return_attention,
                return_scores=False,
                asynchronous=asynchronous,
            ))
            for limit, members in sorted(groups.items(), reverse=True)
        ]
        if progress is not None:  # in the order ctranslate2 runs them: by call, longest first
            _count_finished([out[j] for members, out in calls
                             for j in sorted(range(len(members)), key=lambda j: -len(tokens[members[j]]))], progress)
        outputs: list = [None] * len(tokens)
        for members, out in calls:
            for k, result in zip(members, out):
                outputs[k] = result.result() if asynchronous else result
        first = len(head)
        for result, prep, src_pieces, out in zip(results, prepared, pieces, outputs):
            hyp = out.hypotheses[0]
            attention = out.attention[0] if opts.return_attention else None
            # Language and control tokens (the target prefix ctranslate2 returns,
            # or a wrong language a model emits) never reach the text.
            keep = [k for k, piece in enumerate(hyp) if not family.special(piece)]
            if opts.repetition_guard:
                keep = [keep[k] for k in repetition_keep([hyp[k] for k in keep])]
            if len(keep) != len(hyp):
                hyp = [hyp[k] for k in keep]
                if attention is not None:
                    attention = [attention[k] for k in keep]
            result.source_pieces = src_pieces
            result.target_pieces = hyp
            result.target = self.target_sp.decode(hyp)
            if attention is not None:
                result.attention = [list(row[first : first + len(src_pieces)]) for row in attention]
                spans = source_spans(prep.text, src_pieces)
                result.source_spans = [prep.to_original(a, b) for a, b in spans]
                text, tspans = target_spans(hyp)
                result.target_spans = tspans if text == result.target else None

    # -- documents ---------------------------------------------------------------
    def translate_document(
        self,
        text: str,
        options: DecodeOptions | None = None,
        postprocess: Postprocess | None = None,
        max_chars: int = DEFAULT_MAX_CHARS,
        progress: ProgressCallback | None = None,
    ) -> DocumentResult:
        """Segment ``text``, translate every sentence in one call, lay it out again."""
        return translate_document(self, text, options=options, postprocess=postprocess, max_chars=max_chars,
                                  progress=progress)


def call_engine(engine: Engine, sentences: Sequence[str], options: DecodeOptions | None = None,
                progress: ProgressCallback | None = None) -> list[SentenceResult]:
    """``engine.translate_sentences`` with only the arguments given, so an
    engine that takes no options or no progress still works without them."""
    if progress is not None:
        return engine.translate_sentences(sentences, options, progress=progress)
    return engine.translate_sentences(sentences, options) if options is not None else \
        engine.translate_sentences(sentences)


def translate_document(
    engine: Engine,
    text: str,
    options: DecodeOptions | None = None,
    postprocess: Postprocess | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    progress: ProgressCallback | None = None,
) -> DocumentResult:
    """Translate a document with any :class:`Engine`, keeping its paragraphs
    (``progress``: counts its sentences)."""
    doc = segment(text, max_chars=max_chars)
    flat = doc.sentences
    texts = [s.text for s in flat]
    translated = call_engine(engine, texts, options, progress)
    located: list[SentenceResult] = []
    k = 0
    for paragraph in doc.paragraphs:
        for sentence in paragraph.sentences:
            located.append(
                replace(translated[k], paragraph=paragraph.index, line=sentence.line, start=sentence.start, end=sentence.end)
            )
            k += 1
    if postprocess is not None:
        located = postprocess(located)
    paragraphs: list[ParagraphResult] = []
    k = 0
    for paragraph in doc.paragraphs:
        sents = located[k : k + len(paragraph.sentences)]
        k += len(paragraph.sentences)
        joiners = paragraph.joiners()
        parts = [sents[0].target] if sents else []
        for joiner, sent in zip(joiners, sents[1:]):
            parts.append(joiner + sent.target)
        paragraphs.append(ParagraphResult(paragraph.index, paragraph.text, "".join(parts), sents))
    return DocumentResult(paragraphs, layout(doc, [p.target for p in paragraphs]), doc)


#: How often a run with progress looks at ctranslate2's pending results (seconds).
POLL = 0.05


def _count_finished(pending: list, progress: ProgressCallback) -> None:
    """Wait for ctranslate2's asynchronous results, telling ``progress`` as they
    finish (a batch of ``max_batch_size`` at a time).

    ``pending`` is in the order ctranslate2 decodes (it sorts each call's
    examples longest first to cut batches), so each look only goes as far as
    the first unfinished result: its cost follows the results finished, not
    the results waiting (looking at all of them, 0.36 µs each, took a third of
    a core for a 100,000-sentence input). Were the order different, the count
    would come in larger steps, never wrong."""
    k = 0
    while k < len(pending):
        start = k
        while k < len(pending) and pending[k].done():
            k += 1
        if k > start:
            progress.advance(k - start)
        if k < len(pending):
            time.sleep(POLL)


def _load_spm(spm, path: Path):
    try:
        return spm.SentencePieceProcessor(model_file=str(path))
    except (OSError, RuntimeError) as exc:
        raise ModelError(f"cannot load SentencePiece model ({exc})", str(path)) from None


def _from_json(name: str, value):
    """Spans come back from JSON as lists; the engine's records hold tuples."""
    if value is not None and name in ("source_spans", "target_spans"):
        return [tuple(span) for span in value]
    return value
