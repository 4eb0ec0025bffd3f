"""The speed claims that unit tests used to assert as wall-clock times, as ratios measured in one run.

Run with ``.venv/bin/python benchmarks/complexity.py``. A wall-clock bound in a
unit test fails by chance on a shared machine (the test suite runs on two
workers on two cores) and passes on a fast one whatever the algorithm; the
ratios below measure the claim itself:

1. ``ratifies`` on Y's side sorts once per constituency: a repeated call
   (10^6 constituents) against the first one, which sorts. Target: <= 0.2
   (a re-sort made the two equal).
2. ``profile_win_set`` makes one pass over the rankings: doubling both the
   alternatives and the blocs (200 -> 400 each) multiplies the time by about
   4 (the input's size); the old triple loop multiplied it by 8. Target: <= 5.
3. ``condorcet_winner`` is linear in the alternatives: 1,000 -> 2,000
   alternatives. Target: <= 3 (the old pairwise check: about 8).
4. ``profile_win_set`` groups 3 x 10^5 blocs by ranking once: a later call
   (another quota) against the first. Target: <= 0.05.
5. Figure 2's update when a quota moves (grids cached) against a bare
   redraw of the figure. Target: <= 2.

Each time is the best of several runs (``timing.best_time``); the first calls
of 1 and 4 are timed on fresh objects.
"""

from __future__ import annotations

import time

import matplotlib

matplotlib.use("Agg")
import numpy as np

import twolevel as tl
from twolevel.viz.figure2 import Figure2, figure2_state

from timing import best_time


def _first_and_repeat(make, call, repeat: int = 3) -> tuple[float, float]:
    """Best first-call time over fresh objects, and best repeated-call time."""
    first = float("inf")
    for _ in range(repeat):
        obj = make()
        t0 = time.perf_counter()
        call(obj)
        first = min(first, time.perf_counter() - t0)
    return first, best_time(lambda: call(obj), 5, repeat)


def ratifies_y() -> float:
    first, again = _first_and_repeat(lambda: tl.Constituency.uniform(0.6, 1_000_000), lambda c: tl.ratifies(c, 0.5, 0.5, "Y"))
    return again / first


def _random_profile(alternatives: int, blocs: int) -> tl.Profile:
    alts = [f"P{i}" for i in range(alternatives)]
    rng = np.random.default_rng(0)
    out = []
    for _ in range(blocs):
        order = list(rng.permutation(alts))
        order.insert(int(rng.integers(0, alternatives + 1)), tl.NO_AGREEMENT)
        out.append(tl.Bloc(tuple(order), float(rng.random()) + 0.1))
    return tl.Profile(tuple(out))


def profile_win_set_doubling() -> float:
    small, large = _random_profile(200, 200), _random_profile(400, 400)
    return best_time(lambda: tl.profile_win_set(large, 0.5), 1, 3) / best_time(lambda: tl.profile_win_set(small, 0.5), 1, 3)


def _reversed_majority(m: int) -> tl.Profile:
    alts = [f"P{i}" for i in range(m)]
    first = tl.Bloc((*alts, tl.NO_AGREEMENT), 1.0)
    majority = tl.Bloc((*alts[::-1], tl.NO_AGREEMENT), 1.0)
    return tl.Profile((first, majority, majority))


def condorcet_doubling() -> float:
    small, large = _reversed_majority(1000), _reversed_majority(2000)
    return best_time(lambda: tl.condorcet_winner(large), 1, 5) / best_time(lambda: tl.condorcet_winner(small), 1, 5)


def profile_many_blocs() -> float:
    kinds = [("A", "NA", "B"), ("B", "NA", "A"), ("B", "A", "NA"), ("A", "B", "NA")]
    weights = np.random.default_rng(0).random(300_000) + 0.1

    def make() -> tl.Profile:
        return tl.Profile(tuple(tl.Bloc(kinds[i % 4], float(v)) for i, v in enumerate(weights)))

    quotas = iter(np.tile(np.linspace(0.05, 1.0, 20), 1000))
    first, again = _first_and_repeat(make, lambda p: tl.profile_win_set(p, float(next(quotas))), repeat=2)
    return again / first


def figure2_quota_move() -> float:
    drawing = Figure2(figure2_state())
    canvas = drawing.figure.canvas
    canvas.draw()
    quotas = iter(np.tile([0.55, 0.6, 0.65, 0.7], 10_000))

    def update() -> None:
        drawing.update(figure2_state(quota_a=float(next(quotas)), quota_b=0.62))
        canvas.draw()

    return best_time(update, 8, 5) / best_time(canvas.draw, 8, 5)


CASES = [
    ("ratifies Y: repeated call / first call (10^6 constituents)", ratifies_y, 0.2),
    ("profile_win_set: 400 x 400 / 200 x 200 (alternatives x blocs)", profile_win_set_doubling, 5.0),
    ("condorcet_winner: 2,000 / 1,000 alternatives", condorcet_doubling, 3.0),
    ("profile_win_set, 3 x 10^5 blocs: later call / first call", profile_many_blocs, 0.05),
    ("Figure 2, quota moved: update + redraw / bare redraw", figure2_quota_move, 2.0),
]


def main() -> None:
    for label, measure, target in CASES:
        ratio = measure()
        print(f"{label}: {ratio:.3f} (target <= {target:g}) {'met' if ratio <= target else 'NOT MET'}", flush=True)


if __name__ == "__main__":
    main()
