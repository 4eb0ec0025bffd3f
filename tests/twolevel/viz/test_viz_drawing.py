"""Tests of twolevel.viz.drawing: the drawing protocol, the layout solved once, and blitting.

Each picture of an explorer is the background, drawn once, with the
drawing's moving artists drawn over it. That must be the picture a full
draw gives: checked for every drawing of the book, at states that move
every artist (and turn a deadlock on and off).
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
from matplotlib.backends.backend_agg import FigureCanvasAgg

from twolevel import viz
from twolevel.viz.drawing import Blitter, canvas_image, freeze_layout

CASES = {
    "Figure 1": (
        lambda: viz.Figure1(viz.figure1_state()),
        [viz.figure1_state(quota_y=q, quota_x=x) for q, x in ((0.9, 0.5), (1.0, 1.0), (0.6, 0.75))],
    ),
    "Figure 2": (
        lambda: viz.Figure2(viz.figure2_state()),
        [viz.figure2_state(quota_a=a, quota_b=b) for a, b in ((0.6, 0.7), (0.9, 0.9), (0.5, 0.55))],
    ),
    "institutions": (
        lambda: viz.InstitutionsFigure(viz.institutions_state()),
        [viz.institutions_state(quota_x=q, discipline=d) for q, d in ((1.0, 0.0), (0.7, 0.3), (0.55, 0.5))],
    ),
    "budget": (
        lambda: viz.BudgetFigure(viz.budget_state()),
        [viz.budget_state(budget=b, deal=d) for b, d in ((0.0, 0.5), (0.05, 0.7), (0.02, 0.62))],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_blitted_picture_is_the_full_drawing(name):
    make, states = CASES[name]
    d = make()
    assert isinstance(d, viz.Drawing)
    d.figure.set_dpi(120)
    canvas = FigureCanvasAgg(d.figure)
    freeze_layout(d.figure)
    with Blitter(canvas, d.moving()) as blit:
        pictures = []
        for s in states:
            d.update(s)
            pictures.append(np.asarray(blit.draw()))
    for s, fast in zip(states, pictures, strict=False):
        d.update(s)
        canvas.draw()
        full = np.asarray(canvas_image(canvas))
        differ = np.abs(fast.astype(int) - full.astype(int)).max(axis=2) > 2
        assert differ.mean() == 0, f"{name}: {differ.mean():.2%} of the pixels differ from a full draw"
    # the moving artists are ordinary artists again after the block
    assert not any(a.get_animated() for a in d.moving())


def test_the_layout_is_solved_once_and_kept():
    d = viz.Figure1(viz.figure1_state())
    freeze_layout(d.figure)
    before = d.ax.get_position().bounds
    d.update(viz.figure1_state(quota_y=1.0))  # a longer status line
    d.figure.draw_without_rendering()
    assert d.ax.get_position().bounds == before


def test_blitter_draws_only_inside_its_block():
    d = viz.Figure1(viz.figure1_state())
    blit = Blitter(FigureCanvasAgg(d.figure), d.moving())
    with pytest.raises(RuntimeError, match="inside its with block"):
        blit.draw()
