"""The data markers' renderers without a build: dates, order, and what each template writes, escaped.

The data here is made up (a home city, two partners), with a hostile string in every text a template
writes, so that a template that stops escaping fails; the real data is used where a test says so.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from microsite import upstream
from microsite.articles import Article, Collection, Settings, read_collection
from microsite.data import PublicationData, load
from microsite.pages.data_markers import RENDERERS, render_problems
from microsite.pages.partnership import render_partnership
from microsite.parity.status import ChangedSection, PageTranslation, SourceChange, State, TranslationStatus
from microsite.rendering import (
    RenderContext,
    Translations,
    event_sort_key,
    folder_templates,
    format_event_date,
    render_contacts,
    render_key_figures,
    render_networks,
    render_partnership_cards,
    render_partnership_map,
    render_recommendations,
    render_timeline,
)
from microsite.settings import Settings as MkDocsSettings
from microsite.third_party_settings import DeclaredHost
from microsite.translation_policy import TranslationPolicy
from mkdocs.structure.files import File, Files
from project import PUBLICATION, ROOT, publication_data
from site_model import LANGUAGES, WORDS, parse_html

TEMPLATES = folder_templates([ROOT / "overrides"])
HOSTILE = "<script>alert(\"x\")</script> & 'y'"
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;y&#39;"
FOLDER = "partners"
SVG = "{http://www.w3.org/2000/svg}"


def texts(text: str) -> dict[str, str]:
    """A bilingual text, different in each language, with the hostile string in it."""
    return {language: f"{text} {language} {HOSTILE}" for language in LANGUAGES.codes}


def city(name: str, lat: float, lon: float, **extra: object) -> dict:
    return {"name": texts(name), "country": texts("Country"), "coordinates": {"lat": lat, "lon": lon}, **extra}


def partnership(partnership_id: str, lat: float, lon: float) -> dict:
    return {
        "id": partnership_id,
        "city": city(f"City {partnership_id}", lat, lon, region=texts("Region"), sources=[{"url": "https://a.test/x"}]),
        "relation": texts("Friendship"),
        "since": 1990,
        "summary": texts("Summary"),
        "focus": [texts("Focus")],
        "projects": [{"name": texts("Project"), "description": texts("Description")}],
        "links": [{"url": 'https://b.test/?q="><script>', "label": texts("Link")}],
        "sources": [{"page": "article.md", "passage": texts("Passage")}],
    }


def made_up_data() -> PublicationData:
    events = [
        {"date": "2020-05-01", "title": texts("Later"), "partnership": "north"},
        {"date": 2019, "title": texts("Earlier")},
    ]
    return PublicationData(
        files={
            "partnerships": {
                "page_folder": FOLDER,
                "home_city": city("Home", 50.0, 10.0),
                "partnerships": [partnership("north", 60.0, -70.0), partnership("south", 40.0, -90.0)],
            },
            "timeline": {"events": events},
            "networks": {
                "networks": [{"name": texts("Net"), "kind": "summit", "role": texts("Role"), "partnerships": ["north"]}]
            },
            "recommendations": {"recommendations": [{"title": texts("Title"), "text": texts("Text")}]},
            "figures": {"figures": [{"value": 1000, "more_than": True, "label": texts("Figure")}]},
            "people": {
                "people": [
                    {"id": "writer", "name": HOSTILE, "role": texts("Role"), "contact": "editor", "email": HOSTILE}
                ]
            },
            "accessibility": {
                "page": "statement.md",
                "conformance": "partial",
                "prepared": "2025-01-02",
                **{field: texts(field) for field in ("responsible_body", "legal_basis", "standard")},
                "reviews": [{"id": "review", "date": "2025-01-01", "method": texts("Method")}],
                "barriers": [
                    {"id": "map", "part": texts("Part"), "reason": texts("Why"), "alternative": texts("Else")}
                ],
                "feedback": {"name": texts("Office"), "email": HOSTILE},
                "conciliation": {"name": texts("Body"), "address": [HOSTILE], "url": HOSTILE, "about": texts("About")},
            },
        }
    )


SETTINGS = Settings(page_folder="texts", per_page=1, on_home_page=2, topic_folder="texts/on", author_folder="texts/by")
# The argument each marker is given in these tests: a partnership, a topic or a person of the made-up data.
ARGUMENTS = {"topic": "north-topic", "author": "writer", "article-index": "2"}
# What a marker reads from mkdocs.yml instead of the data: the declared hosts, with a hostile reason.
CONFIGS = {
    "third-party-hosts": {"extra": {"third_party_hosts": [{"host": "video.example.org", "reason": texts("Reason")}]}}
}


def settings_of(config: dict) -> MkDocsSettings:
    """The generator's settings of a mkdocs.yml with this content (its hosts declared on line 1)."""
    declared = config["extra"]["third_party_hosts"]
    hosts = tuple(DeclaredHost(entry["host"], entry["reason"], 1) for entry in declared)
    return MkDocsSettings("mkdocs.yml", LANGUAGES, third_party_hosts=hosts)


def made_up_article(language: str, slug: str, day: int) -> Article:
    return Article(
        slug=slug,
        language=language,
        path=f"{SETTINGS.page_folder}/{slug}.md",
        title=f"Title {slug} {HOSTILE}",
        description=f"Lead {slug} {HOSTILE}",
        date=datetime.date(2025, 1, day),
        updated=None,
        authors=("writer",),
        topics=("north-topic",),
        first_published=None,
        image=None,
        moved_from=(),
        words=450,
    )


def made_up_collection() -> Collection:
    """Two articles per language, one per index page, both by the made-up person on the made-up topic."""
    articles = {
        language: [made_up_article(language, "newer", 20), made_up_article(language, "older", 10)]
        for language in LANGUAGES.codes
    }
    topics = {"north-topic": texts("Topic")}
    return Collection(SETTINGS, articles, topics, {language: "Index" for language in LANGUAGES.codes})


def made_up_translations() -> Translations:
    """Every translation of a page outdated, with the hostile string in the title of the section that changed."""
    change = SourceChange(datetime.date(2024, 3, 15), None, (ChangedSection(HOSTILE, "changed"),))
    pages = [PageTranslation("article.md", language, State.OUTDATED, change) for language in LANGUAGES.translations]
    status = TranslationStatus(TranslationPolicy(), LANGUAGES.source, pages)
    # No pages to read: each page goes by its file name (page_titles.py).
    address = lambda language, path: LANGUAGES.root(language) + path.replace(".md", ".html")  # noqa: E731
    return Translations(status, LANGUAGES, ROOT / "nowhere", address)


def context(language: str, data: PublicationData | None = None, page: str = "index.md") -> RenderContext:
    """The context of a marker in docs/<language>/<page>, with the made-up data's pages."""
    collection = made_up_collection()
    collection_pages = [
        SETTINGS.index_path(1),
        SETTINGS.index_path(2),
        SETTINGS.topic_path("north-topic"),
        SETTINGS.author_path("writer"),
        *(article.path for article in collection.of(language)),
    ]
    paths = ["index.md", "article.md", f"{FOLDER}/north.md", f"{FOLDER}/south.md", *collection_pages]
    files = Files([File(f"{language}/{path}", "/docs", "/site", use_directory_urls=False) for path in paths])
    page_url = File(f"{language}/{page}", "/docs", "/site", use_directory_urls=False).url
    return render_context(language, page_url, files, data if data is not None else made_up_data(), collection)


def render_context(
    language: str, page_url: str, files: Files, data: PublicationData, collection: Collection
) -> RenderContext:
    return RenderContext(
        language,
        page_url,
        files,
        data,
        TEMPLATES,
        where="docs/x.md:1",
        articles=collection,
        translations=made_up_translations(),
        source_language=LANGUAGES.source,
        words=WORDS,
    )


def assert_escaped(output: str) -> None:
    assert "<script" not in output and HOSTILE not in output
    assert ESCAPED in output
    assert not parse_html(output).find_all("script")


@pytest.mark.parametrize(
    ("event", "language", "expected"),
    [
        ({"date": "2024-12"}, "de", "Dezember 2024"),
        ({"date": "2024-12"}, "en", "December 2024"),
        ({"date": "2025-01-24"}, "de", "24. Januar 2025"),
        ({"date": "2025-01-24"}, "en", "January 24, 2025"),
        ({"date": 2018, "season": "spring"}, "de", "Frühjahr 2018"),
        ({"date": 2018, "season": "spring"}, "en", "Spring 2018"),
        ({"date": 1978}, "de", "1978"),
    ],
)
def test_dates_are_written_per_locale(event: dict, language: str, expected: str) -> None:
    assert format_event_date(event, language, WORDS) == expected


def test_events_sort_by_date_with_seasons_between_months() -> None:
    events = [{"date": "2018-07"}, {"date": 2018, "season": "spring"}, {"date": 2018}, {"date": "2018-02"}]
    assert sorted(events, key=event_sort_key) == [
        {"date": 2018},
        {"date": "2018-02"},
        {"date": 2018, "season": "spring"},
        {"date": "2018-07"},
    ]


@pytest.mark.parametrize("language", LANGUAGES.codes)
@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_every_marker_writes_whole_lines_of_escaped_html(name: str, language: str) -> None:
    marker_context = context(language)
    if name in CONFIGS:
        marker_context = dataclasses.replace(marker_context, settings=settings_of(CONFIGS[name]))
    output = RENDERERS[name](marker_context, ARGUMENTS.get(name, "north"))
    assert_escaped(output)
    assert output.startswith("<") and output.endswith(">\n"), output
    # A blank line would end an HTML block in Markdown; only a partnership's page mixes in headings.
    assert name == "partnership" or "\n\n" not in output


def test_cards_link_each_partnership_page_relative_to_the_page() -> None:
    page = parse_html(render_partnership_cards(context("en", page="about/index.md"), None))
    assert [a.attrs["href"] for a in page.find_all("a")] == [f"../{FOLDER}/north.html", f"../{FOLDER}/south.html"]
    assert len(page.find_all("li")) == 2


def test_timeline_lists_events_in_order_naming_partners_only_when_all_are_shown() -> None:
    full = render_timeline(context("en"), None)
    assert re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', full) == [
        ("2019", "2019"),
        ("2020-05-01", "May 1, 2020"),
    ]
    assert parse_html(full).find("a", **{"class": "timeline__partnership"}).attrs["href"] == f"{FOLDER}/north.html"
    one = render_timeline(context("en"), "north")
    assert one.count("<li>") == 1 and "timeline__partnership" not in one


def test_networks_name_their_kind_and_link_their_partners() -> None:
    output = render_networks(context("de"), None)
    assert '<span class="networks__kind">Gipfeltreffen</span>' in output
    assert f'(Partnerschaft: <a href="{FOLDER}/north.html">City north de {ESCAPED}</a>)</span></li>' in output


def test_key_figures_are_numbers_of_the_page_language() -> None:
    assert '<span class="key-figures__value">1.000+</span>' in render_key_figures(context("de"), None)
    assert '<span class="key-figures__value">1,000+</span>' in render_key_figures(context("en"), None)


def test_contacts_and_links_keep_hostile_addresses_inside_their_attribute() -> None:
    contacts = parse_html(render_contacts(context("en"), None))
    assert contacts.find("a").attrs["href"] == f"mailto:{HOSTILE}"
    page = parse_html(render_partnership(context("en"), "north"))
    assert page.find("a", href='https://b.test/?q="><script>') is not None


def test_recommendations_are_numbered() -> None:
    output = render_recommendations(context("en"), None)
    assert output.startswith('<ol class="recommendations">\n<li><strong>Title en ')


def test_a_partnership_page_has_its_sections_as_markdown_headings_between_blocks() -> None:
    output = render_partnership(context("de", page=f"{FOLDER}/north.md"), "north")
    headings = re.findall(r"^## (.+)$", output, flags=re.MULTILINE)
    assert headings == ["Schwerpunkte", "Projekte", "Zeitleiste", "Links", "Quellen im Artikel"]
    assert all(f"\n\n## {heading}\n\n<" in output for heading in headings)
    assert '<p><a href="../article.html">Im Artikel lesen</a></p></blockquote>' in output
    assert output.endswith('Weitere Quellen: <a href="https://a.test/x">a.test</a></p>\n')


def test_a_partnership_page_leaves_out_sections_without_data() -> None:
    data = made_up_data()
    record = data.partnership("south")
    for key in ("focus", "projects", "links"):
        del record[key]
    del record["city"]["sources"]
    output = render_partnership(context("en", data), "south")
    assert re.findall(r"^## (.+)$", output, flags=re.MULTILINE) == ["Sources in the article"]
    assert output.endswith("</blockquote>\n")


def map_parts(language: str) -> tuple[ElementTree.Element, ElementTree.Element]:
    """The SVG and the caption of the made-up data's map."""
    figure = ElementTree.fromstring(render_partnership_map(context(language), None))
    return figure.find(f"{SVG}svg"), figure.find("figcaption")


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_the_map_is_named_by_its_title_and_description(language: str) -> None:
    svg, caption = map_parts(language)
    title, description = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert svg.get("role") == "img"
    assert title is not None and description is not None
    assert svg.get("aria-labelledby").split() == [title.get("id"), description.get("id")]
    assert f"Home {language} {HOSTILE}" in title.text
    assert description.text == caption.text
    for record in made_up_data().records("partnerships"):
        assert record["city"]["name"][language] in caption.text
        assert f"{record['relation'][language]} " in caption.text


def test_the_map_puts_each_city_on_one_line_of_svg() -> None:
    svg, _ = map_parts("en")
    links = svg.findall(f"{SVG}path[@class='partnership-map__link']")
    assert len(links) == 2 and len(svg.findall(f"{SVG}circle")) == 3
    output = render_partnership_map(context("en"), None)
    assert output.count("\n") == 4 and re.search(r"\n<svg [^\n]*</svg>\n", output)


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_problems_are_listed_escaped_in_an_admonition(language: str) -> None:
    output = render_problems(context(language), [f"data/x.yml:1:2: {HOSTILE}", "second"])
    assert output.startswith('<div class="admonition failure"><p class="admonition-title">')
    assert output.endswith(
        f"<ul><li><code>data/x.yml:1:2: {ESCAPED}</code></li><li><code>second</code></li></ul></div>\n"
    )


def test_every_marker_renders_the_publications_data(publication_project: Path) -> None:
    """Each view model has every name its template uses (the templates fail on an undefined one)."""
    project = publication_project
    data = load(project / "data", project / "docs", LANGUAGES)
    collection, findings = read_collection(project / "docs", LANGUAGES, data.files, project)
    assert not [finding for finding in findings if finding.is_error]
    folder = data.get("partnerships")["page_folder"]
    arguments = {
        "topic": next(iter(collection.topics)),
        "author": collection.authors(LANGUAGES.source)[0],
        "article-index": None,
        "latest-articles": None,
    }
    for language in LANGUAGES.codes:
        # Every file of docs/, pictures too: the cards and headers link an article's picture.
        written = [
            f"{language}/{path.relative_to(project / 'docs' / language).as_posix()}"
            for path in (project / "docs" / language).rglob("*")
            if path.is_file()
        ]
        generated = [f"{language}/{folder}/{record['id']}.md" for record in data.records("partnerships")]
        generated += [
            f"{language}/{collection.settings.index_path(number)}"
            for number in range(2, len(collection.index_pages(language)) + 1)
        ]
        generated += [f"{language}/{collection.settings.topic_path(topic)}" for topic in collection.topics]
        generated += [
            f"{language}/{collection.settings.author_path(person)}" for person in collection.authors(language)
        ]
        files = Files([File(path, "/docs", "/site", use_directory_urls=False) for path in written + generated])
        real = render_context(language, f"{language}/index.html", files, data, collection)
        for name, renderer in RENDERERS.items():
            argument = arguments.get(name, data.records("partnerships")[0]["id"])
            assert renderer(real, argument).endswith("\n"), name


def test_the_code_and_templates_name_no_city_of_the_publication() -> None:
    """The generator serves any publication: its cities come from data/ only. Those of this repository's
    publication and of the fixture's, read as names only (how many, or which, is not what is tested)."""
    names = set()
    for project in (ROOT, PUBLICATION):
        partnerships = publication_data("partnerships", project)
        cities = [partnerships["home_city"], *(record["city"] for record in partnerships["partnerships"])]
        names |= {name for each in cities for name in each["name"].values()}
    sources = [*(ROOT / "hooks").rglob("*.py"), *(path for path in (ROOT / "overrides").rglob("*") if path.is_file())]
    for source in sources:
        text = source.read_text(encoding="utf-8")
        assert not [name for name in names if name in text], source


@pytest.mark.parametrize("argument", ["0", "3", "two"])
def test_an_article_index_page_that_does_not_exist_is_named(argument: str) -> None:
    with pytest.raises(upstream.BuildError) as raised:
        RENDERERS["article-index"](context(LANGUAGES.source), argument)
    assert str(raised.value) == (
        f"docs/x.md:1: the article index has no page '{argument}' – write '<!-- data: article-index -->' on the "
        "index page; its further pages are made by the build"
    )


def test_the_latest_articles_are_the_newest_and_as_many_as_configured() -> None:
    made_up = context(LANGUAGES.source)
    one = dataclasses.replace(
        made_up, articles=dataclasses.replace(made_up.articles, settings=dataclasses.replace(SETTINGS, on_home_page=1))
    )
    cards = parse_html(RENDERERS["latest-articles"](one, None)).find_all("h3", **{"class": "article-card__title"})
    assert len(cards) == 1
    links = [element.attrs["href"] for element in parse_html(RENDERERS["latest-articles"](one, None)).find_all("a")]
    assert f"{SETTINGS.page_folder}/newer.html" in links and f"{SETTINGS.page_folder}/older.html" not in links
