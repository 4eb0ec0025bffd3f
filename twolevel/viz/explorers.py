"""Live ipywidgets explorers for JupyterLab.

Each explorer keeps one matplotlib figure and updates its artists on every
slider change (the model is recomputed; the figure is not rebuilt), then
sends the redrawn PNG to an ``ipywidgets.Image``. A kernel is needed; the
static book uses :mod:`twolevel.viz.frames` instead.
"""

from __future__ import annotations

import io
from typing import Any

import ipywidgets as widgets

from ..preferences.scenario import Figure2Params
from ..scenario import Figure1Params, with_overrides
from .figure1 import Figure1, Figure1State, figure1_state
from .figure2 import Figure2, Figure2State, figure2_state

__all__ = ["Figure1Explorer", "Figure2Explorer"]


class _Explorer(widgets.VBox):  # type: ignore[misc]  # ipywidgets publishes no type information
    """Sliders, an image of the drawing and its alt text; subclasses say how to recompute.

    Subclasses set ``self.drawing`` (an object with ``figure``, ``state`` and
    ``update(state)``), create their sliders with :meth:`_slider`, and
    implement :meth:`_state` (the model's new state from the slider values).
    """

    DPI = 90
    drawing: Any

    def _slider(self, desc: str, value: float, lo: float, hi: float = 1.0) -> widgets.FloatSlider:
        return widgets.FloatSlider(
            value=value, min=lo, max=hi, step=0.01, description=desc, continuous_update=True,
            readout_format=".2f", style={"description_width": "190px"}, layout=widgets.Layout(width="500px"),
        )

    def _assemble(self, controls: tuple[widgets.FloatSlider, ...]) -> None:
        # Shown at its natural size: a browser that stretches a PNG blurs its text.
        width = round(self.drawing.figure.get_figwidth() * self.DPI)
        self.image = widgets.Image(format="png", layout=widgets.Layout(width=f"{width}px", max_width="100%"))
        self.summary = widgets.HTML()
        for s in controls:
            s.observe(self._on_change, names="value")
        super().__init__([*controls, self.image, self.summary])
        self.add_class("tl-explorer")
        self.refresh()

    def _on_change(self, _change: object) -> None:
        self.refresh()

    def _state(self) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def update_figure(self) -> None:
        """Recompute the model and move the artists (no rendering)."""
        self.drawing.update(self._state())

    def refresh(self) -> None:
        """Recompute, redraw and send the new image to the browser."""
        self.update_figure()
        buf = io.BytesIO()
        self.drawing.figure.savefig(buf, format="png", dpi=self.DPI)
        self.image.value = buf.getvalue()
        self.summary.value = f"<span class='tl-alt'>{self.drawing.state.alt_text()}</span>"


class Figure1Explorer(_Explorer):
    """Figure 1 driven by each side's quota and the spread of its reservation values.

    Parameters
    ----------
    params : Figure1Params, optional
        The initial scenario (default: ``Figure1Params()``).
    **overrides
        Parameters of the scenario to replace: ``Figure1Explorer(quota_y=0.7)``.

    Examples
    --------
    >>> from twolevel.viz.explorers import Figure1Explorer
    >>> e = Figure1Explorer(spread_y=0.5)
    >>> e.spread_y.value, bytes(e.image.value[:4])
    (0.5, b'\x89PNG')

    References
    ----------
    Putnam (1988), Figure 1, p. 441. Book: chapter 4.
    """

    def __init__(self, params: Figure1Params | None = None, **overrides: float):
        self.params = p = with_overrides(Figure1Params, params, overrides)
        self.drawing = Figure1(figure1_state(p), width=8.5, height=3.0)
        self.quota_y = self._slider("Y's quota", p.quota_y, 0.01)
        self.quota_x = self._slider("X's quota", p.quota_x, 0.01)
        self.spread_y = self._slider("Y's reservation spread", p.spread_y, 0.0)
        self.spread_x = self._slider("X's reservation spread", p.spread_x, 0.0)
        self._assemble((self.quota_y, self.quota_x, self.spread_y, self.spread_x))

    def _state(self) -> Figure1State:
        return figure1_state(
            self.params,
            spread_x=self.spread_x.value, quota_x=self.quota_x.value,
            spread_y=self.spread_y.value, quota_y=self.quota_y.value,
        )


class Figure2Explorer(_Explorer):
    """Figure 2 (the Edgeworth box of packages) driven by each side's Level II.

    Sliders: each side's quota, the weight of its ranchers (beef voters) and
    the shape :math:`\\gamma` of its reservation values (CDF :math:`x^\\gamma` on both
    issues; smaller is more curved). Constituencies, yes-share grids, thin
    iso-vote curves and the contract curve are computed once per parameter
    set (cached); moving a quota only recomputes the win-set masks, the bold
    contours and the lens.

    Parameters
    ----------
    params : Figure2Params, optional
        The initial scenario (default: ``Figure2Params()``).
    **overrides
        Parameters of the scenario to replace: ``Figure2Explorer(alpha=0.7)``.

    Examples
    --------
    >>> from twolevel.viz.explorers import Figure2Explorer
    >>> e = Figure2Explorer(alpha=0.7)
    >>> e.alpha.value, e.drawing.state.constituency_a.beef_weight
    (0.7, 0.7)

    References
    ----------
    Putnam (1988), Figure 2, p. 447. Book: chapter 5.
    """

    DPI = 100

    def __init__(self, params: Figure2Params | None = None, **overrides: float):
        self.params = p = with_overrides(Figure2Params, params, overrides)
        self.drawing = Figure2(figure2_state(p), size=6.0)
        self.quota_a = self._slider("A's quota", p.quota_a, 0.01)
        self.quota_b = self._slider("B's quota", p.quota_b, 0.01)
        self.alpha = self._slider("A's ranchers' weight", p.alpha, 0.05, 0.95)
        self.beta = self._slider("B's ranchers' weight", p.beta, 0.05, 0.95)
        self.gamma_a = self._slider("A's reservation shape \u03b3", p.gamma_a, 0.1)
        self.gamma_b = self._slider("B's reservation shape \u03b3", p.gamma_b, 0.1)
        self._assemble((self.quota_a, self.quota_b, self.alpha, self.beta, self.gamma_a, self.gamma_b))

    def _state(self) -> Figure2State:
        return figure2_state(
            self.params,
            quota_a=self.quota_a.value, quota_b=self.quota_b.value,
            alpha=self.alpha.value, beta=self.beta.value,
            gamma_a=self.gamma_a.value, gamma_b=self.gamma_b.value,
        )
