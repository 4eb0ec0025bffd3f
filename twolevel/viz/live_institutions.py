"""Live ipywidgets explorer of Level II institutions (JupyterLab; a kernel is needed)."""

from __future__ import annotations

from .explorers import _Explorer
from .figure_institutions import InstitutionsFigure, InstitutionsState, institutions_state

__all__ = ["InstitutionsExplorer"]


class InstitutionsExplorer(_Explorer):
    """X's rule, discipline and autonomy as sliders; both win-sets and both sides' shares.

    Parameters
    ----------
    spread_x, spread_y, quota_x, quota_y, discipline, autonomy : float
        Initial values (see :func:`twolevel.viz.institutions_state`).

    Examples
    --------
    >>> from twolevel.viz.live_institutions import InstitutionsExplorer
    >>> e = InstitutionsExplorer(discipline=0.2)
    >>> e.discipline.value, bytes(e.image.value[:4])
    (0.2, b'\\x89PNG')

    References
    ----------
    Putnam (1988), pp. 448-450. Book: chapter 6.
    """

    def __init__(
        self,
        spread_x: float = 0.9,
        spread_y: float = 0.6,
        quota_x: float = 0.5,
        quota_y: float = 0.5,
        discipline: float = 0.0,
        autonomy: float = 0.0,
    ):
        self.spreads = (spread_x, spread_y, quota_y)
        self.drawing = InstitutionsFigure(institutions_state(spread_x, spread_y, quota_x, quota_y, discipline, autonomy))
        self.quota_x = self._slider("X's quota (rule)", quota_x, 0.01)
        self.discipline = self._slider("X's discipline", discipline, 0.0)
        self.autonomy = self._slider("X's autonomy", autonomy, 0.0)
        self._assemble((self.quota_x, self.discipline, self.autonomy))

    def _state(self) -> InstitutionsState:
        sx, sy, qy = self.spreads
        return institutions_state(sx, sy, self.quota_x.value, qy, self.discipline.value, self.autonomy.value)
