"""The tarjama demo: match → enforce → QA on the bundled example (run by `make demo`).

When a translation model is installed (`tarjama model fetch opus-mt-ar-en`), the
article is first translated by it and that translation is checked as well.
Each step runs the real `tarjama` command and prints it, so a user can copy it.
"""
from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "demo"
ARABIC = "examples/seed-article.ar.txt"
RAW_MT = "examples/seed-article.mt.en.txt"
GLOSSARY = "glossaries"


def step(title: str, *args: str, ok: tuple[int, ...] = (0,)) -> int:
    print(f"\n== {title}\n$ tarjama {shlex.join(args)}", flush=True)
    code = subprocess.run([sys.executable, "-m", "translate", *args], cwd=ROOT).returncode
    if code not in ok:
        sys.exit(f"demo: step failed with exit status {code}")
    return code


def model_installed() -> bool:
    from translate.models import store

    try:
        store.resolve(None)
        return True
    except Exception:
        return False


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rel = OUT.relative_to(ROOT)
    step("Validate the shipped glossary", "glossary", "check", GLOSSARY)
    step("Find every glossary term in the Arabic article, however it is spelled",
         "glossary", "match", ARABIC, "--glossary", GLOSSARY)
    if model_installed():
        ours = f"{rel}/seed-article.tarjama.en.txt"
        step("Translate the article with the installed model, enforcing the glossary",
             "translate", ARABIC, "--glossary", GLOSSARY, "-o", ours)
        step("QA of tarjama's own translation", "qa", "--source", ARABIC, "--target", ours,
             "--glossary", GLOSSARY, "--fail-on", "never")
    else:
        print("\n(no translation model installed: skipping `tarjama translate`; get one with "
              "`tarjama model fetch opus-mt-ar-en` or `tarjama model install PATH`)")
    step("QA of the raw machine translation (findings expected: exit status 1)",
         "qa", "--source", ARABIC, "--target", RAW_MT, "--glossary", GLOSSARY, ok=(0, 1))
    step("Enforce the glossary on the raw machine translation",
         "enforce", "--source", ARABIC, "--target", RAW_MT, "--glossary", GLOSSARY,
         "-o", f"{rel}/seed-article.enforced.en.txt")
    before = (ROOT / RAW_MT).read_text(encoding="utf-8").splitlines()
    after = (OUT / "seed-article.enforced.en.txt").read_text(encoding="utf-8").splitlines()
    print("\nChanged lines:")
    for no, (a, b) in enumerate(zip(before, after), 1):
        if a != b:
            print(f"  {no:>2} - {a[:110]}\n     + {b[:110]}")
    step("QA again, after enforcement", "qa", "--source", ARABIC, "--target", f"{rel}/seed-article.enforced.en.txt",
         "--glossary", GLOSSARY, "--fail-on", "never")
    step("Write an HTML QA report for a reviewer", "qa", "--source", ARABIC, "--target", RAW_MT,
         "--glossary", GLOSSARY, "--format", "html", "-o", f"{rel}/qa-report.html", "--fail-on", "never")
    print(f"\nDone. Outputs in {rel}/ (open qa-report.html in a browser).")


if __name__ == "__main__":
    main()
