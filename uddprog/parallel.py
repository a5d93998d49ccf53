"""One way to spread a batch over processes: validation, statistics, migration and rendering all use it.

Work goes out in bundles (one task per bundle keeps the pickling small) and comes back in order. What every
bundle shares (the catalogue, the date) reaches each worker once: inherited with ``fork``, pickled with
``spawn``. An interrupted batch (Ctrl-C, SIGTERM, an error, the caller stopping early) ends its workers at
once: the main process cancels what is queued and terminates the workers, and a worker turns that SIGTERM
into KeyboardInterrupt, so the file it is writing is removed, not left half-written (a worker that dies for
another reason fails the batch; it never hangs). Workers ignore SIGINT themselves (Ctrl-C in a terminal
reaches the whole process group): the main process decides, and no worker dies with a traceback of its own.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

#: From this many items on, a batch is spread over every core unless told otherwise.
PARALLEL_FRA = 200


def antal_jobs(jobs: int | None, antal: int, bundt: int, fra: int = PARALLEL_FRA) -> int:
    """How many processes for ``antal`` items in bundles of ``bundt``: ``jobs`` when given, else the
    ``UDDPROG_JOBS`` environment variable, else every core from ``fra`` items on and one below; never more
    processes than bundles."""
    if jobs is None:
        miljø = os.environ.get("UDDPROG_JOBS", "")
        if miljø.isdigit() and int(miljø) > 0:
            jobs = int(miljø)
        else:
            jobs = (os.cpu_count() or 1) if antal >= fra else 1
    return max(1, min(jobs, -(-antal // max(1, bundt))))


def i_bundter(funktion: Callable[..., T], elementer: Sequence[Any], jobs: int, bundt: int,
              fælles: tuple = ()) -> Iterator[T]:
    """``funktion(*fælles, bundle)`` for each bundle of ``bundt`` elements, in order; in this process when
    ``jobs`` is 1. ``funktion`` must be a module-level function (workers find it by name)."""
    bundter = [list(elementer[i:i + bundt]) for i in range(0, len(elementer), bundt)]
    if jobs <= 1 or len(bundter) <= 1:
        for b in bundter:
            yield funktion(*fælles, b)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    metode = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(metode),
                               initializer=_start, initargs=(funktion, fælles))
    try:
        yield from pool.map(_kør, bundter)
    except BaseException:  # also GeneratorExit: the caller stopped (interrupted) before the end
        _afslut(pool)  # every worker now, not after the bundles still queued
        raise
    pool.shutdown()


def _afslut(pool) -> None:
    """End a process pool's workers at once (SIGTERM: a worker in a bundle removes what it was writing)."""
    processer = list((getattr(pool, "_processes", None) or {}).values())  # the standard library's own record
    pool.shutdown(wait=False, cancel_futures=True)
    for p in processer:
        if p.is_alive():
            p.terminate()
    for p in processer:
        p.join(5)
        if p.is_alive():
            p.kill()
            p.join()


_OPGAVE: tuple[Callable, tuple] | None = None


def _start(funktion: Callable, fælles: tuple) -> None:
    import signal

    global _OPGAVE
    _OPGAVE = (funktion, fælles)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process ends the pool (terminate: SIGTERM)
    signal.signal(signal.SIGTERM, _stop_arbejder)


_I_GANG = False  # a worker is running a bundle (not waiting for one)


def _stop_arbejder(signum, frame) -> None:
    """SIGTERM in a worker: inside a bundle as Ctrl-C (a file being written is removed on the way out),
    between bundles at once; never a traceback of its own."""
    if _I_GANG:
        raise KeyboardInterrupt
    os._exit(130)


def _kør(bundt: list) -> Any:
    global _I_GANG
    assert _OPGAVE is not None
    funktion, fælles = _OPGAVE
    _I_GANG = True
    try:
        return funktion(*fælles, bundt)
    except KeyboardInterrupt:
        os._exit(130)  # the pool was terminated: what the bundle was writing has been cleaned up
    finally:
        _I_GANG = False


def _afbryd(signum, frame) -> None:
    raise KeyboardInterrupt


def sigterm_som_ctrl_c():
    """Let SIGTERM (a cancelled CI job, `timeout`, a service stop) end the work the way Ctrl-C does.

    By default SIGTERM kills the process on the spot, so a file being written stays behind as a temp
    file; as a KeyboardInterrupt, the writer removes it. Only in the main thread and only when nobody
    installed a handler. Returns the handler to restore, or None when nothing was changed.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
        return None
    return signal.signal(signal.SIGTERM, _afbryd)
