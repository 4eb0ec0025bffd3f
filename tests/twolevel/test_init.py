"""The package's front door (twolevel/__init__.py): a light import and a flat, complete public API."""

import importlib
import pkgutil
import subprocess
import sys

import twolevel as tl

MODEL_MODULES = [
    "twolevel.agreement",
    "twolevel.bargaining",
    "twolevel.defection",
    "twolevel.institutions",
    "twolevel.linkage",
    "twolevel.memory",
    "twolevel.nonagreement",
    "twolevel.participation",
    "twolevel.profiles",
    "twolevel.safety_margin",
    "twolevel.scenarios",
    "twolevel.spatial",
    "twolevel.tactics",
    "twolevel.twoissue",
    "twolevel.winsets",
]


def public_modules():
    """Every public module of the package (no leading underscore anywhere in its dotted name)."""
    for info in pkgutil.walk_packages(tl.__path__, "twolevel."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            yield info.name


def test_import_is_light():
    code = "import sys, twolevel; print(sorted(m for m in ('sympy', 'matplotlib', 'ipywidgets') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


#: Chapters 6 and 7's subpackages, loaded on the first use of one of their names.
DEFERRED = ["twolevel.institutions", "twolevel.tactics"]


def test_every_other_numpy_only_module_is_imported_eagerly():
    eager = [m for m in MODEL_MODULES if m not in DEFERRED]
    code = f"import sys, twolevel; print([m for m in {eager!r} if m not in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_deferred_subpackages_load_on_first_use_of_a_name():
    code = (
        "import sys, twolevel as tl; before = [m for m in {d!r} if m in sys.modules]; "
        "tl.two_thirds; mid = [m for m in {d!r} if m in sys.modules]; "
        "from twolevel import cheapest_package; print(before, mid, [m for m in {d!r} if m in sys.modules])"
    ).format(d=DEFERRED)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[] ['twolevel.institutions'] ['twolevel.institutions', 'twolevel.tactics']"


def test_deferred_name_lists_match_the_subpackages():
    """tl's list of each deferred subpackage's names is its __all__, exactly (a new name must be added)."""
    for name in DEFERRED:
        module = importlib.import_module(name)
        assert sorted(tl._DEFERRED[name.rsplit(".", 1)[1]]) == sorted(module.__all__), name


def test_every_public_name_of_every_model_module_is_in_tl():
    """The flat API is the contract: a name in a module's __all__ is ``tl.<name>``, the same object, in dir(tl)."""
    missing = []
    for name in MODEL_MODULES:
        module = importlib.import_module(name)
        for attr in module.__all__:
            if getattr(tl, attr, None) is not getattr(module, attr) or attr not in dir(tl) or attr not in tl.__all__:
                missing.append(f"{name}.{attr}")
    assert not missing, missing
    assert tl.GAMMA_RANGE == (0.05, 1.0) and tl.GRID_RANGE == (11, 4001)


def test_model_modules_list_is_complete():
    """A new numpy-only module must be added to the eager imports (and to MODEL_MODULES above)."""
    top_level = {n for n in public_modules() if n.count(".") == 1}
    lazy = {"twolevel.symbolic", "twolevel.symbolic_packages", "twolevel.viz"}
    assert top_level == set(MODEL_MODULES) | lazy


def test_lazy_subpackages_load_on_use_and_are_listed():
    assert {"symbolic", "symbolic_packages", "viz"} <= set(dir(tl))
    assert tl.symbolic.ratification_formulas is not None
    assert tl.symbolic_packages.exact_lens_corners is not None
    assert tl.viz.static_explorer is not None
    assert all(hasattr(tl, name) for name in tl.__all__)


def test_aliases_kept_for_the_chapters():
    assert tl.TwoIssueSide is tl.TwoIssueConstituency
    assert tl.ALIASES == {"TwoIssueSide": "TwoIssueConstituency", "spatial_win_set": "reversion_win_set"}
    for old, new in tl.ALIASES.items():
        assert old in tl.__all__ and new in tl.__all__
