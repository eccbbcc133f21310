"""Progress of long runs: a tqdm bar on a terminal, plain periodic lines
otherwise (logs, CI), nothing with ``--quiet``.

Counts documents and segments; the rate and ETA are over documents. Plain lines
come at most every ``interval`` seconds (and at the end), so a log of a
10,000-document job stays readable.
"""
from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, total: int, label: str = "documents", quiet: bool = False, stream: TextIO | None = None,
                 interval: float = 10.0, tty: bool | None = None, initial: int = 0):
        self.total = total
        self.label = label
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.interval = interval
        self.done = self.initial = initial
        self.segments = 0
        self.failed = 0
        self.start = time.monotonic()
        self.last = self.start
        self.bar = None
        is_tty = self.stream.isatty() if tty is None else tty
        if not quiet and is_tty:
            from tqdm import tqdm

            self.bar = tqdm(total=total, initial=initial, unit="doc", file=self.stream, dynamic_ncols=True,
                            desc=label, smoothing=0.1)

    def update(self, documents: int = 1, segments: int = 0, failed: int = 0) -> None:
        self.done += documents
        self.segments += segments
        self.failed += failed
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.update(documents)
            self.bar.set_postfix(segments=self.segments, failed=self.failed, refresh=False)
            return
        now = time.monotonic()
        if now - self.last >= self.interval or self.done >= self.total:
            self.last = now
            self.stream.write(self.line() + "\n")
            self.stream.flush()

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.start, 1e-9)
        rate = self.segments / elapsed
        left = self.total - self.done
        eta = elapsed / max(self.done - self.initial, 1) * left if self.done > self.initial else 0.0
        failed = f", {self.failed} failed" if self.failed else ""
        return (f"tarjama: {self.done}/{self.total} {self.label}{failed}, {self.segments} segments, "
                f"{rate:.1f} segments/s, elapsed {elapsed:.0f}s, ETA {eta:.0f}s")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
