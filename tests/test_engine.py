"""The CTranslate2 engine on a real (random-weight) tiny model."""
from __future__ import annotations

import unicodedata

import pytest

from translate.engine import DecodeOptions, ModelError, SentenceResult, Translator, translate_document, validate_model_dir
from translate.engine.engine import default_threads
from translate.engine.pieces import repetition_keep, source_spans, target_spans

SENTENCES = [
    "قال الوزير إن النمو بلغ 3.5 في المئة.",
    "هل ستنجح المفاوضات؟",
    "",
    "أعلنت وزارة الصحة اليوم عن تسجيل حالات جديدة في عدد من المحافظات، وقالت إن الوضع مستقر.",
]


def test_validate_names_each_missing_file(model_copy):
    broken = model_copy("model.bin", "target.spm")
    with pytest.raises(ModelError) as info:
        validate_model_dir(broken)
    message = str(info.value)
    assert str(broken) in message and "model.bin" in message and "target.spm" in message
    assert "source.spm" not in message.split("missing:")[1]


def test_validate_rejects_missing_directory_and_file(tmp_path):
    with pytest.raises(ModelError, match="does not exist"):
        validate_model_dir(tmp_path / "nope")
    (tmp_path / "f").write_text("x")
    with pytest.raises(ModelError, match="not a directory"):
        validate_model_dir(tmp_path / "f")


def test_shared_sentencepiece_model_is_accepted(model_copy, tiny_model):
    shared = model_copy("source.spm", "target.spm")
    (shared / "sentencepiece.model").write_bytes((tiny_model / "source.spm").read_bytes())
    files = validate_model_dir(shared)
    assert files.source_spm == files.target_spm == shared / "sentencepiece.model"


def test_corrupt_model_bin_is_one_clear_error(model_copy):
    bad = model_copy()
    (bad / "model.bin").write_bytes(b"not a model")
    with pytest.raises(ModelError, match="cannot load model"):
        Translator(bad)


def test_translates_in_order_and_deterministically(translator):
    first = translator.translate_sentences(SENTENCES)
    second = translator.translate_sentences(SENTENCES)
    assert [r.source for r in first] == SENTENCES
    assert [r.target for r in first] == [r.target for r in second]
    assert first[2].target == "" and first[2].target_pieces == []
    assert all(r.target for i, r in enumerate(first) if i != 2)
    # Order restored after CTranslate2's length sorting: each sentence alone
    # gives the same output as inside the batch.
    alone = [translator.translate_sentences([s])[0].target for s in SENTENCES]
    assert alone == [r.target for r in first]


def test_whole_list_goes_to_ctranslate2_in_one_call(tiny_model):
    t = Translator(tiny_model, options=DecodeOptions(beam_size=1, max_decoding_length=8))
    calls = []
    real = t.ct2

    class Spy:  # records calls, delegates to the real ctranslate2.Translator
        def translate_batch(self, tokens, **kwargs):
            calls.append((len(tokens), kwargs))
            return real.translate_batch(tokens, **kwargs)

    t.ct2 = Spy()
    t.translate_sentences(["جملة رقم %d." % i for i in range(100)])
    assert len(calls) == 1
    count, kwargs = calls[0]
    assert count == 100 and kwargs["max_batch_size"] == 32 and kwargs["batch_type"] == "examples"


def test_int8_and_threads_defaults(translator):
    assert translator.compute_type == "int8"
    assert translator.inter_threads * translator.intra_threads <= max(2, translator.inter_threads)
    assert default_threads(1) == (1, 1)
    assert default_threads(2) == (2, 1)
    assert default_threads(8) == (4, 2)


def test_attention_aligns_with_source_pieces(tiny_model):
    t = Translator(tiny_model, options=DecodeOptions(beam_size=2, max_decoding_length=16, return_attention=True))
    for r in t.translate_sentences(SENTENCES[:2] + SENTENCES[3:]):
        assert r.attention is not None
        assert len(r.attention) == len(r.target_pieces)
        assert all(len(row) == len(r.source_pieces) for row in r.attention)
        # Weights are probabilities; CTranslate2 may leave mass on batch padding
        # in the first beam step, so a row can sum to less than 1.
        assert all(min(row) >= 0 and sum(row) <= 1.001 for row in r.attention)
        assert sum(abs(sum(row) - 1.0) < 0.01 for row in r.attention) >= len(r.attention) - 1
        assert len(r.source_spans) == len(r.source_pieces)
        for piece, (a, b) in zip(r.source_pieces, r.source_spans):
            body = piece.replace("\u2581", "")
            if b > a:
                assert unicodedata.normalize("NFKC", r.source[a:b]) == body
        if r.target_spans is not None:
            for piece, (a, b) in zip(r.target_pieces, r.target_spans):
                assert r.target[a:b] == piece.replace("\u2581", " ").strip() or b == a


def test_piece_alignment_handles_normalisation_and_unknowns():
    text = "قال  ﻻ xyz"
    pieces = ["\u2581قا", "ل", "\u2581", "لا", "\u2581", "xyz"]
    assert source_spans(text, pieces) == [(0, 2), (2, 3), (5, 5), (5, 6), (7, 7), (7, 10)]
    assert target_spans(["\u2581The", "\u2581min", "ister", "."]) == ("The minister.", [(0, 3), (4, 7), (7, 12), (12, 13)])


def test_repetition_guard_collapses_loops_only():
    loop = ["\u2581the"] * 7
    assert repetition_keep(loop) == [0]
    words = ["\u2581a", "\u2581very", "\u2581very", "\u2581good", "\u2581day"]
    assert repetition_keep(words) == list(range(5))
    cycle = ["\u2581I", "\u2581said", "\u2581no"] + ["\u2581it", "\u2581is"] * 5 + ["."]
    kept = [cycle[i] for i in repetition_keep(cycle)]
    assert kept == ["\u2581I", "\u2581said", "\u2581no", "\u2581it", "\u2581is", "."]


def test_document_keeps_paragraphs_and_blank_lines(translator):
    text = "\nالفقرة الأولى. جملة ثانية.\nسطر آخر\n\n\nالفقرة الثانية؟\n"
    result = translator.translate_document(text)
    assert len(result.paragraphs) == 2
    lines = result.text.split("\n")
    assert lines[0] == "" and lines[3] == "" and lines[4] == "" and lines[-1] == ""
    assert all(lines[i].strip() for i in (1, 2, 5))
    assert result.text.count("\n") == text.count("\n")
    first = result.paragraphs[0].sentences
    assert [s.line for s in first] == [2, 2, 3]
    assert [(s.start, s.end) for s in first] == [(0, 14), (15, 26), (27, 34)]
    assert result.paragraphs[0].target == first[0].target + " " + first[1].target + "\n" + first[2].target


class EchoEngine:
    """A pure-Python Engine (the protocol, not ctranslate2): tags sentences
    and records the options each call receives."""

    def __init__(self):
        self.options = DecodeOptions()
        self.calls: list[DecodeOptions | None] = []

    def translate_sentences(self, sentences, options=None):
        self.calls.append(options)
        return [SentenceResult(s, f"<{i}>") for i, s in enumerate(sentences)]


def test_translate_document_with_any_engine_and_postprocess():
    seen = []

    def post(sentences):
        seen.extend(s.source for s in sentences)
        return [SentenceResult(s.source, s.target.upper(), paragraph=s.paragraph) for s in sentences]

    engine = EchoEngine()
    result = translate_document(engine, "ذهب. عاد\n\nنام", postprocess=post)
    assert seen == ["ذهب.", "عاد", "نام"]
    assert result.text == "<0> <1>\n\n<2>"
    greedy = DecodeOptions(beam_size=1)
    translate_document(engine, "ذهب.", options=greedy)  # any engine gets the options, not only Translator
    assert engine.calls == [None, greedy]


def test_json_record_has_location_and_attention(tiny_model):
    t = Translator(tiny_model, options=DecodeOptions(beam_size=1, max_decoding_length=6, return_attention=True))
    record = t.translate_document("سطر أول\nسطر ثان").sentences[1].to_json()
    assert record["line"] == 2 and record["paragraph"] == 0 and record["source"] == "سطر ثان"
    assert len(record["attention"]) == len(record["target_pieces"])


def test_test_model_builds_are_identical(tmp_path):
    import hashlib

    from support.testmodel import build_ct2_model

    digests = {
        hashlib.sha256((build_ct2_model(tmp_path / str(i), seed=7) / "model.bin").read_bytes()).hexdigest()
        for i in range(2)
    }
    assert len(digests) == 1
