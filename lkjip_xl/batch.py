"""Checking many files: expand paths, check them in worker processes, yield results in order.

In a batch every file is checked in a worker process (`jobs` of them), never in the main
process, so a file that hangs or explodes costs only its worker:
- a file still running after `timeout` seconds has its worker killed and is reported
  unreadable with reason `limit.timeout`; a fresh worker takes over;
- a worker that dies (killed for memory, a crash in a native library) gets its file reported
  with reason `limit.crashed`; a MemoryError with `limit.memory`; the batch goes on;
- each worker's address space is capped (`WORKER_MEMORY_BYTES`) where the OS allows it, so an
  exploding file fails its own worker instead of the machine.

Results come back in the order of `paths`, streamed: at most `jobs * WINDOW_PER_JOB` files are
in flight or waiting for an earlier one, so memory does not grow with the number of files.
The output of any `jobs` is the same as with one job, byte for byte.

A single file with one job is checked in the main process (no worker to start: the cold
check of one workbook stays cheap); its time limit is a SIGALRM timer, which stops Python
code but not a native library stuck inside one call.
"""

from __future__ import annotations

import contextlib
import gc
import glob
import os
import pickle
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Config
from .engine import DOCUMENT_SUFFIXES, FileResult, check_file
from .model import WorkbookError
from .reading import Limits

if TYPE_CHECKING:
    from .pairing import Pairing
    from .rules.base import Finding

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
# What a folder is searched for: the workbooks, the published reports (Word, PDF), and old
# .xls files, so that a reviewer sees them reported (save as .xlsx) instead of silently left
# out of the batch.
SEARCHED_SUFFIXES = (*WORKBOOK_SUFFIXES, *DOCUMENT_SUFFIXES, ".xls")
DEFAULT_TIMEOUT = 60.0  # seconds per file
WORKER_MEMORY_BYTES = 4 << 30  # address space of one worker
WINDOW_PER_JOB = 4  # files dispatched ahead of the next one to yield, per worker

REASON_TIMEOUT = "limit.timeout"
REASON_CRASHED = "limit.crashed"
REASON_MEMORY = "limit.memory"


def expand_paths(items: Sequence[str]) -> list[Path]:
    """Files as given, folders searched recursively for .xlsx/.xlsm/.xls, globs expanded.

    Excel's lock files (~$name.xlsx) are skipped. Order: as given, each folder sorted.
    A path that matches nothing is kept, so that the check reports it as not found.
    """
    result: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.suffix.lower() in SEARCHED_SUFFIXES and not p.name.startswith("~$")
                and p.is_file()
            )
            result.extend(found)
        elif not path.exists() and glob.has_magic(item):
            result.extend(sorted(Path(p) for p in glob.glob(item, recursive=True)
                                 if Path(p).is_file()))
        else:
            result.append(path)
    return list(dict.fromkeys(result))


def default_jobs(files: int) -> int:
    """One worker per CPU this process may use, no more than there are files."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, files))


class _Task:
    """What every file of a batch is checked with (plain classes here: cheap to import)."""

    __slots__ = ("config", "findings", "limits", "pairs", "render", "summarise")

    def __init__(self, config: Config, limits: Limits, summarise: bool,
                 pairs: Mapping[Path, Pairing] | None = None,
                 render: Callable[[FileResult], Any] | None = None,
                 findings: bool = True) -> None:
        self.config, self.limits, self.summarise = config, limits, summarise
        self.pairs = dict(pairs or {})
        self.render = render
        self.findings = findings


def _rendered(result: FileResult, render: Callable[[FileResult], Any] | None) -> FileResult:
    """`result` with its part of the output (`FileResult.output`) when the batch has a
    renderer; a renderer that fails leaves the rendering to the main process, which then
    fails the same way (a bug is reported where it always was)."""
    if render is None or result.report is not None:
        return result
    try:
        output = render(result)
    except Exception:
        return result
    import dataclasses

    return dataclasses.replace(result, output=output)


def _check_one(path: Path, task: _Task) -> FileResult:
    pairing = task.pairs.get(path)
    try:
        result = check_file(path, task.config, task.limits, summarise=task.summarise,
                            previous=pairing.previous if pairing is not None else None)
        if pairing is not None and pairing.ambiguous and result.error is None:
            # several candidates for last year's report: none is guessed
            import dataclasses

            names = ", ".join(str(p) for p in pairing.ambiguous)
            result = dataclasses.replace(result, previous_error=WorkbookError(
                pairing.ambiguous[0], "prv.ambiguous", names))
        return result
    except MemoryError:
        return FileResult(path, error=WorkbookError(path, REASON_MEMORY, ""))
    except Exception as exc:  # a bug must not stop the batch: report the file as unreadable
        return FileResult(path, error=WorkbookError(path, "open.unreadable",
                                                    f"{type(exc).__name__}: {exc}"))


# Findings cross from a worker to the main process as plain tuples: pickling the Finding
# dataclasses and their enums costs about three times as much on both sides (the seed
# example's 313 findings: 5.4 ms a file; tests/test_batch.py checks the round trip).
_FINDING_FIELDS = ("code", "name", "severity", "file", "sheet", "cell", "message_key", "params",
                   "stated", "expected", "difference", "tolerance", "formula", "inputs",
                   "related", "fix")


def _pack(result: FileResult, keep: bool = True) -> tuple[Any, ...]:
    """`result` as plain values (a FileResult holding a Report goes as it is). When the
    worker rendered the file's output, the findings go as one pickled blob with their
    (severity, code) tally: the main process, which only writes the output, does not
    rebuild them unless something reads them (`_Findings`); with `keep` False (a batch
    told that nothing reads them: `check_many(findings=False)`) only the tally goes."""
    if result.report is not None:
        return (result,)
    findings: Any
    if result.output is not None:
        tally: dict[tuple[str, str], int] = {}
        for f in result.findings:
            key = (f.severity.value, f.code)
            tally[key] = tally.get(key, 0) + 1
        blob = pickle.dumps(_rows(result), pickle.HIGHEST_PROTOCOL) if keep else None
        findings = (blob, len(result.findings), tally)
    else:
        findings = _rows(result)
    return (str(result.path), findings, result.error, result.summary, result.imported,
            result.previous, result.previous_error, result.output)


def _rows(result: FileResult) -> list[tuple[Any, ...]]:
    rows = []
    for f in result.findings:
        fix = f.fix
        rows.append((f.code, f.name, f.severity.value, f.file, f.sheet, f.cell, f.message_key,
                     f.params, f.stated, f.expected, f.difference, f.tolerance, f.formula,
                     f.inputs, f.related,
                     None if fix is None else (fix.ref.sheet, fix.ref.row, fix.ref.col,
                                               fix.value, fix.action.value)))
    return rows


def _findings(rows: Sequence[tuple[Any, ...]]) -> tuple[Finding, ...]:
    from .model import CellRef
    from .rules.base import Action, Severity, new_finding, new_fix

    severities = {s.value: s for s in Severity}
    actions = {a.value: a for a in Action}
    findings = []
    for row in rows:
        fix = row[15]
        if fix is not None:
            fix = new_fix(CellRef(fix[0], fix[1], fix[2]), fix[3], actions[fix[4]])
        findings.append(new_finding(row[0], row[1], severities[row[2]], *row[3:15], fix))
    return tuple(findings)


class _Findings(Sequence["Finding"]):
    """A file's findings as its worker sent them with the rendered output: built on first
    use (by a rekap, or a caller reading them), never if the main process only writes the
    output and counts. `tally`: (severity, code) -> findings, in order of first appearance
    (what the streams and the exit code need: `writers.formats.severity_code_counts`)."""

    __slots__ = ("_blob", "_count", "_items", "tally")

    def __init__(self, blob: bytes | None, count: int, tally: dict[tuple[str, str], int]
                 ) -> None:
        self._blob, self._count, self.tally = blob, count, tally
        self._items: tuple[Finding, ...] | None = None

    def _decoded(self) -> tuple[Finding, ...]:
        if self._items is None:
            if self._blob is None:
                raise RuntimeError("check_many(findings=False): the findings were not kept")
            self._items = _findings(pickle.loads(self._blob))
            self._blob = b""
        return self._items

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0

    def __getitem__(self, index: Any) -> Any:
        return self._decoded()[index]

    def __iter__(self) -> Iterator[Finding]:
        return iter(self._decoded())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _Findings):
            other = other._decoded()
        return self._decoded() == other

    def __hash__(self) -> int:
        return hash(self._decoded())

    def __repr__(self) -> str:
        return repr(self._decoded())


def _unpack(packed: tuple[Any, ...]) -> FileResult:
    if len(packed) == 1:
        return packed[0]  # type: ignore[no-any-return]
    path, rows, error, summary, imported, previous, previous_error, output = packed
    findings: Any = _Findings(*rows) if isinstance(rows, tuple) else _findings(rows)
    return FileResult(Path(path), findings, error, None, summary, imported, previous,
                      previous_error, output)


_FULL_COLLECTION_EVERY = 200  # files: a worker's full cyclic collection, between files


def _worker_main(conn: Any, task: _Task, memory_bytes: int | None) -> None:
    """A worker's loop: receive (index, path), send back (index, result, retire)."""
    devnull = open(os.devnull, "w")  # noqa: SIM115 - for the worker's whole life
    sys.stdout = sys.stderr = devnull  # a worker never writes to the user's streams
    _cap_memory(memory_bytes)
    # The cyclic garbage collector: what the worker inherited (the modules, the rules) is
    # never traversed again (gc.freeze), and the collector stays off. A report is thousands
    # of objects freed by reference counting, not cycles; `check_file` pauses the collector
    # for one file anyway, and turning it back on after each file made the next allocations
    # pay the deferred collections. Instead, once a file's result is sent and dropped, one
    # collection of the youngest generation frees any cycle the file left (everything the
    # file allocated is still young: nothing was collected since), cheaply, since little
    # survives a file; an older-generation pass now and then frees cycles among survivors.
    gc.freeze()
    gc.disable()
    done = 0
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, path = message
        result = _rendered(_check_one(Path(path), task), task.render)
        retire = result.error is not None and result.error.reason == REASON_MEMORY
        try:
            conn.send((index, _pack(result, task.findings), retire))
        except (OSError, EOFError):  # the main process is gone
            return
        except Exception as exc:  # a result that cannot be pickled: a bug, reported as such
            conn.send((index, _pack(FileResult(Path(path), error=WorkbookError(
                path, "open.unreadable", f"{type(exc).__name__}: {exc}"))), retire))
        if retire:  # after a MemoryError the heap may be in a poor state: start afresh
            return
        del result
        done += 1
        gc.collect(2 if done % _FULL_COLLECTION_EVERY == 0 else 0)


def _cap_memory(limit: int | None) -> tuple[int, int] | None:
    """Lower this process's address-space limit to `limit`; the previous limits, to restore
    with `_restore_memory`, or None when nothing changed."""
    if not limit:
        return None
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        if soft == resource.RLIM_INFINITY or soft > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
            return soft, hard
    except (ImportError, ValueError, OSError):  # not on this OS, or not allowed: no cap
        pass
    return None


def _restore_memory(previous: tuple[int, int] | None) -> None:
    if previous is not None:
        import resource

        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, previous)


class _Worker:
    __slots__ = ("conn", "deadline", "index", "path", "process")

    def __init__(self, process: Any, conn: Any) -> None:
        self.process, self.conn = process, conn
        self.index: int | None = None  # the file it is working on
        self.path: Path | None = None
        self.deadline = 0.0


class _Pool:
    """Worker processes, each working on one file at a time, replaced when they fail."""

    def __init__(self, size: int, task: _Task, timeout: float | None,
                 memory_bytes: int | None) -> None:
        self.size, self.task, self.timeout, self.memory_bytes = size, task, timeout, memory_bytes
        self.workers: list[_Worker] = []

    def _context(self) -> Any:
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        # fork: a worker starts in milliseconds, with the rules already imported.
        return multiprocessing.get_context("fork" if "fork" in methods else "spawn")

    def _start(self) -> _Worker:
        ctx = self._context()
        parent, child = ctx.Pipe()
        for stream in (sys.stdout, sys.stderr):  # a forked child must not inherit buffered
            with contextlib.suppress(AttributeError, OSError, ValueError):  # output it could
                stream.flush()  # write out a second time
        process = ctx.Process(target=_worker_main, args=(child, self.task, self.memory_bytes),
                              daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self.workers.append(worker)
        return worker

    def idle(self) -> _Worker | None:
        for w in self.workers:
            if w.index is None:
                return w
        return self._start() if len(self.workers) < self.size else None

    def send(self, worker: _Worker, index: int, path: Path) -> None:
        worker.index, worker.path = index, path
        worker.deadline = time.monotonic() + self.timeout if self.timeout else float("inf")
        worker.conn.send((index, str(path)))

    def busy(self) -> list[_Worker]:
        return [w for w in self.workers if w.index is not None]

    def retire(self, worker: _Worker, kill: bool = False) -> None:
        if kill:
            worker.process.kill()
        worker.process.join(timeout=5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()
        self.workers.remove(worker)

    def collect(self) -> list[tuple[int, FileResult]]:
        """Wait for results until the earliest deadline; what is done, timed out or dead."""
        from multiprocessing.connection import wait

        busy = self.busy()
        if not busy:
            return []
        deadline = min(w.deadline for w in busy)
        delay = max(0.0, deadline - time.monotonic()) if deadline != float("inf") else None
        ready = wait([w.conn for w in busy], timeout=delay)
        done: list[tuple[int, FileResult]] = []
        for w in busy:
            if w.conn in ready:
                done.append(self._receive(w))
        now = time.monotonic()
        for w in self.busy():
            if w.deadline <= now:
                assert w.index is not None and w.path is not None
                done.append((w.index, _failed(w.path, REASON_TIMEOUT, f"{self.timeout:g} s")))
                self.retire(w, kill=True)
        return done

    def _receive(self, w: _Worker) -> tuple[int, FileResult]:
        assert w.index is not None and w.path is not None
        try:
            index, packed, retire = w.conn.recv()
        except (EOFError, OSError):  # the worker died under this file
            index, path = w.index, w.path
            self.retire(w)
            code = w.process.exitcode
            detail = f"signal {-code}" if code is not None and code < 0 else f"exit {code}"
            return index, _failed(path, REASON_CRASHED, detail)
        w.index = w.path = None
        if retire:
            self.retire(w)
        return index, _unpack(packed)

    def close(self) -> None:
        for w in list(self.workers):
            if w.index is None:
                with contextlib.suppress(OSError):
                    w.conn.send(None)
                self.retire(w)
            else:
                self.retire(w, kill=True)


def _failed(path: Path, reason: str, detail: str) -> FileResult:
    return FileResult(path, error=WorkbookError(path, reason, detail))


def check_many(paths: Sequence[Path], config: Config, limits: Limits | None = None,
               jobs: int = 1, *, timeout: float | None = DEFAULT_TIMEOUT,
               summarise: bool = False,
               memory_bytes: int | None = WORKER_MEMORY_BYTES,
               pairs: Mapping[Path, Pairing] | None = None,
               render: Callable[[FileResult], Any] | None = None,
               findings: bool = True) -> Iterator[FileResult]:
    """Results in the order of `paths`, each yielded as soon as it and those before it are in.

    `timeout` (seconds, None or 0 for none) and `memory_bytes` limit each file's worker;
    `summarise` adds each file's rekap figures (`FileResult.summary`); `pairs` (from
    `pairing.pair_files`, or a `--previous` given) says which files are also compared with
    last year's report (the pair rules), in the same worker. `render` (a
    `writers.formats.Renderer`, from the output stream's `renderer()`) has each worker
    compute its file's part of the output too (`FileResult.output`): the main process then
    only writes it. A file checked in this process is left to the stream to render.
    `findings` False (with `render`): the caller reads of a rendered file's findings only
    how many there are of each severity and code (`writers.formats.severity_code_counts`),
    so the workers send only that; reading the findings themselves then raises.
    """
    if not paths:
        return
    task = _Task(config, limits or Limits(), summarise, pairs, render, findings)
    if len(paths) == 1 and jobs <= 1:
        yield _in_process(paths[0], task, timeout or None, memory_bytes)
        return
    _preload()
    pool = _Pool(max(1, min(jobs, len(paths))), task, timeout or None, memory_bytes)
    window = pool.size * WINDOW_PER_JOB
    waiting: dict[int, FileResult] = {}
    next_send = next_yield = 0

    def dispatch() -> None:
        """Give every idle worker its next file, within the window."""
        nonlocal next_send
        while next_send < len(paths) and next_send < next_yield + window:
            worker = pool.idle()
            if worker is None:
                return
            try:
                pool.send(worker, next_send, paths[next_send])
            except OSError:  # the worker is gone already: let the next round replace it
                pool.retire(worker, kill=True)
                continue
            next_send += 1

    try:
        while next_yield < len(paths):
            dispatch()
            for index, result in pool.collect():
                waiting[index] = result
            # Workers get their next files before the caller handles these results (writes
            # them, or renders them with one worker): the two then overlap.
            dispatch()
            while next_yield in waiting:
                yield waiting.pop(next_yield)
                next_yield += 1
    finally:
        pool.close()


def map_in_processes(func: Callable[[Any, Any], Any], items: Sequence[Any], arg: Any,
                     jobs: int) -> list[Any]:
    """`[func(item, arg) for item in items]`, computed by `jobs` processes at once: this one
    and `jobs - 1` forked children (each under the worker's memory cap), each taking every
    `jobs`-th item; the order of `items` is kept. The items of a child that dies come back
    as None. Where processes cannot be forked, everything is computed here. `func` must not
    raise (what the pairing's Identitas read is: `pairing.pair_files`)."""
    import multiprocessing

    jobs = max(1, min(jobs, len(items)))
    if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [func(item, arg) for item in items]
    _preload()
    ctx = multiprocessing.get_context("fork")
    for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
        with contextlib.suppress(AttributeError, OSError, ValueError):
            stream.flush()
    children = []
    for k in range(1, jobs):
        receiving, sending = ctx.Pipe(duplex=False)
        process = ctx.Process(target=_map_child, daemon=True,
                              args=(sending, func, items[k::jobs], arg, WORKER_MEMORY_BYTES))
        process.start()
        sending.close()
        children.append((k, process, receiving))
    results: list[Any] = [None] * len(items)
    results[0::jobs] = [func(item, arg) for item in items[0::jobs]]
    for k, process, receiving in children:
        try:
            part = receiving.recv()
        except (EOFError, OSError):  # the child died (a crash, the memory cap)
            part = None
        receiving.close()
        process.join()
        if part is not None:
            results[k::jobs] = part
    return results


def _map_child(conn: Any, func: Callable[[Any, Any], Any], items: Sequence[Any], arg: Any,
               memory_bytes: int | None) -> None:
    devnull = open(os.devnull, "w")  # noqa: SIM115 - for the child's whole life
    sys.stdout = sys.stderr = devnull
    _cap_memory(memory_bytes)
    gc.freeze()
    try:
        conn.send([func(item, arg) for item in items])
    except (OSError, EOFError):  # the main process is gone
        pass
    except Exception:  # a bug: nothing sent, the main process gets None for these items
        pass
    finally:
        conn.close()


class _TimeUp(BaseException):
    """Raised by the alarm in the main process; a BaseException, so no rule can swallow it."""


def _in_process(path: Path, task: _Task, timeout: float | None,
                memory_bytes: int | None) -> FileResult:
    """One file in this process, under the same memory cap as a worker (lifted afterwards)
    and, where signals allow, the time limit."""
    import signal
    import threading

    limits = _cap_memory(memory_bytes)
    try:
        if not timeout or not hasattr(signal, "setitimer") \
                or threading.current_thread() is not threading.main_thread():
            return _check_one(path, task)

        def time_up(signum: int, frame: object) -> None:
            raise _TimeUp

        previous = signal.signal(signal.SIGALRM, time_up)
        try:
            signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                return _check_one(path, task)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        except _TimeUp:
            return _failed(path, REASON_TIMEOUT, f"{timeout:g} s")
        finally:
            signal.signal(signal.SIGALRM, previous)
    finally:
        _restore_memory(limits)


def _preload() -> None:
    """Import what every worker needs once, before forking, instead of once per worker."""
    import python_calamine  # noqa: F401

    from .rules import all_rules

    all_rules()
