"""Tests of twolevel.viz.frames: the one helper behind every kernel-free explorer.

What the static book promises of an explorer, checked on the figures it shows:
at least 11 positions per slider, frames sharp at a device pixel ratio of 2,
text at least 10 CSS px tall on a 390 px phone, sliders that announce their
value, and frames that the built site serves as files.
"""

from __future__ import annotations

import base64
import inspect
import io
import json
import re
from html import escape as html_escape

import pytest
from matplotlib.figure import Figure
from PIL import Image

from twolevel.viz import Control, figure1_static_explorer, figure2_static_explorer, static_explorer
from twolevel.viz import frames as fr
from twolevel.viz.figure1 import Figure1, figure1_state
from twolevel.viz.figure2 import Figure2, figure2_state

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


def test_text_is_at_least_10_css_px_on_a_phone(small_explorers):
    for e in small_explorers:
        assert e.min_label_phone_px >= fr.MIN_LABEL_CSS_PX, (e.name, e.min_label_phone_px)
        # the figure is shown no wider than its CSS size, which is at least the phone's width
        assert e.width >= fr.PHONE_IMAGE_CSS_PX


@pytest.mark.parametrize(
    ("drawing", "labels"),
    [
        (lambda: Figure1(figure1_state(spread_x=0.6, quota_x=0.5, spread_y=0.9, quota_y=0.5), width=8.0, height=3.0), {"XM", "YM", "X1", "Y1", "Y2", "Y3"}),
        (lambda: Figure2(figure2_state(quota_a=0.65, quota_b=0.65, alpha=0.55, beta=0.45, gamma_a=0.5, gamma_b=0.5), size=5.0), {"AM", "BM", "A1", "A2", "B1", "B2"}),
    ],
)
def test_putnams_labels_are_legible_on_a_phone(drawing, labels):
    """A figure drawn too wide is narrowed until its smallest text, and so Putnam's labels, reach 10 CSS px."""
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
    fig.add_subplot().set_title("small", fontsize=12)
    e = static_explorer(fig, lambda q: f"q={q}", [Control("q", "q", (0, 1), 0)], name="s", dpi=100)
    assert tuple(fig.get_size_inches()) == (3.0, 2.0) and (e.width, e.height) == (300, 200)
    # narrower than a phone's column, it is shown at its own 300 CSS px: the smallest text
    # (tick labels, 10 pt by default) is 10 / 72 * 300 / 3 CSS px tall
    assert e.min_label_phone_px == pytest.approx(10 / 72 * 300 / 3, abs=0.01)


def test_sliders_announce_their_value_and_the_readout_is_live(small_explorers):
    e = small_explorers[0]
    html = e.to_html()
    ranges = re.findall(r"<input [^>]*>", html)
    assert len(ranges) == 2
    for c, tag in zip(e.controls, ranges):
        assert f'aria-label="{html_escape(c.label)}"' in tag
        assert f'aria-valuetext="{c.fmt.format(c.initial)}"' in tag
    assert html.count('aria-live="polite"') == 2
    assert 'role="group"' in html and "Explorer of Figure 1" in html
    # the script keeps aria-valuetext in step with the value
    assert 'setAttribute("aria-valuetext"' in html


def test_externalise_frames_writes_each_frame_once_and_links_it(small_explorers):
    e = small_explorers[1]
    html = e.to_html()
    store: dict[str, bytes] = {}
    out = fr.externalise_frames(html, store.__setitem__, "../_images/tl-frames/")
    assert "data:image" not in out
    data = json.loads(re.search(r'class="tl-frames-data">(.*?)</script>', out).group(1))
    assert len(data["frames"]) == len(e.frames) == 4
    for url, uri in zip(data["frames"], e.frames):
        name = url.removeprefix("../_images/tl-frames/")
        assert re.fullmatch(r"[0-9a-f]{20}\.webp", name)
        assert store[name] == base64.b64decode(uri.split(",", 1)[1])
    start = re.search(r'<img class="tl-frames-image" src="([^"]+)"', out).group(1)
    assert start == data["frames"][e.index()]
    # identical frames share one file; HTML that is not an explorer is left alone
    assert len(store) == len(set(e.frames))
    other = '<img src="data:image/webp;base64,AAAA">'
    assert fr.externalise_frames(other, store.__setitem__, "x/") == other


def test_bad_arguments_are_rejected():
    fig = Figure()
    with pytest.raises(ValueError, match="dpi must be positive"):
        static_explorer(fig, lambda q: "", [Control("q", "q", (0, 1), 0)], name="x", dpi=0)


def _rgb(uri: str) -> bytes:
    return _image(uri).convert("RGB").tobytes()


def test_frames_are_drawn_once_as_savefig_would_and_the_figure_is_restored():
    """Each frame is one draw on an Agg canvas (no second layout pass, no PNG round trip): its pixels are
    exactly those of ``savefig`` at the same dpi, quantised as before; the figure keeps its canvas and dpi."""
    d = Figure1(figure1_state(spread_x=0.6, quota_x=0.5, spread_y=0.9, quota_y=0.5))
    fig = d.figure
    canvas, dpi = fig.canvas, fig.dpi
    draws = []
    draw = fig.draw
    fig.draw = lambda renderer: (draws.append(renderer), draw(renderer))  # type: ignore[method-assign]

    def update(quota_y: float) -> str:
        d.update(figure1_state(spread_x=0.6, quota_x=0.5, spread_y=0.9, quota_y=quota_y))
        return f"Y's quota {quota_y}"

    e = static_explorer(fig, update, [Control("quota_y", "Y's quota", (0.5, 0.8, 0.5), 0.5)], name="t", dpi=90)
    assert fig.canvas is canvas and fig.dpi == dpi
    # one draw per frame, plus the two layout passes that measure the smallest text (before and after)
    assert len(draws) == len(e.frames) + 2
    del fig.draw
    # The reference: what the helper did before, savefig per frame, on a twin figure laid out the same way
    # (a constrained layout starts from the previous one, so the twin repeats the same steps).
    twin = Figure1(figure1_state(spread_x=0.6, quota_x=0.5, spread_y=0.9, quota_y=0.5))
    fr.smallest_text_pt(twin.figure)
    twin.figure.set_size_inches(*fig.get_size_inches())
    for uri, q in zip(e.frames, (0.5, 0.8)):
        twin.update(figure1_state(spread_x=0.6, quota_x=0.5, spread_y=0.9, quota_y=q))
        buf = io.BytesIO()
        twin.figure.savefig(buf, format="png", dpi=fr.PIXEL_RATIO * 90)
        rgb = Image.open(buf).convert("RGB")
        want = rgb.quantize(colors=fr.PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        assert _rgb(uri) == want.convert("RGB").tobytes()
    # Equal pictures are encoded once and share their data.
    assert e.frames[0] is e.frames[2]


def test_two_builds_give_identical_frames():
    """The frame files are named by their content's hash: a rebuild must give the same bytes."""

    def build() -> list[str]:
        d = Figure1(figure1_state(spread_x=0.6, quota_x=0.5, spread_y=0.9, quota_y=0.5))

        def update(quota_y: float) -> str:
            d.update(figure1_state(spread_x=0.6, quota_x=0.5, spread_y=0.9, quota_y=quota_y))
            return f"Y's quota {quota_y}"

        return static_explorer(d.figure, update, [Control("quota_y", "q", (0.5, 0.8), 0.5)], name="t", dpi=90).frames

    assert build() == build()
