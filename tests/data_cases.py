"""The data check's cases (tests/fixtures/data/): `valid/`, a small project's data without a problem, and
one folder per kind of mistake with the files that differ from `valid/` and `expected.txt`, what the
data check reports for them. Shared by tests/unit/test_data_check.py and the command line's own test
(tests/commands/test_answers_at_once.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

from project import PUBLICATION, ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "data"
VALID = FIXTURES / "valid"
EXPECTED = "expected.txt"
CASES = sorted(path.name for path in FIXTURES.iterdir() if path.is_dir() and path != VALID)


def case_files(case: str) -> list[Path]:
    """The files a case lays over `valid/`, relative to its folder."""
    folder = FIXTURES / case
    files = (path.relative_to(folder) for path in folder.rglob("*") if path.is_file())
    return sorted(relative for relative in files if relative != Path(EXPECTED))


def expected(case: str) -> list[str]:
    return (FIXTURES / case / EXPECTED).read_text(encoding="utf-8").splitlines()


def make_project(root: Path, case: str | None = None) -> Path:
    """`valid/` with the generator's schemas and the fixture publication's mkdocs.yml, and the case's files over it."""
    shutil.copytree(VALID, root, dirs_exist_ok=True)
    shutil.copy(PUBLICATION / "mkdocs.yml", root / "mkdocs.yml")
    for schema in (ROOT / "data").glob("*.schema.json"):
        shutil.copy(schema, root / "data" / schema.name)
    for relative in case_files(case) if case else []:
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(FIXTURES / case / relative, root / relative)
    return root
