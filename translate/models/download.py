"""Streaming HTTP download with resume, progress and checksum.

Why: models are hundreds of MB and newsroom networks drop. We stream to
``<dest>.part`` (never holding the file in memory), resume with an HTTP
``Range`` request after a cut — within one run and across runs — hash while
writing, and only rename to ``dest`` when the size and checksum are right.
"""
from __future__ import annotations

import hashlib
import http.client
import os
import socket
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable, TextIO

from ..errors import TarjamaError

CHUNK = 1 << 16
USER_AGENT = "tarjama-model-fetch/1"


class DownloadError(TarjamaError):
    """A download that failed or did not match its checksum."""


class Progress:
    """A one-line progress bar on a terminal; silent elsewhere except a final line."""

    def __init__(self, label: str, stream: TextIO | None = None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.label = label
        self.total: int | None = None
        self.done = 0
        self._last = 0.0
        self._start = time.monotonic()

    def update(self, done: int, total: int | None) -> None:
        self.done, self.total = done, total
        now = time.monotonic()
        if not self.enabled or now - self._last < 0.1:
            return
        self._last = now
        mib = done / 1048576
        if total:
            frac = min(1.0, done / total)
            bar = "#" * int(frac * 30)
            line = f"\r{self.label} [{bar:<30}] {frac * 100:5.1f}% {mib:7.1f}/{total / 1048576:.1f} MiB"
        else:
            line = f"\r{self.label} {mib:7.1f} MiB"
        self.stream.write(line)
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled:
            self._last = 0.0
            self.update(self.done, self.total)
            self.stream.write("\n")
            self.stream.flush()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _content_range_start(value: str | None) -> int | None:
    # "bytes 100-999/1000"
    if not value or not value.startswith("bytes "):
        return None
    try:
        return int(value[6:].split("-", 1)[0])
    except ValueError:
        return None


def download(
    url: str,
    dest: str | os.PathLike[str],
    expected_sha256: str | None = None,
    progress: Progress | None = None,
    retries: int = 5,
    timeout: float = 60.0,
    opener: Callable[..., http.client.HTTPResponse] | None = None,
) -> str:
    """Download ``url`` to ``dest``; return the file's sha256.

    A partial ``dest.part`` left by an earlier attempt is resumed. A checksum
    mismatch deletes the partial file and raises :class:`DownloadError`.
    """
    target = Path(dest)
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    open_url = opener or urllib.request.urlopen
    progress = progress or Progress(target.name)
    total: int | None = None
    failures = 0
    last_error = ""
    while True:
        offset = part.stat().st_size if part.exists() else 0
        if total is not None and offset >= total:
            break
        headers = {"User-Agent": USER_AGENT}
        if offset:
            headers["Range"] = f"bytes={offset}-"
        request = urllib.request.Request(url, headers=headers)
        try:
            with open_url(request, timeout=timeout) as response:
                status = getattr(response, "status", 200)
                length = response.headers.get("Content-Length")
                if status == 206 and _content_range_start(response.headers.get("Content-Range")) == offset:
                    mode = "ab"
                    total = offset + int(length) if length is not None else None
                else:
                    mode, offset = "wb", 0  # server ignored Range: start over
                    total = int(length) if length is not None else None
                done = offset
                with open(part, mode) as out:
                    while True:
                        chunk = response.read(CHUNK)
                        if not chunk:
                            break
                        out.write(chunk)
                        done += len(chunk)
                        progress.update(done, total)
            if total is None or done >= total:
                total = done
                break
            raise http.client.IncompleteRead(b"", total - done)
        except urllib.error.HTTPError as exc:
            if exc.code == 416 and offset:
                # Range past the end: the partial file is complete (or wrong;
                # the checksum decides).
                total = offset
                break
            raise DownloadError(f"download failed: HTTP {exc.code} {exc.reason}", url) from None
        except (urllib.error.URLError, http.client.HTTPException, ConnectionError, socket.timeout, TimeoutError) as exc:
            failures += 1
            last_error = str(getattr(exc, "reason", exc)) or type(exc).__name__
            if failures > retries:
                raise DownloadError(
                    f"download failed after {failures} attempts ({last_error}); "
                    "run the same command again to resume",
                    url,
                ) from None
            time.sleep(min(0.2 * failures, 2.0))
    progress.finish()
    digest = sha256_file(part)
    if expected_sha256 and digest.lower() != expected_sha256.lower():
        part.unlink(missing_ok=True)
        raise DownloadError(
            f"checksum mismatch: expected sha256 {expected_sha256.lower()}, got {digest}; "
            "the partial download was deleted",
            url,
        )
    os.replace(part, target)
    return digest
