"""The data checks: every mistake an editor can make in data/*.yml, with the exact message it gets."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from microsite.data import DataError, load
from microsite.languages import Languages
from project import ROOT, microsite

PARTNERSHIPS = """\
# yaml-language-server: $schema=./partnerships.schema.json
page_folder: partner
home_city:
  name:
    de: Heimatstadt
    en: Home town
  country:
    de: Deutschland
    en: Germany
  coordinates:
    lat: 51.5
    lon: 7.5
  sources:
    - url: https://example.org/home
      fact: coordinates
partnerships:
  - id: alpha
    city:
      name:
        de: Alpha
        en: Alpha
      country:
        de: Land
        en: Country
      coordinates:
        lat: 40.0
        lon: -80.0
      sources:
        - url: https://example.org/alpha
          fact: coordinates
    relation:
      de: Städtepartnerschaft
      en: City partnership
    since: 1978
    summary:
      de: Ein Satz über Alpha.
      en: A sentence about Alpha.
    sources:
      - page: a.md
        passage:
          de: Alpha ist eine Partnerstadt.
          en: Alpha is a partner city.
"""

TIMELINE = """\
# yaml-language-server: $schema=./timeline.schema.json
events:
  - id: start
    date: 1978
    partnership: alpha
    title:
      de: Beginn
      en: Start
    source:
      page: a.md
      passage:
        de: Alpha ist eine Partnerstadt.
        en: Alpha is a partner city.
"""

ARTICLE = {
    "de": "---\ntitle: A\n---\n\n# A\n\nAlpha ist eine Partnerstadt.\n",
    "en": "---\ntitle: A\n---\n\n# A\n\nAlpha is a partner city.\n",
}


def make_project(root: Path, partnerships: str = PARTNERSHIPS, timeline: str = TIMELINE) -> Path:
    (root / "data").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for schema in (ROOT / "data").glob("*.schema.json"):
        shutil.copy(schema, root / "data" / schema.name)
    (root / "data" / "partnerships.yml").write_text(partnerships, encoding="utf-8")
    (root / "data" / "timeline.yml").write_text(timeline, encoding="utf-8")
    for language, text in ARTICLE.items():
        (root / "docs" / language).mkdir(parents=True)
        (root / "docs" / language / "a.md").write_text(text, encoding="utf-8")
    return root


def problems_of(root: Path) -> list[str]:
    try:
        load(root / "data", root / "docs", Languages(("de", "en")))
    except DataError as error:
        return [finding.text() for finding in error.findings]
    return []


def position(text: str, needle: str, offset: int = 0) -> str:
    """'line:column' (1-based) of `needle` in `text`, plus `offset` columns."""
    index = text.index(needle)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1 + offset
    return f"{line}:{column}"


def test_clean_data_has_no_problems(tmp_path: Path) -> None:
    assert problems_of(make_project(tmp_path)) == []


def test_the_real_data_has_no_problems() -> None:
    assert problems_of(ROOT) == []


def test_yaml_syntax_error(tmp_path: Path) -> None:
    broken = PARTNERSHIPS.replace("    since: 1978\n", "    since: [1978\n")
    problems = problems_of(make_project(tmp_path, partnerships=broken))
    assert len(problems) == 1
    assert problems[0].startswith("data/partnerships.yml:")
    assert "YAML syntax error" in problems[0]
    assert problems[0].endswith("– check the indentation, the colons and the quotes on this line and the one above")


def test_missing_required_field(tmp_path: Path) -> None:
    broken = PARTNERSHIPS.replace("    relation:\n      de: Städtepartnerschaft\n      en: City partnership\n", "")
    assert problems_of(make_project(tmp_path, partnerships=broken)) == [
        f"data/partnerships.yml:{position(broken, 'id: alpha')}: partnerships[0]: missing required field 'relation' – add 'relation:' "
        "(The kind of link, e.g. 'Städtepartnerschaft' / 'City partnership'.)"
    ]


def test_wrong_type(tmp_path: Path) -> None:
    broken = PARTNERSHIPS.replace("since: 1978", "since: nineteen")
    assert problems_of(make_project(tmp_path, partnerships=broken)) == [
        f"data/partnerships.yml:{position(broken, 'nineteen')}: partnerships[0].since: expected a whole number, found the text 'nineteen' – write a four-digit year, e.g. 1978"
    ]


def test_unknown_field(tmp_path: Path) -> None:
    broken = PARTNERSHIPS.replace("    since: 1978\n", "    since: 1978\n    sinse: 1978\n")
    assert problems_of(make_project(tmp_path, partnerships=broken)) == [
        f"data/partnerships.yml:{position(broken, 'sinse')}: partnerships[0].sinse: unknown field 'sinse' – remove it or correct its spelling "
        "(allowed here: city, focus, id, links, projects, relation, since, sources, summary, translated_from)"
    ]


def test_missing_translation(tmp_path: Path) -> None:
    broken = PARTNERSHIPS.replace("      en: A sentence about Alpha.\n", "")
    assert problems_of(make_project(tmp_path, partnerships=broken)) == [
        f"data/partnerships.yml:{position(broken, 'de: Ein Satz')}: partnerships[0].summary: missing English translation – add 'en: …' with the English text"
    ]


def test_empty_translation(tmp_path: Path) -> None:
    broken = PARTNERSHIPS.replace("en: A sentence about Alpha.", "en: ''")
    assert problems_of(make_project(tmp_path, partnerships=broken)) == [
        f"data/partnerships.yml:{position(broken, chr(39) * 2)}: partnerships[0].summary.en: empty English translation – write the English text"
    ]


def test_duplicate_id(tmp_path: Path) -> None:
    second = TIMELINE.split("events:\n", 1)[1].replace("date: 1978", "date: 1979")
    broken = TIMELINE + second
    assert problems_of(make_project(tmp_path, timeline=broken)) == [
        f"data/timeline.yml:{_second_id_position(broken)}: "
        "events[1].id: duplicate id 'start' (first used on line 3) – give each record its own id"
    ]


def _second_id_position(text: str) -> str:
    """Where the second record's id value is: the column after 'id: '."""
    second = text.index("id: start", text.index("id: start") + 1)
    line = text.count("\n", 0, second) + 1
    return f"{line}:9"


def test_reference_to_an_unknown_partnership(tmp_path: Path) -> None:
    broken = TIMELINE.replace("partnership: alpha", "partnership: beta")
    assert problems_of(make_project(tmp_path, timeline=broken)) == [
        f"data/timeline.yml:{position(broken, 'beta')}: events[0].partnership: unknown partnership 'beta' – use one of the ids in data/partnerships.yml: alpha"
    ]


@pytest.mark.parametrize(("date", "unit"), [("2023-02-30", "day"), ("2024-13", "month")])
def test_impossible_date(tmp_path: Path, date: str, unit: str) -> None:
    broken = TIMELINE.replace("date: 1978", f'date: "{date}"')
    assert problems_of(make_project(tmp_path, timeline=broken)) == [
        f"data/timeline.yml:{position(broken, chr(34) + date)}: events[0].date: impossible date '{date}' – there is no such {unit}; write it as YYYY, YYYY-MM or YYYY-MM-DD"
    ]


@pytest.mark.parametrize("url", ["ftp://example.org/alpha", "javascript:alert(1)", "example.org/alpha"])
def test_url_scheme_other_than_http_or_mailto(tmp_path: Path, url: str) -> None:
    broken = PARTNERSHIPS.replace("url: https://example.org/alpha", f"url: '{url}'")
    assert problems_of(make_project(tmp_path, partnerships=broken)) == [
        f"data/partnerships.yml:{position(broken, repr(url))}: partnerships[0].city.sources[0].url: the text {url!r} is not valid – "
        "write a full address starting with https:// (or http://), or mailto: followed by an e-mail address"
    ]


def test_field_written_twice(tmp_path: Path) -> None:
    broken = PARTNERSHIPS.replace("    since: 1978\n", "    since: 1978\n    since: 1979\n")
    assert problems_of(make_project(tmp_path, partnerships=broken)) == [
        f"data/partnerships.yml:{position(broken, 'since: 1979')}: partnerships[0].since: the field 'since' is written twice (first on line {position(broken, 'since: 1978').split(':')[0]}) – keep one of them"
    ]


def test_missing_schema_line(tmp_path: Path) -> None:
    broken = TIMELINE.split("\n", 1)[1]
    assert problems_of(make_project(tmp_path, timeline=broken)) == [
        "data/timeline.yml:1:1: the first line must be '# yaml-language-server: $schema=./timeline.schema.json' – it lets editors' IDEs check this file while typing"
    ]


def test_passage_not_in_the_article(tmp_path: Path) -> None:
    broken = TIMELINE.replace("en: Alpha is a partner city.", "en: Alpha is a twin city.")
    assert problems_of(make_project(tmp_path, timeline=broken)) == [
        f"data/timeline.yml:{position(broken, 'Alpha is a twin')}: events[0].source.passage.en: this passage is not in docs/en/a.md – quote the article word for word (same quotes, dashes and spelling)"
    ]


def test_data_file_without_a_schema(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "data" / "partners.yml").write_text("partners: []\n", encoding="utf-8")
    problems = problems_of(project)
    assert problems == [
        "data/partners.yml:1:1: no schema partners.schema.json for this file – rename it to one of: "
        "figures.yml, networks.yml, partnerships.yml, people.yml, recommendations.yml, timeline.yml"
    ]


def test_every_problem_is_reported_at_once_and_no_file_changes(tmp_path: Path) -> None:
    broken_partnerships = PARTNERSHIPS.replace("since: 1978", "since: nineteen")
    broken_timeline = TIMELINE.replace("partnership: alpha", "partnership: beta")
    project = make_project(tmp_path, partnerships=broken_partnerships, timeline=broken_timeline)
    before = {path: path.read_bytes() for path in project.rglob("*") if path.is_file()}
    problems = problems_of(project)
    assert len(problems) == 1  # the reference is checked only against valid partnership data
    assert "since" in problems[0]
    assert {path: path.read_bytes() for path in project.rglob("*") if path.is_file()} == before


def run_check(project: Path, *args: str) -> subprocess.CompletedProcess:
    return microsite("check-data", "--project", str(project), *args)


def test_command_line_check(tmp_path: Path) -> None:
    clean = run_check(make_project(tmp_path / "clean"))
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "data/: 2 records, no problems\n")
    broken = make_project(tmp_path / "broken", timeline=TIMELINE.replace("partnership: alpha", "partnership: beta"))
    result = run_check(broken)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "data/timeline.yml:5:18: events[0].partnership: unknown partnership 'beta' – "
        "use one of the ids in data/partnerships.yml: alpha"
    ]
    assert result.stderr == "The publication data has 1 problem.\n"
    usage = run_check(tmp_path / "nowhere")
    assert usage.returncode == 2
    assert usage.stderr.startswith(f"refused: {tmp_path / 'nowhere'}: no mkdocs.yml and docs/ here")


@pytest.mark.parametrize("output_format", ["json", "github"])
def test_command_line_formats(tmp_path: Path, output_format: str) -> None:
    broken = make_project(tmp_path, timeline=TIMELINE.replace("partnership: alpha", "partnership: beta"))
    result = run_check(broken, "--format", output_format)
    assert result.returncode == 1
    if output_format == "json":
        assert '"file": "data/timeline.yml"' in result.stdout and '"line": 5' in result.stdout
    else:
        assert result.stdout.startswith("::error file=data/timeline.yml,line=5,col=18::data/timeline.yml:5:18: ")
