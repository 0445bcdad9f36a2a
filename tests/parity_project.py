"""The translation-parity tests' project: the fixture (tests/fixtures/parity/) copied with changed texts.

The fixture project is a source page and its translation in parity, a second pair, and a data file;
each test copies it and changes what it is about. Shared by tests/unit/test_parity*.py.
"""

from __future__ import annotations

import codecs
import datetime
import shutil
import subprocess
from pathlib import Path

import yaml
from microsite import parity
from microsite.data.yaml_positions import PlainLoader
from microsite.languages import Languages
from microsite.parity.data_records import record_fingerprint
from microsite.parity.stamps import fingerprint
from microsite.settings import project_languages
from project import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "parity"
LANGUAGES = project_languages(FIXTURE)
SOURCE = (FIXTURE / "docs" / "de" / "seite.md").read_text(encoding="utf-8")
TRANSLATION = (FIXTURE / "docs" / "en" / "seite.md").read_text(encoding="utf-8")
OTHER = tuple((FIXTURE / "docs" / language / "andere.md").read_text(encoding="utf-8") for language in ("de", "en"))
DATA = (FIXTURE / "data" / "timeline.yml").read_text(encoding="utf-8")

EN = "docs/en/seite.md"
DE = "docs/de/seite.md"

PARAGRAPH_DE = next(line for line in SOURCE.splitlines() if line.startswith("Ein Absatz"))
PARAGRAPH_EN = next(line for line in TRANSLATION.splitlines() if line.startswith("A paragraph"))
GERMAN = "Dieses Zitat hat jemand beim Übersetzen vergessen, es steht noch immer auf Deutsch da."
ENGLISH = "This quotation was left in English, although the page around it is written in German."


def stamp(text: str, source: str) -> str:
    """The translation with its source's fingerprint in the front matter, as the `translated` command writes it."""
    return text.replace("\n---\n", f'\ntranslated_from: "{fingerprint(source)}"\n---\n', 1)


def stamp_data(text: str, day: datetime.date | None = None) -> str:
    """The data with its first record stamped (as `translated` writes it on `day`; without a day, as
    stamps were written before they recorded one)."""
    record = yaml.load(text, Loader=PlainLoader)["events"][0]
    stamp = record_fingerprint(record, LANGUAGES) + (f" {day.isoformat()}" if day else "")
    return text.replace("  - id: start\n", f'  - id: start\n    translated_from: "{stamp}"\n', 1)


def make_project(
    root: Path, source: str = SOURCE, translation: str | None = None, data: str | None = None, *, stamped: bool = True
) -> Path:
    """A copy of the fixture project with these texts; its translations stamped unless told otherwise."""
    translation = TRANSLATION if translation is None else translation
    shutil.copytree(FIXTURE, root)
    for language, page, other in (("de", source, OTHER[0]), ("en", translation, OTHER[1])):
        folder = root / "docs" / language
        (folder / "seite.md").write_text(
            stamp(page, source) if language == "en" and stamped else page, encoding="utf-8"
        )
        (folder / "andere.md").write_text(stamp(other, OTHER[0]) if language == "en" else other, encoding="utf-8")
    (root / "data" / "timeline.yml").write_text(stamp_data(DATA) if data is None else data, encoding="utf-8")
    return root


def findings_of(root: Path, languages: Languages | None = None) -> list[str]:
    findings = parity.check_project(root, languages).findings
    return [finding.text() for finding in findings]


def line_of(text: str, needle: str) -> int:
    """1-based line of `needle` in a page as written (the stamp adds one line to the front matter)."""
    return text.count("\n", 0, text.index(needle)) + 1


def replaced(old: str, new: str) -> str:
    assert old in TRANSLATION
    return TRANSLATION.replace(old, new, 1)


def declared(text: str, before: str, check: str) -> str:
    """The text with `<!-- parity-ignore: check -->` on the line before the block that starts with `before`."""
    return text.replace(before, f"<!-- parity-ignore: {check} -->\n{before}", 1)


def git(project: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(project), "-c", "user.name=Test", "-c", "user.email=test@localhost", *args],
        check=True,
        capture_output=True,
    )


def saved_by_another_editor(path: Path) -> None:
    """The page as some editors save it: with a byte-order mark and Windows line endings."""
    path.write_bytes(codecs.BOM_UTF8 + path.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
