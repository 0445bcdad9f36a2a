"""No check writes to docs/ or data/; the commands that write change exactly the files they name.

Every command of `python -m microsite` runs on the fixture publication, as committed and in the middle
of an editor's work (an outdated translation, a data mistake, pages saved with Windows line endings, with
a byte-order mark, as Latin-1, renamed, emptied). The bytes of every file under docs/ and data/ are
compared before and after.
"""

from __future__ import annotations

import codecs
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from project import PUBLICATION, Run, assemble_publication, collection_folder, microsite, person_ids
from site_model import LANGUAGES, BuiltSite

SOURCE, TRANSLATION = LANGUAGES.source, LANGUAGES.translations[0]
# Pages of the fixture publication with a translation, below each language folder; one the checks read,
# one they stamp.
PAGE, STAMPED_PAGE = "impressum.md", "chronik.md"
EDITED_FOLDERS = ("docs", "data")


def snapshot(project: Path) -> dict[str, bytes]:
    """Every file under docs/ and data/, by its path in the project, with its bytes."""
    return {
        path.relative_to(project).as_posix(): path.read_bytes()
        for folder in EDITED_FOLDERS
        for path in sorted((project / folder).rglob("*"))
        if path.is_file()
    }


def changed_files(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def named_files(output: str) -> set[str]:
    """Every file below docs/ or data/ that an output names, wherever it stands in a line."""
    words = output.replace("'", " ").replace("#", " ").split()
    return {word.rstrip(":,.") for word in words if word.startswith(tuple(f"{folder}/" for folder in EDITED_FOLDERS))}


def edit(project: Path, relative: str, change: Callable[[str], str], encoding: str = "utf-8") -> None:
    path = project / relative
    path.write_bytes(change(path.read_text(encoding="utf-8")).encode(encoding, errors="replace"))


def with_byte_order_mark(text: str) -> str:
    return codecs.BOM_UTF8.decode("utf-8") + text


def with_windows_line_endings(text: str) -> str:
    return text.replace("\n", "\r\n")


def with_umlaut(text: str) -> str:
    """With a character that Latin-1 writes in a byte UTF-8 cannot read."""
    return text + "\nGrüße\n"


def mid_edit(project: Path) -> Path:
    """The project as an editor may leave it for a moment: every kind of mistake the checks report."""
    edit(project, f"docs/{SOURCE}/{STAMPED_PAGE}", lambda text: text + "\nEin neuer Absatz, 2031.\n")
    edit(project, f"docs/{TRANSLATION}/{STAMPED_PAGE}", with_windows_line_endings)
    edit(project, f"docs/{SOURCE}/index.md", with_byte_order_mark)
    edit(project, f"docs/{SOURCE}/{PAGE}", with_umlaut, encoding="latin-1")
    edit(project, "data/partnerships.yml", lambda text: text.replace("    since: ", "    since: x", 1))
    edit(project, "data/networks.yml", lambda text: with_byte_order_mark(with_windows_line_endings(text)))
    (project / f"docs/{TRANSLATION}/netzwerke.md").rename(project / f"docs/{TRANSLATION}/networks.md")
    (project / f"docs/{SOURCE}/datenschutz.md").write_bytes(b"")
    return project


@pytest.fixture(scope="module", params=["as committed", "mid-edit"])
def project(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = assemble_publication(tmp_path_factory.mktemp("project") / "project")
    return mid_edit(copy) if request.param == "mid-edit" else copy


def run(project: Path, *arguments: str) -> tuple[Run, set[str]]:
    """The command's result, and the files under docs/ and data/ it changed, created or deleted."""
    before = snapshot(project)
    result = microsite(*arguments, project=project)
    assert "Traceback" not in result.stderr, result.stderr
    return result, changed_files(before, snapshot(project))


CHECKS = {
    "check-data": ["check-data"],
    "check-data as JSON": ["check-data", "--format", "json"],
    "check-data for CI": ["check-data", "--format", "github", "--summary", "{summary}"],
    "parity": ["parity"],
    "parity of one page": ["parity", "--only", f"docs/{TRANSLATION}/{STAMPED_PAGE}"],
    "parity of a data file": ["parity", "--only", "data/timeline.yml", "data/networks.yml"],
    "parity as JSON": ["parity", "--format", "json"],
    "parity for CI": ["parity", "--format", "github", "--summary", "{summary}"],
    "check-links": ["check-links", "{site}"],
    "check-links for CI": ["check-links", "--format", "github", "--summary", "{summary}", "{site}"],
}


@pytest.mark.parametrize("command", CHECKS)
def test_checks_write_nothing(project: Path, built_site: BuiltSite, tmp_path: Path, command: str) -> None:
    places = {"{summary}": str(tmp_path / "summary.md"), "{site}": str(built_site.root)}
    result, changed = run(project, *(places.get(argument, argument) for argument in CHECKS[command]))
    assert result.returncode in (0, 1), result.stderr
    assert changed == set()


REFUSALS = {
    "a translation that does not exist": ["translated", f"docs/{TRANSLATION}/no-such-page.md"],
    "a source page": ["translated", f"docs/{SOURCE}/{PAGE}"],
    "a record that does not exist": ["translated", "data/timeline.yml#no-such-record"],
    "a malformed page name": ["new-article", "--title", "T", "--description", "D", "--", "Neue Seite"],
    "an article that exists": [
        "new-article",
        next(
            path.stem
            for path in (PUBLICATION / "docs" / SOURCE / collection_folder(PUBLICATION)).glob("*.md")
            if path.stem != "index"
        ),
        "--title",
        "T",
        "--description",
        "D",
        "--author",
        person_ids(PUBLICATION)[0],
    ],
    "a page without title": ["new-article", "neue-seite", "--title", "", "--description", "D"],
    "an article without author": ["new-article", "neue-seite", "--title", "T", "--description", "D"],
    "an author who is not in the data": [
        "new-article",
        "neue-seite",
        "--title",
        "T",
        "--description",
        "D",
        "--author",
        "nobody",
    ],
    "a topic that is not in the data": [
        "new-article",
        "neue-seite",
        "--title",
        "T",
        "--description",
        "D",
        "--author",
        person_ids(PUBLICATION)[0],
        "--topics",
        "no-such-topic",
    ],
    "a malformed id": ["new-partnership", "Neu Stadt"],
}


@pytest.mark.parametrize("refusal", REFUSALS)
def test_refusals_write_nothing(project: Path, refusal: str) -> None:
    result, changed = run(project, *REFUSALS[refusal])
    assert result.returncode == 2, result.stdout + result.stderr
    assert changed == set()


def first_partnership_id(project: Path) -> str:
    """The id of the first record in data/partnerships.yml, as written."""
    text = (project / "data" / "partnerships.yml").read_text(encoding="utf-8")
    return text.split("  - id:", 1)[1].split("\n", 1)[0].strip()


def test_refusals_of_what_exists_or_is_broken_write_nothing(project: Path, tmp_path: Path) -> None:
    project = Path(shutil.copytree(project, tmp_path / "project"))
    existing, changed = run(project, "new-partnership", first_partnership_id(project))
    assert existing.returncode == 2 and changed == set(), existing.stderr
    edit(project, f"docs/{SOURCE}/{STAMPED_PAGE}", lambda text: text + "\n## Ein neuer Abschnitt\n")
    out_of_step, changed = run(project, "translated", f"docs/{TRANSLATION}/{STAMPED_PAGE}")
    assert out_of_step.returncode == 2 and "not in step" in out_of_step.stderr and changed == set()
    edit(project, f"docs/{TRANSLATION}/{PAGE}", with_umlaut, encoding="latin-1")
    unreadable, changed = run(project, "translated", f"docs/{TRANSLATION}/{PAGE}")
    assert unreadable.returncode == 2 and changed == set(), unreadable.stderr
    edit(project, "data/partnerships.yml", lambda text: text.replace("partnerships:", "partnerships: [", 1))
    broken, changed = run(project, "new-partnership", "neustadt")
    assert broken.returncode == 2 and "cannot be read" in broken.stderr and changed == set()


def test_translated_refuses_a_file_outside_the_project(project: Path, tmp_path: Path) -> None:
    """Whether named with '..' or reached through a link in the project, a file outside it is not written:
    a link out of the project is refused before anything is read (symbolic_links.py)."""
    project = Path(shutil.copytree(project, tmp_path / "project"))
    outside = tmp_path / "outside.yml"
    shutil.copy(project / "data" / "timeline.yml", outside)
    before = outside.read_bytes()
    for named in ("../outside.yml", f"docs/../../{outside.name}"):
        result, changed = run(project, "translated", named)
        assert result.returncode == 2, result.stdout + result.stderr
        assert result.stderr.startswith(f"refused: {named}: outside the project – name a translation below docs/")
        assert changed == set() and outside.read_bytes() == before
    (project / "data" / "linked.yml").symlink_to(outside)
    result, changed = run(project, "translated", "data/linked.yml")
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith("data/linked.yml:1: [file-outside-project] this file is a symbolic link out of")
    assert changed == set() and outside.read_bytes() == before


@pytest.fixture
def fresh_project(tmp_path: Path) -> Path:
    return assemble_publication(tmp_path / "project")


def assert_writes_what_it_names(project: Path, *arguments: str) -> set[str]:
    result, changed = run(project, *arguments)
    assert result.returncode == 0, result.stderr
    assert changed and changed == named_files(result.stdout), result.stdout
    return changed


def test_translated_writes_the_translations_it_names(fresh_project: Path) -> None:
    edit(
        fresh_project,
        f"docs/{SOURCE}/{STAMPED_PAGE}",
        lambda text: text.replace("description: ", "description: Neu ", 1),
    )
    page = f"docs/{TRANSLATION}/{STAMPED_PAGE}"
    assert assert_writes_what_it_names(fresh_project, "translated", page) == {page}


def test_translated_writes_the_data_file_it_names(fresh_project: Path) -> None:
    edit(fresh_project, "data/timeline.yml", lambda text: text.replace("      de: ", "      de: Neu ", 1))
    record = f"data/timeline.yml#{first_record_id(fresh_project / 'data' / 'timeline.yml')}"
    assert assert_writes_what_it_names(fresh_project, "translated", record) == {"data/timeline.yml"}


def first_record_id(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("  - id:", 1)[1].split("\n", 1)[0].strip()


def test_new_article_writes_the_pages_it_names(fresh_project: Path) -> None:
    changed = assert_writes_what_it_names(
        fresh_project,
        "new-article",
        "neue-seite",
        "--title",
        "Neue Seite",
        "--description",
        "Ein Satz.",
        "--author",
        person_ids(fresh_project)[0],
    )
    folder = collection_folder(fresh_project)
    assert changed == {f"docs/{language}/{folder}/neue-seite.md" for language in LANGUAGES.codes}


def test_new_partnership_writes_the_data_file_it_names(fresh_project: Path) -> None:
    assert assert_writes_what_it_names(fresh_project, "new-partnership", "neustadt") == {"data/partnerships.yml"}
