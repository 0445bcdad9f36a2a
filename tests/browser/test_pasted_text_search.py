"""Search finds a word whatever was pasted into it, in Debian's Chromium: a copy of the project with a
page whose title and text hold soft hyphens, non-breaking and zero-width spaces and joiners, words in
typographic quotes and a typographic apostrophe (tests/pasted_project.py), built and served under the
site's sub-path. Each word is typed into the search box as a reader types it, at 1280 px, and must
find the page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from chromium import open_quietly
from pasted_project import PAGE_SEARCHES, Pasted, pasted_project
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from site_model import LANGUAGES
from static_host import built_and_served_like_github_pages

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
# Long enough for the search worker to index the language's pages on a busy machine.
RESULTS_TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def pasted(tmp_path_factory: pytest.TempPathFactory) -> Pasted:
    return pasted_project(tmp_path_factory.mktemp("pasted") / "project")


@pytest.fixture(scope="module")
def address(pasted: Pasted, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with built_and_served_like_github_pages(pasted.project, tmp_path_factory.mktemp("pasted-site")) as served:
        yield served


def found_pages(browser, address: str, language: str, typed: str) -> list[str]:
    """The pages a reader gets as results for `typed` in the search box of the language's home page:
    their addresses without the query (`?h=…`, which search.highlight adds) and without fragments."""
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    try:
        page = context.new_page()
        open_quietly(page, address + LANGUAGES.root(language) + "index.html")
        # Typed as a reader does: Material's search listens to focus and key events.
        page.locator(".md-search__input").click()
        page.keyboard.type(typed)
        results = page.locator(".md-search-result__item > .md-search-result__link")
        try:
            results.first.wait_for(timeout=RESULTS_TIMEOUT_MS)
        except PlaywrightTimeout:
            return []
        return [href.split("?")[0].split("#")[0] for href in results.evaluate_all("ls => ls.map(l => l.href)")]
    finally:
        context.close()


@pytest.mark.parametrize(
    ("language", "typed"), [(language, typed) for language, words in PAGE_SEARCHES.items() for typed in words]
)
def test_the_word_typed_finds_the_page_it_was_pasted_into(
    browser, pasted: Pasted, address: str, language: str, typed: str
) -> None:
    found = found_pages(browser, address, language, typed)
    assert address + pasted.html(language, pasted.page) in found, f"searching {typed!r} found {found}"
