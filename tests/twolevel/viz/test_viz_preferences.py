"""Tests of twolevel.viz.preferences (Chapter 5): Figure 2 (the two-issue Edgeworth box), its static frames and live explorer."""

import base64
import json
import re

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

import twolevel as tl
import twolevel.preferences as tp
from twolevel.viz import Figure2, figure2_state, figure2_static_explorer, putnam_figure2


def test_state_is_computed_by_the_model():
    s = figure2_state(tl.Figure2Params())
    a = tp.TwoIssueConstituency.power(0.55, 0.5, 0.5, 0.65, "A", n=2001)
    b = tp.TwoIssueConstituency.power(0.45, 0.5, 0.5, 0.65, "B", n=2001)
    assert np.array_equal(s.lens.mask, tp.lens(a, b, 301).mask)
    np.testing.assert_allclose(s.corners, tp.lens_corners(a, b, 1001))
    np.testing.assert_allclose(s.contour_a.c, tp.contour(a, 201).c)
    assert len(s.corners) == 2  # Putnam's lens: the bold contours cross twice
    assert s.contract.size > 100
    assert "lens of feasible packages covers" in s.alt_text()
    assert "deadlock" in figure2_state(quota_a=0.8, quota_b=0.8).alt_text()


def test_figure_static_and_live_explorers_take_one_scenario_object():
    p = tl.Figure2Params(alpha=0.6, beta=0.4, quota_a=0.6, quota_b=0.7)
    assert figure2_state(p).params == p
    e = tl.viz.figure2_explorer(p)
    assert e.drawing.state.params == p
    v = e.values()
    assert (v["alpha"], v["beta"], v["quota_a"], v["quota_b"]) == (0.6, 0.4, 0.6, 0.7)


def test_state_reuses_grids_across_quotas():
    s1, s2 = figure2_state(quota_a=0.6, quota_b=0.6), figure2_state(quota_a=0.7, quota_b=0.55)
    assert s1.grid_a is s2.grid_a and s1.grid_b is s2.grid_b and s1.contract is s2.contract
    assert figure2_state(quota_a=0.6, quota_b=0.6, gamma_a=0.7).grid_a is not s1.grid_a


def test_putnam_labels_are_all_drawn():
    fig = putnam_figure2()
    ax = fig.axes[0]
    texts = {t.get_text() for t in ax.texts if t.get_visible()}
    assert {"AM", "BM", "A1", "A2", "B1", "B2", "A's win-set", "B's win-set", "contract curve"} <= texts
    assert any("lens" in t for t in texts)
    assert ax.get_xlabel().startswith("Beef") and ax.get_ylabel().startswith("Citrus")
    # A1 on the top or left edge, A2 on the right or bottom edge (and B's likewise).
    d = Figure2(figure2_state())
    a1, a2 = d.end_labels["A1"].xy, d.end_labels["A2"].xy
    assert a1[1] == pytest.approx(1.0) or a1[0] == pytest.approx(0.0)
    assert a2[0] == pytest.approx(1.0) or a2[1] == pytest.approx(0.0)


def test_iso_vote_curves_bow_toward_bm():
    # "each curve concave to point AM": A's curves lie below the chord joining their ends.
    s = figure2_state()
    for _, curve in s.iso_a:
        if curve.size > 10:
            t = (curve.b - curve.b[0]) / (curve.b[-1] - curve.b[0])
            chord = curve.c[0] + t * (curve.c[-1] - curve.c[0])
            assert np.all(curve.c <= chord + 1e-3)


def test_update_moves_artists_without_creating_new_ones():
    d = Figure2(figure2_state())
    before = len(d.ax.get_children())
    d.figure.canvas.draw()
    d.update(figure2_state(quota_a=0.8, quota_b=0.8))
    assert len(d.ax.get_children()) == before
    assert not d.lens_label.get_visible()
    assert "Deadlock" in d.status.get_text()
    d.update(figure2_state(quota_a=0.6, quota_b=0.6, gamma_a=1.0, gamma_b=1.0))
    assert len(d.ax.get_children()) == before


def test_static_explorer_frames():
    e = figure2_static_explorer(quotas_a=(0.6, 0.8), quotas_b=(0.65, 0.8), dpi=40)
    assert len(e.frames) == len(e.alts) == 4 and len(set(e.frames)) == 4
    assert e.index(quota_a=0.8, quota_b=0.8) == 3
    assert "deadlock" in e.alts[3] and "deadlock" not in e.alts[0]
    html = e.to_html()
    assert html.count('type="range"') == 2 and 'data-tl-frames="figure2"' in html
    data = json.loads(
        re.search(r'<script type="application/json" class="tl-frames-data">(.*?)</script>', html).group(1)
    )
    assert data["shape"] == [2, 2]
    assert base64.b64decode(data["frames"][0].split(",", 1)[1])[8:12] == b"WEBP"


def test_the_caption_sets_the_exponent_as_a_superscript():
    """Chapter 5's explorer caption showed a raw "x^0.5"."""
    e = figure2_static_explorer(quotas_a=(0.6, 0.8), quotas_b=(0.65, 0.8), dpi=20, gamma_a=0.4)
    caption = re.search(r'<div class="tl-frames-caption">(.*?)</div>', e.to_html()).group(1)
    assert "^" not in caption
    assert "<i>x</i><sup>0.4</sup> (A)" in caption and "<i>x</i><sup>0.5</sup> (B)" in caption


def test_default_static_explorer_stays_small():
    e = figure2_static_explorer()
    assert all(len(c.values) >= 11 for c in e.controls) and len(e.frames) <= 121
    # 121 lossless palette WebP frames of about 21 KiB each, in base64, are about 3.5 MB of notebook
    # output (the built page keeps only their URLs, and a reader loads only the frames reached). The
    # encoder's fastest useful settings (frames.WEBP_METHOD = 1, WEBP_EFFORT = 10; book/benchmarks.md)
    # make frames 15-25% larger than the slower ones: the bound is 10% over what they give.
    assert len(e.to_html()) < 4.0e6


def test_live_explorer_recomputes_on_slider_change():
    e = tl.viz.figure2_explorer()
    first = e.image.value
    assert first[:4] == b"\x89PNG" and "tl-explorer" in e._dom_classes
    sl = e.sliders
    sl["quota_b"].value = 0.85
    assert e.image.value != first and e.drawing.state.quota_b == 0.85
    assert "deadlock" in e.summary.value
    sl["quota_b"].value = 0.6
    second = e.image.value
    sl["gamma_a"].value = 0.9
    assert e.image.value != second and e.drawing.state.gamma_a == 0.9
    sl["alpha"].value = 0.7
    assert e.drawing.state.constituency_a.beef_weight == 0.7
    sl["beta"].value = 0.3
    assert e.drawing.state.constituency_b.beef_weight == 0.3


def test_bad_arguments():
    with pytest.raises(ValueError, match=r"quota_a must lie in \(0, 1\]"):
        figure2_state(quota_a=0.0)
    with pytest.raises(ValueError, match=r"beta must lie in the open interval"):
        figure2_state(beta=1.0)
    with pytest.raises(ValueError, match=r"gamma_b must lie in \[0.05, 1.0\]"):
        figure2_state(gamma_b=2.0)
    with pytest.raises(ValueError, match="resolution must be an integer >= 11"):
        figure2_state(resolution=5)
    with pytest.raises(TypeError, match="alpha must be a real number"):
        figure2_state(alpha="x")


def test_axes_name_putnams_issues_unless_told_otherwise():
    state = figure2_state()
    assert Figure2(state).ax.get_xlabel().startswith("Beef")
    assert Figure2(state).ax.get_ylabel().startswith("Citrus")
    drawing = Figure2(state, issues=("Seaborne weapons", "Airborne weapons"))
    assert drawing.ax.get_xlabel().startswith("Seaborne weapons")
    assert drawing.ax.get_ylabel().startswith("Airborne weapons")
    with pytest.raises(ValueError, match="issues must name the two issues"):
        Figure2(state, issues=("Beef",))
    with pytest.raises(TypeError, match="issues"):
        Figure2(state, issues="Beef and citrus")
