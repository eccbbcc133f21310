"""Process settings CTranslate2 runs best under: device, compute type, threads, malloc.

Why each:

* ``device="auto"`` uses a GPU when ctranslate2 reports one (``int8_float16``:
  int8 weights, float16 activations, the fastest GPU type CTranslate2 offers for
  int8 models); the CPU keeps ``int8``.
* glibc's malloc: the decoder's cache grows every step, so each step frees a
  large buffer and asks for a slightly larger one. With glibc's default dynamic
  mmap threshold that is a fresh ``mmap`` + page faults + zeroing + ``munmap``
  per step (6.8 M minor faults and sys time equal to user time on the seed
  article at 60 tokens). A fixed mmap threshold keeps those buffers in the
  heap, and a matching trim threshold stops the heap being handed back to the
  kernel after every step. Setting only the trim threshold made it worse; the
  figures are in ``bench/translate_bench.py --malloc``.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys

#: glibc's mallopt parameter numbers (malloc.h).
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
#: 32 MiB is the largest mmap threshold glibc accepts on 64-bit (HEAP_MAX/2);
#: larger requests still get their own mapping.
MMAP_THRESHOLD = 32 << 20
TRIM_THRESHOLD = 256 << 20
_ENV = ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES")

_tuned: bool | None = None


def tune_malloc(mmap_threshold: int = MMAP_THRESHOLD, trim_threshold: int = TRIM_THRESHOLD) -> bool:
    """Set glibc's mmap and trim thresholds once per process; ``False`` where
    that is not possible (not Linux/glibc) or the user set them in the environment.
    Must run before ctranslate2 allocates its model and decoding buffers."""
    global _tuned
    if _tuned is not None:
        return _tuned
    _tuned = False
    if not sys.platform.startswith("linux") or any(name in os.environ for name in _ENV):
        return False
    if os.environ.get("TARJAMA_MALLOC") == "default":  # for the benchmark's comparison
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    _tuned = bool(mallopt(_M_MMAP_THRESHOLD, mmap_threshold)) and bool(mallopt(_M_TRIM_THRESHOLD, trim_threshold))
    return _tuned


def cuda_devices() -> int:
    """GPUs ctranslate2 can use (0 without CUDA)."""
    import ctranslate2

    try:
        return ctranslate2.get_cuda_device_count()
    except Exception:  # a broken CUDA install must not stop CPU translation
        return 0


def resolve_device(device: str = "auto", compute_type: str | None = None) -> tuple[str, str]:
    """``(device, compute_type)`` for a ``--device auto|cpu|cuda`` choice."""
    from ..errors import TarjamaError

    device = (device or "auto").lower()
    if device not in ("auto", "cpu", "cuda"):
        raise TarjamaError(f"unknown device {device!r}; expected auto, cpu or cuda")
    if device == "auto":
        device = "cuda" if cuda_devices() > 0 else "cpu"
    elif device == "cuda" and cuda_devices() == 0:
        raise TarjamaError("--device cuda: ctranslate2 reports no CUDA device; use --device cpu or auto")
    return device, compute_type or ("int8_float16" if device == "cuda" else "int8")


def available_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def available_memory() -> int | None:
    """Bytes the kernel says a new process can take without swapping
    (``MemAvailable``), or None where that is not known (not Linux)."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def default_threads(cores: int | None = None) -> tuple[int, int]:
    """``(inter_threads, intra_threads)`` for throughput on ``cores`` cores.

    One worker per core with one thread each won on 2 cores (113 vs 58
    sentences/s for (1, 2)); past 4 cores two threads per worker keep memory
    traffic down. The product never exceeds the cores."""
    cores = cores or available_cores()
    intra = 1 if cores <= 4 else 2
    return max(1, cores // intra), intra


def batch_size(sentences: int, workers: int, largest: int) -> int:
    """``max_batch_size`` that gives every worker a batch.

    CTranslate2 hands whole batches to its workers, so one article of ≤ 32
    sentences in one batch ran on one of two cores (wall time = CPU time);
    cutting it into one batch per worker took the seed article to 0.66× the
    time. Long inputs keep ``largest`` (32 examples beat 2048-token batches)."""
    if sentences <= 0:
        return largest
    return max(1, min(largest, -(-sentences // max(1, workers))))
