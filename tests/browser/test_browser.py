"""The fixture publication's site in Debian's Chromium, served on 127.0.0.1 under its sub-path: every
page, both languages. (axe-core on every page of the real publication, whose figures its accessibility
statement states: tests/test_real_publication.py.)

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
from chromium import (
    RECORD_POLICY_VIOLATIONS,
    NetworkWatch,
    axe_violations,
    open_all_quietly,
    open_quietly,
    policy_violations,
)
from site_model import (
    BuiltSite,
    assembled_publication,
    configured_languages,
    counterpart_path,
    language_of,
    language_root,
    reader_pages,
)

pytestmark = [pytest.mark.browser, pytest.mark.long_module]

PHONE = {"width": 390, "height": 844}
# How many pages are opened together for the tests that read a page as it has loaded: their waits for the
# network overlap, and two cores still serve them.
PAGES_AT_ONCE = 4


# Every page readers navigate to, from the publication's Markdown and data: known before the build.
with assembled_publication() as publication:
    SOURCE_PAGES = reader_pages(publication)
ERROR_PAGES = [language_root(language) + "404.html" for language in configured_languages()]


@dataclass
class Visit:
    """A page opened in a browser context of its own, with everything it requested and reported."""

    page: object
    context: object
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def policy_violations(self) -> list[str]:
        """What the page's Content-Security-Policy refused since the page was loaded."""
        return policy_violations(self.page)


def new_context(browser, viewport: dict | None = None):
    """A fresh browser context as the visits use it: no service worker, the page's policy violations recorded."""
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, service_workers="block")
    context.add_init_script(script=RECORD_POLICY_VIOLATIONS)
    return context


def new_visit(context) -> Visit:
    """A new page in the browser context, not opened yet, that notes everything it requests and reports."""
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
    return seen


def open_visit(browser, address: str, viewport: dict | None = None, network_quiet: bool = True) -> Visit:
    """The page at `address` in a fresh browser context, once it is loaded, with what it requests later (the
    search index, its stemmer): every request is seen once the network is quiet (chromium.open_quietly).
    `network_quiet=False`, for `load` alone, for a test of what the page does next, whose own requests are
    another test's subject."""
    seen = new_visit(new_context(browser, viewport))
    if network_quiet:
        open_quietly(seen.page, address)
    else:
        seen.page.goto(address, wait_until="load")
    return seen


class OpenedAhead:
    """Pages opened before their tests ask for them, PAGES_AT_ONCE together, network quiet as open_visit opens
    them: their loads and waits for the network overlap. Each is the only page of its browser context while it is
    open, and a context serves one page after another (a fresh context costs Chromium about 0.2 s before it loads
    anything): the context's cookies are cleared before each page loads, so that those it holds are the page's."""

    def __init__(self, browser, site: str, paths: list[str]) -> None:
        self.browser, self.site = browser, site
        self.unopened = list(paths)
        self.opened: dict[str, Visit] = {}
        self.contexts = [new_context(browser) for _ in range(PAGES_AT_ONCE)]
        self.free_contexts = list(self.contexts)

    def visit(self, path: str) -> Visit:
        """The page at `path`, opened with the next pages not opened yet unless it is open already; the
        caller hands it back with `done`."""
        if path not in self.opened:
            if not self.free_contexts:
                self.free_contexts.append(new_context(self.browser))
                self.contexts.append(self.free_contexts[-1])
            batch = [path, *[other for other in self.unopened if other != path][: len(self.free_contexts) - 1]]
            self.unopened = [other for other in self.unopened if other not in batch]
            visits = []
            for _ in batch:
                context = self.free_contexts.pop()
                context.clear_cookies()
                visits.append(new_visit(context))
            open_all_quietly([(seen.page, self.site + other) for seen, other in zip(visits, batch, strict=True)])
            self.opened.update(zip(batch, visits, strict=True))
        return self.opened.pop(path)

    def done(self, seen: Visit) -> None:
        """Closes the page, and its context serves the next page."""
        seen.page.close()
        self.free_contexts.append(seen.context)

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def visit(browser, served_site: str) -> Iterator:
    contexts = []

    def open_page(path: str, viewport: dict | None = None, network_quiet: bool = True) -> Visit:
        seen = open_visit(browser, served_site + path, viewport, network_quiet)
        contexts.append(seen.context)
        return seen

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def opened_ahead(browser, served_site: str) -> Iterator[OpenedAhead]:
    ahead = OpenedAhead(browser, served_site, SOURCE_PAGES + ERROR_PAGES)
    yield ahead
    ahead.close()


@pytest.fixture(scope="module", params=SOURCE_PAGES + ERROR_PAGES, ids=str)
def loaded(request, opened_ahead: OpenedAhead) -> Iterator[Visit]:
    """Each page opened once, network quiet, on a desktop, for the tests that read the page as it has loaded
    (its requests and errors, axe-core's findings) and change nothing: pytest runs the tests of one page one
    after the other, and closes the page before it comes to the next (opened with it, ahead)."""
    seen = opened_ahead.visit(request.param)
    yield seen
    opened_ahead.done(seen)


def test_the_pages_tested_are_the_pages_in_the_sitemap(built_site: BuiltSite) -> None:
    assert {built_site.site_url + path for path in SOURCE_PAGES} == set(built_site.sitemap_entries())


def test_page_loads_only_from_its_own_host_without_errors_or_cookies(loaded: Visit, served_site: str) -> None:
    seen = loaded
    own_origin = "{0.scheme}://{0.netloc}".format(urlsplit(served_site))
    foreign = [url for url in seen.requests if not url.startswith((own_origin + "/", "data:", "blob:"))]
    assert not foreign, f"requests to other hosts: {foreign}"
    # The language selector leads to the same page by itself: nothing fetches a sitemap to find it.
    sitemaps = [url for url in seen.requests if urlsplit(url).path.endswith("/sitemap.xml")]
    assert not sitemaps, f"sitemap requests: {sitemaps}"
    assert not seen.failures, f"failed requests: {seen.failures}"
    assert not seen.console_errors, f"console errors: {seen.console_errors}"
    assert seen.context.cookies() == []
    assert seen.page.locator('head > meta[http-equiv="Content-Security-Policy"]').count() == 1
    assert not seen.policy_violations(), f"refused by the Content-Security-Policy: {seen.policy_violations()}"


def switch_language(page, language: str) -> None:
    """Chooses the language in the header's selector, and returns once the page it leads to has loaded and
    the network is quiet (chromium.open_quietly's wait): its failed requests and errors are all seen."""
    network = NetworkWatch(page)
    try:
        page.locator(".md-header .md-select button").click()
        with page.expect_navigation(wait_until="load"):
            page.locator(f".md-select__link[hreflang='{language}']").click()
        network.wait_until_quiet()
    finally:
        network.stop()


@pytest.mark.parametrize("language", configured_languages())
def test_language_selector_works_on_a_phone(visit, served_site: str, language: str) -> None:
    path = language_root(language) + "index.html"
    for other in configured_languages():
        if other != language:
            seen = visit(path, viewport=PHONE, network_quiet=False)
            switch_language(seen.page, other)
            assert seen.page.url == served_site + counterpart_path(path, other)


def test_axe_finds_no_accessibility_violations(loaded: Visit) -> None:
    violations = axe_violations(loaded.page)
    assert not violations, "\n".join(violations)


# Last of each page's tests, as it leaves the page: pytest runs the tests of one `loaded` page in the order they
# are written here, so the page is switched only after the tests that read it as it loaded.
def test_language_selector_lands_on_the_same_page_in_the_other_language(
    request: pytest.FixtureRequest, loaded: Visit, served_site: str
) -> None:
    path = request.node.callspec.params["loaded"]
    assert loaded.page.url == served_site + path, "another test left the page: this one must be the page's last"
    for language in configured_languages():
        if language == language_of(path):
            continue
        if loaded.page.url != served_site + path:
            loaded.page.goto(served_site + path, wait_until="load")
        switch_language(loaded.page, language)
        assert loaded.page.url == served_site + counterpart_path(path, language)
        assert loaded.page.locator("html").get_attribute("lang") == language
        assert not loaded.failures and not loaded.console_errors, loaded.failures + loaded.console_errors
        assert not loaded.policy_violations(), loaded.policy_violations()


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
    assert not seen.policy_violations(), seen.policy_violations()
