"""The test suite's own scheduling (tests/conftest.py)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def grouped() -> tuple[str, ...]:
    # Read from the source: "conftest" as a module name is taken by tests/twolevel/conftest.py.
    tree = ast.parse((ROOT / "tests" / "conftest.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "GROUPED" for t in node.targets):
            return tuple(ast.literal_eval(node.value))
    raise AssertionError("tests/conftest.py defines no GROUPED")


def test_every_grouped_module_exists():
    # A GROUPED module that moved would silently be split across workers, and its
    # module-level tallies (the fuzz total, for one) would count only part of the calls.
    names = grouped()
    assert "tests/twolevel/package/test_fuzz.py" in names
    missing = [path for path in names if not (ROOT / path).is_file()]
    assert not missing, f"tests/conftest.py GROUPED names modules that do not exist: {missing}"
