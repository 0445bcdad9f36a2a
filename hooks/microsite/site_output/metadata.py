"""What every page tells search engines, link previews and reference managers about itself, in its
head (overrides/partials/metadata.html renders it; Material writes the description and canonical link):

- **schema.org JSON-LD**, one item per page. An article page is an `Article`: headline, lead, authors
  (with their affiliation from data/people.yml, linked to their author page), the publisher
  (mkdocs.yml, `extra.publisher`), its dates, language and picture, the first publication it is based
  on, and its translations: the original names each as `workTranslation`, a translation names the
  original as `translationOfWork`. Every other page (generated pages, stand-ins and the 404 pages
  included) is a `WebPage`. Both are part of the language's `WebSite`.
- **Open Graph**, for link previews: `article` or `website`, title, description, address, site name,
  locale (ogp.me's `language_TERRITORY`) and the locales of the page's translations, and the preview
  picture (site_output/link_previews.py: the article's picture cropped, or a card) with its size and
  description, which Twitter's (X's) `summary_large_image` card shows too; on an article its dates and
  authors. The JSON-LD names the same picture as `image`, and the publisher's logo.
- **Highwire Press `citation_*` tags** on an article, as Google Scholar and reference managers read
  them: title, authors, the date a reference cites, and the language. An original that appeared first
  elsewhere is that publication's text: it is cited as it appeared there (`citation_journal_title`,
  its date), this page being its online copy (`citation_online_date`). A translation did not appear
  there, so it is cited as itself, with the day it was published here.

A page's translations are what its hreflang links claim (alternates.translation_paths): a stand-in is
no translation, so it names none and none names it. The 404 pages have no address of their own (hosts
serve them at any missing one), so they name none.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from babel.core import get_global, parse_locale

from .. import upstream
from ..addresses import page_url
from ..language_texts import in_language
from ..publisher import Publisher
from .alternates import translation_paths
from .link_previews import PreviewImage, article_preview, image_object, publisher_logo, site_preview

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from ..articles import Article
    from ..state import BuildState

SCHEMA_ORG = "https://schema.org"
# What could end the <script> element or be read as markup, as JSON escapes.
_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@dataclass(frozen=True)
class Metadata:
    """The view model of overrides/partials/metadata.html."""

    # JSON-LD, escaped for a <script> element.
    json_ld: str
    # (property, content) of each Open Graph <meta property>, in order (an array's entries one by one).
    open_graph: list[tuple[str, str]]
    # (name, content) of each Highwire Press <meta name>.
    citation: list[tuple[str, str]]
    # (name, content) of each of Twitter's (X's) <meta name>: its card.
    twitter: list[tuple[str, str]]


def add_page_metadata(state: BuildState, context: dict, page: Page) -> dict:
    """The template context of a page, with its metadata."""
    context["metadata"] = page_metadata(state, page)
    return context


def add_error_page_metadata(state: BuildState, context: dict, template_name: str) -> dict:
    """The template context of a theme template, with the metadata of the 404 page it renders."""
    if template_name == upstream.ERROR_PAGE:
        context["metadata"] = error_page_metadata(state)
    return context


def page_metadata(state: BuildState, page: Page) -> Metadata:
    language = state.language
    path = upstream.page_source(page).removeprefix(f"{language}/")
    article = state.articles.article_at(language, path) if state.articles else None
    address = state.site_url + upstream.page_address(page)
    translations = {other: state.site_url + url for other, url in translation_paths(state, page).items()}
    if article is not None:
        return _article_metadata(state, article, address, translations)
    # The home page is the site itself: a link to it is previewed with the site's name.
    name = upstream.language_site_name(state.config, language) if path == "index.md" else upstream.page_title(page)
    description = upstream.page_description(state.config, page)
    return _web_page_metadata(state, name, description, address, translations)


def error_page_metadata(state: BuildState) -> Metadata:
    """The 404 page of the language being built: the error pages of the other languages are its
    counterparts (see error_pages)."""
    name = state.words.label(state.language, "error_page.title")
    description = upstream.page_description(state.config, None)
    return _web_page_metadata(state, name, description, None, state.languages.codes)


def _web_page_metadata(
    state: BuildState, name: str, description: str | None, address: str | None, translations: Iterable[str]
) -> Metadata:
    item = {"@context": SCHEMA_ORG, "@type": "WebPage", "name": name, "inLanguage": state.language}
    if description:
        item["description"] = description
    if address:
        item["url"] = address
    preview = site_preview(state, state.language)
    item["image"] = image_object(state, preview)
    item["isPartOf"] = _web_site(state)
    open_graph = [
        ("og:type", "website"),
        *_open_graph(state, name, description, address, translations),
        *_open_graph_image(state, preview),
    ]
    return Metadata(_script_json(item), open_graph, [], _twitter(state, preview))


def _article_metadata(state: BuildState, article: Article, address: str, translations: dict[str, str]) -> Metadata:
    language, source = article.language, _source(state)
    people = {person["id"]: person for person in state.data.records("people")}
    authors = [_author(state, people.get(person_id, {}), person_id, language) for person_id in article.authors]
    publisher = state.publication.publisher
    item = {
        "@context": SCHEMA_ORG,
        "@type": "Article",
        "@id": address,
        "url": address,
        "headline": article.title,
        "description": article.description,
        "author": authors,
        "publisher": _publisher_organization(state, publisher, language),
        "datePublished": article.date.isoformat(),
        "dateModified": article.last_change.isoformat(),
        "inLanguage": language,
        "isPartOf": _web_site(state),
    }
    preview = article_preview(state, article)
    item["image"] = image_object(state, preview)
    first = article.first_published
    if first and first.url:
        item["isBasedOn"] = first.url
    if language == source:
        others = [_work(other, url) for other, url in translations.items() if other != language]
        if others:
            item["workTranslation"] = others
    elif source in translations:
        item["translationOfWork"] = _work(source, translations[source])
    open_graph = [
        ("og:type", "article"),
        *_open_graph(state, article.title, article.description, address, translations),
        *_open_graph_image(state, preview),
        ("article:published_time", article.date.isoformat()),
        ("article:modified_time", article.last_change.isoformat()),
        *(("article:author", author["url"]) for author in authors),
    ]
    citation = _citation(article, authors, is_original=language == source)
    return Metadata(_script_json(item), open_graph, citation, _twitter(state, preview))


def _open_graph_image(state: BuildState, preview: PreviewImage) -> list[tuple[str, str]]:
    return [
        ("og:image", state.site_url + preview.site_path),
        ("og:image:width", str(preview.width)),
        ("og:image:height", str(preview.height)),
        ("og:image:alt", preview.alt),
    ]


def _twitter(state: BuildState, preview: PreviewImage) -> list[tuple[str, str]]:
    """Twitter's (X's) large card; the title and description it takes from Open Graph."""
    return [
        ("twitter:card", "summary_large_image"),
        ("twitter:image", state.site_url + preview.site_path),
        ("twitter:image:alt", preview.alt),
    ]


def _open_graph(
    state: BuildState, title: str, description: str | None, address: str | None, translations: Iterable[str]
) -> list[tuple[str, str]]:
    """What every page's Open Graph says after its type; `translations` are the languages the page is
    written in (its own among them)."""
    properties = [("og:title", title)]
    if description:
        properties.append(("og:description", description))
    if address:
        properties.append(("og:url", address))
    properties.append(("og:site_name", upstream.language_site_name(state.config, state.language)))
    properties.append(("og:locale", open_graph_locale(state.language)))
    properties += [
        ("og:locale:alternate", open_graph_locale(other)) for other in translations if other != state.language
    ]
    return properties


def _citation(article: Article, authors: list[dict[str, Any]], *, is_original: bool) -> list[tuple[str, str]]:
    """Highwire Press tags: an original that appeared first elsewhere is cited as it appeared there."""
    first = article.first_published
    tags = [("citation_title", article.title), *(("citation_author", author["name"]) for author in authors)]
    if first is None or not is_original:
        tags.append(("citation_publication_date", _citation_date(article.date)))
    else:
        tags.append(("citation_publication_date", _citation_date(first.date)))
        tags.append(("citation_online_date", _citation_date(article.date)))
        tags.append(("citation_journal_title", first.name))
    tags.append(("citation_language", article.language))
    return tags


def _citation_date(day: datetime.date) -> str:
    """Google Scholar's form of a full date: 2025/01/24."""
    return day.strftime("%Y/%m/%d")


def _author(state: BuildState, person: dict, person_id: str, language: str) -> dict[str, Any]:
    """An author as a schema.org Person: name, author page and affiliation. `person` is their record in
    data/people.yml: empty only in the preview, where an article may name someone it lacks (reported)."""
    author = {
        "@type": "Person",
        "name": person.get("name") or person_id,
        "url": page_url(state.config, state.languages, language, state.articles.settings.author_path(person_id)),
    }
    affiliation = person.get("affiliation")
    if affiliation:
        name = in_language(affiliation["name"], language, _source(state)).text
        author["affiliation"] = _organization(name, affiliation.get("url"))
    return author


def _organization(name: str, url: str | None) -> dict[str, str]:
    return {"@type": "Organization", "name": name, **({"url": url} if url else {})}


def _web_site(state: BuildState) -> dict[str, Any]:
    """The language's site: its name, home page and publisher."""
    publisher = state.publication.publisher
    return {
        "@type": "WebSite",
        "name": upstream.language_site_name(state.config, state.language),
        "url": page_url(state.config, state.languages, state.language, "index.md"),
        "inLanguage": state.language,
        "publisher": _publisher_organization(state, publisher, state.language),
    }


def _publisher_organization(state: BuildState, publisher: Publisher, language: str) -> dict[str, Any]:
    """The publisher as a schema.org Organization, with its logo."""
    logo = image_object(state, publisher_logo(state, publisher))
    return {**_organization(publisher.name(language, _source(state)), publisher.url), "logo": logo}


def _work(language: str, address: str) -> dict[str, str]:
    """Another language's version of an article."""
    return {"@type": "Article", "@id": address, "url": address, "inLanguage": language}


def _source(state: BuildState) -> str:
    """The source language as mkdocs.yml configures it, also in a one-language preview: the language of
    the originals, and the one every text is given in."""
    return state.configured_languages.source


def open_graph_locale(language: str) -> str:
    """ogp.me's `language_TERRITORY` ('de_DE'): the locale's own territory, else the one Unicode's CLDR
    gives as the language's likely one; the language code alone where neither is known."""
    try:
        code, territory, *_ = parse_locale(language.replace("-", "_"))
    except ValueError:
        return language
    likely = get_global("likely_subtags").get(code)
    territory = territory or (parse_locale(likely)[1] if likely else None)
    return f"{code}_{territory}" if territory else code


def _script_json(item: dict[str, Any]) -> str:
    return json.dumps(item, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
