"""The word budget of the chapter contract (CONTRIBUTING.md), measured by ``scripts/chapter_length.py``.

The counter is checked on a synthetic chapter whose words are known; then every
chapter of ``_toc.yml`` must have an entry in the script's table of article
words and a core within its budget.
"""

from __future__ import annotations

import runpy
import subprocess
import sys

import pytest

from .chapters import ROOT, toc_chapters

SCRIPT = ROOT / "scripts" / "chapter_length.py"
LENGTH = runpy.run_path(str(SCRIPT))

SYNTHETIC = """---
jupytext:
  text_representation:
    format_name: myst
---

(ch04-title)=
# Four words of title

:::{admonition} Objectives
:class: tip
one two three
:::

```{code-cell} ipython3
:tags: [remove-cell]
these words are code and never count
```

Five words with {glue:md}`key:myst` glue, $x^2$ and {cite:p}`putnam1988`.

$$
x = \\text{display maths does not count}
$$

```{admonition} A backtick fence
:class: note
Three more words.
```

(ch04-claims)=
## Putnam's claims in this section

| Claim | Page | Where shown | Status |
|---|---|---|---|
| skipped words in the table | 437 | x | the text says |

(ch04-exercises)=
## Exercises

::::{exercise} Conceptual: skipped
:label: ex-one
skipped exercise words
::::

:::{solution} ex-one
skipped solution words
:::

(ch04-further-reading)=
## Further reading

Read more.

(ch04-deeper)=
## Going deeper

Deeper words here.

````{prf:proposition} Its title is not counted
:label: prop-x
Two words.
````

(ch04-deeper-exercises)=
### Exercises for formal readers

::::{exercise} Derivation: skipped
skipped
::::
"""


def test_counter_on_a_synthetic_chapter(tmp_path):
    path = tmp_path / "ch04_synthetic.md"
    path.write_text(SYNTHETIC, encoding="utf8")
    row = LENGTH["measure"](path)
    # Core: "# Four words of title" (4), "one two three" (3), the sentence
    # "Five words with W glue, M and Author Year" (9), "Three more words" (3),
    # "## Further reading" (2), "Read more" (2): 23. Deeper: "## Going deeper" (2),
    # "Deeper words here" (3), "Two words" (2): 7.
    assert (row.core, row.deeper) == (23, 7), row
    assert row.budget == LENGTH["budget"](row.article) == max(2 * row.article, 2500)


def test_counter_needs_an_article_entry(tmp_path):
    path = tmp_path / "ch99_unknown.md"
    path.write_text("# Title\n", encoding="utf8")
    with pytest.raises(KeyError, match="ch99"):
        LENGTH["measure"](path)


@pytest.mark.parametrize("chapter", toc_chapters())
def test_core_within_its_budget(chapter):
    row = LENGTH["measure"](ROOT / f"{chapter}.md")
    assert row.deeper > 0, f"{chapter}: no 'Going deeper' layer (label {chapter[5:9]}-deeper)"
    assert row.within, (
        f"{chapter}: the core has {row.core} words, over its budget of {row.budget} "
        f"(twice the {row.article} words of pp. {row.pages}, at least {LENGTH['FLOOR']})"
    )


def test_script_prints_every_chapter():
    out = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, check=False, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    for chapter in toc_chapters():
        assert f"| {chapter.removeprefix('book/')} |" in out.stdout, out.stdout
