"""Every public callable of twolevel, fuzzed with bad input derived from its type hints (issue 8).

The targets come from ``tl.__all__`` (:func:`fuzz_support.discover`): every
function, constructor, classmethod and method, so that a function added
tomorrow is fuzzed without editing this file. For each parameter, the others
get good values and that one a bad value drawn from its type hint. Every call
must end in one of:

- a ``ValueError`` or ``TypeError`` whose message names the parameter;
- a result whose numbers are all finite (unless the docstring says it may be
  NaN or infinite), and never one computed from a string, a boolean, a
  complex number or an integer too large for a float where a number is
  expected.

Anything else fails with its class (see :func:`classify`). ``FUZZ_MEASURE=1``
records the classes instead of failing (the counts of the issue's report);
the last test checks that the suite made at least :data:`MIN_CALLS` calls.
"""

from __future__ import annotations

import collections
import math
import os
import warnings
from typing import Any

import fuzz_support as fs
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import twolevel as tl

MIN_CALLS = 10_000
MEASURE = os.environ.get("FUZZ_MEASURE") == "1"
TARGETS = fs.discover()
PAIRS = [(t, p.name) for t in TARGETS for p in fs.parameters(t)]
#: Examples per (callable, parameter), so that the suite totals at least MIN_CALLS calls.
EXAMPLES = math.ceil(1.3 * MIN_CALLS / len(PAIRS))
OUTCOMES: collections.Counter[str] = collections.Counter()
FAILURES: dict[str, list[str]] = collections.defaultdict(list)


@pytest.fixture(autouse=True)
def _keep_working_memory() -> Any:
    # tl.set_working_memory is fuzzed too, and its good baseline call changes the global bound.
    previous = tl.get_working_memory()
    yield
    tl.set_working_memory(previous)


def classify(target: fs.Target, param: str, value: Any) -> str:
    """Call ``target`` with a bad ``value`` for ``param``: ``"ok"`` or the class of the failure."""
    args = dict(fs.baseline(target))
    args[param] = value
    k = fs.kind(target.name, param, target.hints[param])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a RuntimeWarning (overflow, invalid value) is a failure too
            out = fs.call(target, args)
    except (ValueError, TypeError) as exc:
        return "ok" if fs.names_parameter(str(exc), param) else "error not naming the parameter"
    except Exception as exc:
        return f"{type(exc).__name__}"
    if k in fs.NUMERIC and fs.is_non_number(value):
        return "non-number accepted"
    if k in fs.NUMERIC and fs.is_too_large(value):
        return "too-large integer accepted"
    if not fs.all_finite(out) and not fs.documents_nan(target.doc):
        return "NaN or inf returned"
    return "ok"


@pytest.mark.parametrize(("target", "param"), PAIRS, ids=[f"{t.name}-{p}" for t, p in PAIRS])
def test_bad_input(target: fs.Target, param: str) -> None:
    fs.baseline(target)  # fails with CannotFuzz, naming the callable, for a signature it cannot fill
    strategy = fs.bad_values(target.name, target.signature.parameters[param], target.hints[param])

    @settings(
        max_examples=EXAMPLES, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(st.data())
    def run(data: st.DataObject) -> None:
        value = data.draw(strategy, label=param)
        outcome = classify(target, param, value)
        OUTCOMES[outcome] += 1
        if outcome != "ok":
            FAILURES[outcome].append(f"{target.name}({param}={value!r:.60})")
            assert MEASURE, f"{target.name}: {outcome} for {param}={value!r:.200}"

    run()


def test_fuzz_total(request: pytest.FixtureRequest) -> None:
    """The suite made at least MIN_CALLS calls (when every fuzz test above ran)."""
    ran = [i for i in request.session.items if i.nodeid.split("::")[-1].startswith("test_bad_input")]
    if len(ran) < len(PAIRS):
        pytest.skip("only part of the fuzz suite was selected")
    total = sum(OUTCOMES.values())
    report = ", ".join(f"{k}: {v}" for k, v in OUTCOMES.most_common())
    print(f"\nfuzz: {total} calls over {len(TARGETS)} callables, {len(PAIRS)} parameters; {report}")
    if MEASURE:
        for k, v in FAILURES.items():
            print(f"-- {k} ({len(v)})")
            for line in sorted(set(x.split("(")[0] + "(" + x.split("(")[1].split("=")[0] for x in v)):
                print("   ", line)
    assert total >= MIN_CALLS, report
    assert MEASURE or OUTCOMES["ok"] == total, report
    np.testing.assert_equal(OUTCOMES["ok"] + sum(len(v) for v in FAILURES.values()), total)


@pytest.mark.parametrize(
    "values",
    [
        ["0.5", "0.2"],
        [True, False],
        [0.5, True],
        np.array([True, False]),
        [10**400, 0.5],
        np.array(["0.5"]),
        [complex(0.5, 0)],
        [0.5, None],
    ],
)
def test_check_array_accepts_real_numbers_only(values: Any) -> None:
    """The issue's examples: numpy would coerce these; check_array refuses them, naming the parameter."""
    from twolevel._checks import check_array

    with pytest.raises((TypeError, ValueError), match="^reservations must"):
        check_array("reservations", values)
    with pytest.raises((TypeError, ValueError), match="^reservations must"):
        tl.Constituency(values)


@pytest.mark.parametrize("value", [True, np.bool_(False), "0.5", [0.5], 10**400, complex(0.5, 0), None])
def test_scalar_parameters_refuse_non_numbers(value: Any) -> None:
    """A scalar quota is a real number: not a flag, a string, a list, or an integer beyond float's range."""
    c = tl.Constituency([0.2, 0.5, 0.8])
    for call in (
        lambda: tl.win_set(c, value),
        lambda: tl.ratifies(c, value, 0.5),
        lambda: tl.deadlock_quota(c, value, c),
    ):
        with pytest.raises((TypeError, ValueError), match="quota"):
            call()


@pytest.mark.parametrize("value", [True, "0.5", 10**400, None, complex(0.5, 0), ["0.5"]])
def test_pivot_refuses_non_numbers(value: Any) -> None:
    """pivot is vectorised over quota (an array of quotas is documented), but only over real numbers."""
    with pytest.raises((TypeError, ValueError), match="quota"):
        tl.Constituency([0.2, 0.5, 0.8]).pivot(value)


def test_a_signature_the_suite_cannot_fill_fails_naming_the_callable() -> None:
    """A new function with a parameter of an unknown type is not skipped: the suite says what to extend."""

    class Treaty:
        pass

    def ratify_treaty(treaty: Treaty, quota: float = 0.5) -> bool:
        return True

    hints = {"treaty": Treaty, "quota": float, "return": bool}
    target = fs.Target("tl.ratify_treaty", lambda: ratify_treaty, fs.inspect.signature(ratify_treaty), hints, "")
    with pytest.raises(fs.CannotFuzz, match=r"tl\.ratify_treaty: parameter 'treaty' has type hint"):
        fs.baseline(target)


def test_every_public_name_is_a_target() -> None:
    """Every callable in tl.__all__ is fuzzed, with each public method of each class."""
    names = {t.name.split(".")[1] for t in TARGETS}
    callables = {n for n in tl.__all__ if callable(getattr(tl, n)) and not isinstance(getattr(tl, n), type(tl))}
    assert callables <= names
    assert {"tl.Constituency.pivot", "tl.TwoIssueConstituency.gradient", "tl.set_working_memory"} <= {
        t.name for t in TARGETS
    }
