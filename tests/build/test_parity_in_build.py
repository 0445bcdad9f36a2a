"""Translation parity inside the build: drift in a translation is a warning, which fails --strict."""

from __future__ import annotations

from pathlib import Path

from microsite import parity
from project import build_site, copy_project


def findings_of(root: Path) -> list[str]:
    return [finding.text() for finding in parity.check_project(root)[0]]


def test_drift_in_a_copy_of_the_real_site_fails_the_check_and_the_strict_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    source = next(
        path
        for path in sorted((project / "docs" / "de").glob("*.md"))
        if any(ch.isdigit() for ch in path.read_text(encoding="utf-8").split("---", 2)[2])
    )
    text = source.read_text(encoding="utf-8")
    body_start = text.index("---", 3)
    number = next(word for word in text[body_start:].split() if word.isdigit())
    source.write_text(text[:body_start] + text[body_start:].replace(number, str(int(number) + 1), 1), encoding="utf-8")
    translation = f"docs/en/{source.name}"
    found = findings_of(project)
    assert any(f.startswith(f"{translation}:1: [outdated] docs/de/{source.name} changed") for f in found), found
    assert any(
        f"[number] numbers differ: {int(number) + 1} in docs/de/{source.name}" in f
        and f"{number} here but not there" in f
        for f in found
    ), found
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    assert result.returncode == 1
    assert f"WARNING -  {translation}:1: [outdated]" in result.stdout + result.stderr
