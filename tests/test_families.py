"""Model families (Marian, NLLB-200, M2M100) on real random-weight CTranslate2 models.

The models carry each family's real layout and special tokens (see
tests/support/testmodel.py); ctranslate2 really decodes them. The only wrapper
records the arguments of ``translate_batch`` and delegates to the real
translator, so what reaches the model and what it returns are both observed.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from translate.engine import DecodeOptions, ModelError, Translator, detect_family, translate_document, validate_model_dir
from translate.engine.preprocess import normalize
from translate.engine.runtime import batch_size, resolve_device
from translate.errors import TarjamaError

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed-article.ar.txt"
FAMILIES = ("marian", "nllb", "m2m100")
EXPECTED = {  # source tokens around the pieces, and the target prefix
    "marian": ((), (), ()),
    "nllb": (("arb_Arab",), ("</s>",), ("eng_Latn",)),
    "m2m100": (("__ar__",), ("</s>",), ("__en__",)),
}
#: Any language or control token of any family.
SPECIAL = re.compile(r"\b[a-z]{3}_[A-Z][a-z]{3}\b|__[a-z]{2,3}__|</?s>|<pad>|<mask>")


class Recorder:
    """Records every ``translate_batch`` call and its real results."""

    def __init__(self, real):
        self.real = real
        self.calls: list[tuple[list[list[str]], dict]] = []
        self.outputs: list = []

    def translate_batch(self, tokens, **kwargs):
        self.calls.append(([list(t) for t in tokens], kwargs))
        out = self.real.translate_batch(tokens, **kwargs)
        self.outputs.extend(out)
        return out


def recorded(path: Path, **kwargs) -> tuple[Translator, Recorder]:
    t = Translator(path, **kwargs)
    t.ct2 = Recorder(t.ct2)
    return t, t.ct2


@pytest.mark.parametrize("family", FAMILIES)
def test_family_is_detected_from_the_directory(family, family_model):
    path = family_model(family)
    assert detect_family(path).name == family
    files = validate_model_dir(path)
    assert files.family.name == family
    if family == "marian":
        assert (files.source_spm.name, files.target_spm.name) == ("source.spm", "target.spm")
    else:
        assert files.source_spm == files.target_spm == path / "sentencepiece.bpe.model"


@pytest.mark.parametrize("family", ("nllb", "m2m100"))
def test_vocabulary_decides_without_tokenizer_config(family, family_model, tmp_path):
    import shutil

    copy = Path(shutil.copytree(family_model(family), tmp_path / family))
    (copy / "tokenizer_config.json").unlink()
    assert detect_family(copy).name == family


@pytest.mark.parametrize("family", FAMILIES)
def test_seed_article_language_tokens_reach_the_model_and_never_the_output(family, family_model, cli):
    installed = cli("model", "install", family_model(family), "--name", f"tiny-{family}")
    assert installed.exit_code == 0, installed.stderr
    listing = cli("model", "list")
    assert re.search(rf"tiny-{family}\s+{family}\s+\S+→\S+\s+[\d.]+ MiB", listing.stdout), listing.stdout

    from translate.models import resolve

    translator, spy = recorded(resolve(f"tiny-{family}"), options=DecodeOptions(beam_size=2, max_decoding_length=40))
    text = SEED.read_text(encoding="utf-8")
    result = translate_document(translator, text)
    head, tail, prefix = EXPECTED[family]
    (tokens, kwargs), = spy.calls
    assert len(tokens) == len(result.sentences) > 5
    for sent, toks in zip(result.sentences, tokens):
        assert tuple(toks[: len(head)]) == head and tuple(toks[len(toks) - len(tail):]) == tail
        assert toks[len(head): len(toks) - len(tail)] == sent.source_pieces
    if prefix:
        assert kwargs["target_prefix"] == [list(prefix)] * len(tokens)
        # ctranslate2 really returns the prefix; the engine drops it.
        assert all(tuple(o.hypotheses[0][: len(prefix)]) == prefix for o in spy.outputs)
        # The random model also emits other language tokens mid-sentence (a real
        # failure mode of multilingual models); none of them may reach the text.
        assert any(SPECIAL.fullmatch(tok) for o in spy.outputs for tok in o.hypotheses[0][len(prefix):])
    else:
        assert kwargs["target_prefix"] is None
    assert all(s.target for s in result.sentences)
    assert not SPECIAL.search(result.text), result.text
    assert not any(SPECIAL.fullmatch(p) for s in result.sentences for p in s.target_pieces)
    # The CLI gives the same text, paragraph for paragraph.
    out = cli("translate", SEED, "--model", f"tiny-{family}", "--beam-size", "2", "--no-cache")
    assert out.exit_code == 0, out.stderr
    assert out.stdout.rstrip("\n").count("\n") == text.rstrip("\n").count("\n") and not SPECIAL.search(out.stdout)


def test_attention_skips_language_tokens(family_model):
    t = Translator(family_model("nllb"), options=DecodeOptions(beam_size=1, max_decoding_length=12, return_attention=True))
    r = t.translate_sentences(["قال الوزير إن النمو بلغ 3.5 في المئة."])[0]
    assert len(r.attention) == len(r.target_pieces)
    assert all(len(row) == len(r.source_pieces) for row in r.attention)
    assert len(r.source_spans) == len(r.source_pieces)


def test_family_override_and_missing_tokenizer_are_clear(family_model, model_copy, cli, tmp_path):
    import shutil

    nllb = family_model("nllb")
    result = cli("translate", "-", "--model", nllb, "--family", "marian", input="مرحبا\n")
    assert result.exit_code == 2 and "source.spm" in result.stderr and "Traceback" not in result.stderr
    bare = Path(shutil.copytree(nllb, tmp_path / "bare"))
    (bare / "sentencepiece.bpe.model").unlink()
    with pytest.raises(ModelError, match="--copy_files sentencepiece.bpe.model"):
        validate_model_dir(bare)
    verify = cli("model", "verify", str(bare))
    assert verify.exit_code == 2 and "sentencepiece.bpe.model" in verify.stderr
    assert cli("translate", "-", "--model", nllb, "--family", "opennmt", input="x\n").exit_code == 2
    ok = cli("model", "verify", str(nllb))
    assert ok.exit_code == 0 and "family: nllb (arb_Arab→eng_Latn)" in ok.stdout


def test_moses_normalisation_keeps_offsets_into_the_original():
    text = "قال  «الوزير» إن “النمو”   بلغ 50 %، وأضاف – ‘نعم’"
    prep = normalize(text, moses_punctuation=True)
    assert "“" not in prep.text and "  " not in prep.text and '"النمو"' in prep.text
    for i, ch in enumerate(prep.text):
        a, b = prep.to_original(i, i + 1)
        assert 0 <= a <= b <= len(text)
        if ch.isalnum():  # letters and digits map to themselves
            assert text[a:b] == ch
    word = prep.text.index("النمو")
    a, b = prep.to_original(word, word + 5)
    assert text[a:b] == "النمو"
    assert normalize("بلا تغيير", True).text == "بلا تغيير"


def test_model_sees_normalised_text_and_spans_point_into_the_original(family_model):
    t = Translator(family_model("marian"), options=DecodeOptions(beam_size=1, max_decoding_length=8, return_attention=True))
    source = "قال  “الوزير”  إن النمو بلغ"
    r = t.translate_sentences([source])[0]
    assert r.source == source
    assert not any("“" in p for p in r.source_pieces)
    covered = [source[a:b] for a, b in r.source_spans]
    assert "الوزير" in "".join(covered) and all(0 <= a <= b <= len(source) for a, b in r.source_spans)
    for piece, (a, b) in zip(r.source_pieces, r.source_spans):
        body = piece.replace("\u2581", "")
        if body.isalpha():
            assert source[a:b] == body


def test_device_auto_on_cpu_and_clear_errors(cli, tiny_model, tmp_path):
    from translate.engine.runtime import cuda_devices

    if cuda_devices():
        pytest.skip("a GPU is present")
    assert resolve_device("auto") == ("cpu", "int8")
    assert resolve_device("auto", "float32") == ("cpu", "float32")
    with pytest.raises(TarjamaError, match="no CUDA device"):
        resolve_device("cuda")
    with pytest.raises(TarjamaError, match="unknown device"):
        resolve_device("tpu")
    t = Translator(tiny_model)
    assert (t.device, t.compute_type) == ("cpu", "int8")
    out = tmp_path / "out.txt"
    result = cli("translate", "-", "-o", out, "--model", tiny_model, "--device", "auto", "--compute-type", "float32",
                 input="مرحبا\n")
    assert result.exit_code == 0 and "device:cpu|compute:float32|beam:4" in result.stderr
    bad = cli("translate", "-", "--model", tiny_model, "--device", "cuda", input="مرحبا\n")
    assert bad.exit_code == 2 and bad.stderr.count("\n") == 1


def test_signature_records_the_engine(tiny_model):
    from translate.reports.signature import build_signature, signature_string

    engine = Translator(tiny_model).signature()
    sig = build_signature([], ["term-missing"], {}, {}, model=engine)
    assert sig["model"]["device"] == "cpu" and sig["model"]["compute_type"] == "int8"
    assert f"model:tiny@{engine['sha256'][:12]}|family:marian|device:cpu|compute:int8|beam:4" in signature_string(sig)


def test_short_documents_give_every_worker_a_batch(tiny_model):
    assert batch_size(12, 2, 32) == 6 and batch_size(300, 2, 32) == 32 and batch_size(1, 2, 32) == 1
    t, spy = recorded(tiny_model, inter_threads=2, intra_threads=1, options=DecodeOptions(beam_size=1, max_decoding_length=4))
    t.translate_sentences(["جملة رقم %d." % i for i in range(12)])
    assert spy.calls[0][1]["max_batch_size"] == 6


def test_malloc_tuning_runs_once_and_respects_the_environment(tmp_path):
    import subprocess
    import sys

    code = "from translate.engine.runtime import tune_malloc; print(tune_malloc(), tune_malloc())"
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    plain = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert plain.stdout.split() == ["True", "True"]
    mine = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env=env | {"MALLOC_TRIM_THRESHOLD_": "1000000"})
    assert mine.stdout.split() == ["False", "False"]


def test_fetch_nllb_names_the_convert_extra(cli):
    from translate.models.convert import missing_converter

    if not missing_converter():
        pytest.skip("torch and transformers are installed")
    listing = cli("model", "list", "--available")
    assert re.search(r"nllb-200-distilled-600m\s+nllb.*CC-BY-NC", listing.stdout)
    assert "nllb-200-1.3b" in listing.stdout
    result = cli("model", "fetch", "nllb-200-distilled-600m")
    assert result.exit_code == 2 and "tarjama[convert]" in result.stderr and result.stderr.count("\n") == 1


def test_test_models_of_each_family_are_reproducible(tmp_path):
    import hashlib

    from support.testmodel import build_ct2_model

    for family in ("nllb", "m2m100"):
        a, b = (build_ct2_model(tmp_path / f"{family}{i}", family=family, seed=3) for i in range(2))
        assert hashlib.sha256((a / "model.bin").read_bytes()).digest() == hashlib.sha256((b / "model.bin").read_bytes()).digest()
        vocab = json.loads((a / "shared_vocabulary.json").read_text(encoding="utf-8"))
        assert vocab[:4] == ["<s>", "<pad>", "</s>", "<unk>"]
        assert json.loads((a / "config.json").read_text())["decoder_start_token"] == "</s>"
