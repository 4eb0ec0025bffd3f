"""The examples in the package's docstrings run and give what they show.

Public modules are discovered, not listed: a new module is checked the day
it is added, and a public module, function or class without an example fails.
"""

import doctest
import importlib
import inspect
import pkgutil
import re

import numpy
import pytest

import twolevel

PUBLIC_MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(twolevel.__path__, "twolevel.")
    if not any(part.startswith("_") for part in info.name.split("."))
)


def public_objects(module):
    """The functions and classes a module defines and lists in ``__all__``."""
    for name in getattr(module, "__all__", []):
        obj = getattr(module, name)
        if (inspect.isfunction(obj) or inspect.isclass(obj)) and obj.__module__ == module.__name__:
            yield name, obj


def test_public_modules_are_found():
    assert {"twolevel.winsets", "twolevel.preferences.lens", "twolevel.viz.preferences"} <= set(PUBLIC_MODULES)


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    # As in numpy's and scipy's docs, examples assume ``import numpy as np`` and ``import twolevel as tl``.
    result = doctest.testmod(
        module, extraglobs={"np": numpy, "tl": twolevel}, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    )
    assert result.failed == 0
    assert result.attempted > 0, f"{name} has no example to run"


def has_section(doc: str, section: str) -> bool:
    """Whether a numpydoc docstring has the section (its title underlined with dashes)."""
    return re.search(rf"^{section}\n-{{{len(section)}}}$", doc, flags=re.MULTILINE) is not None


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_every_public_function_and_class_has_examples_and_references(name):
    module = importlib.import_module(name)
    lacking = [
        f"{obj_name}: {section}"
        for obj_name, obj in public_objects(module)
        for section in ("Examples", "References")
        if not has_section(inspect.getdoc(obj) or "", section)
    ]
    assert not lacking, lacking


def public_functions():
    """Every function of the flat API (``tl.<name>``), deferred ones included."""
    for name in twolevel.__all__:
        obj = getattr(twolevel, name)
        if inspect.isfunction(obj):
            yield name, obj


@pytest.mark.parametrize(("name", "func"), list(public_functions()), ids=[n for n, _ in public_functions()])
def test_every_public_function_documents_parameters_and_returns(name, func):
    """The API reference shows each function's Parameters (every one of them, by name) and Returns."""
    doc = inspect.getdoc(func) or ""
    params = [p for p in inspect.signature(func).parameters.values() if p.kind not in (p.VAR_KEYWORD,)]
    if params:
        assert has_section(doc, "Parameters"), f"{name}: no Parameters section"
        section = doc
        documented = re.findall(
            r"^\*{0,2}([A-Za-z_][A-Za-z_0-9]*(?:, [A-Za-z_][A-Za-z_0-9]*)*)\s*(?::|$)", section, flags=re.M
        )
        names = {n.strip() for line in documented for n in line.split(",")}
        missing = [p.name for p in params if p.name not in names]
        assert not missing, f"{name}: parameters not documented: {missing}"
    if inspect.signature(func).return_annotation not in (None, "None"):
        assert has_section(doc, "Returns"), f"{name}: no Returns section"
