"""Issue 21's budgets on the fixture publication, as a reader's phone meets them: every page with everything
it loads but its pictures is at most 100 KB with gzip, and the home page and an article do not shift their
layout while they load, also when the browser has painted a part of the page before the rest arrived. (make bench
measures the same on the real site, with Lighthouse.)"""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable, Iterator
from html.parser import HTMLParser

import pytest
from chromium import NetworkWatch, open_all_quietly, wait_until_all_quiet
from project import free_port
from site_model import BuiltSite, review_pages
from static_host import PageHold, served_holding_pages

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


class PlaceFinder(HTMLParser):
    """Where something starts in a page, (line, column), or None: the header's search button (`search_button`), or
    what follows the end of the page's title, its first `h1` (`after_title`)."""

    def __init__(self, place: str) -> None:
        super().__init__()
        self.place = place
        self.found: tuple[int, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if (
            self.place == "search_button"
            and self.found is None
            and attributes.get("for") == "__search"
            and "md-header__button" in (attributes.get("class") or "").split()
        ):
            self.found = self.getpos()

    def handle_endtag(self, tag: str) -> None:
        if self.place == "after_title" and self.found is None and tag == "h1":
            line, column = self.getpos()
            self.found = (line, column + len("</h1>"))


def offset_of(place: str) -> Callable[[bytes], int]:
    """The byte offset of the place (PlaceFinder's) in a page; the page's end if it has none."""

    def offset(page: bytes) -> int:
        text = page.decode("utf-8")
        finder = PlaceFinder(place)
        finder.feed(text)
        if finder.found is None:
            return len(page)
        line, column = finder.found
        lines = text.splitlines(keepends=True)
        return len("".join(lines[: line - 1]).encode("utf-8")) + len(lines[line - 1][:column].encode("utf-8"))

    return offset


@pytest.fixture(scope="module")
def header_hold() -> PageHold:
    """Each page held just before its header's search button (after its language selector, before its search bar),
    until the test lets it go."""
    return PageHold(at=offset_of("search_button"))


@pytest.fixture(scope="module")
def served_holding_the_header(built_site: BuiltSite, header_hold: PageHold) -> Iterator[str]:
    """The built site's address, each page held part-way through its header (`header_hold`)."""
    with served_holding_pages(built_site.root, free_port(), header_hold) as address:
        yield address


# Material hides its search button (on a phone) and its search bar (on a wider screen) until its script has run
# (no-js); appearing, they pushed the language selector aside, 48 px at 390 px and 234 px at 1280 px (shifts of 0.0008
# and 0.0007 on every page), until publication.css kept their place. A browser also paints a page's header while the
# rest is on its way, on a slow network or a busy machine (about 1 load in 40 with four tabs and two busy cores):
# the parts arriving after the selector pushed it aside the same, until publication.css kept it invisible while the
# header is not whole. So each page is held before its search button until the browser has painted it.
@pytest.mark.parametrize("kind", ["home", "article"])
def test_no_layout_shift_on_a_phone(
    browser, built_site: BuiltSite, served_holding_the_header: str, header_hold: PageHold, kind: str
) -> None:
    assert_no_layout_shift(browser, built_site, served_holding_the_header, header_hold, kind, PHONE)


@pytest.mark.parametrize("kind", ["home", "article"])
def test_no_layout_shift_on_a_desktop(
    browser, built_site: BuiltSite, served_holding_the_header: str, header_hold: PageHold, kind: str
) -> None:
    assert_no_layout_shift(browser, built_site, served_holding_the_header, header_hold, kind, DESKTOP)


@pytest.fixture(scope="module")
def title_hold() -> PageHold:
    """Each page held just after its title, until the test lets it go."""
    return PageHold(at=offset_of("after_title"))


# On a wide screen a page with article cards or key figures is a wider column than one of text: decided by what
# arrives after the title, such a page painted before its cards widened its column when they came, moving the
# title 207 px (a shift of 0.10), until the page said so before its content (overrides/main.html).
def test_no_layout_shift_on_a_desktop_while_the_home_page_arrives(
    browser, built_site: BuiltSite, title_hold: PageHold
) -> None:
    with served_holding_pages(built_site.root, free_port(), title_hold) as address:
        assert_no_layout_shift(browser, built_site, address, title_hold, "home", DESKTOP)


# Resolves once the browser has painted something of the page (its first paint, as the page's performance timeline
# records it), or with false after 30 s. A promise the test awaits, not Playwright's polling (wait_for_function), which
# evaluates its text in the page and so is refused by the page's Content-Security-Policy.
FIRST_PAINT = """new Promise((resolve) => {
  new PerformanceObserver(() => resolve(true)).observe({type: "paint", buffered: true});
  setTimeout(() => resolve(false), 30000);
})"""


def assert_no_layout_shift(
    browser, built_site: BuiltSite, address: str, hold: PageHold, kind: str, screen: dict
) -> None:
    """The pages of the kind, one in each language, at the screen's size, each in a fresh context, opened and
    scrolled side by side: their waits for the network and for the browser to report a shift overlap. Each page is
    served up to the hold's place, and the rest once the browser has painted every one of them."""
    pages = review_pages(built_site.project)
    paths = [pages[name] for name in pages if name.endswith(f"-{kind}")]
    tabs = []
    for _ in paths:
        context = browser.new_context(viewport=screen)
        context.add_init_script(RECORD_LAYOUT_SHIFTS)
        tabs.append(context.new_page())

    def release_once_painted() -> None:
        try:
            unpainted = [path for tab, path in zip(tabs, paths, strict=True) if not tab.evaluate(FIRST_PAINT)]
        finally:
            hold.release()
        assert not unpainted, f"nothing painted in 30 s of what had arrived of {unpainted}"

    hold.hold()
    try:
        open_all_quietly(
            [(tab, address + path) for tab, path in zip(tabs, paths, strict=True)], once_committed=release_once_painted
        )
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
        hold.release()
        for tab in tabs:
            tab.context.close()
    shifted = {path: found for path, found in shifts.items() if found}
    assert not shifted, f"shifted their layout while loading at {screen['width']} px: {shifted}"
