"""Requests to other hosts and scripts in one strict build of a copy of the fixture publication with several
slips at once: an embedded video, a picture from another host, a script and an event handler in the
Markdown, a script in a front matter title, an event handler in a data text, and the theme's web font
switched back on. The strict build fails on each, naming its file and line, and the link check names the
same ones once. A declared exception is not reported, and the privacy page names it in each language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from microsite import link_check
from project import Run, assemble_publication, build_site
from site_model import LANGUAGES

SCRIPT = (
    "the site runs only its own scripts, from the theme and overrides/ – remove it; to show a video or map, link to it"
)
DECLARED = {"host": "player.vimeo.com", "reason": {"de": "Der Film zum Gipfel", "en": "The summit film"}}
CHECKS = ("third-party-request", "third-party-hosts", "page-script")


@dataclass
class SlippedBuild:
    project: Path
    site: Path
    result: Run
    expected: list[str]

    @property
    def output(self) -> str:
        return self.result.stdout + self.result.stderr


@pytest.fixture(scope="module")
def slipped(tmp_path_factory: pytest.TempPathFactory) -> SlippedBuild:
    folder = tmp_path_factory.mktemp("slipped")
    project = assemble_publication(folder / "project")
    source, translation = LANGUAGES.source, LANGUAGES.translations[0]
    page = next(path for path in sorted((project / "docs" / source).glob("*.md")) if path.name != "index.md")
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text + "\n<iframe src='https://www.youtube.com/embed/abc' title='Film'></iframe>\n\n"
        "![Hafen](https://bilder.example.com/hafen.jpg)\n\n<Script>track()</Script>\n\n"
        "<iframe src='https://player.vimeo.com/video/1' title='Gipfel'></iframe>\n\n"
        '<p onClick="go()">Klick</p>\n',
        encoding="utf-8",
    )
    first = text.count("\n") + 2
    other = project / "docs" / translation / page.name
    other_text = other.read_text(encoding="utf-8")
    title = next(line for line in other_text.split("\n") if line.startswith("title:"))
    other.write_text(other_text.replace(title, title + "<script>alert(1)</script>", 1), encoding="utf-8")
    title_line = other_text.split("\n").index(title) + 1
    networks = project / "data" / "networks.yml"
    data = networks.read_text(encoding="utf-8")
    name = re.search(r"^( +en: )(.+)$", data, re.MULTILINE)
    networks.write_text(data[: name.end()] + " <b onclick='x()'>!</b>" + data[name.end() :], encoding="utf-8")
    data_line = data[: name.start()].count("\n") + 1
    mkdocs_yml = project / "mkdocs.yml"
    settings = mkdocs_yml.read_text(encoding="utf-8")
    assert settings.count("  font: false\n") == 1 and settings.count("\nextra:\n") == 1
    declared = (
        f"\nextra:\n  third_party_hosts:\n    - host: {DECLARED['host']}\n"
        f"      reason: {{de: {DECLARED['reason']['de']}, en: {DECLARED['reason']['en']}}}\n"
    )
    settings = settings.replace("  font: false\n", "").replace("\nextra:\n", declared)
    mkdocs_yml.write_text(settings, encoding="utf-8")
    theme_line = settings.split("\n").index("theme:") + 1
    shown, translated = page.relative_to(project).as_posix(), other.relative_to(project).as_posix()
    loads = "when the page opens, which tells {0} who reads the page"
    expected = [
        f"{shown}:{first}: [third-party-request] embedded page → https://www.youtube.com/embed/abc: the browser loads "
        f"it from www.youtube.com {loads.format('www.youtube.com')} – link to the page instead of embedding it: a "
        "picture that links to the video or map",
        f"{shown}:{first + 2}: [third-party-request] image “Hafen” → https://bilder.example.com/hafen.jpg: the "
        f"browser loads it from bilder.example.com {loads.format('bilder.example.com')} – download the file into "
        "the site (next to the page) and show that",
        f"{shown}:{first + 4}: [page-script] script: {SCRIPT}",
        f"{shown}:{first + 8}: [page-script] onclick= on <p>: {SCRIPT}",
        f"{translated}:{title_line}:8: [page-script] title: script: {SCRIPT}",
        f"data/networks.yml:{data_line}:{len(name[1]) + 1}: [page-script] networks, record 1 "
        f"('{_first_network_id(data)}'), name.en: onclick= on <b>: {SCRIPT}",
        f"mkdocs.yml:{theme_line}: [third-party-request] theme: without `font:`, Material loads the fonts Roboto and "
        "Roboto Mono from fonts.googleapis.com and fonts.gstatic.com when a page opens, which tells those hosts who "
        "reads the site – set `font: false` under `theme:` (the pages then use the reader's own fonts), or save the "
        "font files in overrides/ and name them in a stylesheet of the site",
    ]
    site = folder / "site"
    result = build_site(site, "http://127.0.0.1:8000/", config_file=mkdocs_yml)
    return SlippedBuild(project, site, result, expected)


def _first_network_id(data: str) -> str:
    return re.search(r"^ *- id: (\S+)$", data, re.MULTILINE)[1]


def test_the_strict_build_fails_on_each_slip_with_its_file_and_line(slipped: SlippedBuild) -> None:
    assert slipped.result.returncode == 1
    warned = [line.removeprefix("WARNING -  ") for line in slipped.output.split("\n") if line.startswith("WARNING")]
    assert sorted(finding for finding in warned if any(f"[{check}]" in finding for check in CHECKS)) == sorted(
        slipped.expected
    )


def test_the_link_check_names_each_once(slipped: SlippedBuild) -> None:
    found = link_check.check_site(slipped.site, languages=LANGUAGES, project=slipped.project)
    assert sorted(finding.text() for finding in found if finding.check in CHECKS) == sorted(slipped.expected)


def test_the_privacy_page_names_the_declared_host(slipped: SlippedBuild) -> None:
    for language in LANGUAGES.codes:
        privacy = (slipped.site / LANGUAGES.root(language) / "datenschutz.html").read_text(encoding="utf-8")
        assert f"<li><code>{DECLARED['host']}</code>: {DECLARED['reason'][language]}</li>" in privacy


def test_the_pages_policy_allows_the_declared_host_and_no_undeclared_one(slipped: SlippedBuild) -> None:
    # What the checks let through because mkdocs.yml declares it, the browser must let through too.
    for language in LANGUAGES.codes:
        privacy = (slipped.site / LANGUAGES.root(language) / "datenschutz.html").read_text(encoding="utf-8")
        policies = _policies(privacy)
        assert len(policies) == 1, language
        directives = {name: sources for name, *sources in (part.split() for part in policies[0].split(";"))}
        assert directives["frame-src"] == [f"https://{DECLARED['host']}"]
        assert f"https://{DECLARED['host']}" in directives["img-src"]
        assert "youtube" not in policies[0] and "bilder.example.com" not in policies[0]


def _policies(page: str) -> list[str]:
    """The content of every Content-Security-Policy meta element of the page."""
    found: list[str] = []

    class Policies(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            named = dict(attrs)
            if tag == "meta" and named.get("http-equiv") == "Content-Security-Policy":
                found.append(named.get("content") or "")

    Policies().feed(page)
    return found
