"""Build random-weight test models: CTranslate2 directories of each model
family (Marian/OPUS-MT, NLLB-200, M2M100) and an OPUS-MT release zip.

Why: no registry here ships an Arabic→English model, yet the engine, the model
manager and the benchmark must run against real CTranslate2 models. These
builders make models with the real file formats (CTranslate2 ``model.bin`` via
the spec API; Marian ``.npz`` + vocab ``.yml`` + ``decoder.yml`` as OPUS-MT
publishes them; NLLB/M2M100 directories as ``ct2-transformers-converter
--copy_files`` leaves them, with one ``sentencepiece.bpe.model``, a shared
vocabulary whose special and language tokens sit where the Hugging Face
tokenizers put them, and ``decoder_start_token`` ``</s>``) from text that lives
in the repository, seeded so two builds are byte-identical. Translations are
gibberish; costs, formats and special tokens are real.

Test scaffolding, not product: the tests and ``bench/`` import it.
"""
from __future__ import annotations

import io
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from translate.arabic.script import is_arabic

REPO_ROOT = Path(__file__).resolve().parents[2]

#: Fallback corpus so the builder works outside a checkout.
ARABIC_TEXT = """\
أعلنت وزارة الصحة اليوم عن تسجيل حالات جديدة في عدد من المحافظات.
قال الوزير في مؤتمر صحفي إن الحكومة ستواصل دعم المستشفيات والعاملين فيها.
وأضاف أن معدل النمو الاقتصادي بلغ 3.5 في المئة خلال العام الماضي.
اجتمع رئيس الوزراء مع وفد من البرلمان الأوروبي لبحث العلاقات الثنائية.
شهدت العاصمة أمطارا غزيرة أدت إلى إغلاق عدد من الطرق الرئيسية.
أكد المتحدث باسم الأمم المتحدة أن المساعدات الإنسانية وصلت إلى المدينة.
ارتفعت أسعار النفط في الأسواق العالمية بعد قرار خفض الإنتاج.
فاز المنتخب الوطني بكأس البطولة بعد مباراة صعبة أمام منافسه.
تستعد الجامعة لاستقبال الطلاب الجدد مع بداية العام الدراسي.
دعا الرئيس إلى الحوار بين جميع الأطراف من أجل تحقيق السلام والاستقرار.
نشرت الصحيفة تقريرا عن تأثير التغير المناخي على الزراعة في المنطقة.
أفادت مصادر محلية بأن الشرطة اعتقلت عددا من المشتبه بهم في القضية.
وقالت المنظمة إن ملايين الأطفال بحاجة إلى التعليم والرعاية الصحية.
افتتح المعرض الدولي للكتاب أبوابه أمام الزوار يوم الخميس.
هل ستنجح المفاوضات في التوصل إلى اتفاق قبل نهاية الشهر؟
أعرب أعضاء المجلس عن قلقهم من الاقتراح الجديد؛ وطالبوا بمزيد من النقاش.
يبلغ عدد سكان المدينة نحو مليوني نسمة، ويعمل معظمهم في التجارة والخدمات.
وصل الدكتور أحمد محمد إلى القاهرة قادما من الرياض للمشاركة في المؤتمر.
"""

ENGLISH_TEXT = """\
The Ministry of Health announced new cases in several provinces today.
The minister told a press conference that the government would keep supporting hospitals and their staff.
He added that economic growth reached 3.5 percent last year.
The prime minister met a delegation from the European Parliament to discuss bilateral relations.
Heavy rain in the capital closed a number of main roads.
A United Nations spokesman said humanitarian aid had reached the city.
Oil prices rose on world markets after the decision to cut production.
The national team won the championship cup after a difficult match against its rival.
The university is preparing to welcome new students at the start of the academic year.
The president called for dialogue between all parties to achieve peace and stability.
The newspaper published a report on the impact of climate change on agriculture in the region.
Local sources said police arrested several suspects in the case.
The organisation said millions of children need education and health care.
The international book fair opened its doors to visitors on Thursday.
Will the negotiations reach an agreement before the end of the month?
Council members expressed concern about the new proposal and called for more discussion.
The city has about two million inhabitants, most of whom work in trade and services.
Dr. Ahmed Mohamed arrived in Cairo from Riyadh to take part in the conference.
"""

#: Spread of random weights: large enough that outputs depend on the input.
WEIGHT_SCALE = 0.3



@dataclass(frozen=True)
class ModelSize:
    """Transformer dimensions; ``vocab`` is the SentencePiece target size."""

    layers: int
    d_model: int
    heads: int
    ffn: int
    vocab: int
    synthetic_sentences: int


SIZES = {
    "tiny": ModelSize(layers=2, d_model=64, heads=4, ffn=128, vocab=600, synthetic_sentences=0),
    # OPUS-MT base dimensions: 6+6 layers, d_model 512, ffn 2048, 32k pieces.
    "base": ModelSize(layers=6, d_model=512, heads=8, ffn=2048, vocab=32000, synthetic_sentences=40000),
}


def repo_corpus(root: Path = REPO_ROOT) -> tuple[list[str], list[str]]:
    """Arabic and English lines from the bundled examples and test fixtures,
    plus the inline fallback text. Sorted file order keeps builds repeatable."""
    arabic = ARABIC_TEXT.splitlines()
    english = ENGLISH_TEXT.splitlines()
    for pattern in ("examples/*.txt", "tests/data/*.txt"):
        for path in sorted(root.glob(pattern)):
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                continue
            for line in lines:
                line = line.strip()
                if not line:
                    continue
                (arabic if is_arabic(line) else english).append(line)
    return arabic, english


def synthetic_lines(seed_lines: list[str], count: int, seed: int) -> list[str]:
    """Deterministic pseudo-text: words drawn from a character-bigram model of
    ``seed_lines``. Gives SentencePiece enough distinct material to learn a
    vocabulary in the tens of thousands from a few hundred real lines."""
    if count <= 0:
        return []
    rng = np.random.default_rng(seed)
    words = [w for line in seed_lines for w in line.split()]
    alphabet = sorted({c for w in words for c in w} | {"$"})
    index = {c: i for i, c in enumerate(alphabet)}
    counts = np.ones((len(alphabet), len(alphabet)))
    end = index["$"]
    for w in words:
        prev = end
        for c in w:
            counts[prev, index[c]] += 5
            prev = index[c]
        counts[prev, end] += 5
    probs = counts / counts.sum(axis=1, keepdims=True)
    cumulative = np.cumsum(probs, axis=1)

    def word() -> str:
        out = []
        prev = end
        while len(out) < 14:
            nxt = int(np.searchsorted(cumulative[prev], rng.random()))
            nxt = min(nxt, len(alphabet) - 1)
            if nxt == end:
                if out:
                    break
                continue
            out.append(alphabet[nxt])
            prev = nxt
        return "".join(out)

    lexicon = [word() for _ in range(60000)]
    zipf = 1.0 / np.arange(1, len(lexicon) + 1)
    zipf /= zipf.sum()
    lengths = rng.integers(6, 25, size=count)
    picks = rng.choice(len(lexicon), size=int(lengths.sum()), p=zipf)
    lines = []
    at = 0
    for n in lengths:
        lines.append(" ".join(lexicon[i] for i in picks[at : at + n]))
        at += n
    return lines


def train_sentencepiece(lines: list[str], vocab_size: int, seed: int) -> bytes:
    """A serialized SentencePiece BPE model (ids 0-2 are <unk> <s> </s>).

    BPE reaches a 32k vocabulary on far less text than unigram; one thread
    keeps the result byte-identical between runs."""
    import sentencepiece as spm

    spm.set_random_generator_seed(seed)
    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=buffer,
        vocab_size=vocab_size,
        model_type="bpe",
        character_coverage=1.0,
        hard_vocab_limit=False,
        num_threads=1,
        shuffle_input_sentence=False,
        input_sentence_size=0,
        minloglevel=2,
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
    )
    return buffer.getvalue()


def _pieces(model: bytes) -> list[str]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_proto=model)
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def build_tokenizers(size: str = "tiny", seed: int = 0, root: Path = REPO_ROOT) -> tuple[bytes, bytes]:
    """Source (Arabic) and target (English) SentencePiece models."""
    dims = SIZES[size]
    arabic, english = repo_corpus(root)
    arabic = arabic + synthetic_lines(arabic, dims.synthetic_sentences, seed)
    english = english + synthetic_lines(english, dims.synthetic_sentences, seed + 1)
    return (
        train_sentencepiece(arabic, dims.vocab, seed),
        train_sentencepiece(english, dims.vocab, seed),
    )


def _normal(rng: np.random.Generator, *shape: int, scale: float | None = None) -> np.ndarray:
    scale = WEIGHT_SCALE if scale is None else scale
    return (rng.standard_normal(shape) * scale).astype(np.float32)


def _linear(spec, rng, out_dim: int, in_dim: int) -> None:
    spec.weight = _normal(rng, out_dim, in_dim)
    spec.bias = _normal(rng, out_dim, scale=0.01)


def _layer_norm(spec, dim: int) -> None:
    spec.gamma = np.ones(dim, dtype=np.float32)
    spec.beta = np.zeros(dim, dtype=np.float32)


#: Families the builder knows, as ``tarjama --family`` names them.
FAMILIES = ("marian", "nllb", "m2m100")

#: A real slice of NLLB-200's language codes (the tokenizer's
#: FAIRSEQ_LANGUAGE_CODES order), Arabic varieties included: enough that a model
#: can emit a wrong language token, which the engine must never let through.
NLLB_CODES = (
    "acm_Arab", "acq_Arab", "aeb_Arab", "apc_Arab", "ajp_Arab", "ars_Arab", "ary_Arab", "arz_Arab",
    "arb_Arab", "deu_Latn", "eng_Latn", "fra_Latn", "heb_Hebr", "pes_Arab", "rus_Cyrl", "spa_Latn",
    "tur_Latn", "urd_Arab", "zho_Hans",
)
#: M2M100's language tokens (a real slice of its 100).
M2M100_CODES = ("__af__", "__ar__", "__de__", "__en__", "__es__", "__fa__", "__fr__", "__he__",
                "__ru__", "__tr__", "__ur__", "__zh__")


def _family_vocabulary(family: str, pieces: list[str]) -> list[str]:
    """The shared vocabulary as the transformers converter writes it: fairseq's
    ``<s> <pad> </s> <unk>`` first, the SentencePiece pieces, then the language
    tokens (and NLLB's ``<mask>``)."""
    body = [p for p in pieces if p not in ("<unk>", "<s>", "</s>")]
    head = ["<s>", "<pad>", "</s>", "<unk>"]
    if family == "nllb":
        return head + body + list(NLLB_CODES) + ["<mask>"]
    return head + body + list(M2M100_CODES)


def _tokenizer_files(family: str, out: Path) -> None:
    """``tokenizer_config.json`` and ``special_tokens_map.json`` as Hugging Face ships them."""
    codes = list(NLLB_CODES if family == "nllb" else M2M100_CODES)
    klass = "NllbTokenizer" if family == "nllb" else "M2M100Tokenizer"
    source, target = ("arb_Arab", "eng_Latn") if family == "nllb" else ("ar", "en")
    config = {"tokenizer_class": klass, "src_lang": source, "tgt_lang": target, "bos_token": "<s>",
              "eos_token": "</s>", "pad_token": "<pad>", "unk_token": "<unk>", "model_max_length": 1024}
    special = {"additional_special_tokens": codes, "bos_token": "<s>", "eos_token": "</s>",
               "pad_token": "<pad>", "unk_token": "<unk>"}
    (out / "tokenizer_config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    (out / "special_tokens_map.json").write_text(json.dumps(special, indent=2) + "\n", encoding="utf-8")


def build_ct2_model(
    outdir: str | os.PathLike[str],
    size: str = "tiny",
    seed: int = 0,
    quantization: str | None = "int8",
    root: Path = REPO_ROOT,
    family: str = "marian",
) -> Path:
    """Write a random-weight CTranslate2 Transformer of ``family`` into
    ``outdir`` (created if needed): Marian with ``source.spm``/``target.spm``;
    NLLB/M2M100 with one ``sentencepiece.bpe.model``, a shared vocabulary and
    the tokenizer's JSON files. Same seed, same bytes."""
    from ctranslate2.specs import TransformerSpec

    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r}; expected one of {', '.join(FAMILIES)}")
    dims = SIZES[size]
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    if family == "marian":
        source_spm, target_spm = build_tokenizers(size, seed, root)
        source_vocab, target_vocab = _pieces(source_spm), _pieces(target_spm)
    else:
        source_spm = target_spm = build_shared_tokenizer(size, seed, root)
        source_vocab = target_vocab = _family_vocabulary(family, _pieces(source_spm))

    rng = np.random.default_rng(seed)
    d, f = dims.d_model, dims.ffn
    spec = TransformerSpec.from_config((dims.layers, dims.layers), dims.heads, pre_norm=True)
    if family != "marian":
        spec.config.decoder_start_token = "</s>"  # what the converter sets for M2M100/NLLB
    spec.encoder.embeddings[0].weight = _normal(rng, len(source_vocab), d, scale=1.0)
    spec.decoder.embeddings.weight = _normal(rng, len(target_vocab), d, scale=1.0)
    _layer_norm(spec.encoder.layer_norm, d)
    _layer_norm(spec.decoder.layer_norm, d)
    def self_attention(att) -> None:
        _linear(att.linear[0], rng, 3 * d, d)
        _linear(att.linear[1], rng, d, d)
        _layer_norm(att.layer_norm, d)

    def ffn(block) -> None:
        _linear(block.linear_0, rng, f, d)
        _linear(block.linear_1, rng, d, f)
        _layer_norm(block.layer_norm, d)

    # The call order fixes the random draws: keep it, or seeded builds change.
    for layer in spec.encoder.layer:
        self_attention(layer.self_attention)
        ffn(layer.ffn)
    for layer in spec.decoder.layer:
        self_attention(layer.self_attention)
        _linear(layer.attention.linear[0], rng, d, d)
        _linear(layer.attention.linear[1], rng, 2 * d, d)
        _linear(layer.attention.linear[2], rng, d, d)
        _layer_norm(layer.attention.layer_norm, d)
        ffn(layer.ffn)
    _linear(spec.decoder.projection, rng, len(target_vocab), d)
    spec.register_source_vocabulary(source_vocab)
    spec.register_target_vocabulary(target_vocab)
    spec.validate()
    spec.optimize(quantization=quantization)
    spec.save(str(out))
    if family == "marian":
        (out / "source.spm").write_bytes(source_spm)
        (out / "target.spm").write_bytes(target_spm)
    else:
        (out / "sentencepiece.bpe.model").write_bytes(source_spm)
        _tokenizer_files(family, out)
    return out


def build_shared_tokenizer(size: str = "tiny", seed: int = 0, root: Path = REPO_ROOT) -> bytes:
    """One SentencePiece model for both languages, as NLLB and M2M100 use."""
    dims = SIZES[size]
    arabic, english = repo_corpus(root)
    half = dims.synthetic_sentences // 2
    lines = arabic + english + synthetic_lines(arabic, half, seed) + synthetic_lines(english, half, seed + 1)
    return train_sentencepiece(lines, dims.vocab, seed)


# --- OPUS-MT (Marian) release zip -------------------------------------------------

_MARIAN_CONFIG = {
    "type": "transformer",
    "transformer-decoder-autoreg": "self-attention",
    "transformer-no-projection": False,
    "transformer-ffn-activation": "swish",
    "transformer-preprocess": "",
    "transformer-postprocess": "dan",
    "transformer-postprocess-top": "",
    "transformer-postprocess-emb": "d",
    "transformer-guided-alignment-layer": "last",
    "tied-embeddings-src": False,
    "tied-embeddings-all": False,
    "tied-embeddings": True,
}


def _yaml_token(token: str) -> str:
    """A vocab .yml key as Marian writes it: double-quoted, real UTF-8."""
    return '"' + token.replace("\\", "\\\\").replace('"', '\\"') + '"'


def marian_vocab_yml(tokens: list[str]) -> str:
    return "".join(f"{_yaml_token(t)}: {i}\n" for i, t in enumerate(tokens))


def marian_weights(vocab_size: int, dims: ModelSize, seed: int) -> dict[str, np.ndarray]:
    """Random Marian parameters with the names ``MarianConverter`` reads."""
    import yaml

    rng = np.random.default_rng(seed)
    d, f = dims.d_model, dims.ffn
    w: dict[str, np.ndarray] = {
        "encoder_Wemb": _normal(rng, vocab_size, d, scale=1.0),
        "decoder_Wemb": _normal(rng, vocab_size, d, scale=1.0),
        "decoder_ff_logit_out_b": _normal(rng, 1, vocab_size, scale=0.01),
    }

    def ln(scope: str) -> None:
        w[f"{scope}_ln_scale"] = np.ones((1, d), dtype=np.float32)
        w[f"{scope}_ln_bias"] = np.zeros((1, d), dtype=np.float32)

    def attention(scope: str) -> None:
        for p in "qkvo":
            w[f"{scope}_W{p}"] = _normal(rng, d, d)
            w[f"{scope}_b{p}"] = _normal(rng, 1, d, scale=0.01)
        ln(f"{scope}_Wo")

    def ffn(scope: str) -> None:
        w[f"{scope}_W1"] = _normal(rng, d, f)
        w[f"{scope}_b1"] = _normal(rng, 1, f, scale=0.01)
        w[f"{scope}_W2"] = _normal(rng, f, d)
        w[f"{scope}_b2"] = _normal(rng, 1, d, scale=0.01)
        ln(f"{scope}_ffn")

    for i in range(1, dims.layers + 1):
        attention(f"encoder_l{i}_self")
        ffn(f"encoder_l{i}_ffn")
        attention(f"decoder_l{i}_self")
        attention(f"decoder_l{i}_context")
        ffn(f"decoder_l{i}_ffn")
    config = dict(_MARIAN_CONFIG, **{"enc-depth": dims.layers, "dec-depth": dims.layers, "transformer-heads": dims.heads})
    raw = yaml.safe_dump(config, sort_keys=True).encode("utf-8") + b"\x00"
    w["special:model.yml"] = np.frombuffer(raw, dtype=np.int8).copy()
    return w


def _zip_bytes(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    zf.writestr(info, data)


def build_opus_mt_zip(path: str | os.PathLike[str], seed: int = 0, root: Path = REPO_ROOT) -> Path:
    """Write a tiny OPUS-MT-style release zip (``opus.npz``, ``source.spm``,
    ``target.spm``, a shared vocab ``.yml``, ``decoder.yml``) to ``path``."""
    import yaml

    dims = SIZES["tiny"]
    source_spm, target_spm = build_tokenizers("tiny", seed, root)
    tokens = ["</s>", "<unk>"]
    seen = set(tokens)
    for piece in _pieces(source_spm)[3:] + _pieces(target_spm)[3:]:
        if piece not in seen:
            seen.add(piece)
            tokens.append(piece)
    weights = marian_weights(len(tokens), dims, seed)
    npz = io.BytesIO()
    np.savez(npz, **weights)
    vocab_name = "opus.spm32k-spm32k.vocab.yml"
    decoder = yaml.safe_dump(
        {
            "relative-paths": True,
            "models": ["opus.npz"],
            "vocabs": [vocab_name, vocab_name],
            "beam-size": 6,
            "normalize": 0.6,
        },
        sort_keys=True,
    )
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w") as zf:
        _zip_bytes(zf, "README.md", b"# tiny random OPUS-MT-style test model\n")
        _zip_bytes(zf, "decoder.yml", decoder.encode("utf-8"))
        _zip_bytes(zf, "opus.npz", npz.getvalue())
        _zip_bytes(zf, "source.spm", source_spm)
        _zip_bytes(zf, "target.spm", target_spm)
        _zip_bytes(zf, vocab_name, marian_vocab_yml(tokens).encode("utf-8"))
    return out


def model_summary(path: str | os.PathLike[str]) -> dict:
    """Size and config of a built model, for the build script's report."""
    root = Path(path)
    config = json.loads((root / "config.json").read_text(encoding="utf-8"))
    return {"model.bin bytes": (root / "model.bin").stat().st_size, "config": config}
