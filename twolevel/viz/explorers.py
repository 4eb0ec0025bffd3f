"""Live ipywidgets explorers for JupyterLab.

Each explorer keeps one matplotlib figure and updates its artists on every
slider change (the model is recomputed; the figure is not rebuilt), then
sends the redrawn PNG to an ``ipywidgets.Image``. A kernel is needed; the
static book uses :mod:`twolevel.viz.frames` instead.
"""

from __future__ import annotations

import io

import ipywidgets as widgets

from .figure1 import Figure1, figure1_state

__all__ = ["Figure1Explorer"]


class Figure1Explorer(widgets.VBox):
    """Figure 1 driven by each side's quota and the spread of its reservation values.

    Parameters
    ----------
    spread_x, spread_y : float
        Initial spreads of the uniform reservation values, in [0, 1].
    quota_x, quota_y : float
        Initial ratification quotas, in (0, 1].
    """

    def __init__(self, spread_x: float = 0.6, quota_x: float = 0.5, spread_y: float = 0.9, quota_y: float = 0.5):
        state = figure1_state(spread_x, quota_x, spread_y, quota_y)
        self.drawing = Figure1(state, width=8.5, height=3.0)
        style = {"description_width": "170px"}
        layout = widgets.Layout(width="480px")

        def slider(desc: str, value: float, lo: float) -> widgets.FloatSlider:
            return widgets.FloatSlider(
                value=value, min=lo, max=1.0, step=0.01, description=desc,
                continuous_update=True, readout_format=".2f", style=style, layout=layout,
            )

        self.quota_x = slider("X's quota", quota_x, 0.01)
        self.quota_y = slider("Y's quota", quota_y, 0.01)
        self.spread_x = slider("X's reservation spread", spread_x, 0.0)
        self.spread_y = slider("Y's reservation spread", spread_y, 0.0)
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self.summary = widgets.HTML()
        for s in (self.quota_x, self.quota_y, self.spread_x, self.spread_y):
            s.observe(self._on_change, names="value")
        super().__init__([self.quota_y, self.quota_x, self.spread_y, self.spread_x, self.image, self.summary])
        self.add_class("tl-explorer")
        self.refresh()

    def _on_change(self, _change: object) -> None:
        self.refresh()

    def update_figure(self) -> None:
        """Recompute the model and move the artists (no rendering)."""
        state = figure1_state(self.spread_x.value, self.quota_x.value, self.spread_y.value, self.quota_y.value)
        self.drawing.update(state)

    def refresh(self) -> None:
        """Recompute, redraw and send the new image to the browser."""
        self.update_figure()
        buf = io.BytesIO()
        self.drawing.figure.savefig(buf, format="png", dpi=90)
        self.image.value = buf.getvalue()
        self.summary.value = f"<span class='tl-alt'>{self.drawing.state.alt_text()}</span>"
