r"""Chapter 5: Putnam's Figure 2, "Political indifference curves for two-issue negotiation" (p. 447), drawn from the model.

An Edgeworth box: beef on the horizontal axis and citrus on the vertical, each
measured as A's gain, so ``AM`` (A's best package) is the upper right corner
and ``BM`` the lower left. Thin curves are iso-vote ("political indifference")
curves, "concave to point AM"; the bold ``A1``–``A2`` is "the minimal vote
necessary for ratification by A" and the "wedge-shaped area northeast of
A1-A2" is A's win-set; ``B1``–``B2`` and B's win-set mirror them from ``BM``;
"the lens-shaped area between A1-A2 and B1-B2 represents the set of feasible
agreements" (p. 446). The dashed curve is the contract curve, where the two
sides' iso-vote curves are tangent. Every curve and region is computed by
:mod:`twolevel.preferences` from constituencies whose reservation values follow
the power law :math:`x^\gamma`; nothing is placed by hand.

Iso-vote curves are drawn as lines computed exactly from the model's pivots
(:func:`twolevel.iso_vote_curve`), not as matplotlib contour sets:
:meth:`Figure2.update` only calls ``set_data`` on existing artists, and the
shading is one RGBA image whose pixels are the sampled win-sets.

The chart (:func:`putnam_figure2`), the static explorer
(:func:`figure2_static_explorer`) and the live one (:func:`figure2_explorer`)
take the same scenario object, :class:`twolevel.Figure2Params`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .. import (
    Curve,
    IsoVoteGrid,
    Lens,
    TwoIssueConstituency,
    contour,
    contract_curve,
    iso_vote_curve,
    iso_vote_grid,
    lens,
    lens_corners,
)
from .._checks import check_names
from .._numerics import reaches_quota
from ..preferences.scenario import Figure2Params
from ..scenario import with_overrides
from . import palette
from .drawing import axes_content
from .frames import QUOTAS, Control, StaticExplorer, static_explorer

if TYPE_CHECKING:
    from .live import LiveExplorer

#: Side of the Edgeworth box a constituency belongs to.
BoxSide = Literal["A", "B"]

__all__ = [
    "Figure2State",
    "figure2_state",
    "Figure2",
    "putnam_figure2",
    "figure2_static_explorer",
    "figure2_explorer",
    "ISO_LEVELS",
]

#: Yes-shares of the thin iso-vote curves drawn for each side.
ISO_LEVELS = (0.25, 0.5, 0.75)

#: Figure 2's shades as 8-bit RGBA.
_FILLS = {
    name: tuple(round(255 * v) for v in fill)
    for name, fill in (("first", palette.FIRST_FILL), ("second", palette.SECOND_FILL), ("lens", palette.LENS_FILL))
}

#: What each slider moves, as the static and the live explorer label it.
LABELS = {
    "quota_a": "A's ratification quota",
    "quota_b": "B's ratification quota",
    "alpha": "A's ranchers' weight",
    "beta": "B's ranchers' weight",
    "gamma_a": "A's reservation shape \u03b3",
    "gamma_b": "B's reservation shape \u03b3",
}


@dataclass(frozen=True, eq=False)
class Figure2State:
    """Everything Figure 2 shows, in A's-gain units (AM = (1, 1), BM = (0, 0)).

    Examples
    --------
    >>> from twolevel.viz import figure2_state
    >>> s = figure2_state()
    >>> len(s.corners), s.lens.is_empty, s.quota_a
    (2, False, 0.65)

    References
    ----------
    Putnam (1988), Figure 2, p. 447. Book: definition ``def-lens`` (chapter 5).
    """

    constituency_a: TwoIssueConstituency
    constituency_b: TwoIssueConstituency
    grid_a: IsoVoteGrid
    grid_b: IsoVoteGrid
    lens: Lens
    contour_a: Curve
    contour_b: Curve
    iso_a: tuple[tuple[float, Curve], ...]
    iso_b: tuple[tuple[float, Curve], ...]
    corners: tuple[tuple[float, float], ...]
    contract: Curve
    params: Figure2Params

    @property
    def gamma_a(self) -> float:
        """Shape of A's reservation values."""
        return self.params.gamma_a

    @property
    def gamma_b(self) -> float:
        """Shape of B's reservation values."""
        return self.params.gamma_b

    @property
    def quota_a(self) -> float:
        return self.constituency_a.quota

    @property
    def quota_b(self) -> float:
        return self.constituency_b.quota

    def alt_text(self) -> str:
        def ends(curve: Curve, names: tuple[str, str]) -> str:
            if curve.size == 0:
                return f"{names[0]}-{names[1]} lies outside the box"
            return (
                f"{names[0]} at beef {curve.b[0]:.2f}, citrus {curve.c[0]:.2f} and "
                f"{names[1]} at beef {curve.b[-1]:.2f}, citrus {curve.c[-1]:.2f}"
            )

        a, b = self.constituency_a, self.constituency_b
        head = (
            "Figure 2, political indifference curves for two-issue negotiation: an Edgeworth box with beef "
            "on the horizontal axis and citrus on the vertical, both as A's gain; AM (A's best package) at the "
            "upper right, BM (B's best) at the lower left. "
            f"A: ranchers' weight {a.beef_weight:.2f}, reservation shape gamma {self.gamma_a:.2f}, quota "
            f"{a.quota:.2f}; bold contour {ends(self.contour_a, ('A1', 'A2'))}. "
            f"B: ranchers' weight {b.beef_weight:.2f}, shape gamma {self.gamma_b:.2f}, quota {b.quota:.2f}; "
            f"bold contour {ends(self.contour_b, ('B1', 'B2'))}. "
        )
        if self.lens.is_empty:
            tail = "The win-sets do not overlap: no package is ratified by both sides (deadlock)."
        else:
            corners = " and ".join(f"({x:.2f}, {y:.2f})" for x, y in self.corners)
            where = f", with corners at {corners}" if corners else ""
            tail = f"The lens of feasible packages covers {100 * self.lens.area:.0f}% of the box{where}."
        if self.contract.size:
            mid = self.contract.size // 2
            tail += (
                f" The dashed contract curve runs from near BM to near AM through beef "
                f"{self.contract.b[mid]:.2f}, citrus {self.contract.c[mid]:.2f}."
            )
        return head + tail


@lru_cache(maxsize=64)
def _power_side(
    alpha: float, gamma: float, side: BoxSide, n: int, grid: int
) -> tuple[TwoIssueConstituency, IsoVoteGrid]:
    s = TwoIssueConstituency.power(alpha, gamma, gamma, 1.0, side, n)
    return s, iso_vote_grid(s, grid)


@lru_cache(maxsize=64)
def _side_curves(alpha: float, gamma: float, side: BoxSide, n: int, grid: int) -> tuple[tuple[float, Curve], ...]:
    s, _ = _power_side(alpha, gamma, side, n, grid)
    return tuple((v, iso_vote_curve(s, v, 201)) for v in ISO_LEVELS)


@lru_cache(maxsize=64)
def _contract(alpha: float, gamma_a: float, beta: float, gamma_b: float, n: int, grid: int) -> Curve:
    a, _ = _power_side(alpha, gamma_a, "A", n, grid)
    b, _ = _power_side(beta, gamma_b, "B", n, grid)
    return contract_curve(a, b, 121)


def figure2_state(params: Figure2Params | None = None, **overrides: float) -> Figure2State:
    r"""Compute Figure 2 from its scenario (:class:`twolevel.Figure2Params`).

    The constituencies, grids, thin iso-vote curves and contract curve are
    cached per parameter set, so moving a quota recomputes only the masks,
    the bold contours and the lens corners.

    Parameters
    ----------
    params : Figure2Params, optional
        The scenario (default: ``Figure2Params()``).
    **overrides
        Parameters of :class:`twolevel.Figure2Params` to replace, validated
        again: ``figure2_state(quota_a=0.7)``.

    Returns
    -------
    Figure2State
        Everything the figure shows.

    Examples
    --------
    >>> from twolevel.viz import figure2_state
    >>> figure2_state(tl.Figure2Params(quota_a=0.8, quota_b=0.8)).lens.is_empty
    True
    >>> figure2_state(quota_a=0.65, alpha=0.7).params.alpha
    0.7

    References
    ----------
    Putnam (1988), pp. 446-447 (Figure 2). Book: proposition ``prop-lens`` (chapter 5).
    """
    p = with_overrides(Figure2Params, params, overrides)
    base_a, grid_a = _power_side(p.alpha, p.gamma_a, "A", p.n, p.resolution)
    base_b, grid_b = _power_side(p.beta, p.gamma_b, "B", p.n, p.resolution)
    a, b = base_a.with_quota(p.quota_a), base_b.with_quota(p.quota_b)
    return Figure2State(
        constituency_a=a,
        constituency_b=b,
        grid_a=grid_a,
        grid_b=grid_b,
        lens=lens(a, b, grids=(grid_a, grid_b)),
        contour_a=contour(a, 201),
        contour_b=contour(b, 201),
        iso_a=_side_curves(p.alpha, p.gamma_a, "A", p.n, p.resolution),
        iso_b=_side_curves(p.beta, p.gamma_b, "B", p.n, p.resolution),
        corners=tuple(lens_corners(a, b, 1001)),
        contract=_contract(p.alpha, p.gamma_a, p.beta, p.gamma_b, p.n, p.resolution),
        params=p,
    )


def _edge_offset(
    b: float, c: float, tol: float = 1e-6
) -> tuple[tuple[float, float], Literal["left", "center", "right"], Literal["bottom", "center", "top"]]:
    """Offset (points) and alignment that put a label just outside the box edge at (b, c)."""
    if c >= 1 - tol:
        return (0.0, 5.0), "center", "bottom"
    if c <= tol:
        return (0.0, -5.0), "center", "top"
    if b >= 1 - tol:
        return (6.0, 0.0), "left", "center"
    return (-6.0, 0.0), "right", "center"


class Figure2:
    """A reusable drawing of Figure 2 whose artists are updated, never rebuilt.

    ``Figure2(state).figure`` is a matplotlib Figure (Agg canvas, no pyplot
    state). ``issues`` names the two axes (Putnam's beef and citrus by
    default; an exercise about another negotiation passes its own). :meth:`update` moves every artist to a new state with
    ``set_data``/``set_position``; no artist is created or removed.

    Examples
    --------
    >>> from twolevel.viz import Figure2, figure2_state
    >>> drawing = Figure2(figure2_state())
    >>> n = len(drawing.ax.get_children())
    >>> drawing.update(figure2_state(quota_a=0.8, quota_b=0.8))
    >>> len(drawing.ax.get_children()) == n
    True

    References
    ----------
    Putnam (1988), Figure 2, p. 447. Book: chapter 5, the Figure 2 explorer.
    """

    def __init__(self, state: Figure2State, *, size: float = 4.2, issues: tuple[str, str] = ("Beef", "Citrus")):
        names = check_names("issues", issues)
        if len(names) != 2:
            raise ValueError(
                f"issues must name the two issues (horizontal axis, then vertical), got {len(names)} names"
            )
        first, second = names
        self.figure = Figure(figsize=(size, size))
        self.figure.set_layout_engine("none")  # the box is placed by hand, square, whatever the default layout
        FigureCanvasAgg(self.figure)
        ax = self.ax = self.figure.add_axes((0.14, 0.12, 0.74, 0.74))
        ax.set_xlim(0.0, 1.0)
        ax.set_ylim(0.0, 1.0)
        ax.set_aspect("equal")
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_linewidth(1.5)
        ax.set_xlabel(f"{first}  (A's gain \u2192)", fontsize=12, labelpad=18)
        ax.set_ylabel(f"{second}  (A's gain \u2192)", fontsize=12, labelpad=24)
        self._corner_labels = [
            ax.text(x, y, label, ha=ha, va=va, transform=ax.transAxes, fontsize=13, fontweight="bold", clip_on=False)
            for x, y, label, ha, va in ((1.01, 1.01, "AM", "left", "bottom"), (-0.01, -0.01, "BM", "right", "top"))
        ]
        self._shade = ax.imshow(
            np.zeros((2, 2, 4), dtype=np.uint8), extent=(0, 1, 0, 1), origin="lower", interpolation="nearest", zorder=0
        )
        self._iso = {
            side: [ax.plot([], [], color=col, lw=0.8, alpha=0.8, zorder=2)[0] for _ in ISO_LEVELS]
            for side, col in (("A", palette.FIRST), ("B", palette.SECOND))
        }
        self._bold_a = ax.plot([], [], color=palette.FIRST, lw=3.0, zorder=4, solid_capstyle="butt")[0]
        self._bold_b = ax.plot([], [], color=palette.SECOND, lw=3.0, zorder=4, solid_capstyle="butt")[0]
        self._contract = ax.plot([], [], color="black", lw=1.6, ls=(0, (5, 3)), zorder=3)[0]
        self._corners = ax.plot([], [], ls="none", marker="o", ms=6, color=palette.LENS_TEXT, zorder=5)[0]
        self.end_labels = {}
        for name, col in (("A1", palette.FIRST), ("A2", palette.FIRST), ("B1", palette.SECOND), ("B2", palette.SECOND)):
            self.end_labels[name] = ax.annotate(
                name,
                xy=(0, 0),
                xytext=(0, 0),
                textcoords="offset points",
                color=col,
                annotation_clip=False,
                fontsize=12,
                fontweight="bold",
            )
        box = dict(boxstyle="round,pad=0.2", fc="white", ec="none", alpha=0.75)
        self._a_label = ax.text(
            0.97, 0.97, "A's win-set", ha="right", va="top", fontsize=11, color=palette.FIRST, bbox=box
        )
        self._b_label = ax.text(
            0.03, 0.03, "B's win-set", ha="left", va="bottom", fontsize=11, color=palette.SECOND, bbox=box
        )
        self.lens_label = ax.text(
            0.5,
            0.5,
            "feasible\npackages (lens)",
            ha="center",
            va="center",
            fontsize=11,
            color=palette.LENS_TEXT,
            fontweight="bold",
            bbox=box,
            zorder=6,
        )
        self._contract_label = ax.annotate(
            "contract curve",
            xy=(0, 0),
            xytext=(8, -14),
            textcoords="offset points",
            fontsize=11,
            style="italic",
            zorder=6,
            bbox=box,
        )
        self.status = ax.text(
            0.5,
            1.10,
            "",
            ha="center",
            va="bottom",
            transform=ax.transAxes,
            fontsize=12,
            fontweight="bold",
            clip_on=False,
        )
        self.update(state)

    def moving(self) -> list[Artist]:
        """Everything inside the box (:func:`twolevel.viz.drawing.axes_content`); AM and BM, outside it, stay put."""
        return [a for a in axes_content(self.ax) if all(a is not t for t in self._corner_labels)]

    def update(self, state: Figure2State) -> None:
        """Move the artists to ``state`` (no new artists are created)."""
        self.state = state
        a_mask = reaches_quota(state.grid_a.values, state.quota_a)
        b_mask = reaches_quota(state.grid_b.values, state.quota_b)
        # 8-bit colours: matplotlib resamples them in half the time of floats.
        rgba = np.zeros(a_mask.shape + (4,), dtype=np.uint8)
        rgba[a_mask] = _FILLS["first"]
        rgba[b_mask] = _FILLS["second"]
        rgba[state.lens.mask] = _FILLS["lens"]
        self._shade.set_data(rgba)
        for side, curves in (("A", state.iso_a), ("B", state.iso_b)):
            for line, (_, curve) in zip(self._iso[side], curves, strict=False):
                line.set_data(curve.b, curve.c)
        for line, curve, names in (
            (self._bold_a, state.contour_a, ("A1", "A2")),
            (self._bold_b, state.contour_b, ("B1", "B2")),
        ):
            line.set_data(curve.b, curve.c)
            for name, k in zip(names, (0, -1), strict=False):
                label = self.end_labels[name]
                if curve.size == 0:
                    label.set_visible(False)
                    continue
                x, y = float(curve.b[k]), float(curve.c[k])
                offset, ha, va = _edge_offset(x, y)
                label.xy = (x, y)
                label.set_position(offset)
                label.set_horizontalalignment(ha)
                label.set_verticalalignment(va)
                label.set_visible(True)
        self._contract.set_data(state.contract.b, state.contract.c)
        if state.contract.size:
            k = int(0.78 * (state.contract.size - 1))
            self._contract_label.xy = (float(state.contract.b[k]), float(state.contract.c[k]))
            self._contract_label.set_visible(True)
        else:
            self._contract_label.set_visible(False)
        if state.corners:
            xs, ys = zip(*state.corners, strict=False)
            self._corners.set_data(xs, ys)
        else:
            self._corners.set_data([], [])
        if state.lens.is_empty:
            self.lens_label.set_visible(False)
            self.status.set_text("Deadlock: no package is ratified by both sides")
            self.status.set_color(palette.DEADLOCK)
        else:
            jj, ii = np.nonzero(state.lens.mask)
            self.lens_label.set_position((float(state.lens.b[ii].mean()), float(state.lens.c[jj].mean())))
            self.lens_label.set_visible(True)
            self.status.set_text(f"Feasible packages: {100 * state.lens.area:.0f}% of the box")
            self.status.set_color(palette.AGREEMENT)


def putnam_figure2(params: Figure2Params | None = None, **overrides: float) -> Figure:
    """A reconstruction of Figure 2 from the model (not Putnam's own drawing): iso-vote contours from both corners and a lens.

    The default scenario (:class:`twolevel.Figure2Params`) has the bold
    contours cross twice, enclosing a lens, the shape of Putnam's Figure 2.

    Parameters
    ----------
    params : Figure2Params, optional
        The scenario (default: ``Figure2Params()``).
    **overrides
        Parameters of the scenario to replace.

    Returns
    -------
    matplotlib.figure.Figure
        The chart (no pyplot state).

    Examples
    --------
    >>> from twolevel.viz import putnam_figure2
    >>> fig = putnam_figure2()
    >>> sorted(t.get_text() for t in fig.axes[0].texts if t.get_text() in ("AM", "BM", "A1", "B2"))
    ['A1', 'AM', 'B2', 'BM']

    References
    ----------
    Putnam (1988), Figure 2, "Political indifference curves for two-issue negotiation", p. 447.
    Book: chapter 5.
    """
    return Figure2(figure2_state(with_overrides(Figure2Params, params, overrides))).figure


def figure2_static_explorer(
    params: Figure2Params | None = None,
    *,
    quotas_a: tuple[float, ...] = QUOTAS,
    quotas_b: tuple[float, ...] = QUOTAS,
    dpi: float = 84,
    **overrides: float,
) -> StaticExplorer:
    """Figure 2 with sliders for both quotas that works in the static page (no kernel).

    The sliders start at the scenario's quotas when they are among
    ``quotas_a`` and ``quotas_b`` (otherwise at the first value). The default
    11 by 11 quotas give 121 frames; in the built site each is a small
    lossless WebP file loaded only when the reader moves a slider.

    Parameters
    ----------
    params : Figure2Params, optional
        The scenario (default: ``Figure2Params()``).
    quotas_a, quotas_b : tuple of float
        The sliders' positions.
    dpi : float
        CSS pixels per inch of the figure on a wide screen.
    **overrides
        Parameters of the scenario to replace.

    Returns
    -------
    StaticExplorer
        Displays as HTML in notebooks and in the built book.

    Examples
    --------
    >>> from twolevel.viz import figure2_static_explorer
    >>> e = figure2_static_explorer(quotas_a=(0.6, 0.8), quotas_b=(0.65, 0.8), dpi=30)
    >>> len(e.frames), "<sup>0.5</sup>" in e.to_html()
    (4, True)

    References
    ----------
    Putnam (1988), Figure 2, p. 447. Book: chapter 5, the Figure 2 explorer.
    """
    p = with_overrides(Figure2Params, params, overrides)

    def start(values: tuple[float, ...], preferred: float) -> float:
        return preferred if any(abs(q - preferred) < 1e-12 for q in values) else values[0]

    init_a, init_b = start(quotas_a, p.quota_a), start(quotas_b, p.quota_b)
    drawing = Figure2(figure2_state(replace(p, quota_a=init_a, quota_b=init_b)))

    def update(quota_a: float, quota_b: float) -> str:
        drawing.update(figure2_state(replace(p, quota_a=quota_a, quota_b=quota_b)))
        return drawing.state.alt_text()

    return static_explorer(
        drawing.figure,
        update,
        [
            Control("quota_a", LABELS["quota_a"], quotas_a, init_a),
            Control("quota_b", LABELS["quota_b"], quotas_b, init_b),
        ],
        name="figure2",
        caption_html=(
            f"Ranchers hold {p.alpha:.0%} of A's votes and {p.beta:.0%} of B's; reservation values have CDF "
            f"<i>x</i><sup>{p.gamma_a:g}</sup> (A) and <i>x</i><sup>{p.gamma_b:g}</sup> (B) on both issues. "
            "Dots mark the corners of the lens."
        ),
        moving=drawing.moving(),
        dpi=dpi,
    )


def figure2_explorer(params: Figure2Params | None = None, **overrides: float) -> LiveExplorer[Figure2State]:
    r"""Live explorer of Figure 2 (JupyterLab): each side's quota, ranchers' weight and reservation shape.

    Sliders: each side's quota, the weight of its ranchers (beef voters) and
    the shape :math:`\gamma` of its reservation values (CDF :math:`x^\gamma`
    on both issues; smaller is more curved). Constituencies, yes-share grids,
    thin iso-vote curves and the contract curve are cached per parameter set
    (:func:`figure2_state`); moving a quota only recomputes the win-set masks,
    the bold contours and the lens. ipywidgets is imported only here.

    Parameters
    ----------
    params : Figure2Params, optional
        The initial scenario (default: ``Figure2Params()``).
    **overrides
        Parameters of the scenario to replace: ``figure2_explorer(alpha=0.7)``.

    Returns
    -------
    LiveExplorer
        Sliders ``quota_a``, ``quota_b``, ``alpha``, ``beta``, ``gamma_a``, ``gamma_b``.

    Examples
    --------
    >>> e = tl.viz.figure2_explorer(tl.Figure2Params(quota_b=0.85))
    >>> "deadlock" in e.summary.value, e.drawing.state.constituency_b.quota
    (True, 0.85)

    References
    ----------
    Putnam (1988), Figure 2, p. 447. Book: chapter 5.
    """
    from .live import LiveExplorer, Slider

    p = with_overrides(Figure2Params, params, overrides)

    def state(**values: float) -> Figure2State:
        return figure2_state(with_overrides(Figure2Params, p, values))

    sliders = [
        Slider("quota_a", LABELS["quota_a"], p.quota_a, 0.01),
        Slider("quota_b", LABELS["quota_b"], p.quota_b, 0.01),
        Slider("alpha", LABELS["alpha"], p.alpha, 0.05, 0.95),
        Slider("beta", LABELS["beta"], p.beta, 0.05, 0.95),
        Slider("gamma_a", LABELS["gamma_a"], p.gamma_a, 0.1),
        Slider("gamma_b", LABELS["gamma_b"], p.gamma_b, 0.1),
    ]
    return LiveExplorer(Figure2(figure2_state(p)), state, sliders)
