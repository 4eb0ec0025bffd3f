"""How the book's charts are drawn in a notebook: sharp at any pixel density, legible on a phone.

Every chart of the book, whether a figure function of :mod:`twolevel.viz` or
a chapter's own ``plt.subplots``, reaches the page through one IPython
display formatter, which :func:`use` installs in the kernel (``twolevel.viz``
calls it on import when it runs in an IPython kernel). The formatter:

- writes the chart as **SVG** (sharp at every device pixel ratio and zoom),
  text drawn as paths so that every reader sees the same glyphs, with no
  date and fixed element ids, so that two builds give the same bytes;
- **fits the chart to a phone**: a chart is shown at its own size, at most
  the page's column, which on a 390 px phone is :data:`PHONE_COLUMN_CSS_PX`
  wide. A chart wider than its smallest text allows (that text must stay
  :data:`MIN_TEXT_CSS_PX` CSS px tall there) is narrowed, keeping its
  proportions, and laid out again; on a wide screen the same chart is shown
  at its own size, where the text is larger still;
- emits no PNG besides (the page would carry both).

:data:`RC` is the charts' style (font sizes no smaller than 11 pt, the
book's palette as the colour cycle, a constrained layout so that a narrowed
chart re-lays itself out); :func:`use` applies it to ``matplotlib.rcParams``.
The static explorers' frames are PNG-like WebP files drawn at twice their
CSS size (:mod:`twolevel.viz.frames`) and follow the same text rule.

Examples
--------
>>> from matplotlib.figure import Figure
>>> fig = Figure(figsize=(8, 4), layout="constrained")
>>> ax = fig.add_subplot()
>>> _ = ax.set_xlabel("X's share", fontsize=11)
>>> ax.tick_params(labelsize=11)
>>> fit_to_phone(fig)
>>> [round(float(v), 1) for v in fig.get_size_inches()]
[4.3, 2.2]
>>> svg = chart_svg(fig)
>>> svg.startswith("<?xml") and "<dc:date>" not in svg
True

References
----------
Issue 18 of the project: "Every chart drawn for the pixel density it is shown
at (SVG, or PNG at >= 2x its CSS size), with its smallest text >= 11 CSS px at
1366 px and at 390 px".
"""

from __future__ import annotations

import io
from typing import Any, Final, cast

from cycler import cycler
from matplotlib import rcParams
from matplotlib.figure import Figure

from . import palette
from .frames import smallest_text_pt

__all__ = ["RC", "MIN_TEXT_CSS_PX", "PHONE_COLUMN_CSS_PX", "CSS_PX_PER_INCH", "fit_to_phone", "chart_svg", "use"]

#: Smallest text of a chart, in CSS px, on a 390 px phone and on a wide screen.
MIN_TEXT_CSS_PX: Final = 11.0
#: Width of a chart on a 390 px phone: the page's column is 342 CSS px, and 336 inside an
#: exercise's solution (measured in the built book); with a margin for changes of the theme's CSS.
PHONE_COLUMN_CSS_PX: Final = 320.0
#: An SVG's size is given in points; the browser shows 96 CSS px per inch.
CSS_PX_PER_INCH: Final = 96.0
#: Padding around a saved chart's tight bounding box, in inches.
_PAD_IN: Final = 0.1
#: The salt of the SVG writer's element ids: fixed, so two builds give the same bytes.
_SVG_SALT: Final = "twolevel"

#: The style of every chart (applied to ``matplotlib.rcParams`` by :func:`use`).
RC: Final[dict[str, Any]] = {
    "font.size": 11.0,
    "axes.titlesize": 12.0,
    "axes.labelsize": 11.0,
    "xtick.labelsize": 11.0,
    "ytick.labelsize": 11.0,
    "legend.fontsize": 11.0,
    "legend.title_fontsize": 11.0,
    "figure.titlesize": 12.0,
    "figure.figsize": (4.2, 3.0),
    "figure.constrained_layout.use": True,
    "axes.prop_cycle": cycler(color=[palette.FIRST, palette.SECOND, palette.THIRD, palette.LENS_TEXT, "0.35"]),
    "svg.fonttype": "path",
    "svg.hashsalt": _SVG_SALT,
}


def _shown_px(width_in: float) -> float:
    """CSS px of a chart ``width_in`` inches wide as a phone shows it (never enlarged)."""
    return min(width_in * CSS_PX_PER_INCH, PHONE_COLUMN_CSS_PX)


def _saved_width_in(fig: Figure) -> float:
    """Width, in inches, of ``fig`` as :func:`chart_svg` saves it (its tight bounding box and padding)."""
    fig.draw_without_rendering()
    return float(fig.get_tightbbox().width) + 2 * _PAD_IN


def fit_to_phone(fig: Figure) -> None:
    """Narrow ``fig``, keeping its proportions, until its smallest text is MIN_TEXT_CSS_PX tall on a phone.

    A chart narrow enough already is left as it is. Text sizes do not
    change: the axes shrink around them (a constrained layout lays the chart
    out again; a figure without one keeps its margins as fractions). The
    width that counts is the saved one: the figure's tight bounding box
    (text drawn outside the axes included) and its padding.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(4.0, 3.0))
    >>> _ = fig.text(0.5, 0.5, "XM", fontsize=11)
    >>> fit_to_phone(fig)
    >>> [float(v) for v in fig.get_size_inches()]
    [4.0, 3.0]

    References
    ----------
    Issue 18 of the project (charts legible on a phone).
    """
    smallest = smallest_text_pt(fig)
    if smallest is None:
        return
    # Text of `smallest` pt is smallest * 4/3 CSS px at full size; a phone shows the chart
    # PHONE_COLUMN_CSS_PX wide, so the widest saved chart that keeps it legible is:
    widest = smallest * 4.0 / 3.0 * PHONE_COLUMN_CSS_PX / (MIN_TEXT_CSS_PX * CSS_PX_PER_INCH)
    for _ in range(4):  # the tight box moves a little as the layout is solved again
        saved = _saved_width_in(fig)
        if saved <= widest * (1 + 1e-3):
            return
        width, height = (float(v) for v in fig.get_size_inches())
        shrink = (widest - (saved - width)) / width if saved - width < widest else widest / saved
        fig.set_size_inches(width * shrink, height * shrink)


def chart_svg(fig: Figure) -> str:
    """``fig`` as the book's SVG: fitted to a phone, text as paths, no date, fixed ids.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(3, 2))
    >>> _ = fig.add_subplot().plot([0, 1])
    >>> chart_svg(fig) == chart_svg(fig)
    True

    References
    ----------
    Issue 18 of the project (sharp, legible charts, byte-reproducible pages).
    """
    from matplotlib import rc_context

    fit_to_phone(fig)
    out = io.StringIO()
    with rc_context({"svg.fonttype": "path", "svg.hashsalt": _SVG_SALT}):
        fig.savefig(out, format="svg", bbox_inches="tight", pad_inches=_PAD_IN, metadata={"Date": None})
    return out.getvalue()


def _install(shell: Any) -> None:
    """Make ``chart_svg`` the only formatter of matplotlib figures in ``shell``."""
    formatters = shell.display_formatter.formatters
    for f in formatters.values():
        f.pop(Figure, None)
    formatters["image/svg+xml"].for_type(Figure, chart_svg)


def use() -> None:
    """Apply :data:`RC` and make every chart an SVG fitted to a phone in the running IPython kernel.

    Called by ``import twolevel.viz`` inside IPython (a script that imports
    the package keeps its own style). The formatter is put
    back before every cell, since ``%matplotlib inline`` (or importing pyplot
    for the first time) installs the inline backend's PNG formatter over it.

    Examples
    --------
    >>> RC["svg.hashsalt"], RC["font.size"]
    ('twolevel', 11.0)

    References
    ----------
    Issue 18 of the project (sharp, legible charts).
    """
    rcParams.update(cast(Any, RC))  # matplotlib types rcParams' keys as a Literal of every setting
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency of the book, not of the model
        return
    shell = get_ipython()
    if shell is None or not hasattr(shell, "display_formatter"):
        return
    import matplotlib

    if matplotlib.get_backend(auto_select=False) in ("inline", "module://matplotlib_inline.backend_inline"):
        # The inline backend installs its PNG formatter when it is first loaded, which is
        # otherwise the chapter's first figure, after this: load it now, then replace it.
        import matplotlib_inline.backend_inline  # noqa: F401
    _install(shell)
    callbacks = shell.events.callbacks.get("pre_run_cell", [])
    if not any(getattr(cb, "__name__", "") == "_tl_charts_as_svg" for cb in callbacks):

        def _tl_charts_as_svg(*_: object) -> None:
            _install(shell)

        shell.events.register("pre_run_cell", _tl_charts_as_svg)
