"""Navigation order from the pages themselves: `nav_order: <number>` in a page's front matter.

Without a `nav:` in mkdocs.yml (which would tie the generator to one publication's pages), MkDocs
orders pages alphabetically by file name. Pages with `nav_order` come first, lowest first; pages
without it keep their alphabetical place after them. A folder's `index.md` always leads it, and
gives the folder its title.

The navigation exists from `on_nav`, but the pages' front matter is read only after it; `on_env`
comes after every page is read and before any is rendered, so the ordering happens there, from the
front matter MkDocs has already parsed.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import upstream
from ..findings import Finding
from ..front_matter_fields import front_matter_line
from ..problems import Problem

if TYPE_CHECKING:
    from ..state import BuildState

UNORDERED = float("inf")


def is_index(item) -> bool:
    return isinstance(item, Page) and item.file.name == "index"


def page_order(page: Page) -> float:
    value = page.meta.get("nav_order", UNORDERED)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        message = f"'nav_order' must be a number, for example 'nav_order: 10' (found {value!r})"
        raise Problem(
            Finding(f"docs/{page.file.src_uri}", front_matter_line(page.file.content_string, "nav_order"), message)
        )
    return value


def nav_order(item) -> float:
    """The item's `nav_order`; a section takes its index page's, or else the lowest of its pages'."""
    if isinstance(item, Page):
        return page_order(item)
    children = getattr(item, "children", None) or []
    index = next((child for child in children if is_index(child)), None)
    if index is not None and "nav_order" in index.meta:
        return page_order(index)
    return min((nav_order(child) for child in children if child is not index), default=UNORDERED)


def position(item) -> float:
    """Where an item goes among its siblings: a folder's index page leads it."""
    return float("-inf") if is_index(item) else nav_order(item)


def listed_elsewhere(page: Page, state: BuildState) -> bool:
    """A page the menu leaves out: one of the collection's (articles, further index pages, topic and author
    pages), so that its length does not grow with the archive, or a generated page reached otherwise."""
    generated = state.publication.generated.get(page.file.src_uri)
    if generated is not None and not generated.in_navigation:
        return True
    collection = state.articles
    return collection is not None and collection.listed_elsewhere(page.file.src_uri.removeprefix(f"{state.language}/"))


def without_pages_listed_elsewhere(items: list, state: BuildState) -> list:
    """The navigation without the pages listed elsewhere; a folder left empty goes too."""
    kept = []
    for item in items:
        if isinstance(item, Page) and listed_elsewhere(item, state):
            continue
        if getattr(item, "children", None):
            item.children = without_pages_listed_elsewhere(item.children, state)
            if not item.children:
                continue
        kept.append(item)
    return kept


def without_sections_of_one_page(items: list, parent=None) -> list:
    """The navigation with each folder whose only entry is its index page (the articles' folder, whose other
    pages are listed elsewhere) as that page: Material opens the current page's section as a panel of the
    phone menu, and a section with no entry but its index opens onto an empty one."""
    kept = []
    for item in items:
        if getattr(item, "children", None):
            item.children = without_sections_of_one_page(item.children, item)
            if len(item.children) == 1 and is_index(item.children[0]):
                item = item.children[0]
                item.parent = parent
        kept.append(item)
    return kept


def under_nearest_entry(pages: list[Page], menu: list) -> None:
    """Each page left out of the menu belongs to the nearest folder above it that the menu still shows: its
    section, or the index page that stands for it. Material marks the ancestors of the page it renders
    (MkDocs' `Page.active` sets its parent's), so the menu marks where the page belongs. A page of the
    language's own folder belongs to no entry."""
    shown = {id(item) for item in sections_and_pages(menu)}
    for page in pages:
        entry = page.parent
        while entry is not None and id(entry) not in shown:
            # A folder the menu shows as its index page kept that page as its one child.
            stand_in = entry.children[0] if len(entry.children) == 1 else None
            entry = stand_in if stand_in is not None and id(stand_in) in shown else entry.parent
        page.parent = entry


def sections_and_pages(items: list) -> list:
    found = []
    for item in items:
        found.append(item)
        found.extend(sections_and_pages(getattr(item, "children", None) or []))
    return found


def sort_items(items: list) -> list:
    for item in items:
        if getattr(item, "children", None):
            item.children = sort_items(item.children)
            # A folder's title comes from its index page, not from the folder's name (the same in every
            # language).
            index = next((child for child in item.children if is_index(child)), None)
            if index is not None and index.meta.get("title"):
                item.title = str(index.meta["title"])
    # sorted() is stable: items of equal order keep MkDocs' alphabetical order.
    return sorted(items, key=position)


def pages_in_order(items: list) -> list[Page]:
    pages = []
    for item in items:
        if isinstance(item, Page):
            pages.append(item)
        elif getattr(item, "children", None):
            pages.extend(pages_in_order(item.children))
    return pages


def order_navigation(state: BuildState) -> None:
    """This language's navigation in `nav_order`; in the preview, a bad `nav_order` is a warning and
    the navigation keeps MkDocs' order until it is fixed."""
    nav = state.navigation.pop(state.language)
    every_page = pages_in_order(nav.items)
    try:
        items = sort_items(without_pages_listed_elsewhere(nav.items, state))
    except Problem as problem:
        state.problems.stop_or_report(problem)
        return
    nav.items = without_sections_of_one_page(items)
    # MkDocs linked previous/next pages before this event; link them again in the new order. A page
    # left out of the menu is no step in it: it leads nowhere (the collection's pages are linked anew
    # by link_collection_pages).
    nav.pages = pages_in_order(nav.items)
    in_menu = {id(page) for page in nav.pages}
    left_out = [page for page in every_page if id(page) not in in_menu]
    for page in left_out:
        page.previous_page = page.next_page = None
    under_nearest_entry(left_out, nav.items)
    for previous, current in zip([None, *nav.pages[:-1]], nav.pages):
        current.previous_page = previous
        if previous is not None:
            previous.next_page = current
    if nav.pages:
        nav.pages[-1].next_page = None


def link_collection_pages(state: BuildState, files: Files) -> None:
    """Outside the navigation, each article leads to the one published before and the one after it
    (Material's footer and the head's rel=prev/next), and the index's pages lead to each other."""
    collection = state.articles
    if collection is None:
        return

    def page_at(path: str) -> Page | None:
        file = upstream.file_at(files, f"{state.language}/{path}")
        return file.page if file is not None else None

    for article in collection.of(state.language):
        page = page_at(article.path)
        if page is not None:
            older, newer = collection.neighbours(article)
            page.previous_page = page_at(older.path) if older else None
            page.next_page = page_at(newer.path) if newer else None
    index_pages = [
        page_at(collection.settings.index_path(number))
        for number in range(1, len(collection.index_pages(state.language)) + 1)
    ]
    index_pages = [page for page in index_pages if page is not None]
    if len(index_pages) > 1:
        after_index = index_pages[0].next_page
        for previous, current in itertools.pairwise(index_pages):
            previous.next_page, current.previous_page = current, previous
        index_pages[-1].next_page = after_index
    for path in [collection.settings.topic_path(topic) for topic in collection.topics] + [
        collection.settings.author_path(person) for person in collection.authors(state.language)
    ]:
        page = page_at(path)
        if page is not None:
            page.previous_page = page.next_page = None
