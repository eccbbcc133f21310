#!/usr/bin/env python3
"""Benchmark: glossary enforcement speed against translation time (issue 5).

    python bench/enforce_bench.py [--lines 200] [--beam 4] [--model DIR] [--shared ../shared]

1. Loads the 65k Wikidata person names (``bench/corpora.load_names``) plus
   ``glossaries/`` and enforces them on the NTREX English file against its
   Arabic source (1,997 line pairs): prints lines/s and what was changed. The
   English is a human reference, so every correction there is a change to
   correct text: the count is the false-correction rate of a 65k name list
   that knows one spelling per name.
2. Builds the ``base`` random test model (OPUS-MT-base dimensions, int8; or
   ``--model``) and translates the first ``--lines`` Arabic lines with a fixed
   decoding length of 40 tokens (as ``translate_bench.py``), then compares:
   after-translation enforcement of those lines; attention on; and the
   protecting :class:`GlossaryEngine` (the one in-translation path). Goal: enforcement adds <= 5 % to
   translation time.
3. Measures how the two protection modes survive decoding (see
   ``translate/enforce/protect.py``).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # tests/support: the test-model builder
sys.path.insert(0, str(ROOT / "bench"))

from corpora import load_names  # noqa: E402
from protection import measure_protection  # noqa: E402

from translate.engine import DecodeOptions, Translator  # noqa: E402
from support.testmodel import build_ct2_model  # noqa: E402
from translate.enforce import Enforcer  # noqa: E402
from translate.enforce.translation import GlossaryEngine  # noqa: E402
from translate.glossary import load_glossaries  # noqa: E402

LENGTH = 40


def timed(fn, *args, repeats: int = 1):
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn(*args)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--lines", type=int, default=200, help="lines to translate for the comparison")
    ap.add_argument("--beam", type=int, default=4)
    ap.add_argument("--model", help="existing model directory (default: build the base test model)")
    ap.add_argument("--repeats", type=int, default=3, help="enforcement timings: median of N runs")
    ap.add_argument("--tr-repeats", type=int, default=2, help="translation timings: median of N runs")
    args = ap.parse_args(argv)
    data = Path(args.shared) / "data"
    ar_path, en_path = data / "ntrex128-newstest2019.ar.txt", data / "ntrex128-newstest2019.en.txt"
    if not ar_path.is_file():
        print(f"skipped: {ar_path} not found")
        return 0
    ar = ar_path.read_text(encoding="utf-8").splitlines()
    en = en_path.read_text(encoding="utf-8").splitlines()

    # 1. enforcement alone ------------------------------------------------------
    start = time.perf_counter()
    glossary = load_names(data / "wikidata-person-names.en-ar.tsv")
    glossary.extend(load_glossaries([ROOT / "glossaries"]))
    enforcer = Enforcer(glossary)
    enforcer.enforce_lines(ar[:5], en[:5])  # loads the word-frequency tables
    load = time.perf_counter() - start
    t_cold, _ = timed(enforcer.enforce_lines, ar, en)  # first pass: per-word and per-term caches empty
    t_all, results = timed(enforcer.enforce_lines, ar, en, repeats=args.repeats)
    t_match, _ = timed(enforcer.matcher.find_all, ar, repeats=args.repeats)
    corrections = [c for r in results for c in r.corrections]
    unplaced = [u for r in results for u in r.unplaced]
    print(f"glossary terms            {len(glossary):>10,}   load {load:.2f} s")
    print(f"enforce NTREX, first pass {len(ar) / t_cold:>10.0f} lines/s  ({len(ar)} lines in {t_cold:.2f} s)")
    print(f"enforce NTREX, warm       {len(ar) / t_all:>10.0f} lines/s  ({t_all:.2f} s; matching alone {t_match:.2f} s)")
    print(f"placed terms              {sum(r.placed for r in results):>10,}")
    print(f"corrections               {len(corrections):>10,}   {dict(Counter(c.reason for c in corrections))}")
    print(f"  (on human reference English: changed lines {sum(r.changed for r in results)} of {len(ar)})")
    print(f"not enforced              {len(unplaced):>10,}   {dict(Counter(u.reason for u in unplaced))}")
    common = Counter((c.before, c.after) for c in corrections).most_common(8)
    print("  most frequent: " + ", ".join(f"{b}→{a} ×{n}" for (b, a), n in common))

    # 2. against translation time ----------------------------------------------------
    n = min(args.lines, len(ar))
    src, ref = ar[:n], en[:n]
    with tempfile.TemporaryDirectory(prefix="tarjama-enforce-bench-") as tmp:
        model = Path(args.model) if args.model else build_ct2_model(Path(tmp) / "base", size="base", seed=0)
        plain = DecodeOptions(beam_size=args.beam, max_decoding_length=LENGTH, min_decoding_length=LENGTH)
        attend = DecodeOptions(beam_size=args.beam, max_decoding_length=LENGTH, min_decoding_length=LENGTH,
                               return_attention=True)
        translator = Translator(model, options=plain)
        translator.translate_sentences(src[:16])  # warm-up
        plain_times, attn_times = [], []
        for _ in range(args.tr_repeats):  # interleaved so drift hits both alike
            t, translated = timed(translator.translate_sentences, src)
            plain_times.append(t)
            t, _ = timed(translator.translate_sentences, src, attend)
            attn_times.append(t)
        t_tr, t_attn = statistics.median(plain_times), statistics.median(attn_times)
        mt = [r.target for r in translated]
        fresh = Enforcer(glossary, matcher=None)  # cold caches: the honest cost for new text
        t_after_cold, _ = timed(fresh.enforce_lines, src, mt)
        t_after, _ = timed(enforcer.enforce_lines, src, mt, repeats=args.repeats)
        t_after_ref, _ = timed(enforcer.enforce_lines, src, ref, repeats=args.repeats)
        # Protection changes what the model decodes, so its cost is measured against
        # translating the same protected input without the wrapper.
        from translate.enforce.protect import protect
        protected = [protect(s, enforcer.matcher.find(s), "canonical").text for s in src]
        wrapped = GlossaryEngine(translator, enforcer, "canonical")
        t_prot, _ = timed(translator.translate_sentences, protected, attend)
        t_wrapped, _ = timed(wrapped.translate_sentences, src, attend)
        print(f"\nbase test model, {n} lines, beam {args.beam}, {LENGTH} tokens/line, "
              f"threads {translator.inter_threads}x{translator.intra_threads}")
        print(f"translate                 {n / t_tr:>10.1f} lines/s  ({t_tr:.2f} s)")

        def pct(extra: float) -> str:
            return f"{100 * extra / t_tr:6.2f} % of translation time"

        print(f"enforce after, cold       {t_after_cold:>10.3f} s    {pct(t_after_cold)}  (new matcher: empty caches)")
        print(f"enforce after (MT text)   {t_after:>10.3f} s    {pct(t_after)}")
        print(f"enforce after (reference) {t_after_ref:>10.3f} s    {pct(t_after_ref)}")
        print(f"attention on              {t_attn - t_tr:>+10.3f} s    {pct(t_attn - t_tr)}")
        print(f"protecting engine         {t_wrapped - t_prot:>+10.3f} s    {pct(t_wrapped - t_prot)}"
              "  (match + protect + restore + enforce, vs decoding the protected input with attention)")

        # 3. protection survival ---------------------------------------------------------
        seed = (ROOT / "tests" / "data" / "enforce" / "seed.ar.txt").read_text(encoding="utf-8").splitlines()
        probe = seed + [s for s, r in zip(src, results) if r.placed][:100]
        print(f"\nprotection survival, {len(probe)} sentences with terms (base test model):")
        for m in measure_protection(translator, probe, enforcer.matcher):
            print(f"  {m.mode:<12} terms {m.terms:>4}  spelled without <unk> {m.unk_free:>4}  "
                  f"copied verbatim {m.survived:>4} ({100 * m.rate:.1f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
