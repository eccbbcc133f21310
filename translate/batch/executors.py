"""Where :func:`~.work.process_document` runs: this process, worker processes, or Ray.

All three take ``(name, path)`` jobs, read the bytes in the coordinator, and
yield :class:`~.work.DocResult` as documents finish (in any order; the
coordinator writes outputs and the manifest). Each worker loads one model.

Threads: CTranslate2 runs ``inter_threads`` batches at once, one per thread.
A news document is one batch (its sentences fit ``max_batch_size``), so with a
single document in flight one of two workers' threads sits idle — the raw loop
over all sentences at once does not have that problem. Hence in-process, as
many documents are in flight as the translator has ``inter_threads`` (default:
one per core), plus one. Worker processes split the cores: ``cores // workers``
threads each, one document decoding at a time and the next queued
(:data:`QUEUED_PER_WORKER`), so processes never fight over cores and never
wait for the coordinator. The coordinator hands documents out largest first
(:func:`~.job.largest_first`).
"""
from __future__ import annotations

import logging
import os
import threading
import time
from collections import Counter, deque
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from ..engine.runtime import available_cores, default_threads
from ..errors import TarjamaError
from ..textio import read_bytes
from .settings import BatchSettings
from .work import DocResult, Runtime, process_document

if TYPE_CHECKING:
    from ..glossary import Glossary

Job = tuple[str, Path]

#: How many times a document may be in a worker that died before it is failed.
MAX_CRASHES = 2

#: Documents handed to each worker process or Ray actor at once: the one it
#: decodes and the next, queued. Why two: the coordinator writes each output
#: and its manifest row (fsyncs: 27.5 ms a document on this VM's disk) before
#: it hands out more work, and with one document per worker the worker idled
#: through that: 1.6 % of a 30-document ``--workers 2`` run (15 documents a
#: worker, 1.7 s of decoding each on average).
QUEUED_PER_WORKER = 2


def _read(job: Job) -> bytes | DocResult:
    try:
        return read_bytes(job[1])
    except TarjamaError as exc:
        return DocResult(job[0], "failed", exc.message)


class Crashes:
    """Documents whose worker died under them: retried until :data:`MAX_CRASHES`, then failed
    (one poison document must not take the batch down, nor be retried for ever)."""

    def __init__(self, how: str):
        self.how = how
        self.count: Counter[str] = Counter()

    def give_up(self, job: Job) -> DocResult | None:
        """Count a crash on ``job``; its failure record once it has crashed too often, else None (retry it)."""
        self.count[job[0]] += 1
        if self.count[job[0]] < MAX_CRASHES:
            return None
        return DocResult(job[0], "failed", f"the worker died while processing it, twice ({self.how})")


#: A worker process's memory beyond twice its model file (Python, glossaries,
#: lexicon, decoding buffers). Measured peak RSS per worker: 618 and 637 MiB
#: with the 94 MB ``base`` test model (``bench/batch_bench.py``, 123 NTREX
#: documents, ``--workers 2``), so 512 MiB + 2 × model leaves a margin.
WORKER_OVERHEAD = 512 << 20

#: Documents per worker below which ``--workers auto`` keeps one process. A
#: worker's start-up (spawn, imports, glossaries, model) cost 0.55 CPU-s with
#: the shipped glossary and the ``base`` model, a third of one NTREX document's
#: decoding (1.7 CPU-s): with fewer than two documents each it cannot pay.
MIN_DOCS_PER_WORKER = 2

#: Share of the available memory ``--workers auto`` may fill with workers.
MEMORY_SHARE = 0.75


def auto_workers(documents: int, cores: int, *, model_bytes: int = 0, memory: int | None = None) -> int:
    """Worker processes for ``--workers auto``: one per core, as long as every
    worker gets :data:`MIN_DOCS_PER_WORKER` documents and :data:`MEMORY_SHARE`
    of ``memory`` holds them all; else 1 (this process, its documents
    overlapping on every core).

    Not the default: on 2 cores one process decoded the 123 NTREX documents at
    0.98x the raw CTranslate2 loop and two at 0.95x (``bench/batch_bench.py``,
    best of 2; each process loads its own glossaries and tables, 3 % more CPU).
    For machines with many cores, where one interpreter's lock would hold back
    the per-document Python work (parsing, enforcement, QA)."""
    n = min(cores, documents // MIN_DOCS_PER_WORKER)
    if memory is not None:
        n = min(n, int(memory * MEMORY_SHARE) // (WORKER_OVERHEAD + 2 * model_bytes))
    return n if n >= 2 else 1


def worker_threads(workers: int, cores: int | None = None) -> tuple[int, int]:
    """``(inter, intra)`` threads for each of ``workers`` processes (the product
    never exceeds the cores): one batch at a time, the cores split evenly."""
    cores = cores or available_cores()
    return 1, max(1, cores // max(1, workers))


def _bounded(jobs: Iterable[Job], limit: int, submit: Callable[[Job], Future]) -> Iterator[tuple[Job, Future]]:
    """Submit jobs keeping at most ``limit`` in flight; yield them as they finish."""
    queue = deque(jobs)
    inflight: dict[Future, Job] = {}
    while queue or inflight:
        while queue and len(inflight) < limit:
            job = queue.popleft()
            inflight[submit(job)] = job
        done, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
        for fut in done:
            yield inflight.pop(fut), fut


class InProcess:
    """One model in this process; documents overlap across its inter-threads."""

    def __init__(self, settings: BatchSettings, glossary: Glossary | None = None):
        self.runtime = Runtime(settings, glossary=glossary)
        self.threads = self.runtime.translator.inter_threads if self.runtime.translator else 1
        self.workers = 1

    def run(self, jobs: list[Job]) -> Iterator[DocResult]:
        def one(job: Job) -> DocResult:
            data = _read(job)
            return data if isinstance(data, DocResult) else process_document(job[0], data, self.runtime)

        # One document more than decoding threads: while one does its Python work
        # (parsing, enforcement, QA, under the runtime lock) the others keep every thread decoding.
        inflight = self.threads + 1
        with ThreadPoolExecutor(inflight) as pool:
            for _job, fut in _bounded(jobs, inflight, lambda j: pool.submit(one, j)):
                yield fut.result()

    def close(self) -> None:
        pass


# -- worker processes -------------------------------------------------------------
_RUNTIME: Runtime | str | None = None


#: How often a worker looks whether its coordinator is still alive (seconds).
PARENT_POLL = 0.5


def exit_with_parent(parent: int, poll: float = PARENT_POLL) -> None:
    """End this worker process once ``parent`` is gone.

    Why: a coordinator killed with SIGKILL cannot shut its pool down, and a
    pool worker waits on a queue whose write end it holds itself, so it never
    sees the end of the pipe: every ``kill -9`` of a job left its workers
    running, each holding a model (150-380 MiB with the test models), and
    holding the job's stdout open. Polling the parent id costs nothing."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(poll)
        os._exit(1)

    threading.Thread(target=watch, name="tarjama-parent-watch", daemon=True).start()


class WorkerStartError(Exception):
    """A worker could not load what every document needs (the model, the
    glossaries). Not a document's failure: the job stops with this one line,
    as ``--workers 1`` does, instead of failing every document as a crash
    (and printing a worker's traceback)."""


def _start_failure(exc: Exception) -> str:
    return str(exc) if isinstance(exc, TarjamaError) else f"a worker could not start: {type(exc).__name__}: {exc}"


def _runtime_or_error(settings: BatchSettings, inter: int, intra: int) -> Runtime | str:
    """The worker's :class:`Runtime`, or the one-line reason it cannot be built."""
    try:
        return Runtime(settings, inter_threads=inter, intra_threads=intra)
    except Exception as exc:  # reported by the coordinator, once, as the job's error
        return _start_failure(exc)


def _run_or_raise(runtime: Runtime | str | None, name: str, data: bytes) -> DocResult:
    if isinstance(runtime, str):
        raise WorkerStartError(runtime)
    return process_document(name, data, runtime)


#: Exited before any worker of the pool finished starting: the job cannot run.
_NEVER_STARTED = ("the worker processes exited while starting, before loading the model (killed for memory? "
                  "a script that calls run_batch with workers > 1 must guard its entry point with "
                  "if __name__ == '__main__':, as multiprocessing re-imports it in each worker)")


def _init_worker(settings: BatchSettings, inter: int, intra: int, parent: int, started) -> None:
    global _RUNTIME
    exit_with_parent(parent)
    _RUNTIME = _runtime_or_error(settings, inter, intra)
    with started.get_lock():
        started.value += 1


def _work(name: str, data: bytes) -> DocResult:
    return _run_or_raise(_RUNTIME, name, data)


class Processes:
    """``workers`` processes, each loading the model once.

    A worker that dies (segfault, OOM kill) breaks the pool: the documents it
    may have held are retried in a fresh pool one at a time, so the one that
    kills a worker again is known and failed; the others complete."""

    def __init__(self, settings: BatchSettings, workers: int):
        self.settings = settings
        self.workers = workers
        self.inter, self.intra = worker_threads(workers)

    def _pool(self):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("spawn")
        self.started = context.Value("i", 0)  # workers of this pool through their start-up
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=_init_worker,
                                   initargs=(self.settings, self.inter, self.intra, os.getpid(), self.started))

    def run(self, jobs: list[Job]) -> Iterator[DocResult]:
        from concurrent.futures.process import BrokenProcessPool

        crashes = Crashes("worker process exited")
        queue: deque[Job] = deque(jobs)
        limit = self.workers * QUEUED_PER_WORKER
        while queue:
            pool = self._pool()
            inflight: dict[Future, Job] = {}
            retry: list[Job] = []
            broken = False
            try:
                while (queue and not broken) or inflight:
                    while queue and not broken and len(inflight) < limit:
                        job = queue.popleft()
                        data = _read(job)
                        if isinstance(data, DocResult):
                            yield data
                            continue
                        try:
                            inflight[pool.submit(_work, job[0], data)] = job
                        except BrokenProcessPool:
                            queue.appendleft(job)  # never started: no crash counted
                            broken = True
                    if not inflight:
                        break
                    done, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
                    for fut in done:
                        job = inflight.pop(fut)
                        try:
                            yield fut.result()
                        except WorkerStartError as exc:
                            raise TarjamaError(str(exc)) from None
                        except BrokenProcessPool:
                            if not self.started.value:
                                raise TarjamaError(_NEVER_STARTED) from None
                            broken = True
                            failed = crashes.give_up(job)
                            if failed:
                                yield failed
                            else:
                                retry.append(job)
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
            queue.extendleft(reversed(retry))
            if broken:
                limit = 1  # find the culprit: one document at a time from now on

    def close(self) -> None:
        pass


# -- Ray ---------------------------------------------------------------------------
class _RayWorker:
    """A Ray actor: one Runtime (one model) for every document sent to it."""

    def __init__(self, settings: BatchSettings, inter: int, intra: int):
        self.runtime = _runtime_or_error(settings, inter, intra)

    def start_error(self) -> str | None:
        """Why this actor cannot work (None: it can); asked once, before any document."""
        return self.runtime if isinstance(self.runtime, str) else None

    def process(self, name: str, data: bytes) -> DocResult:
        return _run_or_raise(self.runtime, name, data)


class RayPool:
    """The same per-document function on a Ray actor pool (Ray Core actors).

    ``address=None`` starts a local Ray with this machine's cores; otherwise
    it joins that cluster (``auto``, ``ray://host:10001``...). Every node needs
    tarjama installed and the model and glossary files at the same paths. Each
    actor reserves its threads as CPUs, so Ray places them without
    oversubscribing a node. A dead actor is replaced and its document retried
    once."""

    def __init__(self, settings: BatchSettings, workers: int | None, address: str | None = None, *,
                 documents: int = 0):
        try:
            import ray
        except ImportError:
            raise TarjamaError("--ray needs Ray: pip install 'tarjama[ray]'") from None
        self.ray = ray
        if not ray.is_initialized():
            # Ray's own INFO/WARNING lines ("Started a local Ray instance", the token-auth notice)
            # interleaved with tarjama's progress and one-line errors; its errors still show.
            quiet = {"log_to_driver": False, "include_dashboard": False, "logging_level": logging.ERROR}
            if address:
                ray.init(address=address, **quiet)
            else:
                ray.init(num_cpus=available_cores(), **quiet)
        self.settings = settings
        if workers is None:  # --workers auto: one single-threaded actor per CPU of the cluster
            workers = auto_workers(documents, int(ray.cluster_resources().get("CPU", 1)))
        self.workers = workers
        inter, intra = worker_threads(workers) if workers > 1 else default_threads()
        self.inter, self.intra = inter, intra
        self.actor_cls = ray.remote(num_cpus=inter * intra, max_restarts=0)(_RayWorker)
        self.actors = [self._actor() for _ in range(workers)]
        # Every actor loads the model before any document is sent: a model that
        # cannot load is the job's one error, not every document's (nor a
        # traceback Ray prints for each result nobody collected).
        errors = [e for e in ray.get([a.start_error.remote() for a in self.actors]) if e]
        if errors:
            self.close()
            raise TarjamaError(errors[0])

    def _actor(self):
        return self.actor_cls.remote(self.settings, self.inter, self.intra)

    def run(self, jobs: list[Job]) -> Iterator[DocResult]:
        from ray.exceptions import RayActorError

        ray = self.ray
        queue = deque(jobs)
        crashes = Crashes("Ray actor died")
        depth = QUEUED_PER_WORKER
        load = [0] * len(self.actors)  # documents sent to each actor and not yet back
        inflight: dict = {}  # ref -> (actor index, actor, job)
        while queue or inflight:
            while queue and min(load) < depth:
                job = queue.popleft()
                data = _read(job)
                if isinstance(data, DocResult):
                    yield data
                    continue
                k = load.index(min(load))
                load[k] += 1
                inflight[self.actors[k].process.remote(job[0], data)] = (k, self.actors[k], job)
            if not inflight:
                continue
            ready, _ = ray.wait(list(inflight), num_returns=1)
            for ref in ready:
                k, actor, job = inflight.pop(ref)
                load[k] -= 1
                try:
                    yield ray.get(ref)
                except WorkerStartError as exc:  # a replacement actor that could not start
                    cause = getattr(exc, "cause", exc)  # Ray raises it as RayTaskError(WorkerStartError)
                    raise TarjamaError(cause.args[0] if cause.args else str(cause)) from None
                except RayActorError:
                    if self.actors[k] is actor:  # not yet replaced (its other document failed first)
                        self.actors[k] = self._actor()
                    failed = crashes.give_up(job)
                    if failed:
                        yield failed
                    else:
                        queue.appendleft(job)
                    depth = 1  # find the culprit: one document per actor from now on

    def close(self) -> None:
        for actor in self.actors:
            self.ray.kill(actor)
