"""A lagging translation as readers meet it, in Debian's Chromium: the outdated notice, the stand-in for
a page not translated yet, a data text shown in its source language, the status pages, and a missing
address of a translation served as GitHub Pages serves it (the root 404.html). Each has no axe
violation, the language switch leads where it should, and search stays in the reader's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from chromium import axe_violations, open_all_quietly, open_quietly, resize_all_quietly
from lagging_project import Lag, lagging_project
from project import PUBLICATION
from site_model import LANGUAGES, language_of, status_pages
from static_host import built_and_served_like_github_pages

pytestmark = pytest.mark.browser

DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}
SOURCE, TRANSLATION = LANGUAGES.source, LANGUAGES.translations[0]


@pytest.fixture(scope="module")
def lag(tmp_path_factory: pytest.TempPathFactory) -> Lag:
    return lagging_project(tmp_path_factory.mktemp("lag") / "project")


@pytest.fixture(scope="module")
def address(lag: Lag, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with built_and_served_like_github_pages(lag.project, tmp_path_factory.mktemp("lag-site")) as served:
        yield served


@pytest.fixture
def open_page(browser, address: str) -> Iterator:
    contexts = []

    def opened(path: str, network_quiet: bool = False):
        context = browser.new_context(viewport=DESKTOP, service_workers="block")
        contexts.append(context)
        page = context.new_page()
        # The language selector and the notice read the page as laid out by `load`; a test of what
        # the search finds waits for its worker and the language's stemmer (network_quiet).
        if network_quiet:
            open_quietly(page, address + path)
        else:
            page.goto(address + path, wait_until="load")
        return page

    yield opened
    for context in contexts:
        context.close()


def reader_pages(lag: Lag) -> dict[str, str]:
    return {
        "outdated translation": lag.html(TRANSLATION, lag.outdated),
        "stand-in": lag.html(TRANSLATION, lag.untranslated),
        "original without translation": lag.html(SOURCE, lag.untranslated),
        "untranslated data text": lag.html(TRANSLATION, lag.record_page),
        **{f"status page ({language_of(page)})": page for page in status_pages(lag.project)},
        "missing address of the translation": f"{TRANSLATION}/nothing-here.html",
    }


PAGES = [
    "outdated translation",
    "stand-in",
    "original without translation",
    "untranslated data text",
    *(f"status page ({language_of(page)})" for page in status_pages(PUBLICATION)),
    "missing address of the translation",
]


def test_axe_finds_no_violations_on_a_desktop_or_a_phone(browser, lag: Lag, address: str) -> None:
    """Every page opened once, side by side (their waits for the network overlap), read by axe-core on a desktop
    and again laid out at the phone's width, with whatever it asks for there: as the real publication's axe
    test reads its pages."""
    pages = reader_pages(lag)
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    try:
        tabs = {which: context.new_page() for which in PAGES}
        open_all_quietly([(tab, address + pages[which]) for which, tab in tabs.items()])
        violations = [f"{which} (desktop): {line}" for which, tab in tabs.items() for line in axe_violations(tab)]
        resize_all_quietly(list(tabs.values()), PHONE)
        violations += [f"{which} (phone): {line}" for which, tab in tabs.items() for line in axe_violations(tab)]
    finally:
        context.close()
    assert not violations, "\n".join(violations)


def switch_language(page, language: str) -> None:
    page.locator(".md-header .md-select button").click()
    page.locator(f".md-select__link[hreflang='{language}']").click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize(
    ("start", "language", "target"),
    [
        ("original without translation", TRANSLATION, "stand-in"),
        ("stand-in", SOURCE, "original without translation"),
        ("outdated translation", SOURCE, None),
    ],
)
def test_the_language_switch_leads_to_the_counterpart(
    open_page, lag: Lag, address: str, start: str, language: str, target: str | None
) -> None:
    pages = reader_pages(lag)
    page = open_page(pages[start])
    switch_language(page, language)
    expected = pages[target] if target else lag.html(SOURCE, lag.outdated)
    assert page.url == address + expected
    assert page.locator("html").get_attribute("lang") == language


def test_the_notice_is_a_named_note_with_its_date_section_and_original(open_page, lag: Lag) -> None:
    page = open_page(reader_pages(lag)["outdated translation"])
    notice = page.get_by_role("note")
    assert notice.count() == 1
    assert notice.locator("time").get_attribute("datetime") == "2026-03-04"
    original = notice.locator(f"a[hreflang='{SOURCE}']")
    original.click()
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == SOURCE


def test_a_missing_address_of_the_translation_answers_in_its_language(open_page) -> None:
    page = open_page(f"{TRANSLATION}/nothing-here.html")
    part = page.locator(f"section[lang='{TRANSLATION}']")
    assert part.count() == 1 and part.locator("a").count() >= 1


@pytest.mark.parametrize("language", [SOURCE, TRANSLATION])
def test_search_finds_only_pages_of_the_readers_language(open_page, lag: Lag, address: str, language: str) -> None:
    """The stand-in carries the original's title: searching its words in the other language finds no
    page of the original's language (and not the stand-in, which is no translation)."""
    title_word = max(lag.html(SOURCE, lag.untranslated).removesuffix(".html").split("/")[-1].split("-"), key=len)
    # The search worker and its language's stemmer are loaded after `load`: "no result" must come from it.
    page = open_page(("" if language == SOURCE else f"{TRANSLATION}/") + "index.html", network_quiet=True)
    page.locator(".md-search__input").click()
    page.keyboard.type(title_word)
    results = page.locator(".md-search-result__item > .md-search-result__link")
    if language == SOURCE:
        results.first.wait_for()
    else:
        # No result is an answer too: give the search worker time to give it.
        page.wait_for_timeout(1500)
    targets = [href.removeprefix(address) for href in results.evaluate_all("links => links.map(link => link.href)")]
    assert all(language_of(target) == language for target in targets), targets
    assert lag.html(TRANSLATION, lag.untranslated) not in [target.split("#")[0] for target in targets]
