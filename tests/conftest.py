"""Shared fixtures (the repository root, the book built once per test run) and the run's order.

The README's test command runs pytest on every core (``-n auto``, pytest-xdist,
scheduled by :func:`pytest_xdist_make_scheduler`). Two things keep that cheap and correct:

* **One built book for every worker.** ``built_book`` runs ``bash
  scripts/build.sh`` once per run, whatever the number of workers: the first
  worker to need it builds under a file lock, the others wait and read the
  recorded outcome (the xdist documentation's recipe for session data).
* **An order that keeps both cores busy** (:func:`pytest_collection_modifyitems`).
  The tests that build or execute the whole book start first, so that the
  session's build and the independent executions (the clean build of the
  reproducibility test, the alternative parameter sets, the notebooks, the
  live notebooks) overlap; the tests that read the built pages follow; the
  unit tests, many and short, fill the gaps at the end. Within each tier the
  tests that took longest last time go first (pytest's cache,
  ``.pytest_cache``); a clean clone keeps the order of collection. Modules
  whose module-scoped fixture is expensive (a survey of every page, the PDF,
  a JupyterLab server) run whole on one worker (``GROUPED``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]

# Property tests draw the same examples on every run (seeds fixed, as everywhere
# in the project): a CI run cannot turn red by chance, and a failure found once
# is found again. Explore more widely locally with HYPOTHESIS_PROFILE=explore.
# No per-example deadline in CI: it is a wall-clock assertion, and on a shared
# 2-core machine running two workers it fails by chance (speed is measured by
# the benchmarks, as ratios).
settings.register_profile("ci", derandomize=True, database=None, print_blob=True, deadline=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


PAGE = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
    format_version: 0.13
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# A page with code

```{{code-cell}} ipython3
{code}
```
"""

TOC = """format: jb-book
root: book/index
chapters:
  - file: book/page
"""

COPIED = ["scripts", "_config.yml", "requirements.txt", "pyproject.toml", "package.json", "package-lock.json"]
COPIED_IN_BOOK = ["_ext", "_assets", "references.bib"]


def _copy_repository(dest: Path, whole_book: bool = False) -> Path:
    """A copy of the repository's build machinery and a book; returns its root.

    The book is two pages (an index and ``book/page.md``, which prints
    ``tl-clean 1``) or, with ``whole_book``, the real one. ``.venv`` and
    ``node_modules`` are links to this checkout's, so the copy's
    ``scripts/setup.sh`` finds everything installed and returns at once.
    """
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in COPIED + [p.name for p in ROOT.glob("requirements*.lock")]:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore)
        else:
            shutil.copy2(src, dest / name)
    shutil.copytree(ROOT / "twolevel", dest / "twolevel", ignore=ignore)
    (dest / "book").mkdir()
    for name in COPIED_IN_BOOK:
        src = ROOT / "book" / name
        if src.is_dir():
            shutil.copytree(src, dest / "book" / name, ignore=ignore)
        else:
            shutil.copy2(src, dest / "book" / name)
    for name in (".venv", "node_modules"):
        (dest / name).symlink_to(ROOT / name, target_is_directory=True)
    if whole_book:
        shutil.copy2(ROOT / "_toc.yml", dest / "_toc.yml")
        ignore_book = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints")
        shutil.copytree(ROOT / "book", dest / "book", ignore=ignore_book, dirs_exist_ok=True)
        return dest
    (dest / "_toc.yml").write_text(TOC, encoding="utf8")
    (dest / "book" / "index.md").write_text("# A tiny book\n\nTwo pages.\n", encoding="utf8")
    (dest / "book" / "page.md").write_text(PAGE.format(code='print("tl-clean", 1)'), encoding="utf8")
    return dest


@pytest.fixture(scope="session")
def copy_repository():
    """``_copy_repository(dest, whole_book=False)``: a copy to build or break."""
    return _copy_repository


@pytest.fixture(scope="session")
def notebook_page():
    """``notebook_page(code)``: the source of a MyST notebook page with one code cell."""
    return lambda code: PAGE.format(code=code)


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A copy of the repository with a two-page book (see ``_copy_repository``)."""
    return _copy_repository(tmp_path / "repo")


@dataclass(frozen=True)
class BuiltBook:
    """Outcome of the strict build, ``bash scripts/build.sh`` (README, CI)."""

    returncode: int
    log: str
    html: Path  # the built site's root folder (``_build/html``)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def run_build(repo: Path, *args: str, timeout: float = 1800) -> subprocess.CompletedProcess[str]:
    """Run ``bash <repo>/scripts/build.sh ARGS``: the README's build command.

    It runs ``scripts/setup.sh`` first (idempotent; a second when nothing
    changed), which drops the execution cache when ``twolevel/`` changed, and
    builds with ``-W -n --keep-going --all``: every page is re-read, so a page
    that failed once fails again until its cause is gone (executed notebooks
    still come from the cache).
    """
    env = dict(os.environ, PYTHONHASHSEED="0")
    return subprocess.run(
        ["bash", str(repo / "scripts" / "build.sh"), *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def build_failure(log: str, tail: int = 2000) -> str:
    """A failed build's log for an assertion message: its error and warning lines first, then its tail.

    (jupyter-book ends a failed build with a long traceback of its own, which
    pushes the cause, e.g. a notebook cell's error or timeout, out of a plain tail.)
    """
    causes = [line for line in log.splitlines() if re.search(r"WARNING|ERROR|Error|Timeout|timed out", line)]
    return "\n".join(causes[:40]) + "\n--- tail ---\n" + log[-tail:]


@pytest.fixture(scope="session")
def build_command():
    """``run_build`` for tests that build a copy of the repository."""
    return run_build


def shared_tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary folder shared by every worker of this run (the run's own, without xdist)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def built_book(tmp_path_factory: pytest.TempPathFactory) -> BuiltBook:
    """Build the HTML book once for the whole run, exactly as the README does.

    Under pytest-xdist every worker has its own session: the first worker to
    ask builds under a file lock and records the outcome; the others wait for
    the lock and read it, so the book is built (and executed) once per run.
    Nothing else in the run rebuilds ``_build/html``: the PDF test prints this
    build (``scripts/pdf.sh --built``) and the student edition is built in a
    copy of the repository.
    """
    shared = shared_tmp(tmp_path_factory)
    record = shared / "built_book.json"
    with FileLock(str(shared / "built_book.lock")):
        if record.is_file():
            outcome = json.loads(record.read_text(encoding="utf8"))
        else:
            proc = run_build(ROOT)
            outcome = {"returncode": proc.returncode, "log": proc.stdout + proc.stderr}
            record.write_text(json.dumps(outcome), encoding="utf8")
    return BuiltBook(outcome["returncode"], outcome["log"], ROOT / "_build" / "html")


# ------------------------------------------------------------------ the run's order

# Tiers, first to last: (path prefix or node id prefix, tier). The first match decides;
# anything unmatched (the unit tests) is in the last tier.
TIERS: list[tuple[str, int]] = [
    ("tests/book/test_build.py", 0),  # the session's build: everything that reads pages waits for it
    ("tests/book/test_reproducible.py::test_a_clean_build", 1),  # a second full build, overlapping the first
    ("tests/book/test_student_edition.py::test_student_edition_builds", 1),
    ("tests/live/", 1),
    ("tests/book/test_parameter_sets.py::test_chapter_under_parameter_set", 2),
    ("tests/book/test_notebooks.py::test_chapter_executes", 2),
    ("tests/book/test_pdf.py", 3),
    ("tests/browser/test_reader_pages.py", 3),
    ("tests/browser/", 4),
    ("tests/book/", 4),
]
UNIT_TIER = 5

# Modules that run whole on one worker (pytest_xdist_make_scheduler): an expensive module-scoped fixture (a survey of
# every page, the PDF, a JupyterLab server), the session's build, or a last test that
# totals what the module's other tests counted in the process (the fuzz suite).
GROUPED = (
    "tests/browser/test_reader_pages.py",
    "tests/book/test_pdf.py",
    "tests/live/test_jupyterlab.py",
    "tests/book/test_build.py",
    "tests/twolevel/package/test_fuzz.py",
)

DURATIONS_KEY = "twolevel/durations"


def tier(nodeid: str) -> int:
    for prefix, rank in TIERS:
        if nodeid.startswith(prefix):
            return rank
    return UNIT_TIER


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]):
    # A wrapper, so that the order is set before any plugin's implementation sees the items.
    _order(config, items)
    return (yield)


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """pytest-xdist's scope scheduling, the scope being a GROUPED module, else the test itself.

    (pytest-xdist 3.8's own ``xdist_group`` marks do nothing under pytest 9.2: it
    renames items through ``Item._nodeid``, which pytest 9.2 no longer reads.)
    Work goes out in the collection's order (``--no-loadscope-reorder``), i.e. :func:`_order`'s.
    """
    from xdist.scheduler import LoadScopeScheduling

    class GroupedScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return path if path in GROUPED else nodeid

    return GroupedScheduling(config, log)


def _order(config: pytest.Config, items: list[pytest.Item]) -> None:
    cache = getattr(config, "cache", None)
    last: dict[str, float] = cache.get(DURATIONS_KEY, {}) if cache is not None else {}
    # Longest module first within a tier; a module's tests stay together and in
    # their order, so that its module-scoped fixtures are set up once per worker.
    module_time: dict[str, float] = {}
    for item in items:
        module = item.nodeid.split("::", 1)[0]
        module_time[module] = module_time.get(module, 0.0) + last.get(item.nodeid, 0.0)
    order = {id(item): i for i, item in enumerate(items)}

    def key(item: pytest.Item) -> tuple[int, float, str, int]:
        module = item.nodeid.split("::", 1)[0]
        return tier(item.nodeid), -module_time[module], module, order[id(item)]

    items.sort(key=key)  # the same order in every worker, as xdist requires


# Each test's time in this run (setup, call and teardown), kept on the controller
# (or a lone process) and merged into pytest's cache at the end of the run.
_durations: dict[str, float] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    nodeid = report.nodeid
    _durations[nodeid] = _durations.get(nodeid, 0.0) + report.duration


def pytest_sessionfinish(session: pytest.Session) -> None:
    cache = getattr(session.config, "cache", None)
    if os.environ.get("PYTEST_XDIST_WORKER") or cache is None or not _durations:
        return
    # Keep the tests not run this time (a run of one file must not forget the others).
    merged = dict(cache.get(DURATIONS_KEY, {}))
    merged.update({k: round(v, 3) for k, v in _durations.items()})
    cache.set(DURATIONS_KEY, merged)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """Say loudly how many browser tests did not run for want of a browser, and why."""
    reasons: dict[str, int] = {}
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = getattr(report, "longrepr", None)
        reason = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)
        if "BROWSER TESTS NOT RUN" in reason:
            why = reason.split("BROWSER TESTS NOT RUN", 1)[1].lstrip(": ")
            reasons[why] = reasons.get(why, 0) + 1
    if reasons:
        terminalreporter.section("BROWSER TESTS NOT RUN", sep="#", red=True, bold=True)
        for why, n in reasons.items():
            terminalreporter.write_line(f"{n} browser test(s) skipped: {why}", red=True, bold=True)
