"""The examples in the package's docstrings run and give what they show."""

import doctest
import importlib

import pytest

MODULES = [
    "twolevel.winsets",
    "twolevel.symbolic",
    "twolevel.bargaining",
    "twolevel.agreement",
    "twolevel.defection",
    "twolevel.profiles",
    "twolevel.nonagreement",
    "twolevel.participation",
    "twolevel.linkage",
    "twolevel.packages",
    "twolevel.symbolic_packages",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
