"""How twolevel.viz is put together: no import cycle, no private name shared between modules, one palette.

Read from the source (``ast``), so an import inside a function counts as
much as one at the top of a module: a live explorer's factory imports
:mod:`twolevel.viz.live` when called, and :mod:`twolevel.viz.live` must not
import the figure modules back.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import twolevel.viz

VIZ = Path(twolevel.viz.__file__).parent
MODULES = {p.stem: p for p in sorted(VIZ.glob("*.py"))}


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(viz module imported, names imported from it) for every relative import inside viz."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                out.append((node.module.split(".")[0], [a.name for a in node.names]))
            else:  # from . import palette
                out += [(a.name, []) for a in node.names]
    return out


def _graph() -> dict[str, set[str]]:
    return {name: {m for m, _ in _imports(path) if m in MODULES} for name, path in MODULES.items()}


def test_there_is_no_import_cycle_inside_viz():
    graph = _graph()
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in graph[node]:
            assert state.get(nxt) != 1, f"import cycle: {' -> '.join(stack + [node, nxt])}"
            if nxt not in state:
                visit(nxt, stack + [node])
        state[node] = 2

    for name in graph:
        if name not in state:
            visit(name, [])
    # the live explorers' machinery depends on no figure module
    assert graph["live"] <= {"drawing"}


def test_no_module_imports_a_private_name_of_another():
    private = [
        f"{name}: {mod}.{n}"
        for name, path in MODULES.items()
        for mod, names in _imports(path)
        for n in names
        if n.startswith("_")
    ]
    assert not private


def test_colours_are_named_in_the_palette_only():
    literal = re.compile(r"[\"']#[0-9a-fA-F]{6}[\"']")
    found = {
        name: literal.findall(path.read_text(encoding="utf8")) for name, path in MODULES.items() if name != "palette"
    }
    assert not {k: v for k, v in found.items() if v}


def test_no_drawing_is_typed_any():
    source = "\n".join(p.read_text(encoding="utf8") for p in MODULES.values())
    assert not re.search(r"drawing\s*:\s*Any", source)
