"""The 404 pages as hosts serve them: GitHub Pages and most static hosts answer every missing address
of the site with the root `404.html`, a translation's (`/en/…`) included, so that page speaks every
language, each part marked with its `lang`; hosts that route per folder serve `/<code>/404.html`,
in that language alone.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
import static_host
from microsite.upstream import ERROR_PAGE, content_span
from project import free_port
from site_model import LANGUAGES, BuiltSite, label, parse_html, texts_with_language

MISSING = "nothing-here.html"


@pytest.fixture(scope="module")
def served_like_github_pages(built_site: BuiltSite) -> Iterator[str]:
    """The built site's address on a host that answers every missing address with the root 404.html.
    On a port of its own: the page's links carry the site's URL and are checked, not followed."""
    with static_host.served_like_github_pages(built_site.root, free_port()) as address:
        yield address


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def content_texts(page_text: str) -> list[tuple[str | None, str]]:
    """(language, text) of each piece of the page's content (Material's article), in order."""
    start, end = content_span(page_text)
    page_language = parse_html(page_text).find("html").attrs["lang"]
    return texts_with_language(f'<div lang="{page_language}">{page_text[start:end]}</div>')


def home_links(page_text: str) -> dict[str, str]:
    """hreflang → href of the page's links to a language's home page, in its content."""
    start, end = content_span(page_text)
    return {link.attrs["hreflang"]: link.attrs["href"] for link in parse_html(page_text[start:end]).find_all("a")}


def words(language: str) -> list[tuple[str, str]]:
    """What the error page says in a language, each piece marked with it."""
    return [(language, label(language, f"error_page.{key}")) for key in ("text", "home")]


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_a_missing_address_in_any_language_shows_every_language_marked(
    built_site: BuiltSite, served_like_github_pages: str, language: str
) -> None:
    status, page_text = fetch(served_like_github_pages + LANGUAGES.root(language) + MISSING)
    assert status == 404
    texts = content_texts(page_text)
    for each in LANGUAGES.codes:
        assert set(words(each)) <= set(texts), (each, texts)
        home = LANGUAGES.root(each) + "index.html"
        assert home_links(page_text)[each] == built_site.site_url + home
        assert built_site.html(home).find("html").attrs["lang"] == each
    # One main heading, in the source language, whose page this is; the others' headings below it.
    assert len(parse_html(page_text).find_all("h1")) == 1
    assert len(parse_html(page_text).find_all("h2")) == len(LANGUAGES.translations)


@pytest.mark.parametrize("language", LANGUAGES.translations)
def test_a_translations_own_error_page_is_in_its_language_alone(built_site: BuiltSite, language: str) -> None:
    page_text = (built_site.root / LANGUAGES.root(language) / ERROR_PAGE).read_text(encoding="utf-8")
    texts = content_texts(page_text)
    assert set(words(language)) <= set(texts)
    assert {lang for lang, _ in texts} == {language}
    assert home_links(page_text) == {language: built_site.site_url + LANGUAGES.root(language) + "index.html"}
