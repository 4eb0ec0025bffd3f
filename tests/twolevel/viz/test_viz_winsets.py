"""Tests of twolevel.viz.winsets (Chapter 4): Figure 1, its static frames and its live explorer."""

import base64
import json
import re

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

import twolevel as tl
from twolevel.viz import Control, Figure1, figure1_state, figure1_static_explorer, putnam_figure1, static_explorer


def test_state_is_computed_by_the_model():
    s = figure1_state(quota_y=2 / 3)
    x, y = tl.Constituency.uniform(0.6), tl.Constituency.uniform(0.9)
    assert s.x1 == tl.win_set(x, 0.5, "X").lo
    assert s.y_bound == tl.win_set(y, 2 / 3, "Y").hi
    assert s.y_stages["Y1"] > s.y_stages["Y2"] > s.x1 > s.y_stages["Y3"]  # Putnam's ordering
    assert "deadlock" in figure1_state(tl.Figure1Params(quota_y=1.0)).alt_text()


def test_figure_static_and_live_explorers_take_one_scenario_object():
    p = tl.Figure1Params(spread_x=0.5, spread_y=0.8, quota_x=0.6, quota_y=0.7)
    assert figure1_state(p) == figure1_state(spread_x=0.5, spread_y=0.8, quota_x=0.6, quota_y=0.7)
    assert figure1_state(p, quota_y=0.5).params == tl.Figure1Params(spread_x=0.5, spread_y=0.8, quota_x=0.6)
    e = tl.viz.figure1_explorer(p)
    assert e.drawing.state == figure1_state(p)
    assert e.values() == {"quota_y": 0.7, "quota_x": 0.6, "spread_y": 0.8, "spread_x": 0.5}
    static = figure1_static_explorer(p, quotas_y=(0.5, 1.0), quotas_x=(0.5, 0.6))
    assert "[0, 0.5] for X and [0, 0.8] for Y" in static.caption
    with pytest.raises(TypeError, match="Figure1Params has no parameter 'spread_z'"):
        figure1_state(spread_z=0.5)
    with pytest.raises(ValueError, match=r"quota_y must lie in \(0, 1\]"):
        figure1_state(p, quota_y=0.0)


def test_putnam_labels_are_all_drawn():
    fig = putnam_figure1()
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"XM", "YM", "X1", "Y1", "Y2", "Y3", "X's win-set", "Y's win-set"} <= texts


def test_update_moves_artists_without_creating_new_ones():
    d = Figure1(figure1_state())
    before = len(d.ax.get_children())
    d.update(figure1_state(quota_y=0.9))
    assert len(d.ax.get_children()) == before
    assert d.ybound.get_xdata()[0] == pytest.approx(1 - 0.9 * 0.9, abs=1e-3)


def test_at_xs_quota_one_x1_and_y1_take_two_rows():
    d = Figure1(figure1_state(quota_x=1.0))
    assert abs(d.state.x1 - d.state.y_stages["Y1"]) < 0.1
    assert d.rows["X1"] == 0 and d.rows["Y1"] == 1


def test_static_explorer_frames_differ_and_are_indexed_row_major():
    e = figure1_static_explorer(quotas_y=(0.5, 0.75, 1.0), quotas_x=(0.5, 0.6))
    assert len(e.frames) == len(e.alts) == 6
    assert len(set(e.frames)) == 6  # every frame is a distinct picture
    assert e.index(quota_y=1.0, quota_x=0.5) == 4
    assert "deadlock" in e.alts[4]
    html = e.to_html()
    assert html.count('type="range"') == 2
    data = json.loads(
        re.search(r'<script type="application/json" class="tl-frames-data">(.*?)</script>', html).group(1)
    )
    assert data["shape"] == [3, 2] and len(data["frames"]) == 6
    webp = base64.b64decode(data["frames"][0].split(",", 1)[1])
    assert webp[:4] == b"RIFF" and webp[8:12] == b"WEBP"
    assert 'data-tl-frames="figure1"' in html and "alt=" in html


def test_static_explorer_rejects_bad_controls():
    from matplotlib.figure import Figure

    with pytest.raises(ValueError, match="initial of control 'q' must be one of its values"):
        Control("q", "q", (0.1, 0.2), 0.3)
    with pytest.raises(ValueError, match="values of control 'q' must hold at least 2"):
        Control("q", "q", (0.1,), 0.1)
    with pytest.raises(ValueError, match="controls must hold 1 to 3"):
        static_explorer(Figure(), lambda: "", [], name="x")
    big = Control("q", "q", tuple(np.linspace(0, 1, 21)), 0.0)
    with pytest.raises(ValueError, match="at most 400"):
        static_explorer(Figure(), lambda **k: "", [big, big], name="x")


def test_live_explorer_recomputes_on_slider_change():
    e = tl.viz.figure1_explorer()
    first = e.image.value
    assert first[:4] == b"\x89PNG"
    e.sliders["quota_y"].value = 0.95
    assert e.image.value != first
    assert e.drawing.state.quota_y == 0.95
    assert "deadlock" in e.summary.value
    e.sliders["spread_y"].value = 0.3  # few isolationists in Y: its win-set grows back
    assert "deadlock" not in e.summary.value
    assert "tl-explorer" in e._dom_classes


def test_static_and_live_sliders_carry_the_same_capitalised_labels():
    static = {c.name: c.label for c in figure1_static_explorer(quotas_y=(0.5, 1.0), quotas_x=(0.5, 1.0)).controls}
    live = {name: w.description for name, w in tl.viz.figure1_explorer().sliders.items()}
    assert static == {k: live[k] for k in static}
    assert all(label[0].isupper() for label in live.values())


def _text_boxes(d: Figure1, names: tuple[str, ...]) -> dict[str, tuple[float, float, float, float]]:
    fig = d.figure
    renderer = fig.canvas.get_renderer()
    out = {}
    for t in d.ax.texts:
        if t.get_text() in names and t.get_visible():
            b = t.get_window_extent(renderer)
            out[t.get_text()] = (b.x0, b.y0, b.x1, b.y1)
    return out


@pytest.mark.parametrize("quota_x", [0.5, 0.75, 0.9, 1.0])
@pytest.mark.parametrize("quota_y", [0.5, 2 / 3, 0.9, 1.0])
def test_putnams_labels_never_overlap(quota_x, quota_y):
    """At X's quota 1.00 X1 falls on Y1 ('X1Y1' in the first version): labels are stacked, positions kept."""
    d = Figure1(figure1_state(quota_x=quota_x, quota_y=quota_y))
    d.figure.draw_without_rendering()
    names = ("XM", "YM", "X1", "Y1", "Y2", "Y3")
    boxes = _text_boxes(d, names)
    assert set(boxes) == set(names)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = boxes[a], boxes[b]
            apart = ax1 <= bx0 or bx1 <= ax0 or ay1 <= by0 or by1 <= ay0
            assert apart, f"{a} and {b} overlap at X's quota {quota_x}, Y's {quota_y}"
    # each label stays centred on its model position
    s = d.state
    where = {"X1": s.x1, **s.y_stages, "XM": 1.0, "YM": 0.0}
    for t in d.ax.texts:
        if t.get_text() in where:
            assert t.get_position()[0] == pytest.approx(where[t.get_text()])
