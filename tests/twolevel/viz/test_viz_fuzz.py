"""The figures' entry points, fuzzed through their scenario parameters (issue 8, ``twolevel.viz.__all__``).

Every callable of ``twolevel.viz.__all__`` that takes a scenario (a
:class:`twolevel.Figure1Params`, :class:`twolevel.Figure2Params`,
:class:`twolevel.InstitutionsScenario` or :class:`twolevel.BudgetScenario`, the
model's own scenarios, or its fields as ``**overrides``) is found from its signature; the live
explorers' factories are among them. For each field of the
scenario a bad value is drawn from the field's type hint (the strategies of
``fuzz_support``) and passed as an override: the call must fail with a
ValueError or TypeError naming the field, before drawing anything. An
unknown override must be refused naming it. The viz callables that take
figures, states or controls (``Figure1``, ``Figure2``, ``Control``,
``StaticExplorer``, ``static_explorer``) are the book's plumbing, built only
by the functions fuzzed here, and are not covered by this file.
"""

from __future__ import annotations

import dataclasses
import inspect
import typing
from typing import Any

import matplotlib

matplotlib.use("Agg")
import fuzz_support as fs
import matplotlib.pyplot as plt
import pytest
from hypothesis import HealthCheck, given, settings

import twolevel as tl
import twolevel.viz as viz

SCENARIOS = (tl.Figure1Params, tl.Figure2Params, tl.InstitutionsScenario, tl.BudgetScenario)


def _scenario_of(func: Any) -> type | None:
    """The scenario class a viz callable takes as ``params`` with ``**overrides``, if any."""
    if not callable(func):
        return None
    sig = inspect.signature(func)
    if not any(p.kind is p.VAR_KEYWORD for p in sig.parameters.values()):
        return None
    # The annotations are strings (postponed evaluation); a return type may exist only for type checkers.
    for p in sig.parameters.values():
        for cls in SCENARIOS:
            if p.annotation is cls or cls.__name__ in str(p.annotation):
                return cls
    return None


TARGETS = [(name, getattr(viz, name), _scenario_of(getattr(viz, name))) for name in viz.__all__]
FUZZED = [(name, func, cls) for name, func, cls in TARGETS if cls is not None and not isinstance(func, type)]
CASES = [(name, func, cls, f.name) for name, func, cls in FUZZED for f in dataclasses.fields(cls)]


def _refused(cls: type, field: str, value: Any) -> bool:
    try:
        cls(**{field: value})
    except (ValueError, TypeError):
        return True
    return False


def test_the_scenario_entry_points_are_found():
    names = {name for name, _, _ in FUZZED}
    assert {
        "figure1_state",
        "figure2_state",
        "putnam_figure1",
        "putnam_figure2",
        "figure1_explorer",
        "figure2_explorer",
        "institutions_state",
        "institutions_static_explorer",
        "institutions_explorer",
        "paradox_figure",
        "budget_state",
        "budget_static_explorer",
        "budget_explorer",
    } <= names


@pytest.mark.parametrize(("name", "func", "cls", "field"), CASES, ids=[f"{c[0]}-{c[3]}" for c in CASES])
def test_bad_override(name: str, func: Any, cls: type, field: str) -> None:
    hint = typing.get_type_hints(cls)[field]
    kind = fs.kind(f"{cls.__name__}.{field}", field, hint)
    # Only values the scenario itself refuses: an accepted value would draw (and render) a whole figure.
    strategy = fs.BAD[kind].filter(lambda v: _refused(cls, field, v))

    @settings(max_examples=12, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(value: Any) -> None:
        try:
            func(**{field: value})
        except (ValueError, TypeError) as exc:
            assert fs.names_parameter(str(exc), field), f"viz.{name}: {exc}"
        else:
            pytest.fail(f"viz.{name} accepted {field}={value!r:.80}, which {cls.__name__} refuses")
        finally:
            plt.close("all")

    run()


@pytest.mark.parametrize(("name", "func", "cls"), FUZZED, ids=[t[0] for t in FUZZED])
def test_unknown_override(name: str, func: Any, cls: type) -> None:
    with pytest.raises(TypeError, match="quota_z"):
        func(quota_z=0.5)
