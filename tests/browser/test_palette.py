"""The figures' palette stays distinguishable under the common colour-vision deficiencies.

Each pair of colours that encodes different things in Figure 1 or Figure 2
(X against Y, A's win-set against B's, each win-set against the lens of
feasible packages, a shaded region against the white page) is simulated for
protanopia, deuteranopia and tritanopia with colorspacious (Machado, Oliveira
and Fernandes 2009, severity 100) and compared in CAM02-UCS, where a distance
of about 1 is a just-noticeable difference. The colours are imported from the
figure modules themselves, so a palette change is checked here.

Translucent fills are composited over the white figure background with the
alpha the modules draw them with, since that is the colour a reader sees.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from matplotlib.colors import to_rgba

colorspacious = pytest.importorskip("colorspacious")
from twolevel.viz import figure1, figure2  # noqa: E402

# Alpha of Figure 1's feasible band (figure1.py draws it with axvspan(..., alpha=0.55)).
FEASIBLE_ALPHA = 0.55
DEFICIENCIES = {"protanopia": "protanomaly", "deuteranopia": "deuteranomaly", "tritanopia": "tritanomaly"}
# CAM02-UCS distance below which two colours are not reliably told apart at a
# glance (eight just-noticeable differences; the smallest pair today, A's fill
# against the page under protanopia, is about 9.5).
MIN_DISTANCE = 8.0


def _seen(colour, alpha: float | None = None) -> np.ndarray:
    """sRGB in [0, 1] of a matplotlib colour as drawn on white."""
    r, g, b, a = to_rgba(colour)
    if alpha is not None:
        a = alpha
    return np.array([r, g, b]) * a + (1.0 - a)


def _palette() -> dict[str, np.ndarray]:
    try:
        return {
            "Figure 1: X": _seen(figure1._X_COLOUR),
            "Figure 1: Y": _seen(figure1._Y_COLOUR),
            "Figure 1: feasible band": _seen(figure1._FEASIBLE, FEASIBLE_ALPHA),
            "Figure 2: A": _seen(figure2._A_COLOUR),
            "Figure 2: B": _seen(figure2._B_COLOUR),
            "Figure 2: A's win-set": _seen(figure2._A_FILL),
            "Figure 2: B's win-set": _seen(figure2._B_FILL),
            "Figure 2: lens": _seen(figure2._LENS_FILL),
            "Figure 2: lens label": _seen(figure2._LENS_TEXT),
            "page": _seen("white"),
        }
    except AttributeError as exc:  # a renamed constant must be renamed here too
        pytest.fail(f"a palette constant of twolevel.viz moved: {exc}")


# Pairs that encode different things (and so must look different).
PAIRS = [
    ("Figure 1: X", "Figure 1: Y"),
    ("Figure 1: X", "Figure 1: feasible band"),
    ("Figure 1: Y", "Figure 1: feasible band"),
    ("Figure 1: feasible band", "page"),
    ("Figure 2: A", "Figure 2: B"),
    ("Figure 2: A's win-set", "Figure 2: B's win-set"),
    ("Figure 2: A's win-set", "Figure 2: lens"),
    ("Figure 2: B's win-set", "Figure 2: lens"),
    ("Figure 2: A's win-set", "page"),
    ("Figure 2: B's win-set", "page"),
    ("Figure 2: lens", "page"),
    ("Figure 2: lens label", "Figure 2: A"),
]


def _distance(c1: np.ndarray, c2: np.ndarray, deficiency: str | None) -> float:
    if deficiency is not None:
        space = {"name": "sRGB1+CVD", "cvd_type": DEFICIENCIES[deficiency], "severity": 100}
        c1, c2 = (np.clip(colorspacious.cspace_convert(c, space, "sRGB1"), 0, 1) for c in (c1, c2))
    u1, u2 = (colorspacious.cspace_convert(c, "sRGB1", "CAM02-UCS") for c in (c1, c2))
    return float(np.linalg.norm(u1 - u2))


def test_pairs_name_existing_colours():
    palette = _palette()
    assert {name for pair in PAIRS for name in pair} <= set(palette)


@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES], ids=["normal vision", *DEFICIENCIES])
def test_colours_that_encode_different_things_stay_apart(deficiency):
    palette = _palette()
    close = [
        f"{a} / {b}: {d:.1f}"
        for a, b in PAIRS
        if (d := _distance(palette[a], palette[b], deficiency)) < MIN_DISTANCE
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
