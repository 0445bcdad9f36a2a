"""Issue 21's budgets on the fixture publication, as a reader's phone meets them: every page with everything
it loads but its pictures is at most 100 KB with gzip, and the home page and an article do not shift their
layout while they load. (make bench measures the same on the real site, with Lighthouse.)"""

from __future__ import annotations

import gzip
import time

import pytest
from chromium import NetworkWatch, open_all_quietly, wait_until_all_quiet
from site_model import BuiltSite, review_pages

pytestmark = [pytest.mark.browser, pytest.mark.long_module]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PAGE_BUDGET = 100_000
# How many pages are opened together: their waits for the network overlap, and two cores still serve them.
PAGES_AT_ONCE = 4
# Every layout shift a reader did not cause, as the browser reports it (https://web.dev/articles/cls), from the
# start of the page: an init script of the browser context.
RECORD_LAYOUT_SHIFTS = """
window.__layoutShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__layoutShifts.push({value: entry.value, sources: entry.sources.map((s) => (s.node && s.node.outerHTML ? s.node.outerHTML.slice(0, 120) : String(s.node)) + JSON.stringify(s.previousRect) + JSON.stringify(s.currentRect))});
  }
}).observe({type: "layout-shift", buffered: true});
"""


def phone_tabs_without_cache(browser, count: int) -> list:
    """`count` tabs at the phone's size, each in its own browser context, that take nothing from a cache: each
    context routes its requests through Playwright, which turns its HTTP cache off (Chromium's debugging
    protocol's own switch held for a tab's first page only). Every page opened in one is fetched whole, as on a
    first visit, without a fresh context a page."""
    tabs = []
    for _ in range(count):
        context = browser.new_context(viewport=PHONE)
        context.route("**/*", lambda route: route.continue_())
        tabs.append(context.new_page())
    return tabs


def weights_without_pictures(
    tabs: list, addresses: list[str], compressed: dict[str, int]
) -> list[tuple[int, list[str]]]:
    """For each address, the bytes of the page and of everything it loads but pictures, each compressed with
    gzip as a static host sends text (level 6), and what was loaded: each page in its own tab (of
    `phone_tabs_without_cache`: nothing taken from a cache, as on a first visit), the pages opened together.
    `compressed`: the compressed size of each address loaded before, which every page shares (the site's files
    do not change while the test runs)."""
    tabs = tabs[: len(addresses)]
    responses: list[list] = [[] for _ in addresses]
    # Playwright marks each handler it is given: a function, not a list's bound method.
    handlers = [lambda response, seen=seen: seen.append(response) for seen in responses]
    for tab, handler in zip(tabs, handlers, strict=True):
        tab.on("response", handler)
    try:
        open_all_quietly(list(zip(tabs, addresses, strict=True)))
    finally:
        for tab, handler in zip(tabs, handlers, strict=True):
            tab.remove_listener("response", handler)
    measured = []
    for seen in responses:
        loaded = [
            response
            for response in seen
            if response.ok and not response.headers.get("content-type", "").startswith("image/")
        ]
        for response in loaded:
            if response.url not in compressed:
                compressed[response.url] = len(gzip.compress(response.body(), compresslevel=6))
        weight = sum(compressed[response.url] for response in loaded)
        measured.append((weight, [response.url.rsplit("/", 1)[-1] for response in loaded]))
    return measured


def test_every_page_with_what_it_loads_but_pictures_is_at_most_100_kb(
    browser, built_site: BuiltSite, served_site: str
) -> None:
    too_heavy, compressed = [], {}
    paths = built_site.content_paths()
    tabs = phone_tabs_without_cache(browser, PAGES_AT_ONCE)
    try:
        for start in range(0, len(paths), PAGES_AT_ONCE):
            batch = paths[start : start + PAGES_AT_ONCE]
            addresses = [served_site + path for path in batch]
            for path, (weight, loaded) in zip(
                batch, weights_without_pictures(tabs, addresses, compressed), strict=True
            ):
                # The page, the theme's stylesheet and scripts and the search index at least: a page that loaded
                # nothing would weigh nothing.
                assert len(loaded) >= 4, f"{path} loaded only {loaded}"
                if weight > PAGE_BUDGET:
                    too_heavy.append(f"{path}: {weight / 1000:.1f} KB ({', '.join(loaded)})")
    finally:
        for tab in tabs:
            tab.context.close()
    assert not too_heavy, "over the budget of 100 KB with gzip, pictures aside:\n" + "\n".join(too_heavy)


# Material hides its search button (on a phone) and its search bar (on a wider screen) until its script has run
# (no-js); appearing, they pushed the language selector aside, 48 px at 390 px and 234 px at 1280 px (shifts of 0.0008
# and 0.0007 on every page), until publication.css kept their place.
@pytest.mark.parametrize("kind", ["home", "article"])
def test_no_layout_shift_on_a_phone(browser, built_site: BuiltSite, served_site: str, kind: str) -> None:
    assert_no_layout_shift(browser, built_site, served_site, kind, PHONE)


@pytest.mark.parametrize("kind", ["home", "article"])
def test_no_layout_shift_on_a_desktop(browser, built_site: BuiltSite, served_site: str, kind: str) -> None:
    assert_no_layout_shift(browser, built_site, served_site, kind, DESKTOP)


def assert_no_layout_shift(browser, built_site: BuiltSite, served_site: str, kind: str, screen: dict) -> None:
    """The pages of the kind, one in each language, at the screen's size, each in a fresh context, opened and
    scrolled side by side: their waits for the network and for the browser to report a shift overlap."""
    pages = review_pages(built_site.project)
    paths = [pages[name] for name in pages if name.endswith(f"-{kind}")]
    tabs = []
    for _ in paths:
        context = browser.new_context(viewport=screen)
        context.add_init_script(RECORD_LAYOUT_SHIFTS)
        tabs.append(context.new_page())
    try:
        open_all_quietly([(tab, served_site + path) for tab, path in zip(tabs, paths, strict=True)])
        # The pictures further down load as the reader scrolls to them: they must not push the text either.
        watches = [NetworkWatch(tab) for tab in tabs]
        for tab in tabs:
            tab.mouse.wheel(0, 10_000)
        scrolled = time.monotonic()
        wait_until_all_quiet([(watch, scrolled) for watch in watches], timeout=30)
        for watch in watches:
            watch.stop()
        tabs[0].wait_for_timeout(300)
        shifts = {path: tab.evaluate("window.__layoutShifts") for tab, path in zip(tabs, paths, strict=True)}
    finally:
        for tab in tabs:
            tab.context.close()
    shifted = {path: found for path, found in shifts.items() if found}
    assert not shifted, f"shifted their layout while loading at {screen['width']} px: {shifted}"
