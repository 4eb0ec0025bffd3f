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
from .figure2 import Figure2, figure2_state

__all__ = ["Figure1Explorer", "Figure2Explorer"]


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


class Figure2Explorer(widgets.VBox):
    """Figure 2 (the Edgeworth box of packages) driven by each side's Level II.

    Sliders: each side's quota, the weight of its ranchers (beef voters) and
    the shape :math:`\\gamma` of its reservation values (CDF :math:`x^\\gamma` on both
    issues; smaller is more curved). Constituencies, yes-share grids, thin
    iso-vote curves and the contract curve are computed once per parameter
    set (cached); moving a quota only recomputes the win-set masks, the bold
    contours and the lens.

    Parameters
    ----------
    quota_a, quota_b : float
        Initial quotas, in (0, 1].
    alpha, beta : float
        Initial weights of A's and B's ranchers, in (0, 1).
    gamma_a, gamma_b : float
        Initial shapes, in [0.05, 1].
    """

    def __init__(
        self,
        quota_a: float = 0.65,
        quota_b: float = 0.65,
        alpha: float = 0.55,
        beta: float = 0.45,
        gamma_a: float = 0.5,
        gamma_b: float = 0.5,
    ):
        state = figure2_state(quota_a, quota_b, alpha, beta, gamma_a, gamma_b)
        self.drawing = Figure2(state, size=6.0)
        style = {"description_width": "190px"}
        layout = widgets.Layout(width="500px")

        def slider(desc: str, value: float, lo: float, hi: float) -> widgets.FloatSlider:
            return widgets.FloatSlider(
                value=value, min=lo, max=hi, step=0.01, description=desc,
                continuous_update=True, readout_format=".2f", style=style, layout=layout,
            )

        self.quota_a = slider("A's quota", quota_a, 0.01, 1.0)
        self.quota_b = slider("B's quota", quota_b, 0.01, 1.0)
        self.alpha = slider("A's ranchers' weight", alpha, 0.05, 0.95)
        self.beta = slider("B's ranchers' weight", beta, 0.05, 0.95)
        self.gamma_a = slider("A's reservation shape \u03b3", gamma_a, 0.1, 1.0)
        self.gamma_b = slider("B's reservation shape \u03b3", gamma_b, 0.1, 1.0)
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self.summary = widgets.HTML()
        controls = (self.quota_a, self.quota_b, self.alpha, self.beta, self.gamma_a, self.gamma_b)
        for s in controls:
            s.observe(self._on_change, names="value")
        super().__init__([*controls, self.image, self.summary])
        self.add_class("tl-explorer")
        self.refresh()

    def _on_change(self, _change: object) -> None:
        self.refresh()

    def update_figure(self) -> None:
        """Recompute the model and move the artists (no rendering)."""
        state = figure2_state(
            self.quota_a.value, self.quota_b.value, self.alpha.value, self.beta.value,
            self.gamma_a.value, self.gamma_b.value,
        )
        self.drawing.update(state)

    def refresh(self) -> None:
        """Recompute, redraw and send the new image to the browser."""
        self.update_figure()
        buf = io.BytesIO()
        self.drawing.figure.savefig(buf, format="png", dpi=85)
        self.image.value = buf.getvalue()
        self.summary.value = f"<span class='tl-alt'>{self.drawing.state.alt_text()}</span>"
