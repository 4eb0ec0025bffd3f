"""The static explorers' rendering: frames per second and bytes per frame, for each chapter's explorers.

Run with ``.venv/bin/python benchmarks/frames.py``. Each explorer is built as
its chapter builds it (the chapter's default parameters), ``--repeat`` times,
and the fastest build is reported: its frames per second of the process's
CPU time (on a machine shared with other jobs, wall time grows with their
load and CPU time much less), the mean size of a frame (lossless palette
WebP, as written to ``_images/tl-frames/``), how many frames are distinct
pictures, and the share of the time spent quantising and encoding (the rest
is the model's update and matplotlib's draw). Every
chapter execution (the build, the parameter-set tests, the live JupyterLab
test) renders these frames, so their cost is CI time. No target: the numbers
are recorded on the benchmarks page, before and after a change.
"""

from __future__ import annotations

import argparse
import base64
import time
from collections.abc import Callable
from typing import Any

import matplotlib

matplotlib.use("Agg")

from twolevel import viz
from twolevel.viz import frames

#: (chapter, explorer, how the chapter builds it).
EXPLORERS: list[tuple[str, str, Callable[[], Any]]] = [
    ("4", "Figure 1: both quotas", lambda: viz.figure1_static_explorer()),
    ("5", "Figure 2: both quotas", lambda: viz.figure2_static_explorer()),
    ("6", "institutions: rule x discipline", lambda: viz.institutions_static_explorer()),
    (
        "6",
        "institutions: rule x autonomy",
        lambda: viz.institutions_static_explorer(spread_y=0.7, levers=("quota_x", "autonomy")),
    ),
    ("7", "side-payments: budget x deal", lambda: viz.budget_static_explorer()),
]


def _timed_encoder() -> tuple[list[float], Callable[[], None]]:
    """Wrap the frame encoder (quantise + WebP) to time it; returns the times and an undo.

    Versions of the helper before the encoder was its own function are timed as a whole.
    """
    spent: list[float] = []
    encode = getattr(frames, "_encode_frame", None)
    if encode is None:
        return spent, lambda: None

    def timed(*args: Any) -> str:
        t0 = time.process_time()
        out: str = encode(*args)
        spent.append(time.process_time() - t0)
        return out

    frames._encode_frame = timed
    return spent, lambda: setattr(frames, "_encode_frame", encode)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    print("| chapter | explorer | frames (distinct) | frames/s | ms/frame | KiB/frame | encoding share |")
    print("|---|---|---|---|---|---|---|")
    for chapter, label, build in EXPLORERS:
        best = None
        for _ in range(args.repeat):
            spent, undo = _timed_encoder()
            t0 = time.process_time()
            try:
                e = build()
            finally:
                undo()
            total = time.process_time() - t0
            if best is None or total < best[0]:
                best = (total, sum(spent), e)
        assert best is not None
        total, encoding, e = best
        n = len(e.frames)
        kib = sum(len(base64.b64decode(f.split(",", 1)[1])) for f in e.frames) / n / 1024
        share = f"{encoding / total:.0%}" if encoding else "n/a"
        print(f"| {chapter} | {label} | {n} ({len(set(e.frames))}) | {n / total:.1f} | {1e3 * total / n:.0f} | "
              f"{kib:.1f} | {share} |", flush=True)


if __name__ == "__main__":
    main()
