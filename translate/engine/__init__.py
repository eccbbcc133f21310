"""Local Arabic→English machine translation with CTranslate2 and SentencePiece."""
from .engine import (
    DecodeOptions,
    DocumentResult,
    Engine,
    ParagraphResult,
    Postprocess,
    SentenceResult,
    Translator,
    translate_document,
)
from .family import FAMILIES, Family, detect_family, family_named
from .memory import TranslationMemory
from .model_dir import ModelError, ModelFiles, validate_model_dir
from .runtime import default_threads, resolve_device
from .segment import Document, Paragraph, Sentence, segment, split_sentences

__all__ = [
    "DecodeOptions",
    "Document",
    "DocumentResult",
    "Engine",
    "FAMILIES",
    "Family",
    "ModelError",
    "ModelFiles",
    "Paragraph",
    "ParagraphResult",
    "Postprocess",
    "Sentence",
    "SentenceResult",
    "TranslationMemory",
    "Translator",
    "default_threads",
    "detect_family",
    "family_named",
    "resolve_device",
    "segment",
    "split_sentences",
    "translate_document",
    "validate_model_dir",
]
