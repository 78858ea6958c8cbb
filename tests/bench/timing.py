"""Median timings, and a printed report line per measured step."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(action: Callable[[], object], repeat: int = 7) -> float:
    action()  # warm the page cache and statement cache: we measure the steady state a user sees
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def report(name: str, operation: float, bare: float | None = None) -> str:
    line = f"{name:<40} {operation * 1000:9.2f} ms"
    if bare:
        line += f"   bare SQL {bare * 1000:9.2f} ms   ratio {operation / bare:6.2f}"
    print(line)
    return line
