"""A project of the fixture publication whose translations lag, in every way the translation policy
tolerates: an outdated page (its source changed in a later commit), a page with no translation, and a
data record with a text not translated yet. Chosen from the project's own pages and data, never by name."""

from __future__ import annotations

import datetime
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml
from microsite import parity
from microsite.parity.page_reader import parse_page
from microsite.parity.status import State
from project import assemble_publication, publication_data
from site_model import LANGUAGES

SOURCE = LANGUAGES.source
CHANGED_ON = datetime.date(2026, 3, 4)


@dataclass(frozen=True)
class Lag:
    project: Path
    # Paths below the language folders: the page whose source changed, the page with no translation.
    outdated: str
    untranslated: str
    # The partnership whose summary has no translation yet, and that page's path below the language folders.
    record_page: str

    def html(self, language: str, path: str) -> str:
        return LANGUAGES.root(language) + path.removesuffix(".md") + ".html"


def lagging_project(destination: Path) -> Lag:
    project = assemble_publication(destination)
    _git(project, "init", "-q")
    _commit(project, "the publication, translated", CHANGED_ON - datetime.timedelta(days=30))
    outdated = _change_a_paragraph_under_a_section(project)
    untranslated = _ordinary_page(project)
    for language in LANGUAGES.translations:
        (project / "docs" / language / untranslated).unlink()
    record_page = _untranslate_first_partnership_summary(project)
    _commit(project, "the source changed; a page and a text not translated yet", CHANGED_ON)
    return Lag(project, outdated, untranslated, record_page)


def _change_a_paragraph_under_a_section(project: Path) -> str:
    statuses = parity.check_project(project, trust_verified=True).translations
    folder = project / "docs" / SOURCE
    for file in sorted(folder.rglob("*.md")):
        path = file.relative_to(folder).as_posix()
        translation = statuses.page(LANGUAGES.translations[0], path)
        if translation is None or translation.state is not State.CURRENT:
            continue
        in_section = False
        for block in parse_page(file, f"docs/{SOURCE}/{path}", SOURCE).blocks:
            if block.kind == "heading":
                in_section = block.heading_level > 1
            elif block.kind == "paragraph" and in_section and block.prose:
                lines = file.read_text(encoding="utf-8").split("\n")
                lines[block.line - 1] = "Inzwischen ergänzt: " + lines[block.line - 1]
                file.write_text("\n".join(lines), encoding="utf-8")
                return path
    raise AssertionError("no page with a current translation and a paragraph under a section heading")


def _ordinary_page(project: Path) -> str:
    """A written page other than the home page that no data record names (data cite their source pages)."""
    data = "".join(path.read_text(encoding="utf-8") for path in (project / "data").glob("*.yml"))
    pages = sorted((project / "docs" / SOURCE).glob("*.md"))
    return next(page.name for page in pages if page.name != "index.md" and page.name not in data)


def _untranslate_first_partnership_summary(project: Path) -> str:
    """Leaves out every translation of the first partnership's summary; returns its page's path."""
    data_path = project / "data" / "partnerships.yml"
    text = data_path.read_text(encoding="utf-8")
    partnerships = _value(yaml.compose(text), "partnerships")
    summary = _value(partnerships.value[0], "summary")
    lines = text.splitlines(keepends=True)
    dropped = set()
    for key, value in summary.value:
        if key.value in LANGUAGES.translations:
            dropped.update(range(key.start_mark.line, value.end_mark.line + (1 if value.end_mark.column else 0)))
    data_path.write_text("".join(line for number, line in enumerate(lines) if number not in dropped), encoding="utf-8")
    data = publication_data("partnerships", project)
    return f"{data['page_folder']}/{data['partnerships'][0]['id']}.md"


def _value(mapping: yaml.MappingNode, name: str) -> yaml.Node:
    return next(value for key, value in mapping.value if key.value == name)


def _commit(project: Path, message: str, day: datetime.date) -> None:
    stamp = f"{day.isoformat()}T12:00:00+00:00"
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", message, env={"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})


def _git(project: Path, *args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run(
        ["git", "-C", str(project), "-c", "user.name=Test", "-c", "user.email=test@localhost", *args],
        check=True,
        capture_output=True,
        env={**os.environ, **(env or {})},
    )
