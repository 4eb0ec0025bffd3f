"""The package's front door (twolevel/__init__.py): a light import, a flat complete API, one layout, no cycles."""

import ast
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import twolevel as tl

PACKAGE = Path(tl.__file__).resolve().parent

#: The flat shared core (one module each), imported by ``import twolevel``.
CORE = [
    "twolevel.agreement",
    "twolevel.bargaining",
    "twolevel.config",
    "twolevel.defection",
    "twolevel.safety_margin",
    "twolevel.negotiation",
    "twolevel.scenario",
    "twolevel.spatial",
    "twolevel.winsets",
]
#: One subpackage per part of the article; Chapter 5's is imported eagerly, 6's and 7's on first use.
PARTS = ["twolevel.preferences", "twolevel.institutions", "twolevel.strategies"]
DEFERRED = ["twolevel.institutions", "twolevel.strategies"]
#: Heavy optional layers (sympy, matplotlib), loaded on first use.
LAZY = ["twolevel.symbolic", "twolevel.viz"]


def public_modules():
    """Every public module of the package (no leading underscore anywhere in its dotted name)."""
    for info in pkgutil.walk_packages(tl.__path__, "twolevel."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            yield info.name


def run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_import_is_light():
    code = "import sys, twolevel; print(sorted(m for m in ('sympy', 'matplotlib', 'ipywidgets') if m in sys.modules))"
    assert run(code) == "[]"


def test_the_core_and_chapter_5_are_imported_eagerly():
    eager = CORE + ["twolevel.preferences"]
    assert run(f"import sys, twolevel; print([m for m in {eager!r} if m not in sys.modules])") == "[]"


def test_deferred_subpackages_load_on_first_use_of_a_name():
    code = (
        f"import sys, twolevel as tl; before = [m for m in {DEFERRED!r} if m in sys.modules]; "
        f"tl.two_thirds; mid = [m for m in {DEFERRED!r} if m in sys.modules]; "
        f"from twolevel import cheapest_package; print(before, mid, [m for m in {DEFERRED!r} if m in sys.modules])"
    )
    assert run(code) == "[] ['twolevel.institutions'] ['twolevel.institutions', 'twolevel.strategies']"


def test_the_box_formulas_load_sympy_on_first_use_of_one_of_their_names():
    code = (
        "import sys, twolevel as tl; a = 'sympy' in sys.modules; tl.package_formulas; print(a, 'sympy' in sys.modules)"
    )
    assert run(code) == "False True"


def test_deferred_name_lists_match_the_modules():
    """tl's list of each deferred module's names is its __all__, exactly (a new name must be added)."""
    for owner, names in tl._DEFERRED.items():
        module = importlib.import_module(f"twolevel.{owner}")
        assert sorted(names) == sorted(module.__all__), owner


def test_every_public_name_of_every_model_module_is_in_tl():
    """The flat API is the contract: a name in a module's __all__ is ``tl.<name>``, the same object, in dir(tl)."""
    missing = []
    for name in CORE + PARTS + [f"twolevel.{owner}" for owner in tl._DEFERRED if "." in owner]:
        module = importlib.import_module(name)
        for attr in module.__all__:
            if getattr(tl, attr, None) is not getattr(module, attr) or attr not in dir(tl) or attr not in tl.__all__:
                missing.append(f"{name}.{attr}")
    assert not missing, missing


def test_the_layout_rule():
    """The core is flat modules; every subpackage is a part of the article (or viz), with its scenarios in one module."""
    top_level = {n for n in public_modules() if n.count(".") == 1}
    assert top_level == set(CORE) | set(PARTS) | set(LAZY)
    for part in PARTS:
        assert (PACKAGE / part.split(".")[1] / "scenario.py").is_file(), part
    nested = {n for n in public_modules() if n.count(".") == 2 and n.rsplit(".", 1)[0] in PARTS}
    assert all((PACKAGE / Path(*n.split(".")[1:])).with_suffix(".py").is_file() for n in nested), "no sub-subpackage"


def test_tests_mirror_the_modules_one_to_one():
    """``twolevel/x/y.py`` is tested in ``tests/twolevel/x/test_y.py`` (viz's tests are viz's)."""
    tests = Path(__file__).resolve().parents[1]
    missing = []
    for name in public_modules():
        parts = name.split(".")[1:]
        if parts[0] == "viz" or (PACKAGE / Path(*parts)).is_dir():
            continue
        expected = tests.joinpath(*parts[:-1], f"test_{parts[-1]}.py")
        if not expected.is_file():
            missing.append(str(expected.relative_to(tests)))
    assert not missing, missing


def imports_of(path: Path, module: str) -> set[str]:
    """The ``twolevel`` modules that ``module`` (at ``path``) imports, at any depth of its code."""
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            targets = [target] + [f"{target}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        else:
            continue
        found.update(t for t in targets if t.startswith("twolevel") and t in MODULES)
    return found - {module}


MODULES = {
    info.name: Path(importlib.util.find_spec(info.name).origin)
    for info in pkgutil.walk_packages(tl.__path__, "twolevel.")
}
MODULES["twolevel"] = PACKAGE / "__init__.py"


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The cycles of a directed graph, one path per strongly connected component that has one (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in graph[v]:
                cycles.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    return cycles


def import_graph() -> dict[str, set[str]]:
    """Who imports whom inside ``twolevel``, at any depth of the code (a function's import counts too).

    Importing an enclosing package (``from .. import preferences`` names ``twolevel``) and a package's
    ``__init__`` gathering its own modules' names are how a package works, not dependencies."""
    graph = {m: {t for t in imports_of(p, m) if not m.startswith(t + ".")} for m, p in MODULES.items()}
    for m, p in MODULES.items():
        if p.name == "__init__.py":
            graph[m] = {t for t in graph[m] if not t.startswith(m + ".")}
    return graph


def test_no_import_cycle_inside_twolevel():
    cycles = [c for c in import_cycles(import_graph()) if not all(m.startswith("twolevel.viz") for m in c)]
    assert cycles == []


def test_no_import_cycle_inside_viz():
    assert import_cycles(import_graph()) == []


def test_the_cycle_check_finds_a_cycle():
    assert import_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert import_cycles({"a": {"b"}, "b": set()}) == []


def test_lazy_layers_load_on_use_and_are_listed():
    assert {"symbolic", "viz"} <= set(dir(tl))
    assert callable(tl.symbolic.ratification_formulas)
    assert callable(tl.exact_lens_corners)
    assert callable(tl.viz.static_explorer)
    assert all(hasattr(tl, name) for name in tl.__all__)
