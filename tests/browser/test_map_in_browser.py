"""The partnership map in Chromium, as readers see it: the labels' real glyphs inside the map, over no
other label and no dot, with contrast against the land and the sea; and the width the build assumes
for a label's text never less than the browser gives it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import pytest
from microsite.maps.labels import TextLine, text_width
from site_model import BuiltSite

pytestmark = pytest.mark.browser

# Each text's box as drawn (glyphs, in the SVG's units), the dots', the view, and the colours painted.
DRAWN = """() => {
  const svg = document.querySelector('.partnership-map__svg');
  const box = element => { const b = element.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; };
  const style = selector => getComputedStyle(svg.querySelector(selector));
  const text = style('text');
  return {
    view: [svg.viewBox.baseVal.width, svg.viewBox.baseVal.height],
    texts: [...svg.querySelectorAll('text')].map(box),
    dots: [...svg.querySelectorAll('circle')].map(box),
    colours: {text: text.fill, halo: text.stroke, land: style('.partnership-map__land').fill,
              sea: style('.partnership-map__sea').fill},
  };
}"""


def map_pages(site: BuiltSite) -> list[str]:
    return [path for path in site.content_paths() if 'class="partnership-map"' in (site.root / path).read_text("utf-8")]


@pytest.fixture
def page(browser) -> Iterator:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    yield context.new_page()
    context.close()


def overlap(first: list[float], second: list[float]) -> bool:
    return min(first[2], second[2]) > max(first[0], second[0]) and min(first[3], second[3]) > max(first[1], second[1])


def luminance(colour: str) -> tuple[float, float]:
    """Relative luminance (WCAG) of a CSS colour as the browser computes it, and its opacity."""
    red, green, blue, *alpha = (float(value) for value in re.findall(r"[\d.]+", colour))
    channels = [value / 255 for value in (red, green, blue)]
    linear = [value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4 for value in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2], alpha[0] if alpha else 1.0


def contrast(text: str, background: str) -> float:
    """The contrast ratio of text over an opaque background (a translucent text blended into it)."""
    (text_luminance, opacity), (background_luminance, _) = luminance(text), luminance(background)
    # Blending in luminance is close enough where one of them is black or white, as here.
    blended = opacity * text_luminance + (1 - opacity) * background_luminance
    lighter, darker = max(blended, background_luminance), min(blended, background_luminance)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_labels_cover_nothing_and_stay_inside_the_map(page, served_site: str, built_site: BuiltSite) -> None:
    pages = map_pages(built_site)
    assert pages
    for path in pages:
        # The map is drawn into the page when it is built: laid out by `load`.
        page.goto(served_site + path, wait_until="load")
        drawn = page.evaluate(DRAWN)
        width, height = drawn["view"]
        for text in drawn["texts"]:
            assert text[0] >= 0 and text[1] >= 0 and text[2] <= width and text[3] <= height, (path, text)
            assert not any(overlap(text, dot) for dot in drawn["dots"]), (path, text)
        for first, second in itertools.combinations(drawn["texts"], 2):
            assert not overlap(first, second), (path, first, second)
        colours = drawn["colours"]
        for background in (colours["halo"], colours["land"], colours["sea"]):
            assert contrast(colours["text"], background) >= 4.5, (path, colours)


NAMES = ["Mumbai", "Wąchock", "Salt Lake City", "Neustadt am Rübenberge", "Städtepartnerschaft seit 1978"]
# DejaVu Sans, the widest of the usual sans-serif fonts; Liberation Sans, Arial's metrics; the site's own.
FONTS = ["DejaVu Sans", "Liberation Sans", "var(--md-text-font-family, sans-serif)"]


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("bold", [True, False])
def test_the_width_assumed_for_text_is_never_less_than_the_browsers(page, font: str, bold: bool) -> None:
    texts = "".join(f'<text y="{20 * (number + 1)}" font-size="17">{name}</text>' for number, name in enumerate(NAMES))
    weight = ' font-weight="700"' if bold else ""
    page.set_content(f'<svg xmlns="http://www.w3.org/2000/svg"{weight} style="font-family: {font}">{texts}</svg>')
    widths = page.evaluate("() => [...document.querySelectorAll('text')].map(text => text.getComputedTextLength())")
    for name, width in zip(NAMES, widths):
        assert width <= text_width(TextLine(name, 17, bold)), name
