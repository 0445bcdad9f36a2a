"""Data rendered into pages, in both languages: the real site, and a temp copy an editor changes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import data_markers
import publication_data
import pytest
from conftest import SUB_PATH, build_site, free_port
from site_model import ROOT, BuiltSite, configured_languages, counterpart_path, language_of

PROJECT_PARTS = ["mkdocs.yml", "docs", "data", "hooks", "overrides"]


def copy_project(destination: Path) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, destination / part)
    return destination


def real_data() -> publication_data.PublicationData:
    return publication_data.load(ROOT / "data", ROOT / "docs", list(configured_languages()))


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
    assert data_markers.format_event_date(event, language) == expected


def test_events_sort_by_date_with_seasons_between_months() -> None:
    events = [{"date": "2018-07"}, {"date": 2018, "season": "spring"}, {"date": 2018}, {"date": "2018-02"}]
    assert sorted(events, key=data_markers.event_sort_key) == [
        {"date": 2018},
        {"date": "2018-02"},
        {"date": 2018, "season": "spring"},
        {"date": "2018-07"},
    ]


def test_full_timelines_list_every_event_in_order_in_their_language(built_site: BuiltSite) -> None:
    events = sorted(real_data().records("timeline"), key=data_markers.event_sort_key)
    expected = {
        language: [(str(event["date"]), data_markers.format_event_date(event, language)) for event in events]
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


def test_map_has_a_text_alternative_in_each_language(built_site: BuiltSite) -> None:
    data = real_data().get("partnerships")
    pages = [
        path
        for path in built_site.content_paths()
        if "partnership-map__svg" in (built_site.root / path).read_text(encoding="utf-8")
    ]
    assert len(pages) == len(configured_languages())
    for path in pages:
        language = language_of(path)
        page = built_site.html(path)
        svg = page.find("svg", role="img")
        labelled_by = svg.attrs["aria-labelledby"].split()
        assert [page.find("title", id=labelled_by[0]), page.find("desc", id=labelled_by[1])] != [None, None]
        caption = " ".join(text for text in page.article_text)
        for partnership in data["partnerships"]:
            assert partnership["city"]["name"][language] in caption and partnership["relation"][language] in caption, (
                path,
                partnership["id"],
            )
        assert (
            "<script"
            not in (built_site.root / path)
            .read_text(encoding="utf-8")
            .split("partnership-map")[1]
            .split("</figure>")[0]
        )


def added_partnership(data_text: str) -> str:
    """A new partnership record, quoting a passage that the real data already quotes (so it exists)."""
    data = real_data().get("partnerships")
    source = data["partnerships"][0]["sources"][0]
    quote = {language: source["passage"][language].replace("'", "''") for language in configured_languages()}
    return (
        data_text.rstrip("\n")
        + f"""
  - id: neustadt
    city:
      name:
        de: "Neustadt <script>alert('de')</script>"
        en: "Newtown <script>alert('en')</script>"
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
      de: Eine neue Partnerschaft <b>fett</b>.
      en: A new partnership <b>bold</b>.
    sources:
      - page: {source["page"]}
        passage:
          de: '{quote["de"]}'
          en: '{quote["en"]}'
"""
    )


@pytest.fixture(scope="module")
def site_with_added_partnership(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = copy_project(tmp_path_factory.mktemp("project"))
    partnerships = project / "data" / "partnerships.yml"
    partnerships.write_text(added_partnership(partnerships.read_text(encoding="utf-8")), encoding="utf-8")
    # As an editor does once both languages are written: record that the translation is complete.
    marked = subprocess.run(
        [
            sys.executable,
            str(project / "hooks" / "translation_parity.py"),
            "mark-translated",
            "--project",
            str(project),
            "data/partnerships.yml#neustadt",
        ],
        capture_output=True,
        text=True,
    )
    assert marked.returncode == 0, marked.stderr
    site_url = f"http://127.0.0.1:{free_port()}{SUB_PATH}"
    destination = tmp_path_factory.mktemp("site")
    result = build_site(destination, site_url, config_file=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(root=destination, site_url=site_url, log=result.stdout + result.stderr)


def test_adding_a_partnership_yields_its_page_in_every_language(site_with_added_partnership: BuiltSite) -> None:
    site = site_with_added_partnership
    folder = real_data().get("partnerships")["page_folder"]
    german = f"{folder}/neustadt.html"
    for language in configured_languages():
        path = counterpart_path(german, language)
        page = site.html(path)
        assert page.find("html").attrs["lang"] == language
        hreflang = {link.attrs["hreflang"]: link.attrs["href"] for link in page.find_all("link", rel="alternate")}
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
        assert sitemap[site.site_url + path] == {
            other: site.site_url + counterpart_path(german, other) for other in configured_languages()
        }
        locations = {doc["location"].split("#")[0] for doc in site.search_index(language)["docs"]}
        assert f"{folder}/neustadt.html" in locations


def test_data_strings_are_escaped_where_they_are_rendered(site_with_added_partnership: BuiltSite) -> None:
    site = site_with_added_partnership
    for path in site.page_paths():
        text = (site.root / path).read_text(encoding="utf-8")
        assert "<script>alert(" not in text, path
        assert "<b>fett</b>" not in text and "<b>bold</b>" not in text, path
    folder = real_data().get("partnerships")["page_folder"]
    german = (site.root / folder / "neustadt.html").read_text(encoding="utf-8")
    assert "Neustadt &lt;script&gt;alert(&#x27;de&#x27;)&lt;/script&gt;" in german
    assert "Eine neue Partnerschaft &lt;b&gt;fett&lt;/b&gt;." in german


def test_broken_data_stops_the_build_with_one_line_per_problem(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
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
        rf"^data/partnerships\.yml:{line}:\d+: partnerships\[\d+\]\.since: expected a whole number",
        output,
        flags=re.MULTILINE,
    ), output
    assert partnerships.read_text(encoding="utf-8") == broken


def test_unknown_marker_stops_the_build_naming_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
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
    project = copy_project(tmp_path / "project")
    data = real_data().get("partnerships")
    clash = project / "docs" / configured_languages()[0] / data["page_folder"] / f"{data['partnerships'][0]['id']}.md"
    clash.parent.mkdir(parents=True, exist_ok=True)
    clash.write_text("# Hand-written\n", encoding="utf-8")
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    assert result.returncode == 1
    assert "this page is generated from data/partnerships.yml – delete the file" in result.stdout + result.stderr
