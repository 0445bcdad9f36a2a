"""The navigation follows `nav_order` in the pages' front matter, in every language: the menu, and the
previous/next links at the foot of each page."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from microsite.frontmatter import split_front_matter
from site_model import (
    LANGUAGES,
    BuiltSite,
    accessibility_statement_pages,
    article_collection,
    generated_pages,
    status_pages,
)

UNORDERED = float("inf")


def nav_order_of(markdown: Path) -> float:
    front_matter, _ = split_front_matter(markdown.read_text(encoding="utf-8"))
    return front_matter.get("nav_order", UNORDERED)


def expected_order(folder: Path, generated: list[str], prefix: str = "") -> list[str]:
    """The pages of `folder` as the navigation should list them: index first, then by nav_order
    (a section by its index page's), then by name."""
    items: list[tuple[float, str, list[str]]] = []
    names = {path.stem for path in folder.glob("*.md")} | {
        posixpath.basename(page).removesuffix(".html")
        for page in generated
        if posixpath.dirname(page) == prefix.rstrip("/")
    }
    for name in sorted(names - {"index"}):
        markdown = folder / f"{name}.md"
        items.append((nav_order_of(markdown) if markdown.exists() else UNORDERED, name, [f"{prefix}{name}.html"]))
    for sub in sorted(path for path in folder.iterdir() if path.is_dir()):
        index = sub / "index.md"
        order = nav_order_of(index) if index.exists() else UNORDERED
        items.append((order, sub.name, expected_order(sub, generated, f"{prefix}{sub.name}/")))
    first = [f"{prefix}index.html"] if (folder / "index.md").exists() else []
    return first + [page for _, _, pages in sorted(items, key=lambda item: (item[0], item[1])) for page in pages]


def footer_chain(built_site: BuiltSite, start: str) -> list[str]:
    """The pages met by following each page's "next" link from `start`."""
    chain = [start]
    while True:
        links = [
            e for e in built_site.html(chain[-1]).find_all("a") if "md-footer__link--next" in e.attrs.get("class", "")
        ]
        if not links:
            return chain
        chain.append(posixpath.normpath(posixpath.join(posixpath.dirname(chain[-1]), links[0].attrs["href"])))
        assert len(chain) <= len(built_site.page_paths()), f"the next links run in a circle: {chain}"


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_previous_and_next_links_follow_nav_order(built_site: BuiltSite, language: str) -> None:
    """In nav_order, without the pages the navigation leaves out (articles, topic and author pages, the
    index's further pages, which follow its first page)."""
    root = LANGUAGES.root(language)
    articles = article_collection(built_site.project)
    generated = [
        page.removeprefix(root) for page in generated_pages(built_site.project) if LANGUAGES.of_path(page) == language
    ]
    expected = []
    for page in expected_order(built_site.project / "docs" / language, generated):
        path = page.removesuffix(".html") + ".md"
        if articles is None or not articles.listed_elsewhere(path):
            expected.append(root + page)
        if articles is not None and path == articles.settings.index_path(1):
            further = range(2, len(articles.index_pages(language)) + 1)
            expected += [
                root + articles.settings.index_path(number).removesuffix(".md") + ".html" for number in further
            ]
    assert footer_chain(built_site, root + "index.html") == expected


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_menu_lists_the_top_level_in_nav_order(built_site: BuiltSite, language: str) -> None:
    root = LANGUAGES.root(language)
    expected = [page for page in expected_order(built_site.project / "docs" / language, []) if page.count("/") <= 1]
    expected = [page for page in expected if "/" not in page or page.endswith("/index.html")]
    menu = [
        root + e.attrs["href"]
        for e in built_site.html(root + "index.html").find_all("a")
        if "md-nav__link" in e.attrs.get("class", "") and not e.attrs["href"].startswith("#")
    ]
    # Each top-level entry once, in order (the current page's entry repeats its link).
    assert list(dict.fromkeys(menu)) == [root + page for page in expected]


def test_a_page_outside_the_menu_leads_to_no_previous_or_next_page(built_site: BuiltSite) -> None:
    """The status pages and the accessibility statement are reached from the footer: no step of the
    menu's chain, so neither Material's footer nor the head's rel=prev/next name a neighbour."""
    project = built_site.project
    for page in status_pages(project) + accessibility_statement_pages(project):
        html = built_site.html(page)
        assert not [e for e in html.find_all("a") if "md-footer__link" in e.attrs.get("class", "")], page
        assert not [link for link in html.find_all("link") if link.attrs.get("rel") in ("prev", "next")], page
