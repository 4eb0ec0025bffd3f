"""Configuration: the working memory, a bound on the temporary arrays one call of the model allocates.

As scikit-learn's ``working_memory``, a function whose intermediate arrays
grow with the product of two sizes (agreements times constituents, trials
times constituents) processes its input in chunks, each within the bound, so
that a large constituency costs time, not an out-of-memory crash. The bound
is 512 MiB by default; it does not count the function's result (an ``n`` by
``n`` grid is returned whole) nor the constituencies the caller built.

>>> import twolevel as tl
>>> tl.get_working_memory()
512
>>> with tl.working_memory(64):
...     tl.get_working_memory()
64
>>> tl.get_working_memory()
512
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType

import numpy as np
import numpy.typing as npt

from ._checks import check_positive_int

__all__ = ["get_working_memory", "set_working_memory", "working_memory", "DEFAULT_WORKING_MEMORY"]

#: The default bound, in MiB.
DEFAULT_WORKING_MEMORY = 512
#: Accepted bounds, in MiB (1 MiB to 1 TiB).
_RANGE = (1, 1 << 20)
_state = {"megabytes": DEFAULT_WORKING_MEMORY}


def get_working_memory() -> int:
    """The current bound on a call's temporary arrays, in MiB.

    Returns
    -------
    int
        The bound, in MiB.

    Examples
    --------
    >>> import twolevel as tl
    >>> tl.get_working_memory()
    512

    References
    ----------
    Not in Putnam (1988): a bound of the package, as scikit-learn's ``working_memory``. Book: the
    benchmarks page (scaling).
    """
    return _state["megabytes"]


def set_working_memory(megabytes: int) -> int:
    """Set the bound on a call's temporary arrays (in MiB, 1 to 1,048,576); returns the previous bound.

    Parameters
    ----------
    megabytes : int
        The new bound, 1 to 1,048,576 MiB.

    Returns
    -------
    int
        The previous bound.

    Examples
    --------
    >>> import twolevel as tl
    >>> previous = tl.set_working_memory(256)
    >>> tl.get_working_memory(), previous
    (256, 512)
    >>> _ = tl.set_working_memory(previous)

    References
    ----------
    Not in Putnam (1988): a bound of the package, as scikit-learn's ``working_memory``. Book: the
    benchmarks page (scaling).
    """
    mb = check_positive_int("megabytes", megabytes, minimum=_RANGE[0], maximum=_RANGE[1])
    previous, _state["megabytes"] = _state["megabytes"], mb
    return previous


class working_memory:  # noqa: N801 - used as a function, like contextlib's context managers
    """Within a ``with`` block, bound a call's temporary arrays to ``megabytes`` MiB.

    Examples
    --------
    >>> import numpy as np
    >>> import twolevel as tl
    >>> voters = tl.SpatialConstituency(np.linspace(0, 1, 1001))
    >>> with tl.working_memory(1):  # 5001 agreements x 1001 voters, 1 MiB at a time
    ...     share = voters.approval_share(np.linspace(0, 1, 5001), 0.2)
    >>> share.shape, tl.get_working_memory()
    ((5001,), 512)

    References
    ----------
    Not in Putnam (1988): a bound of the package, as scikit-learn's ``set_config(working_memory=...)``
    and ``config_context``. Book: the benchmarks page (scaling).
    """

    def __init__(self, megabytes: int) -> None:
        self.megabytes = check_positive_int("megabytes", megabytes, minimum=_RANGE[0], maximum=_RANGE[1])
        self._previous: list[int] = []

    def __enter__(self) -> int:
        self._previous.append(set_working_memory(self.megabytes))
        return self.megabytes

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        set_working_memory(self._previous.pop())


def chunk_size(bytes_per_item: int, items: int) -> int:
    """How many items fit in the working memory at once (at least one)."""
    budget = get_working_memory() * (1 << 20)
    return max(1, min(items, budget // max(1, bytes_per_item)))


def chunked_map(
    func: Callable[[npt.NDArray[np.float64]], npt.NDArray[np.float64]],
    x: npt.NDArray[np.float64],
    bytes_per_item: int,
) -> npt.NDArray[np.float64]:
    """``func`` applied to the flattened ``x`` chunk by chunk (each within the working memory), reshaped to ``x``.

    ``func`` maps a 1-D array to a 1-D array of the same length, computing each
    item independently, so the result is the same for any chunk size.
    """
    flat = np.asarray(x, dtype=float).reshape(-1)
    step = chunk_size(bytes_per_item, flat.size)
    if step >= flat.size:
        return np.asarray(func(flat), dtype=float).reshape(np.shape(x))
    out = np.empty(flat.size, dtype=float)
    for start in range(0, flat.size, step):
        out[start : start + step] = func(flat[start : start + step])
    return out.reshape(np.shape(x))
