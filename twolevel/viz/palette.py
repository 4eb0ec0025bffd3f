"""The book's one palette: every colour a figure of :mod:`twolevel.viz` draws with.

Colours are named by what they encode, not by hue, and each encodes one
thing across the book: the first side (X in Figure 1, A in Figure 2, the
targeted payments of Chapter 7) is always :data:`FIRST`, the second (Y, B,
the spread payments) always :data:`SECOND`. Blue against orange-brown stays
apart under the common colour-vision deficiencies (red against green would
not); ``tests/browser/test_palette.py`` checks every pair in :data:`CONTRASTS`
for protanopia, deuteranopia and tritanopia, and
``tests/twolevel/viz/test_palette.py`` checks that every figure draws only
with the colours below (and with black, white and greys).

Translucent fills are given with the alpha they are drawn with, so that
:func:`as_seen` composites them over the white page as a reader sees them.

Examples
--------
>>> from twolevel.viz import palette
>>> palette.FIRST, palette.SECOND
('#08519c', '#a63603')
>>> [round(c, 3) for c in palette.as_seen(palette.FEASIBLE, palette.FEASIBLE_ALPHA)]
[0.791, 0.886, 0.935]

References
----------
Putnam (1988), Figures 1 and 2 (pp. 441, 447) name the two sides X and Y, A
and B; the palette gives them the same two colours in every chapter.
"""

from __future__ import annotations

from typing import Final

from matplotlib.colors import to_rgba

__all__ = [
    "FIRST",
    "SECOND",
    "THIRD",
    "FEASIBLE",
    "FEASIBLE_ALPHA",
    "FIRST_FILL",
    "SECOND_FILL",
    "LENS_FILL",
    "LENS_TEXT",
    "AGREEMENT",
    "DEADLOCK",
    "GUIDE",
    "GROUP_FILLS",
    "COLOURS",
    "CONTRASTS",
    "as_seen",
]

#: The first side: X (Figure 1 and Chapters 4, 6), A (Figure 2), targeted payments (Chapter 7).
FIRST: Final = "#08519c"
#: The second side: Y, B, payments spread over every seat.
SECOND: Final = "#a63603"
#: A third quantity drawn beside the two sides' (the probability of agreement in Chapter 6).
THIRD: Final = "#238b45"
#: The range of feasible agreements in Figure 1 and the institutions figure, drawn at FEASIBLE_ALPHA.
FEASIBLE: Final = "#9ecae1"
FEASIBLE_ALPHA: Final = 0.55
#: Figure 2's win-sets and lens (RGBA, drawn as they are).
FIRST_FILL: Final = (0.62, 0.79, 0.88, 0.45)
SECOND_FILL: Final = (0.99, 0.75, 0.52, 0.45)
LENS_FILL: Final = (0.46, 0.42, 0.69, 0.75)
LENS_TEXT: Final = "#3f007d"
#: A status line: agreements are feasible / deadlock.
AGREEMENT: Final = "#08306b"
DEADLOCK: Final = "#b2182b"
#: Reference lines (zero, the chosen budget): a light grey.
GUIDE: Final = "0.5"
#: Chapter 7's committed supporters, the uncommitted and committed opponents (background bands).
GROUP_FILLS: Final = {"supporters": "#deebf7", "uncommitted": "#fff7bc", "opponents": "#fee0d2"}

#: Every colour above by name, with the alpha it is drawn with (None: opaque or its own alpha).
COLOURS: Final[dict[str, tuple[object, float | None]]] = {
    "first": (FIRST, None),
    "second": (SECOND, None),
    "third": (THIRD, None),
    "feasible": (FEASIBLE, FEASIBLE_ALPHA),
    "first fill": (FIRST_FILL, None),
    "second fill": (SECOND_FILL, None),
    "lens fill": (LENS_FILL, None),
    "lens text": (LENS_TEXT, None),
    "agreement": (AGREEMENT, None),
    "deadlock": (DEADLOCK, None),
    **{f"{name} band": (fill, None) for name, fill in GROUP_FILLS.items()},
    "page": ("white", None),
}

#: Pairs of colours that encode different things in one figure, so must look different.
CONTRASTS: Final = (
    ("first", "second"),
    ("first", "third"),
    ("second", "third"),
    ("first", "feasible"),
    ("second", "feasible"),
    ("feasible", "page"),
    ("first fill", "second fill"),
    ("first fill", "lens fill"),
    ("second fill", "lens fill"),
    ("first fill", "page"),
    ("second fill", "page"),
    ("lens fill", "page"),
    ("lens text", "first"),
    ("agreement", "deadlock"),
    ("supporters band", "uncommitted band"),
    ("uncommitted band", "opponents band"),
    ("supporters band", "opponents band"),
    ("first", "supporters band"),
    ("second", "opponents band"),
)


def as_seen(colour: object, alpha: float | None = None) -> tuple[float, float, float]:
    """sRGB in [0, 1] of a matplotlib colour drawn over the white page, with ``alpha`` if given.

    Examples
    --------
    >>> as_seen("#000000", 0.5)
    (0.5, 0.5, 0.5)

    References
    ----------
    The translucent fills of Putnam's Figures 1 and 2 (pp. 441, 447) as drawn in the book.
    """
    r, g, b, a = to_rgba(colour)  # type: ignore[arg-type]
    if alpha is not None:
        a = alpha
    return (r * a + 1.0 - a, g * a + 1.0 - a, b * a + 1.0 - a)
