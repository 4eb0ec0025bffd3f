"""The timing function every benchmark script shares.

The scripts are run as files (``.venv/bin/python benchmarks/<name>.py``), so
this folder is on ``sys.path`` and they import it as ``timing``.
"""

from __future__ import annotations

import time
from collections.abc import Callable


def best_time(fn: Callable[[], object], number: int, repeat: int) -> float:
    """Minimum over ``repeat`` runs of the mean time of ``number`` calls, in seconds.

    The minimum is the usual estimator of the undisturbed cost: noise from the
    rest of the machine only ever adds time.
    """
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - t0) / number)
    return best
