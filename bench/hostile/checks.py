"""Running a case (a subprocess with per-child rusage, or in-process) and checking every rule."""
from __future__ import annotations

import hashlib
import os
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .cases import Fixtures
from .inputs import MAX_RSS_KB, MAX_SECONDS, Case


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_kb: int


def snapshot(folder: Path) -> dict[str, tuple]:
    """Everything under ``folder`` (links not followed): kind, content hash, mode."""
    out: dict[str, tuple] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for n in dirnames + filenames:
            p = Path(dirpath) / n
            try:
                st = p.lstat()
            except OSError:
                continue
            rel = str(p.relative_to(folder))
            if stat.S_ISLNK(st.st_mode):
                out[rel] = ("link", os.readlink(p))
            elif stat.S_ISREG(st.st_mode):
                out[rel] = ("file", hashlib.sha1(p.read_bytes()).hexdigest(), stat.S_IMODE(st.st_mode))
            elif stat.S_ISDIR(st.st_mode):
                out[rel] = ("dir",)
            else:
                out[rel] = ("special", stat.S_IFMT(st.st_mode))
    return out


def run_subprocess(case: Case, env: dict[str, str], timeout: float = MAX_SECONDS + 30) -> Outcome:
    """The real CLI in a child; per-child time and peak memory from ``os.wait4``."""
    stdin: object = subprocess.DEVNULL
    stdout_target: object = None
    opened = []
    if isinstance(case.stdin, bytes):
        fh = tempfile.TemporaryFile()
        fh.write(case.stdin)
        fh.seek(0)
        stdin = fh
        opened.append(fh)
    elif case.stdin == "devzero":
        stdin = open("/dev/zero", "rb")
        opened.append(stdin)
    elif case.stdin == "devfull-stdout":
        stdout_target = open("/dev/full", "wb")
        opened.append(stdout_target)
    with tempfile.TemporaryFile() as out_f, tempfile.TemporaryFile() as err_f:
        start = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "translate", *case.args], stdin=stdin,
            stdout=stdout_target or out_f, stderr=err_f, env=env, cwd=case.folder,
            preexec_fn=_preexec(case))
        rusage = None
        status = 0
        while True:
            pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > timeout:
                proc.kill()
                _, status, rusage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
        for fh in opened:
            fh.close()
        out_f.seek(0)
        err_f.seek(0)
        return Outcome(proc.returncode, out_f.read().decode("utf-8", "replace"),
                       err_f.read().decode("utf-8", "replace"), seconds, rusage.ru_maxrss if rusage else 0)


def _preexec(case: Case):
    """Close stdin, or make writes past a size fail as on a full disk (EFBIG)."""
    if case.stdin != "closed" and case.max_file_bytes is None:
        return None

    def setup() -> None:
        if case.stdin == "closed":
            os.close(0)
        if case.max_file_bytes is not None:
            import resource

            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (case.max_file_bytes, case.max_file_bytes))
    return setup


def check(case: Case, o: Outcome, before: dict, after: dict, outside_before: dict, outside_after: dict) -> dict[str, str]:
    """Failures by category (empty: the run met every rule)."""
    fails: dict[str, str] = {}
    if "Traceback" in o.stderr:
        fails["traceback"] = o.stderr.strip().splitlines()[-1][:200]
    if "internal error" in o.stderr:
        fails["internal_error"] = o.stderr.strip()[:200]
    if o.code not in case.expect:
        fails["exit_status"] = f"exit {o.code}, expected {sorted(case.expect)}: {o.stderr.strip()[:200]}"
    if o.code == 2:
        # A warning about something else (a cache that cannot be written on a full
        # disk) may precede the error; the error itself is one line.
        lines = [ln for ln in o.stderr.strip().splitlines() if not ln.startswith("tarjama: warning:")]
        if len(lines) != 1 and not case.multi_line_ok:
            fails["one_line"] = f"{len(lines)} stderr lines: {o.stderr.strip()[:300]}"
        first = lines[0] if lines else ""
        if case.needle and case.needle not in first and case.needle[:200] not in first:
            fails["names_file"] = f"{case.needle[:60]!r} not in {first[:200]!r}"
        if case.line is not None and f":{case.line}:" not in first:
            fails["names_line"] = f"line {case.line} not in {first[:200]!r}"
    elif o.code == 1 and case.multi_line_ok and case.needle:
        first = o.stderr.strip().splitlines()[:1]
        if not first or case.needle not in first[0]:
            fails["names_file"] = f"{case.needle[:60]!r} not in {first!r}"
        if case.line is not None and first and f":{case.line}:" not in first[0]:
            fails["names_line"] = f"line {case.line} not in {first[0][:200]!r}"
    out_rel = str(case.output.relative_to(case.folder)) if case.output is not None else None
    changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    if case.home is not None and case.home.is_relative_to(case.folder):  # the store may change
        home_rel = str(case.home.relative_to(case.folder))
        changed = {k for k in changed if k != home_rel and not k.startswith(home_rel + "/")}
    if o.code not in (0, 1) or out_rel is None:
        if changed:
            fails["output_on_failure" if out_rel in changed else "wrote_in_folder"] = f"changed: {sorted(changed)[:5]}"
    else:
        extra = {k for k in changed if k != out_rel and not k.startswith(out_rel)}
        # writing through a symlink changes its target, which is allowed
        extra = {k for k in extra if not k.startswith(("real-out", "target-made"))}
        if extra:
            fails["wrote_in_folder"] = f"also changed: {sorted(extra)[:5]}"
    if outside_before != outside_after:
        fails["wrote_outside"] = str(sorted(set(outside_after) ^ set(outside_before))[:5])
    if o.seconds > MAX_SECONDS:
        fails["too_slow"] = f"{o.seconds:.1f} s"
    if o.max_rss_kb > MAX_RSS_KB:
        fails["too_big"] = f"{o.max_rss_kb // 1024} MB"
    if case.after is not None:
        extra_fails = case.after(case, o.code, o.stdout, o.stderr)
        if extra_fails:
            fails["extra"] = "; ".join(extra_fails)
    return fails


CATEGORIES = ("traceback", "internal_error", "exit_status", "one_line", "names_file", "names_line",
              "output_on_failure", "wrote_in_folder", "wrote_outside", "too_slow", "too_big", "extra")


def sweep(cases: list[Case], fx: Fixtures, runner, jobs: int = 2) -> tuple[dict, list]:
    """Run every case; return counts and the failures."""
    counts = {k: 0 for k in CATEGORIES}
    failures = []
    lock = threading.Lock()
    outside = fx.work.parent

    def outside_view() -> dict:
        return {p.name: p.stat().st_mtime_ns for p in outside.iterdir()
                if p.name.startswith("escaped")} | {p.name: 0 for p in fx.work.glob("escaped*")}

    stats = {"runs": 0, "max_seconds": 0.0, "max_rss_mb": 0}

    def one(case: Case) -> None:
        env = dict(os.environ, TARJAMA_HOME=str(case.home or fx.home))
        env.update(case.env)
        env.pop("TARJAMA_DEBUG", None)
        env.pop("TARJAMA_MODEL", None)
        before = snapshot(case.folder)
        ob = outside_view()
        o = runner(case, env)
        after = snapshot(case.folder)
        fails = check(case, o, before, after, ob, outside_view())
        with lock:
            stats["runs"] += 1
            stats["max_seconds"] = max(stats["max_seconds"], o.seconds)
            stats["max_rss_mb"] = max(stats["max_rss_mb"], o.max_rss_kb // 1024)
            for k, v in fails.items():
                counts[k] += 1
                failures.append((case.name, k, v))

    # cases sharing a folder run one after another (their snapshots overlap)
    groups: dict[Path, list[Case]] = {}
    for c in cases:
        groups.setdefault(c.folder, []).append(c)
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(lambda g: [one(c) for c in g], groups.values()))
    escaped = list(fx.work.parent.rglob("escaped*")) + list(Path("/tmp").glob("escaped*"))
    if escaped:
        counts["wrote_outside"] += len(escaped)
        failures.append(("archives", "wrote_outside", str(escaped[:5])))
    counts.update(stats)
    return counts, failures
