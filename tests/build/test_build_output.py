"""The strict build's output: both languages complete, declared and linked to each other."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.utils import meta
from site_model import (
    BuiltSite,
    configured_languages,
    counterpart_path,
    default_language,
    language_of,
    language_root,
    site_name,
    status_pages,
)

MATERIAL_LANGUAGES = Path(__import__("material").__file__).parent / "templates" / "partials" / "languages"


def source_of(site: BuiltSite, path: str) -> Path:
    """The Markdown file of the site's project a built page comes from (generated pages have none)."""
    language = language_of(path)
    relative = path.removeprefix(language_root(language)).removesuffix(".html") + ".md"
    return site.project / "docs" / language / relative


def written_paths(built_site: BuiltSite) -> list[str]:
    """Content pages written as Markdown (the others are generated from data/)."""
    return [path for path in built_site.content_paths() if source_of(built_site, path).exists()]


def test_build_is_strict_and_clean(built_site: BuiltSite) -> None:
    assert "WARNING" not in built_site.log, built_site.log


def test_every_page_has_its_counterpart_in_every_language(built_site: BuiltSite) -> None:
    pages = set(built_site.page_paths())
    missing = [
        f"{path} has no {language} counterpart {counterpart_path(path, language)}"
        for path in sorted(pages)
        for language in configured_languages()
        if counterpart_path(path, language) not in pages
    ]
    assert not missing, "\n".join(missing)
    for language in configured_languages():
        assert language_root(language) + "index.html" in pages


@pytest.mark.parametrize("language", configured_languages())
def test_error_page_per_language_is_in_its_language(built_site: BuiltSite, language: str) -> None:
    page = built_site.html(language_root(language) + "404.html")
    assert page.find("html").attrs["lang"] == language
    heading = " ".join(page.article_text)
    others = [
        built_site.html(language_root(other) + "404.html") for other in configured_languages() if other != language
    ]
    assert heading.startswith("404") and all(heading != " ".join(other.article_text) for other in others), heading


def test_html_lang_matches_the_page_language(built_site: BuiltSite) -> None:
    wrong = [
        f"{path}: <html lang={page.find('html').attrs.get('lang')!r}>, expected {language_of(path)!r}"
        for path in built_site.page_paths()
        if (page := built_site.html(path)).find("html").attrs.get("lang") != language_of(path)
    ]
    assert not wrong, "\n".join(wrong)


def test_every_page_declares_absolute_hreflang_alternates_and_x_default(built_site: BuiltSite) -> None:
    problems = []
    for path in built_site.page_paths():
        # Feed links are alternates too (tests/build/test_feeds.py), of the site, not of this page.
        links = [
            link
            for link in built_site.html(path).find_all("link", rel="alternate")
            if link.attrs.get("type") != "application/atom+xml"
        ]
        declared = {link.attrs["hreflang"]: link.attrs["href"] for link in links if "hreflang" in link.attrs}
        expected = {
            language: built_site.site_url + counterpart_path(path, language) for language in configured_languages()
        }
        expected["x-default"] = expected[default_language()]
        if declared != expected:
            problems.append(f"{path}: hreflang {declared}, expected {expected}")
        if len(links) != len(declared):
            problems.append(f"{path}: duplicate or unlabelled alternate links: {[link.attrs for link in links]}")
    assert not problems, "\n".join(problems)


def test_canonical_url_is_the_pages_own_address(built_site: BuiltSite) -> None:
    for path in built_site.content_paths():
        canonical = built_site.html(path).find("link", rel="canonical")
        assert canonical is not None and canonical.attrs["href"] == built_site.site_url + path, path


def test_language_selector_links_to_the_same_page_in_every_language(built_site: BuiltSite) -> None:
    problems = []
    for path in built_site.page_paths():
        page = built_site.html(path)
        selector = [a for a in page.find_all("a") if "md-select__link" in a.attrs.get("class", "")]
        targets = {a.attrs["hreflang"]: a.attrs["href"] for a in selector}
        for language in configured_languages():
            href = targets.get(language)
            expected = counterpart_path(path, language)
            resolved = resolve(path, href, built_site.site_url) if href else None
            if resolved != expected:
                problems.append(f"{path}: selector for {language} leads to {href!r} ({resolved}), expected {expected}")
        current = [a.attrs["hreflang"] for a in selector if a.attrs.get("aria-current") == "page"]
        if current != [language_of(path)]:
            problems.append(f"{path}: aria-current on {current}, expected [{language_of(path)!r}]")
    assert not problems, "\n".join(problems)


def resolve(page_path: str, href: str, site_url: str) -> str:
    """A link on a page as a site-relative path (root-relative links must carry the site's sub-path)."""
    if href.startswith("/"):
        sub_path = urlsplit(site_url).path
        assert href.startswith(sub_path), f"{page_path}: root-relative link {href} outside the site's path {sub_path}"
        return href[len(sub_path) :]
    parts = page_path.split("/")[:-1]
    for segment in href.split("#", 1)[0].split("/"):
        if segment == "..":
            parts.pop()
        elif segment not in ("", "."):
            parts.append(segment)
    return "/".join(parts)


def test_internal_links_work_under_the_sites_sub_path(built_site: BuiltSite) -> None:
    """Links are relative (content pages) or carry the sub-path (error pages), and resolve to files."""
    problems = []
    for path in built_site.page_paths():
        for element in built_site.html(path).elements:
            for attribute in ("href", "src"):
                target = element.attrs.get(attribute)
                if not target or re.match(r"^(?:[a-z][a-z0-9+.-]*:|#|//)", target):
                    continue
                if target.startswith("/") and not path.endswith("404.html"):
                    problems.append(f"{path}: root-relative {attribute}={target!r} breaks under another sub-path")
                    continue
                resolved = resolve(path, target.split("?", 1)[0], built_site.site_url)
                if not (built_site.root / resolved).exists():
                    problems.append(f"{path}: {attribute}={target!r} points to missing {resolved}")
    assert not problems, "\n".join(problems)


def test_sitemap_lists_every_page_with_its_alternates(built_site: BuiltSite) -> None:
    entries = built_site.sitemap_entries()
    expected_locs = {built_site.site_url + path for path in built_site.content_paths()}
    assert set(entries) == expected_locs
    for loc, alternates in entries.items():
        path = loc.removeprefix(built_site.site_url)
        expected = {
            language: built_site.site_url + counterpart_path(path, language) for language in configured_languages()
        }
        assert alternates == {**expected, "x-default": expected[default_language()]}, loc


def test_the_site_has_one_sitemap_at_its_root(built_site: BuiltSite) -> None:
    """For search engines; no folder needs one of its own (no page has a link Material fetches one for)."""
    sitemaps = sorted(path.relative_to(built_site.root).as_posix() for path in built_site.root.rglob("sitemap.xml*"))
    assert sitemaps == ["sitemap.xml", "sitemap.xml.gz"]


def test_no_page_has_a_link_for_which_materials_script_fetches_a_sitemap(built_site: BuiltSite) -> None:
    """Material's script fetches sitemap.xml next to every `link[rel=alternate]` (the whole value, in any
    case); the hreflang and feed links say `rel="alternate "` instead (overrides/main.html)."""
    fetched = [
        f"{path}: {link.attrs}"
        for path in built_site.page_paths()
        for link in built_site.html(path).elements
        if link.tag == "link" and link.attrs.get("rel", "").lower() == "alternate"
    ]
    assert not fetched, "\n".join(fetched)


def test_every_page_has_the_description_of_its_front_matter(built_site: BuiltSite) -> None:
    problems = []
    for path in built_site.content_paths():
        description = built_site.html(path).find("meta", name="description")
        source = source_of(built_site, path)
        if not source.exists():
            if description is None or not description.attrs["content"].strip():
                problems.append(f"{path}: generated page without <meta name=description>")
            continue
        _, front_matter = meta.get_data(source.read_text(encoding="utf-8"))
        if not front_matter.get("description"):
            problems.append(f"{source.relative_to(built_site.project)}: no 'description' in the front matter")
        elif description is None or description.attrs["content"] != front_matter["description"]:
            problems.append(f"{path}: <meta name=description> is {description and description.attrs['content']!r}")
    assert not problems, "\n".join(problems)


def material_strings(language: str) -> dict[str, str]:
    """Material's interface strings for a language, from its language partial."""
    text = (MATERIAL_LANGUAGES / f"{language}.html").read_text(encoding="utf-8")
    return dict(re.findall(r'^\s*"([^"]+)":\s*"([^"]*)"', text, flags=re.MULTILINE))


def foreign_interface_strings(built_site: BuiltSite, language: str) -> set[str]:
    """What would give another language away in a page's interface: its theme strings, site name and page titles."""
    own = material_strings(language)
    foreign = set()
    for other in configured_languages():
        if other == language:
            continue
        foreign |= {
            value
            for key, value in material_strings(other).items()
            if key in own
            and value != own[key]
            and len(value) > 3
            and not key.startswith(("search.config", "direction", "language"))
        }
        foreign.add(site_name(built_site.project, other))
        foreign |= {title_of(built_site, path) for path in written_paths(built_site) if language_of(path) == other}
    own_titles = {title_of(built_site, path) for path in written_paths(built_site) if language_of(path) == language}
    # Names that are the same in both languages (a city's, say) give nothing away.
    return foreign - own_titles - {site_name(built_site.project, language)} - {None}


def title_of(site: BuiltSite, path: str) -> str | None:
    _, front_matter = meta.get_data(source_of(site, path).read_text(encoding="utf-8"))
    return front_matter.get("title")


@pytest.mark.parametrize("language", configured_languages())
def test_no_other_language_in_the_pages_interface(built_site: BuiltSite, language: str) -> None:
    """Header, navigation, footer and theme strings of a page are all in the page's language."""
    foreign = foreign_interface_strings(built_site, language)
    assert len(foreign) > 20, foreign
    problems = []
    for path in built_site.page_paths():
        if language_of(path) != language:
            continue
        page = built_site.html(path)
        interface = list(page.chrome_text) + [
            element.attrs[attribute]
            for element in page.elements
            for attribute in ("aria-label", "placeholder", "title")
            if attribute in element.attrs
        ]
        interface += [element.attrs["content"] for element in page.find_all("meta") if "content" in element.attrs]
        problems += [f"{path}: {text!r} is in another language" for text in interface if text in foreign]
    assert not problems, "\n".join(sorted(set(problems)))


@pytest.mark.parametrize("language", configured_languages())
def test_search_index_holds_only_its_languages_pages_with_its_stemmer(built_site: BuiltSite, language: str) -> None:
    index = built_site.search_index(language)
    assert index["config"]["lang"] == [language]
    # Every page of its language but the translation status page, a list of every title, kept out of search.
    own_pages = {
        path.removeprefix(language_root(language))
        for path in built_site.content_paths()
        if language_of(path) == language and path not in status_pages(built_site.project)
    }
    indexed = {doc["location"].split("#", 1)[0] for doc in index["docs"]}
    assert indexed == own_pages
