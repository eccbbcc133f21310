#!/usr/bin/env python3
"""Build a random-weight CTranslate2 test model (or a tiny OPUS-MT release zip).

    python bench/make_test_model.py OUTDIR [--family marian|nllb|m2m100] [--size tiny|base] [--seed N]
    python bench/make_test_model.py OUT.zip --opus-zip [--seed N]

``--family`` gives the family's real layout and special tokens: Marian with
source.spm/target.spm; NLLB-200 and M2M100 as ``ct2-transformers-converter
--copy_files`` leaves them (one sentencepiece.bpe.model, a shared vocabulary
with the language tokens, tokenizer_config.json). ``base`` has OPUS-MT-base
dimensions (6+6 layers, d_model 512, ffn 2048, 32k SentencePiece pieces) for
every family, so it costs what a real base model costs. Same seed, same bytes:
the sha256 of model.bin is printed to check.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # tests/support

from support.testmodel import FAMILIES, SIZES, build_ct2_model, build_opus_mt_zip  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="output model directory (or .zip with --opus-zip)")
    parser.add_argument("--family", choices=FAMILIES, default="marian")
    parser.add_argument("--size", choices=sorted(SIZES), default="tiny")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--opus-zip", action="store_true", help="write a tiny OPUS-MT-style release zip instead")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if args.opus_zip:
        out = build_opus_mt_zip(args.out, seed=args.seed)
        digest = hashlib.sha256(out.read_bytes()).hexdigest()
        print(f"wrote {out} ({out.stat().st_size} bytes, sha256 {digest}) in {time.perf_counter() - start:.1f}s")
        return 0
    out = build_ct2_model(args.out, size=args.size, seed=args.seed, family=args.family)
    model_bin = out / "model.bin"
    digest = hashlib.sha256(model_bin.read_bytes()).hexdigest()
    print(
        f"wrote {args.size} {args.family} model to {out} in {time.perf_counter() - start:.1f}s: "
        f"model.bin {model_bin.stat().st_size / 1048576:.1f} MiB, sha256 {digest}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
