"""Every figure of twolevel.viz draws with the book's one palette (twolevel.viz.palette) and nothing else.

Each figure the package makes is built at its defaults (and at a deadlock,
where the status line turns red) and drawn; every colour of every visible
artist (lines, markers, patches, bars, texts, legend handles, the shaded
image of Figure 2) must be a colour of :mod:`twolevel.viz.palette`, or black,
white or a grey. That the palette's colours stay apart for readers with a
colour-vision deficiency is ``tests/browser/test_palette.py``'s business.
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
from matplotlib.collections import Collection
from matplotlib.colors import to_rgba
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text

import twolevel as tl
from twolevel import viz
from twolevel.viz import palette


def _figures():
    c = tl.SwingConstituency.uniform(1.0, 100, 2 / 3, 0.05)
    a = tl.TwoIssueConstituency.power(0.7, 0.5, 0.5, quota=0.6, side="A", n=201)
    b = tl.TwoIssueConstituency.power(0.3, 0.5, 0.5, quota=0.6, side="B", n=201)
    return {
        "Figure 1": lambda: viz.putnam_figure1(),
        "Figure 1, deadlock": lambda: viz.Figure1(viz.figure1_state(quota_y=1.0)).figure,
        "Figure 2": lambda: viz.putnam_figure2(),
        "Figure 2, deadlock": lambda: viz.putnam_figure2(quota_a=0.85, quota_b=0.85),
        "institutions": lambda: viz.InstitutionsFigure(viz.institutions_state(discipline=0.3)).figure,
        "institutions, deadlock": lambda: viz.InstitutionsFigure(viz.institutions_state(quota_x=1.0)).figure,
        "paradox": lambda: viz.paradox_figure(autonomies=[0.0, 0.5, 1.0], trials=100, quota_x=2 / 3),
        "budget": lambda: viz.BudgetFigure(viz.budget_state()).figure,
        "rally": lambda: viz.rally_figure(tl.WinSet(0.3, 1.0), tl.WinSet(0.0, 0.6), np.linspace(-0.2, 0.2, 9), 0.05),
        "marginal value": lambda: viz.marginal_value_figure(c, 0.6, 0.05),
        "collusion": lambda: viz.collusion_figure(a, b, ((0.5, 0.5),)),
    }


FIGURES = _figures()


def _allowed(rgba: tuple[float, float, float, float], tol: float = 1e-6) -> bool:
    r, g, b, a = rgba
    if a == 0.0:
        return True
    if abs(r - g) < tol and abs(g - b) < tol:  # black, white, greys
        return True
    for colour, _alpha in palette.COLOURS.values():
        pr, pg, pb, pa = to_rgba(colour)  # type: ignore[arg-type]
        if max(abs(r - pr), abs(g - pg), abs(b - pb)) < tol:
            return True
    return False


def _colours(artist) -> list[tuple[float, float, float, float]]:
    out = []
    if isinstance(artist, Line2D):
        out += [
            to_rgba(artist.get_color()),
            to_rgba(artist.get_markerfacecolor()),
            to_rgba(artist.get_markeredgecolor()),
        ]
    elif isinstance(artist, Patch):
        if artist.get_fill():
            out.append(artist.get_facecolor())
        if artist.get_linewidth() > 0:
            out.append(artist.get_edgecolor())
    elif isinstance(artist, Text):
        if artist.get_text().strip():
            out.append(to_rgba(artist.get_color()))
    elif isinstance(artist, Collection):
        out += [tuple(c) for c in artist.get_facecolors()] + [tuple(c) for c in artist.get_edgecolors()]
    elif isinstance(artist, AxesImage):
        data = np.asarray(artist.get_array())
        if data.ndim == 3 and data.shape[2] == 4:
            scale = 255.0 if data.dtype == np.uint8 else 1.0
            out += [tuple(c / scale) for c in np.unique(data.reshape(-1, 4), axis=0)]
    return out


@pytest.mark.parametrize("name", list(FIGURES))
def test_every_colour_a_figure_draws_is_the_palettes(name):
    fig = FIGURES[name]()
    fig.draw_without_rendering()
    foreign = set()
    seen = 0
    for artist in fig.findobj():
        if not artist.get_visible():
            continue
        # an 8-bit image holds each colour to within half a level
        tol = 0.6 / 255 if isinstance(artist, AxesImage) else 1e-6
        for rgba in _colours(artist):
            seen += 1
            if not _allowed(tuple(float(v) for v in rgba), tol):
                foreign.add((type(artist).__name__, tuple(round(float(v), 3) for v in rgba)))
    assert seen > 20
    assert not foreign, f"{name} draws colours outside twolevel.viz.palette: {sorted(foreign)}"


def test_the_check_has_teeth():
    """A colour outside the palette is caught."""
    assert _allowed(to_rgba(palette.FIRST)) and _allowed(to_rgba("0.4")) and _allowed(palette.LENS_FILL)
    assert not _allowed(to_rgba("#d62728")) and not _allowed(to_rgba("tab:green"))


def test_the_contrast_pairs_name_palette_colours():
    assert {name for pair in palette.CONTRASTS for name in pair} <= set(palette.COLOURS)
