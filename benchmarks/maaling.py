"""What the per-document benchmarks (import_bench.py, opdatering_bench.py) share: timing a call n times."""

from __future__ import annotations

import statistics
import time


def mål(fn, n: int) -> tuple[float, float, float]:
    """(median wall, best wall, median CPU of this process) in seconds over ``n`` calls of ``fn``."""
    tider, cpu = [], []
    for _ in range(n):
        t, c = time.perf_counter(), time.process_time()
        fn()
        tider.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(tider), min(tider), statistics.median(cpu)
