"""The book's palette (twolevel.viz.palette) stays distinguishable under the common colour-vision deficiencies.

Each pair of colours that encodes different things in a figure
(``palette.CONTRASTS``: the first side against the second, each against the
range of feasible agreements, each win-set against the lens, a shaded
region against the white page, Chapter 7's bands of committed and
uncommitted seats...) is simulated for protanopia, deuteranopia and
tritanopia with colorspacious (Machado, Oliveira and Fernandes 2009,
severity 100) and compared in CAM02-UCS, where a distance of about 1 is a
just-noticeable difference. Every figure draws with these colours only
(``tests/twolevel/viz/test_viz_palette.py``), so this covers every figure.

Translucent fills are composited over the white figure background with the
alpha the figures draw them with (``palette.as_seen``), since that is the
colour a reader sees.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

colorspacious = pytest.importorskip("colorspacious")
from twolevel.viz import palette  # noqa: E402

DEFICIENCIES = {"protanopia": "protanomaly", "deuteranopia": "deuteranomaly", "tritanopia": "tritanomaly"}
# CAM02-UCS distance below which two colours are not reliably told apart at a
# glance (eight just-noticeable differences).
MIN_DISTANCE = 8.0
# Chapter 7's pale bands behind the seats also carry their names ("supporters",
# "uncommitted", "opponents") as text, so they need only be told apart side by side.
MIN_LABELLED_DISTANCE = 4.0
LABELLED = {"supporters band", "uncommitted band", "opponents band"}


def _seen(colour, alpha: float | None = None) -> np.ndarray:
    """sRGB in [0, 1] of a matplotlib colour as drawn on white."""
    return np.array(palette.as_seen(colour, alpha))


def _palette() -> dict[str, np.ndarray]:
    return {name: _seen(colour, alpha) for name, (colour, alpha) in palette.COLOURS.items()}


PAIRS = list(palette.CONTRASTS)


def _distance(c1: np.ndarray, c2: np.ndarray, deficiency: str | None) -> float:
    if deficiency is not None:
        space = {"name": "sRGB1+CVD", "cvd_type": DEFICIENCIES[deficiency], "severity": 100}
        c1, c2 = (np.clip(colorspacious.cspace_convert(c, space, "sRGB1"), 0, 1) for c in (c1, c2))
    u1, u2 = (colorspacious.cspace_convert(c, "sRGB1", "CAM02-UCS") for c in (c1, c2))
    return float(np.linalg.norm(u1 - u2))


def test_pairs_name_existing_colours():
    assert {name for pair in PAIRS for name in pair} <= set(_palette())


@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES], ids=["normal vision", *DEFICIENCIES])
def test_colours_that_encode_different_things_stay_apart(deficiency):
    colours = _palette()
    close = [
        f"{a} / {b}: {d:.1f}"
        for a, b in PAIRS
        if (d := _distance(colours[a], colours[b], deficiency))
        < (MIN_LABELLED_DISTANCE if {a, b} <= LABELLED else MIN_DISTANCE)
    ]
    assert not close, f"under {deficiency or 'normal vision'}, CAM02-UCS distance < {MIN_DISTANCE}: {close}"


def test_simulation_detects_a_classic_confusion():
    """The check has teeth: pure red and green, far apart for normal vision, merge under deuteranopia."""
    red, green = _seen("#d62728"), _seen("#2ca02c")
    assert _distance(red, green, None) > 30
    assert _distance(red, green, "deuteranopia") < _distance(red, green, None) / 2
    assert all(
        _distance(_seen(c), _seen(c), d) == pytest.approx(0.0, abs=1e-9)
        for c, d in itertools.product(["#08519c", "#a63603"], DEFICIENCIES)
    )
