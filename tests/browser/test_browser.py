"""The built site in Debian's Chromium, served on 127.0.0.1 under its sub-path: every page, both languages.

Chromium is started from /usr/bin/chromium (never `playwright install`, which downloads a browser).
Where it is missing the tests are skipped with a line saying so, except under CI=true, where that fails.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from chromium import axe_result, violation_lines
from microsite.measurements import record_axe
from project import ROOT
from site_model import (
    BuiltSite,
    accessibility_statement_pages,
    configured_languages,
    counterpart_path,
    generated_pages,
    language_of,
    language_root,
    status_pages,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def source_pages() -> list[str]:
    """Every page readers navigate to, from the Markdown sources and the data: known before the build."""
    pages = generated_pages() + status_pages() + accessibility_statement_pages()
    for language in configured_languages():
        folder = ROOT / "docs" / language
        pages += [
            language_root(language) + path.relative_to(folder).with_suffix(".html").as_posix()
            for path in sorted(folder.rglob("*.md"))
        ]
    return pages


ERROR_PAGES = [language_root(language) + "404.html" for language in configured_languages()]


@dataclass
class Visit:
    """A page opened in a fresh browser context, with everything it requested and reported."""

    page: object
    context: object
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture
def visit(browser, served_site: str) -> Iterator:
    contexts = []

    def open_page(path: str, viewport: dict | None = None) -> Visit:
        context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, service_workers="block")
        contexts.append(context)
        page = context.new_page()
        seen = Visit(page=page, context=context)
        page.on("request", lambda request: seen.requests.append(request.url))
        page.on("requestfailed", lambda request: seen.failures.append(f"{request.url}: {request.failure}"))
        page.on(
            "response",
            lambda response: response.status >= 400 and seen.failures.append(f"{response.url}: HTTP {response.status}"),
        )
        page.on("console", lambda message: message.type == "error" and seen.console_errors.append(message.text))
        page.on("pageerror", lambda error: seen.console_errors.append(str(error)))
        page.goto(served_site + path, wait_until="networkidle")
        return seen

    yield open_page
    for context in contexts:
        context.close()


def test_the_pages_tested_are_the_pages_in_the_sitemap(built_site: BuiltSite) -> None:
    assert {built_site.site_url + path for path in source_pages()} == set(built_site.sitemap_entries())


@pytest.mark.parametrize("path", source_pages() + ERROR_PAGES)
def test_page_loads_only_from_its_own_host_without_errors_or_cookies(visit, served_site: str, path: str) -> None:
    seen = visit(path)
    own_origin = "{0.scheme}://{0.netloc}".format(urlsplit(served_site))
    foreign = [url for url in seen.requests if not url.startswith((own_origin + "/", "data:", "blob:"))]
    assert not foreign, f"requests to other hosts: {foreign}"
    assert not seen.failures, f"failed requests: {seen.failures}"
    assert not seen.console_errors, f"console errors: {seen.console_errors}"
    assert seen.context.cookies() == []


def switch_language(page, language: str) -> None:
    page.locator(".md-header .md-select button").click()
    page.locator(f".md-select__link[hreflang='{language}']").click()
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("path", source_pages() + ERROR_PAGES)
def test_language_selector_lands_on_the_same_page_in_the_other_language(visit, served_site: str, path: str) -> None:
    for language in configured_languages():
        if language == language_of(path):
            continue
        seen = visit(path)
        switch_language(seen.page, language)
        assert seen.page.url == served_site + counterpart_path(path, language)
        assert seen.page.locator("html").get_attribute("lang") == language
        assert not seen.failures and not seen.console_errors, seen.failures + seen.console_errors


@pytest.mark.parametrize("language", configured_languages())
def test_language_selector_works_on_a_phone(visit, served_site: str, language: str) -> None:
    path = language_root(language) + "index.html"
    for other in configured_languages():
        if other != language:
            seen = visit(path, viewport=PHONE)
            switch_language(seen.page, other)
            assert seen.page.url == served_site + counterpart_path(path, other)


@pytest.fixture(scope="module")
def axe_results(built_site: BuiltSite) -> Iterator[dict[str, dict]]:
    """axe-core's result on each page, recorded for the accessibility statement (microsite.measurements)
    once every page has been checked: a run of some of them (-k) leaves the last whole run's figures."""
    results: dict[str, dict] = {}
    yield results
    if set(results) == set(source_pages() + ERROR_PAGES):
        version = next(iter(results.values()))["testEngine"]["version"]
        found = {path: result["violations"] for path, result in results.items()}
        record_axe(ROOT, version=version, sources=built_site.sources, found=found)


@pytest.mark.parametrize("path", source_pages() + ERROR_PAGES)
def test_axe_finds_no_accessibility_violations(visit, axe_results: dict[str, dict], path: str) -> None:
    axe_results[path] = result = axe_result(visit(path).page)
    violations = violation_lines(result)
    assert not violations, "\n".join(violations)


def word_in_every_language(built_site: BuiltSite) -> str:
    """A word the search index of every language contains (a name, say): a fair test of the split."""
    counts = []
    for language in configured_languages():
        text = " ".join(doc["text"] + " " + doc["title"] for doc in built_site.search_index(language)["docs"])
        counts.append(Counter(word.lower() for word in re.findall(r"\w{6,}", re.sub(r"<[^>]+>", " ", text))))
    common = set.intersection(*(set(count) for count in counts))
    assert common, "no word of six letters or more occurs in every language's pages"
    return max(sorted(common), key=lambda word: min(count[word] for count in counts))


@pytest.mark.parametrize("language", configured_languages())
def test_search_answers_in_the_readers_language(visit, built_site: BuiltSite, served_site: str, language: str) -> None:
    word = word_in_every_language(built_site)
    seen = visit(language_root(language) + "index.html")
    # Typed as a reader does: Material's search listens to focus and key events.
    seen.page.locator(".md-search__input").click()
    seen.page.keyboard.type(word)
    results = seen.page.locator(".md-search-result__item > .md-search-result__link")
    results.first.wait_for()
    targets = [href.removeprefix(served_site) for href in results.evaluate_all("links => links.map(link => link.href)")]
    assert targets, f"no results for {word!r}"
    wrong = [target for target in targets if language_of(target) != language]
    assert not wrong, f"searching {word!r} on a {language} page found pages of another language: {wrong}"
