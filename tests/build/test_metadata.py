"""What every built page tells search engines, link previews and reference managers about itself, read
the way they read it (extruct for JSON-LD and Open Graph): one schema.org item of the page's kind, Open
Graph for its kind, and on each article Highwire Press citation tags. What is expected comes from the
articles' front matter (read_collection), data/people.yml and mkdocs.yml, never from their content.

Besides the fixture publication's site, one build of a copy with an article written in the source language only, with a
picture and an update: its stand-in in the other languages is no translation.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml
from microsite.articles import Article, Collection
from microsite.settings import project_settings
from microsite.upstream import ERROR_PAGE
from project import assemble_publication, build_site, collection_folder, person_ids, publication_data
from site_model import LANGUAGES, BuiltSite, built_path, collection_of, site_name

SOURCE = LANGUAGES.source
SCHEMA_ORG = "https://schema.org"


def article_pages(collection: Collection) -> dict[str, Article]:
    """Every article's built page → the article."""
    return {
        built_path(article.path, language): article
        for language in LANGUAGES.codes
        for article in collection.of(language)
    }


def is_error_page(path: str) -> bool:
    return path.rsplit("/", 1)[-1] == ERROR_PAGE


def extracted(site: BuiltSite, path: str) -> dict:
    # Imported here, not at the top: every test process collects this module, and only one runs it.
    import extruct

    html = (site.root / path).read_text(encoding="utf-8")
    return extruct.extract(html, base_url=site.site_url + path, syntaxes=["json-ld", "opengraph"])


def schema_item(site: BuiltSite, path: str) -> dict:
    """The page's one JSON-LD item."""
    items = extracted(site, path)["json-ld"]
    assert len(items) == 1, (path, items)
    assert items[0]["@context"] == SCHEMA_ORG, path
    return items[0]


def open_graph(site: BuiltSite, path: str) -> dict[str, list[str]]:
    """Open Graph property → its values, in order (arrays repeat a property)."""
    found = extracted(site, path)["opengraph"]
    assert len(found) == 1, (path, found)
    values: dict[str, list[str]] = {}
    for name, value in found[0]["properties"]:
        values.setdefault(name, []).append(value)
    return values


def citation_tags(site: BuiltSite, path: str) -> list[tuple[str, str]]:
    """The Highwire Press tags of a page, in order."""
    return [
        (meta.attrs["name"], meta.attrs["content"])
        for meta in site.html(path).find_all("meta")
        if meta.attrs.get("name", "").startswith("citation_")
    ]


def head_link(site: BuiltSite, path: str, rel: str) -> list[dict[str, str]]:
    return [link.attrs for link in site.html(path).find_all("link", rel=rel) if "type" not in link.attrs]


def hreflang_languages(site: BuiltSite, path: str) -> set[str]:
    return {link["hreflang"] for link in head_link(site, path, "alternate")} - {"x-default"}


def home_address(site: BuiltSite, language: str) -> str:
    return site.site_url + built_path("index.md", language)


def in_language(text: dict[str, str], language: str) -> str:
    return text.get(language) or text[SOURCE]


def publisher_name(project: Path, language: str) -> str:
    name = project_settings(project).publisher["name"]
    return name if isinstance(name, str) else in_language(name, language)


def addresses(value: object) -> list[str]:
    """Every string in a JSON value that is an absolute address."""
    if isinstance(value, dict):
        return [address for item in value.values() for address in addresses(item)]
    if isinstance(value, list):
        return [address for item in value for address in addresses(item)]
    return [value] if isinstance(value, str) and "://" in value else []


def test_every_page_is_one_schema_org_item_of_its_kind_in_its_language_and_site(built_site: BuiltSite) -> None:
    project = built_site.project
    articles = article_pages(collection_of(project))
    pages = built_site.page_paths()
    assert set(articles) < set(pages) and any(is_error_page(path) for path in pages)
    for path in pages:
        item = schema_item(built_site, path)
        language = built_site.html(path).find("html").attrs["lang"]
        assert item["@type"] == ("Article" if path in articles else "WebPage"), path
        assert item["inLanguage"] == language, path
        site = item["isPartOf"]
        assert (site["@type"], site["name"], site["inLanguage"]) == (
            "WebSite",
            site_name(project, language),
            language,
        ), path
        assert site["url"] == home_address(built_site, language), path
        assert site["publisher"]["name"] == publisher_name(project, language), path
        canonical = head_link(built_site, path, "canonical")
        if is_error_page(path):
            # Hosts serve it at every missing address: it has none of its own.
            assert "url" not in item and not canonical, path
        else:
            assert item["url"] == canonical[0]["href"] == built_site.site_url + path, path


def test_every_page_has_open_graph_for_its_kind(built_site: BuiltSite) -> None:
    articles = article_pages(collection_of(built_site.project))
    for path in built_site.page_paths():
        og = open_graph(built_site, path)
        html = built_site.html(path)
        language = html.find("html").attrs["lang"]
        assert og["og:type"] == ["article" if path in articles else "website"], path
        item = schema_item(built_site, path)
        assert og["og:title"] == [item["headline"] if path in articles else item["name"]], path
        assert og["og:title"][0].strip(), path
        assert og["og:description"] == [html.find("meta", name="description").attrs["content"]], path
        assert og["og:site_name"] == [site_name(built_site.project, language)], path
        assert og.get("og:url") == (None if is_error_page(path) else [built_site.site_url + path]), path
        # ogp.me's language_TERRITORY, for the page itself and for each of its translations.
        locales = og["og:locale"] + og.get("og:locale:alternate", [])
        for locale in locales:
            _, separator, territory = locale.partition("_")
            assert separator and len(territory) == 2 and territory.isupper(), (path, locale)
        assert [locale.partition("_")[0] for locale in og["og:locale"]] == [language], path
        alternates = {locale.partition("_")[0] for locale in og.get("og:locale:alternate", [])}
        assert alternates == hreflang_languages(built_site, path) - {language}, path


def test_every_address_of_the_site_in_the_metadata_is_a_built_file(built_site: BuiltSite) -> None:
    checked = 0
    for path in built_site.page_paths():
        og = open_graph(built_site, path)
        found = addresses(schema_item(built_site, path)) + addresses(og)
        for address in (address for address in found if address.startswith(built_site.site_url)):
            assert (built_site.root / address.removeprefix(built_site.site_url)).is_file(), (path, address)
            checked += 1
    assert checked > len(built_site.page_paths())


def test_the_languages_of_an_article_point_at_each_other(built_site: BuiltSite) -> None:
    collection = collection_of(built_site.project)
    pairs = [
        (article, translation)
        for article in collection.of(SOURCE)
        for language in LANGUAGES.translations
        if (translation := collection.article_at(language, article.path)) is not None
    ]
    assert pairs
    for original, translation in pairs:
        original_page, translated_page = (
            built_path(original.path, SOURCE),
            built_path(translation.path, translation.language),
        )
        original_item, translated_item = (
            schema_item(built_site, original_page),
            schema_item(built_site, translated_page),
        )
        translations = {work["url"]: work["inLanguage"] for work in original_item["workTranslation"]}
        assert translations[built_site.site_url + translated_page] == translation.language
        assert translated_item["translationOfWork"]["url"] == built_site.site_url + original_page
        assert translated_item["translationOfWork"]["inLanguage"] == SOURCE
        assert "translationOfWork" not in original_item and "workTranslation" not in translated_item


def expected_citation(project: Path, article: Article) -> list[tuple[str, str]]:
    """An original that appeared first elsewhere is cited as it appeared there; a translation as itself."""
    people = {person["id"]: person for person in publication_data("people", project)["people"]}
    first = article.first_published if article.language == SOURCE else None
    tags = [("citation_title", article.title)]
    tags += [("citation_author", people[person]["name"]) for person in article.authors]
    tags.append(("citation_publication_date", (first.date if first else article.date).strftime("%Y/%m/%d")))
    if first:
        tags += [("citation_online_date", article.date.strftime("%Y/%m/%d")), ("citation_journal_title", first.name)]
    return [*tags, ("citation_language", article.language)]


def assert_article_item(site: BuiltSite, path: str, article: Article) -> None:
    """The page's Article says what the article's front matter and its authors' records say."""
    people = {person["id"]: person for person in publication_data("people", site.project)["people"]}
    item = schema_item(site, path)
    assert (item["headline"], item["description"]) == (article.title, article.description)
    assert item["datePublished"] == article.date.isoformat()
    assert item["dateModified"] == (article.updated or article.date).isoformat()
    assert item["publisher"]["name"] == publisher_name(site.project, article.language)
    assert [author["name"] for author in item["author"]] == [people[person]["name"] for person in article.authors]
    for author, person in zip(item["author"], article.authors, strict=True):
        affiliation = people[person].get("affiliation")
        if affiliation:
            assert author["affiliation"]["name"] == in_language(affiliation["name"], article.language)
    first = article.first_published
    assert item.get("isBasedOn") == (first.url if first else None)
    og = open_graph(site, path)
    assert og["article:published_time"] == [article.date.isoformat()]
    assert og["article:modified_time"] == [(article.updated or article.date).isoformat()]
    assert og["article:author"] == [author["url"] for author in item["author"]]


def test_an_article_page_describes_the_article_for_search_engines_and_reference_managers(
    built_site: BuiltSite,
) -> None:
    articles = article_pages(collection_of(built_site.project))
    assert any(article.first_published and article.language == SOURCE for article in articles.values())
    assert any(article.first_published and article.language != SOURCE for article in articles.values())
    for path, article in articles.items():
        assert_article_item(built_site, path, article)
        assert citation_tags(built_site, path) == expected_citation(built_site.project, article), path
    for path in set(built_site.page_paths()) - set(articles):
        assert not citation_tags(built_site, path), path


ARTICLE_SLUG = "only-in-the-source-with-a-picture"
PICTURE = "bilder/metadata-picture.svg"


@pytest.fixture(scope="module")
def source_only(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, Article]:
    """A copy of the project with an article in the source language only, with a picture, an update, and
    characters in its title that mean something in HTML."""
    root = assemble_publication(tmp_path_factory.mktemp("project"))
    folder = collection_folder(root)
    front_matter = {
        # What could end a script element, or start markup, if it were written as it is.
        "title": "Quelle & Ziel <2024>",
        "description": "Ein Satz über die Quelle & das Ziel.",
        "date": "2024-03-01",
        "updated": "2024-04-02",
        "authors": [person_ids(root)[0]],
        "topics": [],
        "image": {"src": PICTURE, "alt": "Ein Bild."},
    }
    article_file = root / "docs" / SOURCE / folder / f"{ARTICLE_SLUG}.md"
    article_file.write_text(
        f"---\n{yaml.safe_dump(front_matter, allow_unicode=True)}---\n\n# Nur in der Quelle\n\nEin Text.\n",
        encoding="utf-8",
    )
    picture = root / "docs" / SOURCE / folder / PICTURE
    picture.parent.mkdir(parents=True, exist_ok=True)
    picture.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>\n', encoding="utf-8")
    site_root = tmp_path_factory.mktemp("site")
    site_url = "http://127.0.0.1:8000/"
    result = build_site(site_root, site_url, config_file=root / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    article = collection_of(root).article_at(SOURCE, f"{folder}/{ARTICLE_SLUG}.md")
    assert article is not None and article.updated == datetime.date(2024, 4, 2)
    return BuiltSite(root=site_root, site_url=site_url, log=result.stdout + result.stderr, project=root), article


def test_a_stand_in_is_no_translation_and_names_none(source_only: tuple[BuiltSite, Article]) -> None:
    site, article = source_only
    original = built_path(article.path, SOURCE)
    for language in LANGUAGES.translations:
        stand_in = built_path(article.path, language)
        item = schema_item(site, stand_in)
        assert item["@type"] == "WebPage" and "translationOfWork" not in item
        assert item["inLanguage"] == language
        assert open_graph(site, stand_in)["og:type"] == ["website"]
        assert "og:locale:alternate" not in open_graph(site, stand_in)
        assert not citation_tags(site, stand_in)
    item = schema_item(site, original)
    assert item["@type"] == "Article" and "workTranslation" not in item
    assert "og:locale:alternate" not in open_graph(site, original)


def test_an_article_with_a_picture_messengers_cannot_show_gets_a_card(source_only: tuple[BuiltSite, Article]) -> None:
    site, article = source_only
    path = built_path(article.path, SOURCE)
    assert_article_item(site, path, article)
    assert citation_tags(site, path) == expected_citation(site.project, article)
    card = site.site_url + LANGUAGES.root(SOURCE) + f"{collection_folder(site.project)}/{ARTICLE_SLUG}.preview.png"
    og = open_graph(site, path)
    assert og["og:image"] == [card] and article.title in og["og:image:alt"][0]
    assert schema_item(site, path)["image"]["url"] == card
    assert (site.root / card.removeprefix(site.site_url)).is_file()


def test_json_ld_cannot_end_its_script_element(source_only: tuple[BuiltSite, Article]) -> None:
    site, article = source_only
    opening = '<script type="application/ld+json">'
    for language in LANGUAGES.codes:
        path = built_path(article.path, language)
        text = (site.root / path).read_text(encoding="utf-8")
        start = text.index(opening) + len(opening)
        script = text[start : text.index("</script>", start)]
        assert not {"<", ">", "&"} & set(script), path
        item = schema_item(site, path)
        assert article.title in (item.get("headline") or item["name"]), path
