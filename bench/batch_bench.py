#!/usr/bin/env python3
"""Benchmark: ``tarjama batch`` against one raw CTranslate2 loop, side by side.

    python bench/batch_bench.py [--docs 123] [--beam 4] [--length 40] [--repeats 2] [--no-ray] [--model DIR]

The 123 NTREX-128 documents (``ntrex128-document-ids.tsv`` splits the 1,997
lines) are written as .txt files and run through the ``base`` random test model
(OPUS-MT-base dimensions, int8), decoding a fixed ``--length`` tokens so a
random model costs what a real one does. In one run, each configuration in a
fresh subprocess (so peak RSS is its own):

* raw loop: SentencePiece → one ``translate_batch`` over every sentence of every
  document (max_batch_size 32) → decode, at each thread setting (inter, intra)
  in (2,1), (1,1), (1,2); the best is the reference;
* the same loop with one ``translate_batch`` per document (all queued at once,
  the first thread setting): batches that never mix documents are what keep
  ``--workers`` and ``--resume`` byte-identical, and this row shows their cost
  apart from the rest of ``tarjama batch``;
* ``run_batch`` with --workers 1 (the default), --workers 2, and on a local
  Ray (``--auto`` adds a ``--workers auto`` row).

Every figure is end to end, the same for both sides: the wall time of a fresh
process from start-up (imports, loading the model, SentencePiece, start-up of
workers) to the last output; the raw loop's translate-only time is shown
beside it. Also the CPU time (user + sys) of the process and the workers it
waited for (Ray actors are not its children, so the Ray row's CPU is the
driver's only), and its ratio to the best raw loop's: on a shared machine the
wall time depends on the other jobs, the CPU time much less. Peak RSS per
worker process is VmHWM, sampled. Documents/s and segments/s are over the wall
time (segments: the raw loop's sentences, 2,027; the batch's units, the
non-empty lines, 1,987; compare documents/s or the time ratios).

Resume (``--no-resume`` skips it): one run with the default workers is killed with
SIGKILL once half the documents are recorded done, then run again with
``--resume``; it prints how many documents were recorded, how many outputs
were written but not yet recorded (finished work redone), how many the resumed
run processed and whether the outputs are byte-identical to the uninterrupted
runs. The batch rows come right after the first raw loop, so a run cut short
still has the ratios that matter.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def write_documents(shared: Path, outdir: Path, limit: int) -> tuple[int, int]:
    lines = (shared / "data" / "ntrex128-newstest2019.ar.txt").read_text(encoding="utf-8").splitlines()
    ids = (shared / "data" / "ntrex128-document-ids.tsv").read_text(encoding="utf-8").splitlines()
    docs: dict[str, list[str]] = {}
    for doc_id, line in zip(ids, lines):
        docs.setdefault(doc_id.strip(), []).append(line)
    chosen = list(docs.items())[:limit]
    outdir.mkdir(parents=True, exist_ok=True)
    for doc_id, body in chosen:
        (outdir / f"{doc_id}.txt").write_text("\n".join(body) + "\n", encoding="utf-8")
    return len(chosen), sum(len(b) for _, b in chosen)


class PeakRss:
    """Peak resident memory (VmHWM) of the processes ``pids()`` names, sampled
    once a second. Cheap on purpose: a scan of every /proc entry four times a
    second cost 5 ms of CPU each time, 2 % of a core charged to the batch rows."""

    def __init__(self, pids):
        self.pids = pids
        self.peaks: dict[int, int] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.loop, daemon=True)
        self.thread.start()

    def sample(self) -> None:
        for pid in self.pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        self.peaks[pid] = max(self.peaks.get(pid, 0), int(line.split()[1]))
            except OSError:
                continue

    def loop(self) -> None:
        while not self.stop.wait(1.0):
            self.sample()

    def done(self) -> list[float]:
        self.sample()
        self.stop.set()
        return sorted(round(kb / 1024, 1) for kb in self.peaks.values())


def _children() -> list[int]:
    """This process's worker processes (children started by ``spawn_main``, not the resource tracker)."""
    found: list[int] = []
    for children in Path("/proc/self/task").glob("*/children"):
        try:
            pids = [int(pid) for pid in children.read_text().split()]
            found += [pid for pid in pids if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()]
        except OSError:
            continue
    return found


def _ray_actors() -> list[int]:
    """Ray's actor processes (not this process's children): a scan of /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if b"_RayWorker" in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def child_raw(model: str, docs: str, beam: int, length: int, inter: int, intra: int,
              per_document: bool = False) -> dict:
    """One raw loop: what a careful user of ctranslate2 alone would write
    (segmentation excluded: it only decides which sentences both sides get).

    ``per_document``: the same loop with one ``translate_batch`` per document
    instead of one over every sentence, so the cost of batches that never mix
    documents (what keeps ``--workers`` and ``--resume`` byte-identical) shows
    apart from the rest of ``tarjama batch``."""
    from translate.engine import segment

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(docs).glob("*.txt"))]
    sentences = [s.text for t in texts for s in segment(t).sentences]
    start = time.perf_counter()
    import ctranslate2
    import sentencepiece as spm

    sp_src = spm.SentencePieceProcessor(model_file=str(Path(model) / "source.spm"))
    sp_tgt = spm.SentencePieceProcessor(model_file=str(Path(model) / "target.spm"))
    ct2 = ctranslate2.Translator(model, compute_type="int8", inter_threads=inter, intra_threads=intra)
    loaded = time.perf_counter()
    tokens = sp_src.encode(sentences, out_type=str)
    if per_document:  # one call per document, all queued at once: the batches `tarjama batch` decodes
        sizes = [len(segment(t).sentences) for t in texts]
        starts = [sum(sizes[:k]) for k in range(len(sizes))]
        queued = [ct2.translate_batch(tokens[a:a + n], beam_size=beam, max_batch_size=32, batch_type="examples",
                                      max_decoding_length=length, min_decoding_length=length, asynchronous=True)
                  for a, n in zip(starts, sizes) if n]
        results = [r.result() for call in queued for r in call]
    else:
        results = ct2.translate_batch(tokens, beam_size=beam, max_batch_size=32, batch_type="examples",
                                      max_decoding_length=length, min_decoding_length=length)
    sp_tgt.decode([r.hypotheses[0] for r in results])
    end = time.perf_counter()
    import resource

    return {"seconds": end - loaded, "load": loaded - start, "segments": len(sentences), "documents": len(texts),
            "rss": [round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)]}


def child_batch(model: str, docs: str, beam: int, length: int, workers: int | None, ray: bool) -> dict:
    start = time.perf_counter()
    from translate.batch import BatchSettings, run_batch

    me = os.getpid()
    watch = PeakRss(_ray_actors if ray else (lambda: [me]) if workers == 1 else _children if workers
                    else (lambda: _children() or [me]))  # auto: workers once they start, else this process
    settings = BatchSettings(model=model, beam_size=beam, decode=(("max_decoding_length", length),
                                                                  ("min_decoding_length", length)))
    out = tempfile.mkdtemp(prefix="tarjama-batch-bench-")
    outcome = run_batch([docs], out, settings, workers=workers, ray="local" if ray else None, quiet=True)
    seconds = time.perf_counter() - start
    if ray:
        import ray as _ray

        _ray.shutdown()
    return {"seconds": seconds, "segments": outcome.segments, "documents": len(outcome.results),
            "workers": outcome.workers,
            "failed": len(outcome.failed), "rss": watch.done(), "out": out}


def run_child(*args: str) -> dict:
    """Run one configuration in a fresh process: its figures, wall time from
    launch to exit and the CPU time of it and the children it waited for."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"child {args} failed:\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["wall"] = wall
    result["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result


def resume_check(model: Path, docs: Path, beam: int, length: int, reference: str) -> str:
    """Kill a job (default workers) with SIGKILL half-way, resume it; what was redone."""
    import signal

    sys.path.insert(0, str(ROOT / "tests"))  # tests/support: the manifest reader the tests use
    from support.manifest import done_in_manifest

    out = Path(tempfile.mkdtemp(prefix="tarjama-batch-resume-"))
    total = len(list(docs.glob("*.txt")))
    # the library, not the CLI: the CLI has no option to fix the decoding length
    code = ("import sys; from translate.batch import BatchSettings, run_batch; "
            f"run_batch([{str(docs)!r}], {str(out)!r}, BatchSettings(model={str(model)!r}, beam_size={beam}, "
            f"decode=(('max_decoding_length', {length}), ('min_decoding_length', {length}))), "
            "resume='--resume' in sys.argv, quiet=True)")

    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
    while done_in_manifest(out) < total // 2 and proc.poll() is None:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    recorded = done_in_manifest(out)
    written = sum(1 for p in out.glob("*.txt"))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, "--resume"], cwd=ROOT, check=True)
    seconds = time.perf_counter() - start
    same = _tree(str(out)) == _tree(reference)
    return (f"resume: SIGKILL at {recorded}/{total} documents recorded done, {written - recorded} more output(s) "
            f"written but not recorded; --resume processed exactly the {total - recorded} unrecorded ones "
            f"in {seconds:.1f}s (work redone: those {written - recorded} plus the documents being decoded at "
            f"the kill); outputs byte-identical to the uninterrupted runs: {same}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=123)
    ap.add_argument("--beam", type=int, default=4)
    ap.add_argument("--length", type=int, default=40)
    ap.add_argument("--no-resume", action="store_true", help="skip the kill-and-resume check")
    ap.add_argument("--no-ray", action="store_true")
    ap.add_argument("--auto", action="store_true", help="also time --workers auto")
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--raw", default="2,1 1,1 1,2",
                    help="raw loop thread settings 'inter,intra ...' (the first should be the best; default: %(default)s)")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--model", help="an existing base model directory (default: build one)")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind in ("raw", "rawdoc"):
            model, docs, beam, length, inter, intra = rest
            print(json.dumps(child_raw(model, docs, int(beam), int(length), int(inter), int(intra),
                                       per_document=kind == "rawdoc")))
        else:
            model, docs, beam, length, workers, ray = rest
            n = None if workers == "auto" else int(workers)
            print(json.dumps(child_batch(model, docs, int(beam), int(length), n, ray == "1")))
        return 0
    shared = Path(args.shared)
    if not (shared / "data" / "ntrex128-document-ids.tsv").is_file():
        print(f"skipped: NTREX data not found under {shared}")
        return 0
    work = Path(tempfile.mkdtemp(prefix="tarjama-bench-"))
    if args.model:
        model = Path(args.model)
    else:
        sys.path.insert(0, str(ROOT / "tests"))  # tests/support: the test-model builder
        from support.testmodel import build_ct2_model

        t = time.perf_counter()
        model = build_ct2_model(work / "base", size="base", seed=0)
        print(f"built the base test model in {time.perf_counter() - t:.0f}s")
    docs = work / "docs"
    n_docs, n_lines = write_documents(shared, docs, args.docs)
    print(f"{n_docs} NTREX documents, {n_lines} lines; beam {args.beam}, {args.length} tokens per sentence; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    common = (str(model), str(docs), str(args.beam), str(args.length))
    settings = [tuple(part.split(",")) for part in args.raw.split()]
    raw_loop = [(f"raw loop inter={i} intra={j}", ("raw", *common, i, j)) for i, j in settings]
    # the likely best raw loop and the batch rows first: a run cut short still has the ratios that matter
    i, j = settings[0]
    per_doc = (f"loop per document {i},{j}", ("rawdoc", *common, i, j))
    configs = [raw_loop[0], ("batch --workers 1 (default)", ("batch", *common, "1", "0")),
               ("batch --workers 2", ("batch", *common, "2", "0")), per_doc, *raw_loop[1:]]
    if args.auto:
        configs.insert(3, ("batch --workers auto", ("batch", *common, "auto", "0")))
    if not args.no_ray:
        configs.append(("batch --ray (local, 2 actors)", ("batch", *common, "2", "1")))
    # Round robin, best of --repeats per configuration: on a shared machine the
    # load drifts during a run, and the fastest repeat is the least disturbed one.
    # Every other repeat runs the configurations in reverse, so a drift favours none.
    best_runs: dict[str, dict] = {}
    runs: dict[str, list[dict]] = {}
    for repeat in range(args.repeats):
        for label, child_args in configs[::-1] if repeat % 2 else configs:
            r = run_child(*child_args)
            ran = f", {r['workers']} worker(s)" if "workers" in r else ""
            print(f"  {label}: {r['wall']:.1f}s wall, {r['cpu']:.1f}s CPU, {r['segments']} segments, "
                  f"peak RSS {r['rss']} MiB{ran}", flush=True)
            runs.setdefault(label, []).append(r)
            if label not in best_runs or r["wall"] < best_runs[label]["wall"]:
                best_runs[label] = r
    rows = [(label, best_runs[label]) for label, _ in configs]
    raw = {label: r for label, r in rows if label.startswith("raw")}
    best_label = min(raw, key=lambda k: raw[k]["wall"])
    best = raw[best_label]
    outputs = {label: r["out"] for label, r in rows if "out" in r}
    print(f"\n{'configuration':32} {'docs/s':>7} {'segs/s':>7} {'wall s':>7} {'vs raw':>7} {'CPU s':>7} "
          f"{'vs raw':>7}  peak RSS per process (MiB)")
    for label, r in rows:
        extra = f" (translate only {r['seconds']:.1f}s)" if "load" in r else ""
        print(f"{label:32} {r['documents'] / r['wall']:7.2f} {r['segments'] / r['wall']:7.1f} {r['wall']:7.1f} "
              f"{best['wall'] / r['wall']:6.2f}x {r['cpu']:7.1f} {best['cpu'] / r['cpu']:6.2f}x  {r['rss']}{extra}")
    one, two = runs["batch --workers 1 (default)"], runs["batch --workers 2"]
    print("\n--workers 2 against 1, time ratio per repeat (wall, CPU; below 1: 2 is faster): "
          + ", ".join(f"{b['wall'] / a['wall']:.3f}, {b['cpu'] / a['cpu']:.3f}" for a, b in zip(one, two)))
    loop, doc, w1 = (best_runs[k] for k in (raw_loop[0][0], per_doc[0], "batch --workers 1 (default)"))
    print(f"where the default loses to the raw loop (time ratios, wall and CPU; below 1: slower): "
          f"one call per document instead of one over every sentence {loop['wall'] / doc['wall']:.3f}, "
          f"{loop['cpu'] / doc['cpu']:.3f}; the rest of batch --workers 1 (start-up, files, enforce, QA, "
          f"manifest) {doc['wall'] / w1['wall']:.3f}, {doc['cpu'] / w1['cpu']:.3f}")
    print(f"\nbest raw loop: {best_label}; best of {args.repeats} round-robin repeats, every other one in reverse "
          f"order; every time is end to end "
          f"(process start to last output); load average now {os.getloadavg()[0]:.1f}")
    same = len({_tree(p) for p in outputs.values()}) == 1
    print(f"outputs byte-identical across {', '.join(outputs)}: {same}")
    if not args.no_resume:
        print(resume_check(model, docs, args.beam, args.length, outputs["batch --workers 1 (default)"]))
    return 0

def _tree(root: str) -> str:
    import hashlib

    h = hashlib.sha256()
    for p in sorted(Path(root).rglob("*")):
        if p.is_file() and ".tarjama" not in p.parts:
            h.update(str(p.relative_to(root)).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


if __name__ == "__main__":
    sys.exit(main())
