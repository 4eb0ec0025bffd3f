"""Chapter 6's benchmark: the institutions explorer's update against a bare redraw, as a ratio in one run.

Run with ``.venv/bin/python benchmarks/institutions.py``. Each update moves X's
rule, discipline and autonomy to values not seen before, so the model is fully
recomputed (two constituencies of 1,001 members, both win-sets, the overlap,
the Nash agreement), the artists are moved and the figure is redrawn. The floor
is a bare redraw of the same figure. Target: <= 1.5. Times are the minimum over
repeats of the mean of 20 calls.
"""

from __future__ import annotations

import argparse

import matplotlib

matplotlib.use("Agg")
import numpy as np

from twolevel.viz import InstitutionsFigure, institutions_state

from timing import best_time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    drawing = InstitutionsFigure(institutions_state())
    canvas = drawing.figure.canvas
    rng = np.random.default_rng(0)
    values = iter(rng.uniform([0.5, 0.0, 0.0], [1.0, 0.5, 1.0], size=(100_000, 3)))

    def update() -> None:
        q, d, a = next(values)
        drawing.update(institutions_state(quota_x=float(q), discipline=float(d), autonomy=float(a)))
        canvas.draw()

    canvas.draw()
    ours, floor = best_time(update, 20, args.repeat), best_time(canvas.draw, 20, args.repeat)
    print(f"institutions explorer update / bare redraw: {ours * 1e3:.1f} ms / {floor * 1e3:.1f} ms = "
          f"{ours / floor:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
