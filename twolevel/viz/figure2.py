r"""Putnam's Figure 2, "Political indifference curves for two-issue negotiation" (p. 447), drawn from the model.

An Edgeworth box: beef on the horizontal axis and citrus on the vertical, each
measured as A's gain, so ``AM`` (A's best package) is the upper right corner
and ``BM`` the lower left. Thin curves are iso-vote ("political indifference")
curves, "concave to point AM"; the bold ``A1``–``A2`` is "the minimal vote
necessary for ratification by A" and the "wedge-shaped area northeast of
A1-A2" is A's win-set; ``B1``–``B2`` and B's win-set mirror them from ``BM``;
"the lens-shaped area between A1-A2 and B1-B2 represents the set of feasible
agreements" (p. 446). The dashed curve is the contract curve, where the two
sides' iso-vote curves are tangent. Every curve and region is computed by
:mod:`twolevel.packages` from constituencies whose reservation values follow
the power law :math:`x^\gamma`; nothing is placed by hand.

Iso-vote curves are drawn as lines computed exactly from the model's pivots
(:func:`twolevel.packages.iso_vote_curve`), not as matplotlib contour sets:
:meth:`Figure2.update` only calls ``set_data`` on existing artists, and the
shading is one RGBA image whose pixels are the sampled win-sets.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .. import packages as pk
from .._checks import check_positive_int, check_quota
from .frames import Control, StaticExplorer, static_explorer

__all__ = ["Figure2State", "figure2_state", "Figure2", "putnam_figure2", "figure2_static_explorer", "ISO_LEVELS"]

#: Yes-shares of the thin iso-vote curves drawn for each side.
ISO_LEVELS = (0.25, 0.5, 0.75)

_A_COLOUR = "#08519c"
_B_COLOUR = "#a63603"
_A_FILL = (0.62, 0.79, 0.88, 0.45)
_B_FILL = (0.99, 0.75, 0.52, 0.45)
_LENS_FILL = (0.46, 0.42, 0.69, 0.75)
_LENS_TEXT = "#3f007d"


@dataclass(frozen=True, eq=False)
class Figure2State:
    """Everything Figure 2 shows, in A's-gain units (AM = (1, 1), BM = (0, 0))."""

    a_side: pk.TwoIssueSide
    b_side: pk.TwoIssueSide
    grid_a: pk.IsoVoteGrid
    grid_b: pk.IsoVoteGrid
    lens: pk.Lens
    contour_a: pk.Curve
    contour_b: pk.Curve
    iso_a: tuple[tuple[float, pk.Curve], ...]
    iso_b: tuple[tuple[float, pk.Curve], ...]
    corners: tuple[tuple[float, float], ...]
    contract: pk.Curve
    gamma_a: float
    gamma_b: float

    @property
    def quota_a(self) -> float:
        return self.a_side.quota

    @property
    def quota_b(self) -> float:
        return self.b_side.quota

    def alt_text(self) -> str:
        def ends(curve: pk.Curve, names: tuple[str, str]) -> str:
            if curve.size == 0:
                return f"{names[0]}-{names[1]} lies outside the box"
            return (
                f"{names[0]} at beef {curve.b[0]:.2f}, citrus {curve.c[0]:.2f} and "
                f"{names[1]} at beef {curve.b[-1]:.2f}, citrus {curve.c[-1]:.2f}"
            )

        a, b = self.a_side, self.b_side
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
def _power_side(alpha: float, gamma: float, side: str, n: int, grid: int) -> tuple[pk.TwoIssueSide, pk.IsoVoteGrid]:
    s = pk.TwoIssueSide.power(alpha, gamma, gamma, 1.0, side, n)
    return s, pk.iso_vote_grid(s, grid)


@lru_cache(maxsize=64)
def _side_curves(alpha: float, gamma: float, side: str, n: int, grid: int) -> tuple[tuple[float, pk.Curve], ...]:
    s, _ = _power_side(alpha, gamma, side, n, grid)
    return tuple((v, pk.iso_vote_curve(s, v, 201)) for v in ISO_LEVELS)


@lru_cache(maxsize=64)
def _contract(alpha: float, gamma_a: float, beta: float, gamma_b: float, n: int, grid: int) -> pk.Curve:
    a, _ = _power_side(alpha, gamma_a, "A", n, grid)
    b, _ = _power_side(beta, gamma_b, "B", n, grid)
    return pk.contract_curve(a, b, 121)


def figure2_state(
    quota_a: float = 0.65,
    quota_b: float = 0.65,
    alpha: float = 0.55,
    beta: float = 0.45,
    gamma_a: float = 0.5,
    gamma_b: float = 0.5,
    *,
    n: int = 2001,
    grid: int = 301,
) -> Figure2State:
    r"""Compute Figure 2 for two sides of the power family (:meth:`TwoIssueSide.power`).

    Parameters
    ----------
    quota_a, quota_b : float
        Ratification quotas in (0, 1].
    alpha, beta : float
        Weight of the ranchers (beef voters) in A and in B, in (0, 1).
    gamma_a, gamma_b : float
        Shape of each side's reservation values (CDF :math:`x^\gamma` on both
        issues), in :data:`twolevel.packages.GAMMA_RANGE`; smaller is more
        curved.
    n : int
        Constituents per issue and side.
    grid : int
        Grid points per axis for the shaded win-sets.

    The constituencies, grids, thin iso-vote curves and contract curve are
    cached per parameter set, so moving a quota recomputes only the masks,
    the bold contours and the lens corners.
    """
    qa, qb = check_quota("quota_a", quota_a), check_quota("quota_b", quota_b)
    n = check_positive_int("n", n, maximum=1_000_000)
    grid = check_positive_int("grid", grid, minimum=pk.GRID_RANGE[0], maximum=pk.GRID_RANGE[1])
    args_a = (float(pk._check_open_unit("alpha", alpha)), float(pk._check_gamma("gamma_a", gamma_a)))
    args_b = (float(pk._check_open_unit("beta", beta)), float(pk._check_gamma("gamma_b", gamma_b)))
    base_a, grid_a = _power_side(*args_a, "A", n, grid)
    base_b, grid_b = _power_side(*args_b, "B", n, grid)
    a, b = base_a.with_quota(qa), base_b.with_quota(qb)
    return Figure2State(
        a_side=a,
        b_side=b,
        grid_a=grid_a,
        grid_b=grid_b,
        lens=pk.lens(a, b, grids=(grid_a, grid_b)),
        contour_a=pk.contour(a, 201),
        contour_b=pk.contour(b, 201),
        iso_a=_side_curves(*args_a, "A", n, grid),
        iso_b=_side_curves(*args_b, "B", n, grid),
        corners=tuple(pk.lens_corners(a, b, 1001)),
        contract=_contract(*args_a, *args_b, n, grid),
        gamma_a=args_a[1],
        gamma_b=args_b[1],
    )


def _edge_offset(b: float, c: float, tol: float = 1e-6) -> tuple[tuple[float, float], str, str]:
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
    state). :meth:`update` moves every artist to a new state with
    ``set_data``/``set_position``; no artist is created or removed.
    """

    def __init__(self, state: Figure2State, *, size: float = 6.4):
        self.figure = Figure(figsize=(size, size))
        FigureCanvasAgg(self.figure)
        ax = self.ax = self.figure.add_axes((0.13, 0.1, 0.76, 0.76))
        ax.set_xlim(0.0, 1.0)
        ax.set_ylim(0.0, 1.0)
        ax.set_aspect("equal")
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_linewidth(1.5)
        ax.set_xlabel("Beef  (A's gain \u2192)", fontsize=13, labelpad=22)
        ax.set_ylabel("Citrus  (A's gain \u2192)", fontsize=13, labelpad=30)
        text_kw = dict(fontsize=14, fontweight="bold", clip_on=False)
        ax.text(1.01, 1.01, "AM", ha="left", va="bottom", transform=ax.transAxes, **text_kw)
        ax.text(-0.01, -0.01, "BM", ha="right", va="top", transform=ax.transAxes, **text_kw)
        self._shade = ax.imshow(
            np.zeros((2, 2, 4)), extent=(0, 1, 0, 1), origin="lower", interpolation="nearest", zorder=0
        )
        self._iso = {
            side: [ax.plot([], [], color=col, lw=0.8, alpha=0.8, zorder=2)[0] for _ in ISO_LEVELS]
            for side, col in (("A", _A_COLOUR), ("B", _B_COLOUR))
        }
        self._bold_a = ax.plot([], [], color=_A_COLOUR, lw=3.0, zorder=4, solid_capstyle="butt")[0]
        self._bold_b = ax.plot([], [], color=_B_COLOUR, lw=3.0, zorder=4, solid_capstyle="butt")[0]
        self._contract = ax.plot([], [], color="black", lw=1.6, ls=(0, (5, 3)), zorder=3)[0]
        self._corners = ax.plot([], [], ls="none", marker="o", ms=6, color=_LENS_TEXT, zorder=5)[0]
        self._end_labels = {}
        for name, col in (("A1", _A_COLOUR), ("A2", _A_COLOUR), ("B1", _B_COLOUR), ("B2", _B_COLOUR)):
            self._end_labels[name] = ax.annotate(
                name, xy=(0, 0), xytext=(0, 0), textcoords="offset points", color=col, annotation_clip=False,
                fontsize=13, fontweight="bold",
            )
        box = dict(boxstyle="round,pad=0.2", fc="white", ec="none", alpha=0.75)
        self._a_label = ax.text(0.97, 0.97, "A's win-set", ha="right", va="top", fontsize=11, color=_A_COLOUR, bbox=box)
        self._b_label = ax.text(0.03, 0.03, "B's win-set", ha="left", va="bottom", fontsize=11, color=_B_COLOUR, bbox=box)
        self._lens_label = ax.text(
            0.5, 0.5, "feasible\npackages (lens)", ha="center", va="center", fontsize=11, color=_LENS_TEXT,
            fontweight="bold", bbox=box, zorder=6,
        )
        self._contract_label = ax.annotate(
            "contract curve", xy=(0, 0), xytext=(10, -14), textcoords="offset points", fontsize=10,
            style="italic", zorder=6, bbox=box,
        )
        self._status = ax.text(0.5, 1.08, "", ha="center", va="bottom", transform=ax.transAxes, fontsize=12,
                               fontweight="bold", clip_on=False)
        self.update(state)

    def update(self, state: Figure2State) -> None:
        """Move the artists to ``state`` (no new artists are created)."""
        self.state = state
        a_mask = state.grid_a.values >= state.quota_a * (1.0 - pk.TIE_TOLERANCE)
        b_mask = state.grid_b.values >= state.quota_b * (1.0 - pk.TIE_TOLERANCE)
        rgba = np.ones(a_mask.shape + (4,))
        rgba[..., 3] = 0.0
        rgba[a_mask] = _A_FILL
        rgba[b_mask] = _B_FILL
        rgba[state.lens.mask] = _LENS_FILL
        self._shade.set_data(rgba)
        for side, curves in (("A", state.iso_a), ("B", state.iso_b)):
            for line, (_, curve) in zip(self._iso[side], curves):
                line.set_data(curve.b, curve.c)
        for line, curve, names in (
            (self._bold_a, state.contour_a, ("A1", "A2")),
            (self._bold_b, state.contour_b, ("B1", "B2")),
        ):
            line.set_data(curve.b, curve.c)
            for name, k in zip(names, (0, -1)):
                label = self._end_labels[name]
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
            xs, ys = zip(*state.corners)
            self._corners.set_data(xs, ys)
        else:
            self._corners.set_data([], [])
        if state.lens.is_empty:
            self._lens_label.set_visible(False)
            self._status.set_text("Deadlock: no package is ratified by both sides")
            self._status.set_color("#b2182b")
        else:
            jj, ii = np.nonzero(state.lens.mask)
            self._lens_label.set_position((float(state.lens.b[ii].mean()), float(state.lens.c[jj].mean())))
            self._lens_label.set_visible(True)
            self._status.set_text(f"Feasible packages: {100 * state.lens.area:.0f}% of the box")
            self._status.set_color("#08306b")


def putnam_figure2(
    quota_a: float = 0.65,
    quota_b: float = 0.65,
    alpha: float = 0.55,
    beta: float = 0.45,
    gamma_a: float = 0.5,
    gamma_b: float = 0.5,
) -> Figure:
    """Figure 2 as Putnam drew it: curved iso-vote contours from both corners and a lens between them.

    Defaults: each side needs 65% of its weight; A's ranchers hold 55% of
    A's votes and B's 45% of B's, so the contract curve bends away from the
    diagonal; reservation values follow :math:`x^{1/2}` (concave CDFs), and
    the bold contours cross twice, enclosing a lens as in Putnam's drawing.
    """
    return Figure2(figure2_state(quota_a, quota_b, alpha, beta, gamma_a, gamma_b)).figure


def figure2_static_explorer(
    quotas_a: tuple[float, ...] = tuple(round(0.5 + 0.05 * i, 2) for i in range(11)),
    quotas_b: tuple[float, ...] = tuple(round(0.5 + 0.05 * i, 2) for i in range(11)),
    alpha: float = 0.55,
    beta: float = 0.45,
    gamma_a: float = 0.5,
    gamma_b: float = 0.5,
    *,
    dpi: float = 80,
) -> StaticExplorer:
    """Figure 2 with sliders for both quotas that works in the static page (no kernel).

    The default 6 by 6 quotas give 36 frames of about 55 kB each (5 inches at
    80 dpi), so the page carries under 3 MB of images.
    """
    init_a = 0.65 if any(abs(q - 0.65) < 1e-12 for q in quotas_a) else quotas_a[0]
    init_b = 0.65 if any(abs(q - 0.65) < 1e-12 for q in quotas_b) else quotas_b[0]
    drawing = Figure2(figure2_state(init_a, init_b, alpha, beta, gamma_a, gamma_b), size=5.0)

    def update(quota_a: float, quota_b: float) -> str:
        drawing.update(figure2_state(quota_a, quota_b, alpha, beta, gamma_a, gamma_b))
        return drawing.state.alt_text()

    return static_explorer(
        drawing.figure,
        update,
        [
            Control("quota_a", "A's ratification quota", quotas_a, init_a),
            Control("quota_b", "B's ratification quota", quotas_b, init_b),
        ],
        name="figure2",
        caption=(
            f"Ranchers hold {alpha:.0%} of A's votes and {beta:.0%} of B's; reservation values follow "
            f"x^{gamma_a:g} (A) and x^{gamma_b:g} (B) on both issues. Dots mark the corners of the lens."
        ),
        dpi=dpi,
    )
