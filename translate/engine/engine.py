"""The translation engine: CTranslate2 + SentencePiece behind one small API.

Why this shape: CTranslate2 is fastest when it gets the whole list of sentences
in one ``translate_batch`` call — it sorts by length, cuts batches of
``max_batch_size`` and spreads them over its ``inter_threads`` workers. A Python
loop over chunks leaves all but one worker idle (measured: half the
throughput on 2 cores). So :class:`Translator` hands over everything at once
and only does tokenization, detokenization and bookkeeping around that call.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Protocol, Sequence

from .model_dir import ModelError, ModelFiles, validate_model_dir
from .pieces import repetition_keep, source_spans, target_spans
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
    """Anything that translates a list of sentences in order."""

    def translate_sentences(self, sentences: Sequence[str]) -> list[SentenceResult]: ...


def available_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def default_threads(cores: int | None = None) -> tuple[int, int]:
    """``(inter_threads, intra_threads)`` for throughput on ``cores`` cores.

    One worker per core with one thread each won on 2 cores (113 vs 58
    sentences/s for (1, 2)); past 4 cores two threads per worker keep memory
    traffic down. The product never exceeds the cores."""
    cores = cores or available_cores()
    intra = 1 if cores <= 4 else 2
    return max(1, cores // intra), intra


def _auto_max_length(token_lists: list[list[str]]) -> int:
    longest = max((len(t) for t in token_lists), default=0)
    return min(512, 3 * longest + 10)


class Translator:
    """A loaded model. Thread-safe for concurrent ``translate_*`` calls."""

    def __init__(
        self,
        model_dir: str | os.PathLike[str],
        compute_type: str = "int8",
        inter_threads: int | None = None,
        intra_threads: int | None = None,
        options: DecodeOptions | None = None,
        device: str = "cpu",
    ):
        import ctranslate2
        import sentencepiece as spm

        self.files: ModelFiles = validate_model_dir(model_dir)
        self.options = options or DecodeOptions()
        auto_inter, auto_intra = default_threads()
        self.inter_threads = inter_threads or auto_inter
        self.intra_threads = intra_threads or auto_intra
        self.compute_type = compute_type
        try:
            self.source_sp = spm.SentencePieceProcessor(model_file=str(self.files.source_spm))
        except (OSError, RuntimeError) as exc:
            raise ModelError(f"cannot load SentencePiece model ({exc})", str(self.files.source_spm)) from None
        try:
            self.target_sp = spm.SentencePieceProcessor(model_file=str(self.files.target_spm))
        except (OSError, RuntimeError) as exc:
            raise ModelError(f"cannot load SentencePiece model ({exc})", str(self.files.target_spm)) from None
        try:
            self.ct2 = ctranslate2.Translator(
                str(self.files.root),
                device=device,
                compute_type=compute_type,
                inter_threads=self.inter_threads,
                intra_threads=self.intra_threads,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError(f"cannot load model ({exc})", str(self.files.root)) from None

    @property
    def path(self) -> Path:
        return self.files.root

    # -- sentences ---------------------------------------------------------------
    def translate_sentences(
        self, sentences: Sequence[str], options: DecodeOptions | None = None
    ) -> list[SentenceResult]:
        """Translate ``sentences`` in order with one ``translate_batch`` call."""
        opts = options or self.options
        sentences = list(sentences)
        results: list[SentenceResult] = [SentenceResult(s, "") for s in sentences]
        todo = [i for i, s in enumerate(sentences) if s.strip()]
        if not todo:
            return results
        tokens = self.source_sp.encode([sentences[i] for i in todo], out_type=str)
        max_len = opts.max_decoding_length or _auto_max_length(tokens)
        outputs = self.ct2.translate_batch(
            tokens,
            beam_size=opts.beam_size,
            max_batch_size=opts.max_batch_size,
            batch_type=opts.batch_type,
            max_decoding_length=max_len,
            min_decoding_length=opts.min_decoding_length,
            repetition_penalty=opts.repetition_penalty,
            no_repeat_ngram_size=opts.no_repeat_ngram_size,
            length_penalty=opts.length_penalty,
            return_attention=opts.return_attention,
            return_scores=False,
        )
        for i, src_pieces, out in zip(todo, tokens, outputs):
            hyp = out.hypotheses[0]
            attention = out.attention[0] if opts.return_attention else None
            if opts.repetition_guard:
                keep = repetition_keep(hyp)
                if len(keep) != len(hyp):
                    hyp = [hyp[k] for k in keep]
                    if attention is not None:
                        attention = [attention[k] for k in keep]
            result = results[i]
            result.source_pieces = src_pieces
            result.target_pieces = hyp
            result.target = self.target_sp.decode(hyp)
            if attention is not None:
                result.attention = [list(row[: len(src_pieces)]) for row in attention]
                result.source_spans = source_spans(result.source, src_pieces)
                text, spans = target_spans(hyp)
                result.target_spans = spans if text == result.target else None
        return results

    # -- documents ---------------------------------------------------------------
    def translate_document(
        self,
        text: str,
        options: DecodeOptions | None = None,
        postprocess: Postprocess | None = None,
        max_chars: int = DEFAULT_MAX_CHARS,
    ) -> DocumentResult:
        """Segment ``text``, translate every sentence in one call, lay it out again."""
        return translate_document(self, text, options=options, postprocess=postprocess, max_chars=max_chars)


def translate_document(
    engine: Engine,
    text: str,
    options: DecodeOptions | None = None,
    postprocess: Postprocess | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> DocumentResult:
    """Translate a document with any :class:`Engine`, keeping its paragraphs."""
    doc = segment(text, max_chars=max_chars)
    flat = doc.sentences
    if options is not None and isinstance(engine, Translator):
        translated = engine.translate_sentences([s.text for s in flat], options)
    else:
        translated = engine.translate_sentences([s.text for s in flat])
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
