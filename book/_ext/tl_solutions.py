"""Solution titles that read like their exercise's and open the solution when tapped.

sphinx-exercise 1.2 titles a solution "Solution to Exercise 6.1 (...)", the
part after "Solution to" being a link to the exercise. Two defects follow:

* **Quotation marks.** The exercise's own title has typographic quotes
  (docutils' smart quotes turn ``"almost certainly"`` into “almost
  certainly”), but the solution's copy is built from the exercise as the
  directive first parsed it, before smart quotes ran, so it shows straight
  ones. Here the copy is taken from the exercise as it stands in the page.
* **The link.** The whole title of a folded solution is the button that
  opens it (sphinx-togglebutton); a tap on the link part opened the solution
  and jumped up to the exercise at the same time, leaving the solution out
  of sight. The exercise is right above its solution, so on screen the
  title is plain text and the whole title opens and closes the solution. The
  link to the exercise is kept for paper: in the PDF edition the solutions
  are collected at the end of the chapter (``scripts/pdf.sh``, which finds
  the exercise through this link), where a way back is useful. Screen and
  print show one of the two (``book/_assets/tl-reader.css``).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

SCREEN_CLASS = "tl-solution-of"   # the exercise's name, shown on screen
PRINT_CLASS = "tl-solution-link"  # the same, as a link to the exercise, shown on paper


class SolutionTitles(SphinxPostTransform):
    """After sphinx-exercise has written the solutions' titles (post-transforms 20-22)."""

    default_priority = 30
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        from sphinx_exercise.nodes import exercise_enumerable_node, exercise_node, solution_node

        exercises = {
            ex.get("label"): ex for ex in self.document.findall(lambda n: isinstance(n, (exercise_node, exercise_enumerable_node)))
        }
        for solution in self.document.findall(solution_node):
            title = solution.children[0] if solution.children else None
            link = title.next_node(nodes.reference) if isinstance(title, nodes.title) else None
            if link is None:
                continue
            exercise = exercises.get(solution.get("target_label"))
            if exercise is not None and isinstance(exercise.children[0], nodes.title) and link.children:
                # "Exercise 6.1", then the exercise's own "(kind: subject)" as the page shows it.
                name = [link.children[0].deepcopy(), *(c.deepcopy() for c in exercise.children[0].children)]
            else:  # an exercise on another page: keep sphinx-exercise's wording
                name = [c.deepcopy() for c in link.children]
            shown = nodes.inline("", "", *name, classes=[SCREEN_CLASS])
            printed = link.deepcopy()
            printed.children = []
            printed.extend(c.deepcopy() for c in name)
            printed["classes"].append(PRINT_CLASS)
            link.replace_self([shown, printed])


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_exercise")
    app.add_post_transform(SolutionTitles)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
