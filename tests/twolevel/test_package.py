"""The package's shape: a light import and a flat public API."""

import subprocess
import sys

import twolevel as tl


def test_import_is_light():
    code = "import sys, twolevel; print(sorted(m for m in ('sympy', 'matplotlib', 'ipywidgets') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_lazy_subpackages_and_public_api():
    assert all(hasattr(tl, name) for name in tl.__all__)
    assert tl.symbolic.ratification_formulas is not None
    assert tl.viz.static_explorer is not None


def test_lazy_names_resolve_to_their_modules():
    import twolevel.packages
    import twolevel.profiles

    assert tl.lens is twolevel.packages.lens
    assert tl.putnam_example is twolevel.profiles.putnam_example
    assert set(tl.__all__) <= set(dir(tl))
