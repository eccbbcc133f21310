"""SIGKILL at random moments, and eight processes on one cold TARJAMA_HOME."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

from .cases import Fixtures
from .inputs import GLOSSARY_TEXT, SRC_LINES, TGT_LINES, _w


def kill_test(fx: Fixtures, rounds: int, seed: int = 0) -> dict:
    """SIGKILL writers at random moments; the output must be absent or whole, an
    old output intact, the store consistent, and no temp file left after the next run."""
    rng = random.Random(seed)
    d = fx.work / "kill"
    d.mkdir(parents=True, exist_ok=True)
    src = _w(d / "src.txt", "\n".join(SRC_LINES * 200) + "\n")
    tgt = _w(d / "tgt.txt", "\n".join(TGT_LINES * 200) + "\n")
    glo = _w(d / "g.yaml", GLOSSARY_TEXT)
    env = dict(os.environ, TARJAMA_HOME=str(fx.home))
    commands = {
        "enforce": ["enforce", "-s", str(src), "-t", str(tgt), "-g", str(glo)],
        "qa": ["qa", "-s", str(src), "-t", str(tgt), "-g", str(glo), "--fail-on", "never"],
    }
    if fx.model_dir is not None:
        commands["translate"] = ["translate", str(_w(d / "short.txt", "\n".join(SRC_LINES) + "\n")),
                                 "--model", str(fx.model_dir), "--beam-size", "1"]
    result = {"kills": 0, "bad": []}
    for cmd, args in commands.items():
        out = d / f"{cmd}.out"
        t0 = time.monotonic()
        full = subprocess.run([sys.executable, "-m", "translate", *args, "-o", str(out)], env=env,
                              capture_output=True)
        t_full = time.monotonic() - t0  # kill somewhere inside a whole run
        reference = out.read_bytes() if out.exists() else None
        for _ in range(rounds):
            old = b"OLD OUTPUT\n"
            out.write_bytes(old)
            proc = subprocess.Popen([sys.executable, "-m", "translate", *args, "-o", str(out)], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.05, t_full))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            result["kills"] += 1
            now = out.read_bytes() if out.exists() else None
            if now not in (old, reference):
                result["bad"].append(f"{cmd}: output is neither the old file nor the whole new one")
        subprocess.run([sys.executable, "-m", "translate", *args, "-o", str(out)], env=env, capture_output=True)
        left = [p.name for p in d.iterdir() if p.name.startswith(".")]
        if left:
            result["bad"].append(f"{cmd}: temp files left: {left}")
        if full.returncode not in (0, 1):
            result["bad"].append(f"{cmd}: reference run failed: {full.stderr[-200:]!r}")
    if fx.model_dir is not None:
        home = d / "home"
        kenv = dict(env, TARJAMA_HOME=str(home))
        t0 = time.monotonic()
        subprocess.run([sys.executable, "-m", "translate", "model", "install", str(fx.model_dir), "--name", "k"],
                       env=kenv, capture_output=True)
        t_full = time.monotonic() - t0
        for i in range(rounds):
            proc = subprocess.Popen([sys.executable, "-m", "translate", "model", "install", str(fx.model_dir),
                                     "--name", "k", "--force"], env=kenv,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.05, t_full))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            result["kills"] += 1
            models = home / "models"
            if (models / "k").exists():
                r = subprocess.run([sys.executable, "-m", "translate", "model", "verify", "k"], env=kenv,
                                   capture_output=True, text=True)
                if r.returncode != 0:
                    result["bad"].append(f"model install: half-installed model: {r.stderr.strip()[:200]}")
        r = subprocess.run([sys.executable, "-m", "translate", "model", "install", str(fx.model_dir),
                            "--name", "k", "--force"], env=kenv, capture_output=True, text=True)
        left = [p.name for p in (home / "models").iterdir() if p.name.startswith(".") and p.name != ".lock"]
        if r.returncode != 0 or left:
            result["bad"].append(f"model install after kills: exit {r.returncode}, left {left}")
    return result


def concurrency_test(fx: Fixtures, n: int = 8, translate: bool = True) -> dict:
    """``n`` processes on one cold TARJAMA_HOME: same outputs as one run, a sound store."""
    d = fx.work / "concurrent"
    d.mkdir(parents=True, exist_ok=True)
    src = _w(d / "src.txt", "\n".join(SRC_LINES) + "\n")
    tgt = _w(d / "tgt.txt", "\n".join(TGT_LINES) + "\n")
    glo = _w(d / "g.yaml", GLOSSARY_TEXT)
    result: dict = {"processes": n, "bad": []}
    env = dict(os.environ, TARJAMA_HOME=str(fx.home))  # the reference run: warm cache
    qa = ["qa", "-s", str(src), "-t", str(tgt), "-g", str(glo), "-f", "json", "--fail-on", "never"]
    solo = subprocess.run([sys.executable, "-m", "translate", *qa], env=env, capture_output=True, text=True)
    cold = d / "cold-home"
    cenv = dict(os.environ, TARJAMA_HOME=str(cold))
    procs = [subprocess.Popen([sys.executable, "-m", "translate", *qa], env=cenv, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(n)]
    outs = [p.communicate() for p in procs]

    def strip_time(text: str) -> str:
        try:
            data = json.loads(text)
        except ValueError:
            return text
        data.get("signature", {}).pop("date", None)
        for key in ("date", "created"):  # the minute the report was made
            data.pop(key, None)
        return json.dumps(data, sort_keys=True)

    if any(p.returncode != solo.returncode for p in procs):
        result["bad"].append(f"qa exits {[p.returncode for p in procs]} vs {solo.returncode}: {outs[0][1][-200:]}")
    if any(strip_time(o) != strip_time(solo.stdout) for o, _ in outs):
        result["bad"].append("qa outputs differ from a single run")
    again = subprocess.run([sys.executable, "-m", "translate", *qa], env=cenv, capture_output=True, text=True)
    if strip_time(again.stdout) != strip_time(solo.stdout):
        result["bad"].append("the shared cache gives a different answer afterwards")
    if fx.model_dir is not None:
        procs = [subprocess.Popen([sys.executable, "-m", "translate", "model", "install", str(fx.model_dir),
                                   "--name", "shared"], env=cenv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for _ in range(n)]
        outs = [p.communicate() for p in procs]
        codes = sorted(p.returncode for p in procs)
        if codes.count(0) != 1 or any(c not in (0, 2) for c in codes):
            result["bad"].append(f"concurrent installs: exits {codes}: {[e for _, e in outs if e][:2]}")
        if any("internal error" in e or "Traceback" in e for _, e in outs):
            result["bad"].append("concurrent installs: internal error")
        r = subprocess.run([sys.executable, "-m", "translate", "model", "verify", "shared"], env=cenv,
                           capture_output=True, text=True)
        if r.returncode != 0:
            result["bad"].append(f"store after concurrent installs: {r.stderr.strip()[:200]}")
        left = [p.name for p in (cold / "models").iterdir() if p.name.startswith(".") and p.name != ".lock"]
        if left:
            result["bad"].append(f"staging left after concurrent installs: {left}")
    if fx.model_dir is not None and translate:
        tr = ["translate", str(src), "--model", "shared", "--beam-size", "1"]
        solo_t = subprocess.run([sys.executable, "-m", "translate", *tr], env=cenv, capture_output=True, text=True)
        procs = [subprocess.Popen([sys.executable, "-m", "translate", *tr], env=cenv, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(n)]
        outs = [p.communicate() for p in procs]
        if any(o != solo_t.stdout for o, _ in outs) or solo_t.returncode != 0:
            result["bad"].append("concurrent translations differ from a single run")
    return result
