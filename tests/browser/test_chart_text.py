"""Every chart on every page is sharp and its smallest text at least 11 CSS px tall, at 1366 px and on a 390 px phone.

Measured in Chromium (device pixel ratio 2) on the built book, page by page:

- a chart drawn by the book's formatter is an SVG (``twolevel.viz.style``):
  sharp at any density. Its text is drawn as glyph paths, each scaled by
  its font size over 100 (``scale(0.11 -0.11)`` is 11 pt); the smallest such
  size, times the width the page shows the image at over the SVG's own
  width, is the rendered height of its smallest text;
- a raster image in a page's text (PNG, JPEG, WebP) must hold at least two
  image pixels per CSS pixel;
- a static explorer says the height of its smallest text at its own width
  (``data-tl-text-px``, :mod:`twolevel.viz.frames`), scaled here by the
  width the page gives its image; its frames are checked for sharpness like
  any raster image.

A chart that stayed too wide for a phone fails with its page, its size and
its text height, whatever drew it (a figure function of ``twolevel.viz`` or a
chapter's own ``plt.subplots``).
"""

from __future__ import annotations

import re

import pytest

from browser_support import fail_message, offline_page, open_page

from .conftest import every_page

pytestmark = pytest.mark.slow

MIN_TEXT_CSS_PX = 11.0
WIDTHS = [1366, 390]

_IMAGES_JS = """() => Array.from(document.querySelectorAll('main img, article img')).map(img => {
    const r = img.getBoundingClientRect();
    const explorer = img.closest('[data-tl-frames]');
    return {
      src: img.currentSrc || img.src, css: r.width, natural: img.naturalWidth, complete: img.complete,
      explorer: explorer ? explorer.getAttribute('data-tl-frames') : null,
      textPx: explorer ? parseFloat(explorer.getAttribute('data-tl-text-px')) : null,
      ownWidth: img.getAttribute('width') ? parseFloat(img.getAttribute('width')) : null,
      visible: r.width > 0 && r.height > 0,
      output: img.closest('.cell_output') !== null,
    };
})"""

_GLYPH_SCALE = re.compile(r"scale\(([\d.]+) -([\d.]+)\)")
_SVG_WIDTH = re.compile(r'<svg\b[^>]*\bwidth="([\d.]+)pt"')


def svg_text_pt(svg: str) -> tuple[float, float]:
    """(width in pt, smallest font size in pt) of a matplotlib SVG whose text is drawn as paths."""
    width = _SVG_WIDTH.search(svg)
    sizes = [100 * float(a) for a, b in _GLYPH_SCALE.findall(svg) if a == b]
    assert width and sizes, "not an SVG chart with text drawn as paths (matplotlib, svg.fonttype 'path')"
    return float(width.group(1)), min(sizes)


def test_the_svg_reader_reads_matplotlibs_text_sizes():
    """The measurement itself: a chart with 9 pt and 13 pt text gives 9 pt."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(3, 2))
    fig.text(0.1, 0.5, "XM", fontsize=13)
    fig.text(0.6, 0.5, "YM", fontsize=9, rotation=90)
    out = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "path"}):
        fig.savefig(out, format="svg")
    width, smallest = svg_text_pt(out.getvalue())
    assert width == pytest.approx(216) and smallest == pytest.approx(9)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", every_page())
def test_every_chart_is_sharp_and_its_text_legible(browser, site, path, width):
    with offline_page(browser, site, width=width, height=900, device_scale_factor=2) as (page, watch):
        open_page(page, watch, path)
        page.evaluate("() => document.fonts.ready.then(() => true)")
        # Explorers load their first frame lazily as they come near the view: bring each in.
        for fig in page.locator("div.tl-frames").all():
            fig.scroll_into_view_if_needed()
            page.wait_for_function("el => { const i = el.querySelector('img'); return i.complete && i.naturalWidth > 0; }",
                                   arg=fig.element_handle())
        images = [i for i in page.evaluate(_IMAGES_JS) if i["visible"]]
        label = f"chart-text-{path.replace('/', '-')}-{width}"
        problems = []
        svg_cache: dict[str, tuple[float, float]] = {}
        for img in images:
            src, css = img["src"], img["css"]
            if not img["complete"] or not img["natural"]:
                problems.append(f"{src}: not loaded")
                continue
            if src.endswith(".svg"):
                if src not in svg_cache:
                    svg_cache[src] = svg_text_pt(page.request.get(src).text())
                own_pt, smallest_pt = svg_cache[src]
                # An SVG of W pt is W * 4/3 CSS px wide at its own size, where s pt of text is s * 4/3 CSS px.
                shown = smallest_pt * 4 / 3 * css / (own_pt * 4 / 3)
                if shown < MIN_TEXT_CSS_PX - 0.05:
                    problems.append(f"{src.rsplit('/', 1)[-1]}: smallest text {shown:.1f} CSS px "
                                    f"({smallest_pt:g} pt, shown {css:.0f} of its {own_pt * 4 / 3:.0f} CSS px)")
                continue
            if img["natural"] < 2 * css - 1:
                problems.append(f"{src.rsplit('/', 1)[-1]}: {img['natural']} px shown {css:.0f} CSS px wide (< 2x)")
            if img["explorer"]:
                if not img["textPx"] or not img["ownWidth"]:  # null or NaN: the explorer does not say
                    problems.append(f"explorer {img['explorer']}: no data-tl-text-px or width to measure its text by")
                    continue
                shown = img["textPx"] * css / img["ownWidth"]
                if shown < MIN_TEXT_CSS_PX - 0.05:
                    problems.append(f"explorer {img['explorer']}: smallest text {shown:.1f} CSS px "
                                    f"(shown {css:.0f} of its {img['ownWidth']:.0f} CSS px)")
            elif img["output"]:
                problems.append(f"{src.rsplit('/', 1)[-1]}: a raster chart, whose text size cannot be read "
                                "(charts are SVG: twolevel.viz.style)")
        assert not problems, fail_message(page, label, f"{path} at {width} px:\n  " + "\n  ".join(problems), watch)
