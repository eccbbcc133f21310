"""Local Arabic→English machine translation with CTranslate2 and SentencePiece."""
from .engine import (
    DecodeOptions,
    DocumentResult,
    Engine,
    ParagraphResult,
    Postprocess,
    SentenceResult,
    Translator,
    default_threads,
    translate_document,
)
from .model_dir import ModelError, ModelFiles, validate_model_dir
from .segment import Document, Paragraph, Sentence, segment, split_sentences

__all__ = [
    "DecodeOptions",
    "Document",
    "DocumentResult",
    "Engine",
    "ModelError",
    "ModelFiles",
    "Paragraph",
    "ParagraphResult",
    "Postprocess",
    "Sentence",
    "SentenceResult",
    "Translator",
    "default_threads",
    "segment",
    "split_sentences",
    "translate_document",
    "validate_model_dir",
]
