"""Batches read in worker processes.

Each input is read in a child process (``python -c ...`` running
:mod:`kantlijn._worker`), as the command-line tool reads each input in a
child process of its own: a file that hangs, crashes or overflows the stack
inside a dependency (which nothing in-process can catch) costs one error
report and a restarted worker, never the caller.

Results arrive in any order and leave in input order. At most a window of
inputs past the oldest unfinished one are in flight, so memory stays
bounded however many inputs there are and however slow one of them is.
"""

from __future__ import annotations

import atexit
import collections
import json
import os
import queue
import subprocess
import sys
import threading
import time
from typing import Any, Deque, Dict, Iterable, Iterator, List, Optional, Tuple

from . import _kantlijn
from ._options import NO_TIME_LIMIT, check_options, check_path, check_seconds, iterable

#: The environment variable that carries the password to workers (not the
#: command line, which other users can see).
PASSWORD_ENV = "KANTLIJN_WORKER_PASSWORD"

#: How long a worker may take to start (import Python and kantlijn).
STARTUP_TIMEOUT = 120.0

#: Jobs sent to a worker at a time: the one it reads and the next, so that
#: it goes on without waiting for this process to hand out work.
PIPELINE = 2

#: How long a worker whose batch has ended is kept for the next batch.
IDLE_SECONDS = 10.0

Events = queue.Queue[Tuple[Any, ...]]

# Runs in the worker: the directory that holds this package goes first on
# the path, so the worker imports the same kantlijn as its parent whatever
# the working directory holds.
_BOOTSTRAP = "import sys; sys.path.insert(0, sys.argv[1]); from kantlijn._worker import main; main(sys.argv[2])"

_PACKAGE_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def extract_many(
    paths: Iterable[Any],
    *,
    jobs: Optional[int] = None,
    timeout: Optional[float] = 60,
    **options: Any,
) -> Iterator[Dict[str, Any]]:
    """Read many inputs in worker processes; yield their reports in input order.

    ``paths`` is any iterable of paths (``str`` or ``os.PathLike``), read
    lazily. Each input gives exactly one report, as :func:`kantlijn.extract`
    would return it: an input that cannot be read gives a report with
    ``error``; one whose reading reaches ``timeout`` seconds stops there
    (its report has ``complete: False`` and a ``time_limit`` warning), one
    whose worker is still busy a tenth later (at least a second) is stopped
    and gives ``error.kind == "timeout"``, and one whose worker died (a crash or stack
    overflow in a dependency) ``"crashed"``; either way the worker is
    replaced and the batch goes on.

    ``jobs`` is the number of worker processes (default: the CPUs this
    process may use); ``timeout`` is per input (``None``: no limit);
    ``options`` are those of :func:`kantlijn.extract` (not ``name``). With
    more than one worker each reads its document on one thread unless
    ``threads`` says otherwise.

    Arguments are checked when this is called, and so are the paths of a
    list or tuple; an item of another iterable (a generator) that is no
    path gets an ``"unreadable"`` error report, as a missing file does.
    The workers start when the first report is asked for and stop when
    the iterator is exhausted or closed.
    """
    checked = check_options("extract_many", options)
    jobs = _check_jobs(jobs)
    timeout = _check_timeout(timeout)
    items: Iterable[Any] = iterable("extract_many", paths, "paths")
    if isinstance(paths, (list, tuple)):
        items = [check_path("extract_many", path) for path in paths]
    return _Pool(jobs, timeout, checked).run(items)


def _check_jobs(jobs: Any) -> int:
    if jobs is None:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except (AttributeError, OSError):
            return os.cpu_count() or 1
    if isinstance(jobs, bool) or not isinstance(jobs, int):
        raise TypeError(f"extract_many(): jobs must be an int or None, not {type(jobs).__name__}")
    if jobs < 1:
        raise ValueError(f"extract_many(): jobs must be at least 1, not {jobs}")
    return jobs


def _check_timeout(timeout: Any) -> Optional[float]:
    return check_seconds("extract_many", timeout)


def _seconds(value: float) -> str:
    """Seconds as the command-line tool prints them (``60``, ``0.5``)."""
    return str(int(value)) if value == int(value) else repr(value)


def _display(path: str) -> str:
    """A path as the report's ``file`` shows it: undecodable bytes (and a
    lone surrogate, which no file name holds) replaced."""
    try:
        return os.fsencode(path).decode("utf-8", "replace")
    except UnicodeEncodeError:
        return path.encode("utf-8", "replace").decode("utf-8")


def _not_a_path(value: Any, error: Exception) -> Dict[str, Any]:
    """The report of a batch's input that is not a path."""
    name = value if isinstance(value, str) else repr(value)
    return _kantlijn.failed_report(_display(name), "unreadable", f"{_display(name)}: {error}")


class _Job:
    __slots__ = ("index", "path")

    def __init__(self, index: int, path: str) -> None:
        self.index = index
        self.path = path


class _Worker:
    """One child process, the thread that reads its answers and the one that
    passes on what it writes to standard error. Its answers go to whichever
    batch holds it now (``events``): an idle worker outlives its batch and
    serves the next one."""

    def __init__(self, command: List[str], env: Dict[str, str], events: Events) -> None:
        self.events = events
        self.started = time.monotonic()
        self.ready: Optional[float] = None
        # Sent and not yet answered, oldest first: the first is being read,
        # the next waits in the worker's input so that it never idles.
        self.jobs: Deque[_Job] = collections.deque()
        # When the first job's time started.
        self.since = 0.0
        self.stderr: Deque[bytes] = collections.deque(maxlen=50)
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        threading.Thread(target=self._read_answers, daemon=True).start()
        threading.Thread(target=self._pass_stderr, daemon=True).start()

    def send(self, job: _Job) -> None:
        if not self.jobs:
            self.since = time.monotonic()
        self.jobs.append(job)
        line = b"%d %s\n" % (job.index, os.fsencode(job.path).hex().encode("ascii"))
        try:
            assert self.process.stdin is not None
            self.process.stdin.write(line)
            self.process.stdin.flush()
        except OSError:
            # A worker that cannot take a job has died; its reader thread
            # reports that, and the job gets a crash report.
            pass

    def answered(self, at: float) -> _Job:
        """The first job is answered; the next one started then."""
        job = self.jobs.popleft()
        self.since = at
        return job

    def clock(self) -> Optional[float]:
        """When the job being read started: when it was sent or its
        predecessor answered, or when the worker became ready if later."""
        if not self.jobs or self.ready is None:
            return None
        return max(self.since, self.ready)

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        try:
            self.process.kill()
        except OSError:
            pass
        self.process.wait()
        # Its output streams belong to the threads reading them, which close
        # them at their end: closing one here while its thread is inside
        # `readline` takes the stream's lock from under it, and at
        # interpreter shutdown (an unfinished batch's generator closed by
        # the garbage collector, its threads frozen) that aborts Python.
        try:
            if self.process.stdin is not None:
                self.process.stdin.close()
        except OSError:
            pass

    def _read_answers(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        try:
            if stdout.readline() == b"ready\n":
                self.events.put(("ready", self, time.monotonic()))
                while True:
                    header = stdout.readline().split()
                    if len(header) != 2:
                        break
                    size = int(header[1])
                    payload = stdout.read(size)
                    if len(payload) != size:
                        break
                    self.events.put(("done", self, time.monotonic(), int(header[0]), payload))
        except (OSError, ValueError):
            pass
        finally:
            _close(stdout)
        self.events.put(("died", self, time.monotonic()))

    def _pass_stderr(self) -> None:
        stderr = self.process.stderr
        assert stderr is not None
        try:
            for line in stderr:
                self.stderr.append(line)
                try:
                    sys.stderr.write(line.decode("utf-8", "replace"))
                except (OSError, ValueError, AttributeError):
                    pass
        except (OSError, ValueError):
            pass
        finally:
            _close(stderr)


def _close(stream: Any) -> None:
    try:
        stream.close()
    except (OSError, ValueError):
        pass


class _IdleWorkers:
    """Workers whose batch has ended, kept a few seconds for the next batch
    with the same options: a Dask partition, or the next call in a notebook,
    then costs no process start. A timer stops those left idle longer."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pid = os.getpid()
        self.kept: Dict[Tuple[Any, ...], List[Tuple[_Worker, float]]] = {}
        self.timer: Optional[threading.Timer] = None

    def take(self, key: Tuple[Any, ...], events: Events) -> Optional[_Worker]:
        with self.lock:
            self._after_fork()
            kept = self.kept.get(key, [])
            while kept:
                worker, _ = kept.pop()
                if worker.alive():
                    worker.events = events
                    return worker
                worker.stop()
        return None

    def keep(self, key: Tuple[Any, ...], worker: _Worker, most: int) -> None:
        with self.lock:
            self._after_fork()
            kept = self.kept.setdefault(key, [])
            # While Python shuts down (a batch's generator left unfinished
            # is closed then) no timer thread can start to stop the worker
            # later: it is stopped now.
            if len(kept) >= most or not worker.alive() or sys.is_finalizing():
                worker.stop()
                return
            worker.events = queue.Queue()  # nobody listens until it is taken
            kept.append((worker, time.monotonic()))
            if self.timer is None:
                self._schedule()

    def stop_all(self, older_than: float = 0.0) -> None:
        """Stops the workers idle for ``older_than`` seconds or more."""
        with self.lock:
            self._after_fork()
            now = time.monotonic()
            for key in list(self.kept):
                keep = []
                for worker, since in self.kept[key]:
                    if now - since >= older_than:
                        worker.stop()
                    else:
                        keep.append((worker, since))
                if keep:
                    self.kept[key] = keep
                else:
                    del self.kept[key]
            if not self.kept and self.timer is not None:
                self.timer.cancel()
                self.timer = None

    def _reap(self) -> None:
        self.stop_all(older_than=IDLE_SECONDS)
        with self.lock:
            self.timer = None
            if self.kept:
                self._schedule()

    def _schedule(self) -> None:
        self.timer = threading.Timer(IDLE_SECONDS / 2, self._reap)
        self.timer.daemon = True
        self.timer.start()

    def _after_fork(self) -> None:
        # A forked child shares its parent's workers' pipes; they are not
        # its to use or stop.
        if os.getpid() != self.pid:
            self.pid = os.getpid()
            self.kept = {}
            self.timer = None


_IDLE = _IdleWorkers()
atexit.register(_IDLE.stop_all)


class _Pool:
    def __init__(self, jobs: int, timeout: Optional[float], options: Dict[str, Any]) -> None:
        self.jobs = jobs
        # As the command line's --timeout: the reading itself stops at
        # `timeout` (its report then says it is incomplete); a worker still
        # busy a grace period later (a tenth more, at least a second) is
        # stopped and its input gets a `timeout` error.
        self.timeout = timeout
        self.grace = None if timeout is None else max(timeout / 10, 1.0)
        self.kill_after = None if timeout is None else timeout + self.grace
        # Threads inside one document only pay when the workers leave cores
        # idle: with one worker, as many as asked (0: one per core); with
        # several, one each unless asked otherwise.
        threads = options["threads"]
        if threads is None:
            threads = 0 if jobs == 1 else 1
        # No timeout is no limit, in the workers too (not the library's).
        limit = NO_TIME_LIMIT if timeout is None else timeout
        worker_options = {**options, "threads": threads, "time_per_file": limit}
        password = worker_options.pop("password")
        self.command = [sys.executable, "-c", _BOOTSTRAP, _PACKAGE_PARENT, json.dumps(worker_options)]
        self.env = dict(os.environ)
        self.env.pop(PASSWORD_ENV, None)
        if password is not None:
            self.env[PASSWORD_ENV] = password
        # Workers are interchangeable between batches that read alike.
        self.key = (tuple(self.command), password)
        self.window = max(jobs * 32, 64)
        self.events: Events = queue.Queue()
        self.workers: List[_Worker] = []
        self.retry: Deque[_Job] = collections.deque()
        self.finished: Dict[int, Dict[str, Any]] = {}

    def run(self, paths: Iterable[Any]) -> Iterator[Dict[str, Any]]:
        if not sys.executable:
            raise RuntimeError("extract_many(): cannot start worker processes: sys.executable is not known")
        source = enumerate(paths)
        pending: Optional[_Job] = None
        exhausted = False
        taken = 0
        emitted = 0
        try:
            while True:
                # Hand out work: first the jobs of stopped workers that
                # were waiting behind the one they were reading, then new
                # ones within the window.
                while True:
                    if self.retry:
                        job = self.retry[0]
                    else:
                        if pending is None and not exhausted:
                            try:
                                index, path = next(source)
                            except StopIteration:
                                exhausted = True
                            else:
                                taken += 1
                                try:
                                    pending = _Job(index, check_path("extract_many", path))
                                except (TypeError, ValueError) as error:
                                    # One input that is no path is one error
                                    # report, not the end of the batch.
                                    self.finished[index] = _not_a_path(path, error)
                        if pending is None or pending.index >= emitted + self.window:
                            break
                        job = pending
                    worker = self._idle_worker()
                    if worker is None:
                        break
                    worker.send(job)
                    if job is pending:
                        pending = None
                    else:
                        self.retry.popleft()
                if exhausted and pending is None and emitted == taken:
                    return
                self._wait()
                self._stop_expired()
                while emitted in self.finished:
                    report = self.finished.pop(emitted)
                    emitted += 1
                    yield report
        finally:
            for worker in self.workers:
                if not worker.jobs and worker.ready is not None:
                    _IDLE.keep(self.key, worker, most=self.jobs)
                else:
                    worker.stop()
            self.workers = []

    def _idle_worker(self) -> Optional[_Worker]:
        """A worker to send a job to: an idle one, a new one while there are
        fewer than ``jobs``, else one with a single job in hand."""
        for worker in self.workers:
            if not worker.jobs:
                return worker
        if len(self.workers) < self.jobs:
            worker = _IDLE.take(self.key, self.events) or _Worker(self.command, self.env, self.events)
            self.workers.append(worker)
            return worker
        for worker in self.workers:
            if len(worker.jobs) < PIPELINE:
                return worker
        return None

    def _wait(self) -> None:
        """Takes the events that have arrived, waiting for the first one at
        most until the nearest deadline."""
        now = time.monotonic()
        deadlines = [worker.started + STARTUP_TIMEOUT for worker in self.workers if worker.ready is None]
        if self.kill_after is not None:
            deadlines += [clock + self.kill_after for clock in (w.clock() for w in self.workers) if clock is not None]
        wait = min([max(0.0, deadline - now) for deadline in deadlines] + [1.0])
        try:
            event = self.events.get(timeout=wait)
        except queue.Empty:
            return
        while True:
            self._take(event)
            try:
                event = self.events.get_nowait()
            except queue.Empty:
                return

    def _take(self, event: Tuple[Any, ...]) -> None:
        kind, worker, at = event[:3]
        if worker not in self.workers:
            return  # a worker stopped here; its last words do not count
        if kind == "ready":
            worker.ready = at
        elif kind == "done":
            index, payload = event[3:]
            if not worker.jobs or worker.jobs[0].index != index:
                return
            clock = max(worker.since, worker.ready or at)
            job = worker.answered(at)
            if self.kill_after is not None and at - clock >= self.kill_after:
                # Answered while this generator was suspended, but only
                # after its time was up: the same report as if the worker
                # had been stopped then.
                self.finished[index] = self._timed_out(job)
            else:
                self.finished[index] = json.loads(payload)
        elif kind == "died":
            if worker.ready is None:
                self._stop(worker)
                said = b"".join(worker.stderr).decode("utf-8", "replace").strip()
                raise RuntimeError(
                    "extract_many(): a kantlijn worker process did not start"
                    + (f":\n{said}" if said else f" (exit status {worker.process.returncode})")
                )
            job = self._stop(worker)
            if job is not None:
                message = (
                    f"{_display(job.path)}: the worker reading this file died "
                    "(a crash or stack overflow in a dependency)"
                )
                self.finished[job.index] = _kantlijn.failed_report(job.path, "crashed", message)

    def _stop_expired(self) -> None:
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.ready is None and now - worker.started >= STARTUP_TIMEOUT:
                worker.stop()
                raise RuntimeError(
                    f"extract_many(): a kantlijn worker process did not start within {_seconds(STARTUP_TIMEOUT)} s"
                )
            clock = worker.clock()
            if self.kill_after is not None and clock is not None and now - clock >= self.kill_after:
                job = self._stop(worker)
                if job is not None:
                    self.finished[job.index] = self._timed_out(job)

    def _stop(self, worker: _Worker) -> Optional[_Job]:
        """Stops a worker; returns the job it was reading. The jobs waiting
        behind it go to the other workers first."""
        self.workers.remove(worker)
        worker.stop()
        if not worker.jobs:
            return None
        current = worker.jobs.popleft()
        self.retry.extend(worker.jobs)
        return current

    def _timed_out(self, job: _Job) -> Dict[str, Any]:
        message = (
            f"{_display(job.path)}: still being read {_seconds(self.grace or 0.0)} s after its time limit "
            f"of {_seconds(self.timeout or 0.0)} s; its worker was stopped"
        )
        return _kantlijn.failed_report(job.path, "timeout", message)
