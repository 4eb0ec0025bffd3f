"""Scaling of each model function from 10^3 to 10^7 (time and peak memory), for the benchmarks page.

Run with ``.venv/bin/python benchmarks/scaling.py`` (``--max-exp 5`` for a
quick look). For every function the size is the number that grows in
practice: constituents (or voters) for the one-issue and two-issue models,
trials for the simulations, blocs for a preference profile. The inputs are
built before the clock starts; the call itself is timed once, cold (the
sorts a constituency caches are included), with ``tracemalloc`` tracing
numpy's buffers, so the peak is what the call allocated on top of its
inputs. A size is skipped once the previous one took more than 2 s (the
next, ten times larger, would take more than 20 s). The working memory is
the default, 512 MiB (:func:`twolevel.get_working_memory`).
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np

import twolevel as tl

Setup = Callable[[int], Callable[[], Any]]


def _weighted(n: int) -> tl.Constituency:
    rng = np.random.default_rng(0)
    return tl.Constituency(rng.random(n), rng.random(n) + 0.1)


def _profile(n: int) -> tl.Profile:
    rng = np.random.default_rng(0)
    kinds = [("A", "NA", "B"), ("B", "NA", "A"), ("B", "A", "NA"), ("A", "B", "NA")]
    return tl.Profile(tuple(tl.Bloc(kinds[i % 4], float(w)) for i, w in enumerate(rng.random(n) + 0.1)))


def _empirical_pair(n: int) -> tuple[tl.TwoIssueConstituency, tl.TwoIssueConstituency]:
    a = tl.TwoIssueConstituency(tl.Constituency.kumaraswamy(2, 3, n=n), tl.Constituency.uniform(0.8, n), 0.55, 0.6, "A")
    b = tl.TwoIssueConstituency(tl.Constituency.kumaraswamy(3, 2, n=n), tl.Constituency.uniform(0.9, n), 0.45, 0.6, "B")
    return a, b


def _power(n: int, side: str = "A") -> tl.TwoIssueConstituency:
    return tl.TwoIssueConstituency.power(0.55 if side == "A" else 0.45, 0.5, 0.5, 0.65, side, n)  # type: ignore[arg-type]


CASES: dict[str, tuple[str, Setup]] = {
    "Constituency.uniform": ("constituents", lambda n: lambda: tl.Constituency.uniform(0.6, n)),
    "win_set (weighted)": ("constituents", lambda n: (lambda c: lambda: tl.win_set(c, 0.5, "X"))(_weighted(n))),
    "ratifies X, 1,000 agreements": (
        "constituents", lambda n: (lambda c: lambda: tl.ratifies(c, 0.5, np.linspace(0, 1, 1000), "X"))(_weighted(n))),
    "ratifies Y, 1,000 agreements": (
        "constituents", lambda n: (lambda c: lambda: tl.ratifies(c, 0.5, np.linspace(0, 1, 1000), "Y"))(_weighted(n))),
    "deadlock_quota": (
        "constituents", lambda n: (lambda c, d: lambda: tl.deadlock_quota(c, 0.5, d))(_weighted(n), _weighted(n))),
    "reversion_win_set": (
        "voters", lambda n: (lambda v: lambda: tl.reversion_win_set(v, 0.5, 0.2))(tl.SpatialConstituency(np.linspace(0, 1, n)))),
    "approval_share, 201 agreements": (
        "voters", lambda n: (lambda v: lambda: v.approval_share(np.linspace(0, 1, 201), 0.2))(
            tl.SpatialConstituency(np.linspace(0, 1, n)))),
    "heterogeneous_iso_vote_grid (201²)": (
        "voters", lambda n: (lambda v, f: lambda: tl.heterogeneous_iso_vote_grid(v, 0.1, f, 0.7, 201))(
            tl.SpatialConstituency(np.linspace(0.3, 0.5, n)), tl.Constituency.uniform(1.0, n))),
    "constituency_from_costs": ("constituents", lambda n: (lambda k: lambda: tl.constituency_from_costs(k))(
        np.random.default_rng(0).random(n))),
    "politicise": ("constituents", lambda n: (lambda c, p: lambda: tl.politicise(c, p, 0.5))(
        tl.Constituency.uniform(0.6, n), np.random.default_rng(0).random(n))),
    "linkage_outcome": ("constituents", lambda n: (lambda x, y: lambda: tl.linkage_outcome(x, y))(
        tl.LinkageCountry("X", "A", np.linspace(-1, 1, n), np.linspace(0, 1, n)),
        tl.LinkageCountry("Y", "B", np.linspace(-1, 1, n), np.linspace(0, 1, n)))),
    "TwoIssueConstituency.power": ("constituents per issue", lambda n: lambda: _power(n)),
    "iso_vote_grid (201²)": ("constituents per issue", lambda n: (lambda a: lambda: tl.iso_vote_grid(a, 201))(_power(n))),
    "lens (201²)": ("constituents per issue", lambda n: (lambda a, b: lambda: tl.lens(a, b, 201))(_power(n), _power(n, "B"))),
    "contour (201)": ("constituents per issue", lambda n: (lambda a: lambda: tl.contour(a, 201))(_power(n))),
    "contract_curve, power laws (201)": (
        "constituents per issue", lambda n: (lambda a, b: lambda: tl.contract_curve(a, b, 201))(_power(n), _power(n, "B"))),
    "contract_curve, empirical (201)": (
        "constituents per issue", lambda n: (lambda ab: lambda: tl.contract_curve(ab[0], ab[1], 201))(_empirical_pair(n))),
    "agreement_probability (n=101)": (
        "trials", lambda t: lambda: tl.agreement_probability([0.3, 0.9], [0.3, 0.9], trials=t, sample_size=101)),
    "simulate_defection": ("trials", lambda t: lambda: tl.simulate_defection(0.3, 0.6, 0.1, trials=t)),
    "profile_win_set": ("blocs", lambda n: (lambda p: lambda: tl.profile_win_set(p, 0.5))(_profile(n))),
}

#: Largest size each function accepts (its validated maximum), where below 10^7.
LIMITS = {
    "agreement_probability (n=101)": 1_000_000,
    **{name: 1_000_000 for name, (unit, _) in CASES.items() if unit == "constituents per issue" and "empirical" not in name},
}


def measure(call: Callable[[], Any]) -> tuple[float, float]:
    """Seconds and peak MiB of one cold call."""
    tracemalloc.start()
    try:
        start = time.perf_counter()
        call()
        seconds = time.perf_counter() - start
        return seconds, tracemalloc.get_traced_memory()[1] / (1 << 20)
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-exp", type=int, default=7)
    parser.add_argument("--only", default="", help="run the cases whose name contains this")
    parser.add_argument("--start", default="", help="skip the cases before the first whose name contains this")
    args = parser.parse_args()
    exps = range(3, args.max_exp + 1)
    header = "| function | size | " + " | ".join(f"$10^{e}$" for e in exps) + " |"
    print(header)
    print("|" + "---|" * (2 + len(exps)))
    started = not args.start
    for name, (unit, setup) in CASES.items():
        started = started or args.start in name
        if args.only not in name or not started:
            continue
        cells, skip = [], False
        for e in exps:
            n = 10**e
            if skip or n > LIMITS.get(name, n):
                cells.append("—")
                continue
            seconds, mib = measure(setup(n))
            cells.append(f"{seconds:.3g} s, {mib:.3g} MiB")
            skip = seconds > 2.0
        print(f"| `{name}` | {unit} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
