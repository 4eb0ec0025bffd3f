"""Tests of twolevel.config: the working memory (the bounds themselves are checked in package/test_memory.py)."""

import numpy as np
import pytest

import twolevel as tl
from twolevel.config import chunk_size, chunked_map


def test_working_memory_is_set_and_restored():
    assert tl.get_working_memory() == tl.DEFAULT_WORKING_MEMORY == 512
    with tl.working_memory(3) as mb:
        assert mb == tl.get_working_memory() == 3
        with tl.working_memory(5):
            assert tl.get_working_memory() == 5
        assert tl.get_working_memory() == 3
    assert tl.get_working_memory() == 512
    with pytest.raises(ValueError, match="megabytes"):
        tl.set_working_memory(0)
    with pytest.raises(TypeError, match="megabytes"):
        tl.working_memory(1.5)


def test_chunks_fit_the_bound_and_never_vanish():
    with tl.working_memory(1):
        assert chunk_size(1 << 10, 10_000) == 1024
        assert chunk_size(1 << 30, 10) == 1  # one item larger than the bound still runs, alone
    assert chunk_size(8, 5) == 5


def test_chunked_map_is_the_same_for_any_chunk_size():
    x = np.linspace(0.0, 1.0, 3000).reshape(3, 1000)
    whole = chunked_map(np.sqrt, x, bytes_per_item=8)
    with tl.working_memory(1):
        pieces = chunked_map(np.sqrt, x, bytes_per_item=1 << 12)
    assert pieces.shape == x.shape and np.array_equal(whole, pieces)
