"""Tests of twolevel.viz.style: every chart reaches the page as an SVG, fitted to a phone, the same bytes every build.

The browser test ``tests/browser/test_chart_text.py`` measures the built
pages; here the formatter itself is checked: it narrows a chart whose text
would be smaller than 11 CSS px on a 390 px phone (the chart then 342 CSS px
wide), writes text as paths with no date and fixed ids, and stays installed
when IPython's inline backend re-registers its PNG formatter.
"""

from __future__ import annotations

import re

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
from matplotlib.figure import Figure

from twolevel import viz
from twolevel.viz import style
from twolevel.viz.frames import smallest_text_pt


def _svg_size_pt(svg: str) -> tuple[float, float]:
    m = re.search(r'<svg [^>]*width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    assert m, svg[:300]
    return float(m.group(1)), float(m.group(2))


def _svg_font_sizes_pt(svg: str) -> list[float]:
    """Sizes of the text drawn as paths: matplotlib scales its 100-unit glyphs by size / 100."""
    return [100 * float(s) for s in re.findall(r"scale\(([\d.]+) -[\d.]+\)", svg)]


def _phone_px(size_pt: float, width_pt: float) -> float:
    css_width = width_pt * 4 / 3
    return size_pt * 4 / 3 * min(1.0, style.PHONE_COLUMN_CSS_PX / css_width)


def _wide_chart() -> Figure:
    fig = Figure(figsize=(6.2, 4.8), layout="constrained")
    ax = fig.add_subplot()
    ax.plot(np.linspace(0, 1, 20), np.linspace(0, 1, 20) ** 2, label="a curve")
    ax.set_xlabel("share of isolationists", fontsize=11)
    ax.set_ylabel("size of the win-set", fontsize=11)
    ax.tick_params(labelsize=11)
    ax.legend(fontsize=11)
    return fig


def test_a_wide_chart_is_narrowed_until_its_text_reads_on_a_phone():
    fig = _wide_chart()
    svg = style.chart_svg(fig)
    width, height = _svg_size_pt(svg)
    sizes = _svg_font_sizes_pt(svg)
    assert sizes and min(sizes) == pytest.approx(11.0, abs=0.05)
    assert _phone_px(min(sizes), width) >= style.MIN_TEXT_CSS_PX - 0.05
    assert min(sizes) * 4 / 3 >= style.MIN_TEXT_CSS_PX  # on a wide screen, shown at its own size
    w, h = fig.get_size_inches()
    assert w < 6.2 and h / w == pytest.approx(4.8 / 6.2)  # proportions kept


def test_a_narrow_chart_is_left_as_it_is():
    fig = Figure(figsize=(3.0, 2.0))
    fig.text(0.5, 0.5, "XM", fontsize=11)
    style.fit_to_phone(fig)
    assert [float(v) for v in fig.get_size_inches()] == [3.0, 2.0]


def test_the_svg_is_the_same_bytes_every_time_with_text_as_paths_and_no_date():
    a, b = style.chart_svg(_wide_chart()), style.chart_svg(_wide_chart())
    assert a == b
    assert "<dc:date>" not in a and "<text" not in a and "font-family" not in a
    assert 'id="DejaVuSans' in a  # glyphs defined once, used by reference


def _charts():
    import twolevel as tl

    c = tl.SwingConstituency.uniform(1.0, 100, 2 / 3, 0.05)
    a = tl.TwoIssueConstituency.power(0.7, 0.5, 0.5, quota=0.6, side="A", n=201)
    b = tl.TwoIssueConstituency.power(0.3, 0.5, 0.5, quota=0.6, side="B", n=201)
    return [
        viz.putnam_figure1(),
        viz.putnam_figure2(),
        viz.InstitutionsFigure(viz.institutions_state()).figure,
        viz.paradox_figure(autonomies=[0.0, 0.5, 1.0], trials=100, quota_x=2 / 3),
        viz.BudgetFigure(viz.budget_state()).figure,
        viz.rally_figure(tl.WinSet(0.3, 1.0), tl.WinSet(0.0, 0.6), np.linspace(-0.2, 0.2, 9), 0.05),
        viz.marginal_value_figure(c, 0.6, 0.05),
        viz.collusion_figure(a, b, ((0.5, 0.5),)),
    ]


def test_every_chart_of_the_package_reads_on_a_phone_as_it_leaves_the_formatter():
    for fig in _charts():
        before = tuple(fig.get_size_inches())
        svg = style.chart_svg(fig)
        # drawn at the size it was designed for: the formatter had nothing to narrow
        assert tuple(fig.get_size_inches()) == before
        width, _ = _svg_size_pt(svg)
        assert _phone_px(min(_svg_font_sizes_pt(svg)), width) >= style.MIN_TEXT_CSS_PX - 0.05
        assert smallest_text_pt(fig) >= 11


def test_every_chart_draws_cleanly_under_the_books_style():
    """The book's style (a constrained layout by default) must not meet a figure placed by hand:
    matplotlib would warn, and a warning in a chapter's output fails the build (pytest turns it into an error)."""
    with matplotlib.rc_context(style.RC):
        for fig in _charts():
            style.chart_svg(fig)


class _Shell:
    """The parts of an IPython shell the style touches: display formatters and events."""

    def __init__(self) -> None:
        from IPython.core.events import EventManager
        from IPython.core.formatters import DisplayFormatter

        self.display_formatter = DisplayFormatter()
        self.events = EventManager(self, {"pre_run_cell": None})


def test_the_formatter_is_put_back_before_every_cell(monkeypatch):
    from IPython.core.pylabtools import select_figure_formats

    shell = _Shell()
    monkeypatch.setattr("IPython.get_ipython", lambda: shell)
    with matplotlib.rc_context():
        style.use()
        assert matplotlib.rcParams["svg.hashsalt"] == "twolevel"
        assert matplotlib.rcParams["figure.constrained_layout.use"]
        style.use()  # twice: one hook only
    assert len(shell.events.callbacks["pre_run_cell"]) == 1
    fig = _wide_chart()
    data, _ = shell.display_formatter.format(fig)
    assert set(data) == {"image/svg+xml", "text/plain"}
    # %matplotlib inline puts its PNG formatter back; the next cell restores the book's
    select_figure_formats(shell, {"png"})
    assert "image/png" in shell.display_formatter.format(_wide_chart())[0]
    shell.events.trigger("pre_run_cell", None)
    data, _ = shell.display_formatter.format(_wide_chart())
    assert "image/png" not in data and data["image/svg+xml"] == style.chart_svg(_wide_chart())


@pytest.mark.slow
def test_in_a_kernel_every_chart_is_svg_the_first_pyplot_one_too():
    """In a kernel the inline backend installs its PNG formatter when it first loads, at the chapter's
    first figure; importing twolevel.viz loads it first, so that chart is an SVG like the rest."""
    nbformat = pytest.importorskip("nbformat")
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("import matplotlib.pyplot as plt\nfrom twolevel import viz"),
            nbformat.v4.new_code_cell("fig, ax = plt.subplots(figsize=(6.2, 4.8))\nax.plot([0, 1])\nplt.show()"),
            nbformat.v4.new_code_cell("%matplotlib inline\nfig, ax = plt.subplots()\nax.plot([0, 1])\nplt.show()"),
            nbformat.v4.new_code_cell("viz.putnam_figure1()"),
        ]
    )
    NotebookClient(nb, kernel_name="python3", timeout=300).execute()
    kinds = [sorted(out.get("data", {})) for cell in nb.cells[1:] for out in cell.outputs]
    assert kinds == [["image/svg+xml", "text/plain"]] * 3, kinds
    first = nb.cells[1].outputs[0]["data"]["image/svg+xml"]
    width, _ = _svg_size_pt(first)
    assert _phone_px(min(_svg_font_sizes_pt(first)), width) >= style.MIN_TEXT_CSS_PX - 0.05  # fitted to a phone
