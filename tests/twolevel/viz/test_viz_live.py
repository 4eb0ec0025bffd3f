"""Tests of twolevel.viz.live: one live-explorer class, one factory per figure, ipywidgets loaded only by a factory."""

from __future__ import annotations

import subprocess
import sys

import matplotlib
import pytest

matplotlib.use("Agg")

import twolevel as tl
from twolevel import viz
from twolevel.viz.live import LiveExplorer, Slider

FACTORIES = {
    "figure1_explorer": "figure1",
    "figure2_explorer": "figure2",
    "institutions_explorer": "institutions",
    "budget_explorer": "budget",
}


@pytest.mark.parametrize("factory", list(FACTORIES))
def test_each_figure_has_one_factory_that_makes_the_one_explorer_class(factory):
    e = getattr(viz, factory)()
    assert isinstance(e, LiveExplorer) and isinstance(e.drawing, viz.Drawing)
    assert e.image.value[:4] == b"\x89PNG" and "tl-explorer" in e._dom_classes
    # its layout was solved once, when it was made: a redraw does not solve it again
    assert type(e.drawing.figure.get_layout_engine()).__name__ in ("PlaceHolderLayoutEngine", "NoneType")
    name, slider = next(iter(e.sliders.items()))
    before, n = e.image.value, len(e.timings)
    slider.value = slider.min if slider.value != slider.min else slider.max
    assert e.image.value != before and len(e.timings) == n + 1
    model, redraw, encode = e.timings[-1]
    assert model >= 0 and redraw > 0 and encode > 0
    assert e.summary.value == f"<span class='tl-alt'>{e.drawing.state.alt_text()}</span>"
    assert all(w.description[0].isupper() for w in e.sliders.values())


def test_the_factories_are_the_only_way_in_and_no_figure_module_names_a_widget_class():
    exported = {name for name in viz.__all__ if name.endswith("_explorer") and not name.endswith("static_explorer")}
    assert exported == set(FACTORIES)
    assert not [name for name in viz.__all__ if name.endswith("Explorer") and name != "StaticExplorer"]


def test_image_is_shown_at_one_css_pixel_per_image_pixel():
    e = viz.figure1_explorer()
    import io

    from PIL import Image

    width = Image.open(io.BytesIO(e.image.value)).size[0]
    assert e.image.layout.width == f"{width}px"


def test_slider_is_validated():
    with pytest.raises(ValueError, match="slider 'q': value must lie in"):
        Slider("q", "Q", 2.0, 0.0, 1.0)
    with pytest.raises(ValueError, match="low must be below high"):
        Slider("q", "Q", 0.5, 1.0, 0.0)
    with pytest.raises(ValueError, match="name must be a Python identifier"):
        Slider("a b", "Q", 0.5, 0.0)


def test_importing_viz_does_not_import_ipywidgets():
    code = "import sys, twolevel.viz; print('ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
    assert tl.viz.figure1_explorer.__module__ == "twolevel.viz.winsets"
