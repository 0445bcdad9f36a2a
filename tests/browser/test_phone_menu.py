"""The menu on a phone (Material's drawer, opened with the header's menu button) lists the site's sections
on every page of the fixture publication, in both languages, and marks the one the page belongs to."""

from __future__ import annotations

import posixpath

import pytest
from site_model import assembled_publication, configured_languages, language_of, language_root, reader_pages

pytestmark = [pytest.mark.browser, pytest.mark.long_module]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# Every page readers navigate to (the sitemap's pages: tests/browser/test_browser.py holds the two equal).
with assembled_publication() as publication:
    SOURCE_PAGES = reader_pages(publication)

# The top-level entries of the menu: each item's own link (a section's is its index page's, in a container).
TOP_LEVEL_ENTRIES = """() => [...document.querySelectorAll("nav.md-nav--primary > ul.md-nav__list > li")].map((item) => {
  const link = item.querySelector(":scope > a.md-nav__link, :scope > div.md-nav__container > a.md-nav__link");
  return {href: link.href, name: link.innerText.trim(), marked: item.classList.contains("md-nav__item--active")};
})"""

# What a reader can tap in the open drawer: an element counts only where it is on top at its centre (a panel
# slid over another hides the other's links).
DRAWER = """() => {
  const onTop = (element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && (hit === element || element.contains(hit));
  };
  const nav = document.querySelector("nav.md-nav--primary");
  // The current page's entry, where it has a table of contents, is the button that opens it (its link hidden).
  const entries = [...nav.querySelectorAll("a.md-nav__link, label.md-nav__link[for='__toc']")].filter(onTop);
  return {
    links: entries.map((entry) => entry.href || location.href),
    names: entries.map((entry) => entry.innerText.trim()),
    backTitles: [...nav.querySelectorAll("label.md-nav__title:not([for='__drawer'])")].filter(onTop)
      .map((label) => label.getAttribute("for")),
  };
}"""

# The drawer is open and no transition is running.
SETTLED = """() => document.querySelector(".md-sidebar--primary").getBoundingClientRect().left === 0
  && document.getAnimations().length === 0"""


def desktop_sections(page, home: str) -> list[dict]:
    """The top-level entries of the menu on the language's home page, as a desktop shows them."""
    page.set_viewport_size(DESKTOP)
    page.goto(home, wait_until="load")
    entries = page.evaluate(TOP_LEVEL_ENTRIES)
    assert entries and all(entry["name"] for entry in entries), f"the desktop menu at {home} lists {entries}"
    return entries


def belongs_to(page_url: str, entry_url: str, home: str) -> bool:
    """Whether a page belongs to a top-level entry: it is the entry, or it is in the entry's folder (a folder's
    index page stands for its folder; the home page stands only for itself)."""
    if page_url == entry_url:
        return True
    if entry_url == home or posixpath.basename(entry_url) != "index.html":
        return False
    return page_url.startswith(posixpath.dirname(entry_url) + "/")


def open_drawer(page) -> dict:
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_function(SETTLED)
    return page.evaluate(DRAWER)


@pytest.mark.parametrize("language", configured_languages())
def test_phone_menu_lists_the_sites_sections_on_every_page(browser, served_site: str, language: str) -> None:
    """Where the page's section has entries of its own, the drawer opens on them (Material's way), and its
    title leads back to the sections; it never opens on an empty panel."""
    # As a reader who asked for less motion sees it: Material then opens the drawer and its panels without
    # sliding them (the same drawer, a quarter of a second sooner on every page and panel).
    context = browser.new_context(viewport=DESKTOP, service_workers="block", reduced_motion="reduce")
    page = context.new_page()
    home = served_site + language_root(language) + "index.html"
    sections = desktop_sections(page, home)
    expected = [entry["href"] for entry in sections]
    page.set_viewport_size(PHONE)
    problems = []
    for path in [path for path in SOURCE_PAGES if language_of(path) == language]:
        url = served_site + path
        page.goto(url, wait_until="load")
        drawer = open_drawer(page)
        if not drawer["links"] or not all(drawer["names"]):
            problems.append(f"{path}: the drawer opens on {list(zip(drawer['links'], drawer['names']))}")
            continue
        if drawer["backTitles"] and not set(expected) <= set(drawer["links"]):
            page.locator(f"label.md-nav__title[for='{drawer['backTitles'][0]}']").click()
            page.wait_for_function(SETTLED)
            drawer = page.evaluate(DRAWER)
        missing = [href for href in expected if href not in drawer["links"]]
        if missing:
            problems.append(f"{path}: the drawer does not show the sections {missing}")
        marked = [entry["href"] for entry in page.evaluate(TOP_LEVEL_ENTRIES) if entry["marked"]]
        belonging = [href for href in expected if belongs_to(url, href, home)]
        if marked != belonging:
            problems.append(f"{path}: the menu marks {marked} as the current section, not {belonging}")
    context.close()
    assert not problems, "\n".join(problems)
