"""Data rendered into pages, in both languages: the fixture publication's site, and a copy an editor changes.

What each template writes is tested without a build, in tests/unit/test_rendering.py.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from microsite.data import PublicationData, load
from microsite.rendering import event_sort_key, format_event_date
from microsite.settings import project_languages
from project import SUB_PATH, assemble_publication, build_site, free_port, microsite
from site_model import WORDS, BuiltSite, configured_languages, counterpart_path, language_of

SVG = "{http://www.w3.org/2000/svg}"
# The name and summary of the partnership an editor adds, with markup that must be shown, not run.
ADDED_CITY = {"de": "Neustadt <script>alert('de')</script>", "en": "Newtown <script>alert('en')</script>"}
ADDED_SUMMARY = {"de": "Eine neue Partnerschaft <b>fett</b>.", "en": "A new partnership <b>bold</b>."}


def data_of(project: Path) -> PublicationData:
    return load(project / "data", project / "docs", project_languages(project))


def test_full_timelines_list_every_event_in_order_in_their_language(built_site: BuiltSite) -> None:
    events = sorted(data_of(built_site.project).records("timeline"), key=event_sort_key)
    expected = {
        language: [(str(event["date"]), format_event_date(event, language, WORDS)) for event in events]
        for language in configured_languages()
    }
    full = []
    for path in built_site.content_paths():
        shown = re.findall(
            r'<time datetime="([^"]+)">([^<]+)</time>', (built_site.root / path).read_text(encoding="utf-8")
        )
        if len(shown) == len(events):
            full.append(path)
            assert shown == expected[language_of(path)], path
    assert sorted({language_of(path) for path in full}) == sorted(configured_languages())


def partnership_map(page_text: str) -> ElementTree.Element:
    """The page's partnership map, as XML: the figure with its SVG and caption."""
    figures = re.findall(r'<figure class="partnership-map">.*?</figure>', page_text, flags=re.DOTALL)
    assert len(figures) == 1
    assert "<script" not in figures[0]
    return ElementTree.fromstring(figures[0])


def test_map_has_a_text_alternative_in_each_language(built_site: BuiltSite) -> None:
    partnerships = data_of(built_site.project).get("partnerships")["partnerships"]
    texts = {path: (built_site.root / path).read_text(encoding="utf-8") for path in built_site.content_paths()}
    pages = [path for path, text in texts.items() if "partnership-map" in text]
    assert sorted(map(language_of, pages)) == sorted(configured_languages())
    for path in pages:
        language = language_of(path)
        figure = partnership_map(texts[path])
        svg = figure.find(f"{SVG}svg")
        title, description = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        assert svg.get("role") == "img"
        assert title is not None and description is not None, path
        assert svg.get("aria-labelledby").split() == [title.get("id"), description.get("id")], path
        assert texts[path].count(f'id="{title.get("id")}"') == texts[path].count(f'id="{description.get("id")}"') == 1
        assert title.text.strip(), path
        in_other_languages = [other for other in configured_languages() if other != language]
        for text in (description.text, figure.find("figcaption").text):
            for partnership in partnerships:
                assert partnership["city"]["name"][language] in text, (path, partnership["id"])
                assert partnership["relation"][language] in text, (path, partnership["id"])
                assert str(partnership.get("since", "")) in text, (path, partnership["id"])
                for other in in_other_languages:
                    if partnership["relation"][other] != partnership["relation"][language]:
                        assert partnership["relation"][other] not in text, (path, partnership["id"], other)


def added_partnership(project: Path, data_text: str) -> str:
    """A new partnership record, quoting a passage that the project's data already quotes (so it exists)."""
    data = data_of(project).get("partnerships")
    source = data["partnerships"][0]["sources"][0]
    quote = {language: source["passage"][language].replace("'", "''") for language in configured_languages()}
    return (
        data_text.rstrip("\n")
        + f"""
  - id: neustadt
    city:
      name:
        de: "{ADDED_CITY["de"]}"
        en: "{ADDED_CITY["en"]}"
      country:
        de: Vereinigte Staaten
        en: United States
      coordinates:
        lat: 38.9
        lon: -77.0
      sources:
        - url: https://example.org/neustadt
          fact: coordinates
    relation:
      de: Freundschaft
      en: Friendship
    since: 2025
    summary:
      de: {ADDED_SUMMARY["de"]}
      en: {ADDED_SUMMARY["en"]}
    sources:
      - page: {source["page"]}
        passage:
          de: '{quote["de"]}'
          en: '{quote["en"]}'
"""
    )


@pytest.fixture(scope="module")
def site_with_added_partnership(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = assemble_publication(tmp_path_factory.mktemp("project"))
    partnerships = project / "data" / "partnerships.yml"
    partnerships.write_text(added_partnership(project, partnerships.read_text(encoding="utf-8")), encoding="utf-8")
    # As an editor does once both languages are written: record that the translation is complete.
    marked = microsite("translated", "data/partnerships.yml#neustadt", project=project)
    assert marked.returncode == 0, marked.stderr
    site_url = f"http://127.0.0.1:{free_port()}{SUB_PATH}"
    destination = tmp_path_factory.mktemp("site")
    # The added city's name holds a script, which the checks refuse (page-script): a strict build stops on it.
    # Built without --strict, as the preview goes on with it, its pages must still show the name as text.
    result = build_site(destination, site_url, config_file=project / "mkdocs.yml", strict=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[page-script] partnerships, record 4 ('neustadt'), city.name.de: script:" in result.stdout + result.stderr
    return BuiltSite(root=destination, site_url=site_url, log=result.stdout + result.stderr, project=project)


def test_adding_a_partnership_yields_its_page_in_every_language(site_with_added_partnership: BuiltSite) -> None:
    site = site_with_added_partnership
    folder = data_of(site.project).get("partnerships")["page_folder"]
    german = f"{folder}/neustadt.html"
    for language in configured_languages():
        path = counterpart_path(german, language)
        page = site.html(path)
        assert page.find("html").attrs["lang"] == language
        hreflang = {
            link.attrs["hreflang"]: link.attrs["href"]
            for link in page.find_all("link", rel="alternate")
            if link.attrs.get("type") != "application/atom+xml"
        }
        assert hreflang[language] == site.site_url + path
        for other in configured_languages():
            assert hreflang[other] == site.site_url + counterpart_path(german, other)
            selector = next(
                a
                for a in page.find_all("a")
                if a.attrs.get("hreflang") == other and "md-select__link" in a.attrs.get("class", "")
            )
            assert selector.attrs["href"].endswith(counterpart_path(german, other).rsplit("/", 1)[-1])
        sitemap = site.sitemap_entries()
        assert site.site_url + path in sitemap
        # Each language's page, and the source language's as the page for any other language (x-default).
        assert sitemap[site.site_url + path] == {
            **{other: site.site_url + counterpart_path(german, other) for other in configured_languages()},
            "x-default": site.site_url + german,
        }
        locations = {doc["location"].split("#")[0] for doc in site.search_index(language)["docs"]}
        assert f"{folder}/neustadt.html" in locations


def test_data_strings_are_escaped_where_they_are_rendered(site_with_added_partnership: BuiltSite) -> None:
    site = site_with_added_partnership
    for path in site.page_paths():
        text = (site.root / path).read_text(encoding="utf-8")
        assert "<script>alert(" not in text, path
        assert "<b>fett</b>" not in text and "<b>bold</b>" not in text, path
    folder = data_of(site.project).get("partnerships")["page_folder"]
    german = (site.root / folder / "neustadt.html").read_text(encoding="utf-8")
    # The header shows the page's title as text, however its HTML spells the quotes.
    assert ADDED_CITY["de"] in site.html(f"{folder}/neustadt.html").chrome_text
    assert "Eine neue Partnerschaft &lt;b&gt;fett&lt;/b&gt;." in german
    # Shown as the text it is: on its page, on its card, and on the map.
    texts = {path: (site.root / path).read_text(encoding="utf-8") for path in site.content_paths()}
    for language in configured_languages():
        assert ADDED_SUMMARY[language] in site.html(counterpart_path(f"{folder}/neustadt.html", language)).article_text
        overview = next(p for p, text in texts.items() if language_of(p) == language and "partnership-cards" in text)
        assert {ADDED_CITY[language], ADDED_SUMMARY[language]} <= set(site.html(overview).article_text)
        assert ADDED_CITY[language] in partnership_map(texts[overview]).find("figcaption").text


def test_broken_data_stops_the_build_with_one_line_per_problem(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    partnerships = project / "data" / "partnerships.yml"
    text = partnerships.read_text(encoding="utf-8")
    broken = re.sub(r"(\n\s+since: )(\d{4})", r"\1'\2a'", text, count=1)
    partnerships.write_text(broken, encoding="utf-8")
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    line = broken.count("\n", 0, broken.index("a'")) + 1
    assert re.search(
        rf"^data/partnerships\.yml:{line}:\d+: partnerships, record \d+ \('[a-z0-9-]+'\), since: expected a whole number",
        output,
        flags=re.MULTILINE,
    ), output
    assert partnerships.read_text(encoding="utf-8") == broken


def test_unknown_marker_stops_the_build_naming_file_and_line(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    page = next((project / "docs" / configured_languages()[0]).glob("*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- data: no-such-thing -->\n", encoding="utf-8")
    line = page.read_text(encoding="utf-8").count("\n", 0, page.read_text(encoding="utf-8").index("no-such-thing")) + 1
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert (
        f"docs/{configured_languages()[0]}/{page.name}:{line}: unknown data marker 'no-such-thing' – use one of: "
        in output
    )


def test_a_written_page_in_place_of_a_generated_one_is_an_error(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    data = data_of(project).get("partnerships")
    clash = project / "docs" / configured_languages()[0] / data["page_folder"] / f"{data['partnerships'][0]['id']}.md"
    clash.parent.mkdir(parents=True, exist_ok=True)
    clash.write_text("# Hand-written\n", encoding="utf-8")
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    assert result.returncode == 1
    assert "this page is generated from data/partnerships.yml – delete the file" in result.stdout + result.stderr
