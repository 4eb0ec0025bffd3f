"""Tests of twolevel.viz.frames: the one helper behind every kernel-free explorer.

What the static book promises of an explorer, checked on the figures it shows:
at least 11 positions per slider, frames sharp at a device pixel ratio of 2,
text at least 11 CSS px tall on a 390 px phone and on a wide screen, sliders
that announce their value, frames drawn on a fixed layout (one draw each, no
layout solved per frame), and draft frames under ``TWOLEVEL_DRAFT_FRAMES=1``.
"""

from __future__ import annotations

import base64
import inspect
import io
import re
from html import escape as html_escape

import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from twolevel.viz import Control, figure1_static_explorer, figure2_static_explorer, palette, static_explorer
from twolevel.viz import frames as fr
from twolevel.viz.preferences import Figure2, figure2_state
from twolevel.viz.winsets import Figure1, figure1_state

QUOTAS = (0.5, 0.75)


def _image(uri: str) -> Image.Image:
    kind, data = uri.split(",", 1)
    assert kind == "data:image/webp;base64"
    return Image.open(io.BytesIO(base64.b64decode(data)))


@pytest.mark.parametrize(
    ("helper", "params"),
    [(figure1_static_explorer, ("quotas_y", "quotas_x")), (figure2_static_explorer, ("quotas_a", "quotas_b"))],
)
def test_every_slider_of_the_books_explorers_has_at_least_11_positions(helper, params):
    signature = inspect.signature(helper)
    for p in params:
        values = signature.parameters[p].default
        assert len(values) >= 11, f"{helper.__name__}: {p} has {len(values)} positions"
        assert list(values) == sorted(values) and len(set(values)) == len(values)


@pytest.fixture(scope="module")
def small_explorers():
    """Both figures' explorers with two positions per slider (same size and fonts as the book's)."""
    return [
        figure1_static_explorer(quotas_y=QUOTAS, quotas_x=QUOTAS),
        figure2_static_explorer(quotas_a=QUOTAS, quotas_b=QUOTAS),
    ]


def test_frames_are_palette_webp_with_twice_the_css_pixels(small_explorers):
    for e in small_explorers:
        for uri in e.frames:
            img = _image(uri)
            assert img.format == "WEBP"
            # at least 2 image pixels per CSS pixel (sharp at DPR 2), never a third one
            assert 0 <= img.size[0] - fr.PIXEL_RATIO * e.width < fr.PIXEL_RATIO, (e.name, img.size, e.width)
            assert 0 <= img.size[1] - fr.PIXEL_RATIO * e.height < fr.PIXEL_RATIO, (e.name, img.size, e.height)
            assert len(img.convert("RGB").getcolors(maxcolors=10_000)) <= fr.PALETTE_COLOURS
        html = e.to_html()
        assert f'width="{e.width}" height="{e.height}"' in html


def test_text_is_at_least_11_css_px_on_a_phone_and_on_a_wide_screen(small_explorers):
    for e in small_explorers:
        assert e.min_label_phone_px >= fr.MIN_LABEL_CSS_PX == 11, (e.name, e.min_label_phone_px)
        assert e.min_label_px >= fr.MIN_LABEL_CSS_PX, (e.name, e.min_label_px)
        # the figure is shown no wider than its CSS size, which is at least the phone's width
        assert e.width >= fr.PHONE_IMAGE_CSS_PX


@pytest.mark.parametrize(
    ("drawing", "labels"),
    [
        (
            lambda: Figure1(figure1_state(spread_x=0.6, quota_x=0.5, spread_y=0.9, quota_y=0.5), width=8.0, height=3.0),
            {"XM", "YM", "X1", "Y1", "Y2", "Y3"},
        ),
        (
            lambda: Figure2(
                figure2_state(quota_a=0.65, quota_b=0.65, alpha=0.55, beta=0.45, gamma_a=0.5, gamma_b=0.5), size=6.0
            ),
            {"AM", "BM", "A1", "A2", "B1", "B2"},
        ),
    ],
)
def test_putnams_labels_are_legible_on_a_phone(drawing, labels):
    """A figure drawn too wide is narrowed until its smallest text, and so Putnam's labels, reach 11 CSS px."""
    d = drawing()
    fig = d.figure
    e = static_explorer(fig, lambda q: f"frame {q}", [Control("q", "q", (0, 1), 0)], name="t", dpi=90)
    width_in = fig.get_size_inches()[0]
    found = {t.get_text(): t.get_fontsize() for t in fig.findobj(lambda a: hasattr(a, "get_text")) if t.get_visible()}
    assert labels <= set(found), f"missing labels: {labels - set(found)}"
    for label in labels:
        assert found[label] / 72 * fr.PHONE_IMAGE_CSS_PX / width_in >= fr.MIN_LABEL_CSS_PX, label
    assert e.min_label_phone_px == pytest.approx(fr.MIN_LABEL_CSS_PX, abs=0.01)


def test_a_figure_narrow_enough_is_not_resized():
    fig = Figure(figsize=(3.0, 2.0))
    ax = fig.add_subplot()
    ax.set_title("small", fontsize=12)
    ax.tick_params(labelsize=9)
    e = static_explorer(fig, lambda q: f"q={q}", [Control("q", "q", (0, 1), 0)], name="s", dpi=100)
    assert tuple(fig.get_size_inches()) == (3.0, 2.0) and (e.width, e.height) == (300, 200)
    # narrower than a phone's column, it is shown at its own 300 CSS px: the smallest text
    # (tick labels, 9 pt) is 9 / 72 * 300 / 3 CSS px tall
    assert e.min_label_phone_px == pytest.approx(9 / 72 * 300 / 3, abs=0.01) == e.min_label_px


def test_sliders_announce_their_value_and_the_readout_is_live(small_explorers):
    e = small_explorers[0]
    html = e.to_html()
    ranges = re.findall(r"<input [^>]*>", html)
    assert len(ranges) == 2
    for c, tag in zip(e.controls, ranges, strict=False):
        assert f'aria-label="{html_escape(c.label)}"' in tag
        assert f'aria-valuetext="{c.fmt.format(c.initial)}"' in tag
    assert html.count('aria-live="polite"') == 2
    assert 'role="group"' in html and "Explorer of Figure 1" in html
    # the script keeps aria-valuetext in step with the value
    assert 'setAttribute("aria-valuetext"' in html


def test_bad_arguments_are_rejected():
    fig = Figure()
    with pytest.raises(ValueError, match="dpi must be positive"):
        static_explorer(fig, lambda q: "", [Control("q", "q", (0, 1), 0)], name="x", dpi=0)


def _rgb(uri: str) -> bytes:
    return _image(uri).convert("RGB").tobytes()


def _figure1_frames(quotas, *, draws=None, name="t"):
    d = Figure1(figure1_state(spread_x=0.6, quota_x=0.5, spread_y=0.9, quota_y=0.5))
    fig = d.figure
    if draws is not None:
        draw = fig.draw
        fig.draw = lambda renderer: (draws.append(renderer), draw(renderer))  # type: ignore[method-assign]

    def update(quota_y: float) -> str:
        d.update(figure1_state(spread_x=0.6, quota_x=0.5, spread_y=0.9, quota_y=quota_y))
        return f"Y's quota {quota_y}"

    e = static_explorer(fig, update, [Control("quota_y", "Y's quota", quotas, quotas[0])], name=name, dpi=90)
    return d, e


def test_each_frame_is_one_draw_on_a_layout_solved_once():
    """The cost of a frame is one draw: more frames add exactly as many draws, and no layout pass."""
    few, many = [], []
    d, e_few = _figure1_frames((0.5, 0.8), draws=few)
    _, e_many = _figure1_frames((0.5, 0.6, 0.7, 0.8, 0.9, 1.0), draws=many)
    assert len(many) - len(few) == len(e_many.frames) - len(e_few.frames) == 4
    assert type(d.figure.get_layout_engine()).__name__ == "PlaceHolderLayoutEngine"


def test_frames_are_the_figure_as_savefig_draws_it_on_the_books_palette():
    """A frame's pixels are those of ``savefig`` at the frame's resolution, mapped onto the explorer's
    64-colour palette: the page's white and the palette's colours come out exact, anti-aliasing nearly so;
    the figure keeps its canvas and dpi."""
    d = Figure1(figure1_state(spread_x=0.6, quota_x=0.5, spread_y=0.9, quota_y=0.5))
    canvas, dpi = d.figure.canvas, d.figure.dpi
    quotas = (0.5, 0.8, 1.0)

    def update(quota_y: float) -> str:
        d.update(figure1_state(spread_x=0.6, quota_x=0.5, spread_y=0.9, quota_y=quota_y))
        return f"Y's quota {quota_y}"

    e = static_explorer(d.figure, update, [Control("quota_y", "q", quotas, 0.5)], name="t", dpi=90)
    assert d.figure.canvas is canvas and d.figure.dpi == dpi
    exact = {tuple(round(255 * v) for v in palette.as_seen(c, a)) for c, a in palette.COLOURS.values()}
    for uri, q in zip(e.frames, quotas, strict=False):
        update(q)
        buf = io.BytesIO()
        d.figure.savefig(buf, format="png", dpi=fr.PIXEL_RATIO * 90)
        want = np.asarray(Image.open(buf).convert("RGB")).astype(int)
        got = np.asarray(_image(uri).convert("RGB")).astype(int)
        assert got.shape == want.shape
        err = np.abs(got - want).max(axis=2)
        assert np.percentile(err, 99) <= 12 and err.mean() < 1.0, (q, np.percentile(err, 99), err.mean())
        solid = np.isin(want.view([("", int)] * 3).ravel(), np.array(sorted(exact)).view([("", int)] * 3).ravel())
        assert err.ravel()[solid].max() <= 2, q
    # the deadlock frame's red status line is drawn in the palette's red
    red = tuple(round(255 * v) for v in palette.as_seen(palette.DEADLOCK))
    assert red in {c for _, c in _image(e.frames[2]).convert("RGB").getcolors(maxcolors=10_000)}
    # Equal pictures are encoded once and share their data.
    _, e2 = _figure1_frames((0.5, 0.8, 0.5))
    assert e2.frames[0] is e2.frames[2]


def test_draft_frames_draw_only_the_first_frame_and_keep_every_alt_text(monkeypatch):
    """TWOLEVEL_DRAFT_FRAMES=1: the initial frame is drawn, the others share a grey placeholder,
    and the alt texts (what the page says) are those of the full explorer."""
    quotas = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
    full = _figure1_frames(quotas)[1]
    draws: list = []
    monkeypatch.setenv(fr.DRAFT_VARIABLE, "1")
    d, draft = _figure1_frames(quotas, draws=draws)
    assert draft.draft and not full.draft and 'data-tl-draft="1"' in draft.to_html()
    assert draft.alts == full.alts and len(draft.frames) == len(full.frames)
    assert _image(draft.frames[0]).size == _image(full.frames[0]).size
    # the same picture (its palette is computed from it alone, so anti-aliasing may differ by a few levels)
    err = np.abs(
        np.asarray(_image(draft.frames[0]).convert("RGB"), dtype=int)
        - np.asarray(_image(full.frames[0]).convert("RGB"), dtype=int)
    )
    assert err.mean() < 1.0 and np.percentile(err, 99) <= 12
    assert len(set(draft.frames)) == 2 and len(set(draft.frames[1:])) == 1
    grey = _image(draft.frames[1])
    assert grey.size[0] < _image(full.frames[0]).size[0] / 8
    assert (draft.width, draft.height) == (full.width, full.height)
    assert sum(len(f) for f in draft.frames[1:]) < sum(len(f) for f in full.frames[1:]) / 10
    # layout passes and the first frame only, whatever the number of frames
    _, more = _figure1_frames(quotas + (0.95,), draws=(more_draws := []))
    assert len(more_draws) == len(draws) <= 5
    monkeypatch.setenv(fr.DRAFT_VARIABLE, "0")
    assert not fr.draft_frames()
    monkeypatch.setenv(fr.DRAFT_VARIABLE, "on")
    with pytest.raises(ValueError, match="TWOLEVEL_DRAFT_FRAMES must be unset, '', '0' or '1', got 'on'"):
        _figure1_frames(quotas)


def test_two_builds_give_identical_frames():
    """The frame files are named by their content's hash: a rebuild must give the same bytes."""

    def build() -> list[str]:
        d = Figure1(figure1_state(spread_x=0.6, quota_x=0.5, spread_y=0.9, quota_y=0.5))

        def update(quota_y: float) -> str:
            d.update(figure1_state(spread_x=0.6, quota_x=0.5, spread_y=0.9, quota_y=quota_y))
            return f"Y's quota {quota_y}"

        return static_explorer(d.figure, update, [Control("quota_y", "q", (0.5, 0.8), 0.5)], name="t", dpi=90).frames

    assert build() == build()


def test_sliders_start_at_the_position_nearest_the_scenario():
    """Chapters 6 and 7 start each slider at its position nearest the scenario's value."""
    assert fr.nearest(fr.QUOTAS, 2 / 3) == 0.65
    assert fr.nearest((0.0, 0.5, 1.0), 0.75) == 0.5  # the first of ties
    assert fr.QUOTAS[0] == 0.5 and fr.QUOTAS[-1] == 1.0 and len(fr.QUOTAS) == 11
    with pytest.raises(ValueError, match="control 'q' must hold at least 2 values"):
        Control("q", "q", (), fr.nearest((), 0.5))
