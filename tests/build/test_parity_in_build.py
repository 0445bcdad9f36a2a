"""Translation parity inside the build: drift in a translation is a warning, which fails --strict."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lagging_project import lagging_project
from microsite import parity
from project import assemble_publication, build_site


def findings_of(root: Path) -> list[str]:
    return [finding.text() for finding in parity.check_project(root).findings]


def change_a_number(page: Path) -> tuple[str, str]:
    """Changes the first number of a page's body; returns the old number and the new one."""
    text = page.read_text(encoding="utf-8")
    body_start = text.index("---", 3)
    number = next(word for word in text[body_start:].split() if word.isdigit())
    changed = str(int(number) + 1)
    page.write_text(text[:body_start] + text[body_start:].replace(number, changed, 1), encoding="utf-8")
    return number, changed


def page_with_a_number(project: Path, language: str) -> Path:
    return next(
        path
        for path in sorted((project / "docs" / language).glob("*.md"))
        if any(word.isdigit() for word in path.read_text(encoding="utf-8").split("---", 2)[2].split())
    )


def set_policy(project: Path, **settings: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for key, value in settings.items():
        start = text.index(f"    {key}: ", text.index("translation_policy:"))
        end = text.index("\n", start)
        text = text[:start] + f"    {key}: {value}" + text[end:]
    config.write_text(text, encoding="utf-8")


def test_a_changed_source_is_a_warning_and_the_strict_build_succeeds(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    source = page_with_a_number(project, "de")
    _, changed = change_a_number(source)
    translation = f"docs/en/{source.name}"
    found = findings_of(project)
    assert any(f.startswith(f"{translation}:1: warning: [outdated] docs/de/{source.name} changed") for f in found)
    # The translation's differences from the changed source are its lag, reported as warnings too.
    assert any(f"warning: [number] numbers differ: {changed} in docs/de/{source.name}" in f for f in found), found
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert f"INFO    -  {translation}:1: warning: [outdated]" in result.stdout + result.stderr


def test_under_the_strict_policy_a_changed_source_fails_the_strict_build(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    set_policy(project, outdated="error")
    source = page_with_a_number(project, "de")
    number, changed = change_a_number(source)
    translation = f"docs/en/{source.name}"
    found = findings_of(project)
    assert any(f.startswith(f"{translation}:1: [outdated] docs/de/{source.name} changed") for f in found), found
    assert any(
        f"[number] numbers differ: {changed} in docs/de/{source.name}" in f and f"{number} here but not there" in f
        for f in found
    ), found
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    assert result.returncode == 1
    assert f"WARNING -  {translation}:1: [outdated]" in result.stdout + result.stderr


def test_drift_in_a_translation_stamped_current_fails_under_every_policy(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    translation = page_with_a_number(project, "en")
    change_a_number(translation)
    shown = f"docs/en/{translation.name}"
    assert any(f.startswith(f"{shown}:") and "[number]" in f and "warning" not in f for f in findings_of(project))
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    assert result.returncode == 1
    assert "[number] numbers differ" in result.stdout + result.stderr


def test_a_wrong_policy_stops_the_build_naming_the_line(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    set_policy(project, outdated="sometimes")
    line = next(
        number
        for number, text in enumerate((project / "mkdocs.yml").read_text(encoding="utf-8").splitlines(), start=1)
        if "outdated: sometimes" in text
    )
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    assert result.returncode == 1
    assert (
        f"mkdocs.yml:{line}: extra.translation_policy.outdated: 'sometimes' is not a policy – write notice or error"
        in result.stdout + result.stderr
    )


@pytest.fixture(scope="module")
def lag_built_by_default(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose translations lag in every way the default policy tolerates, which builds strictly: the
    project each policy below is set in, a copy each."""
    folder = tmp_path_factory.mktemp("lag")
    lag = lagging_project(folder / "project")
    default = build_site(folder / "site", "http://127.0.0.1:8000/", config_file=lag.project / "mkdocs.yml")
    assert default.returncode == 0, default.stdout + default.stderr
    return lag.project


@pytest.mark.parametrize(
    ("setting", "value", "checks"),
    [("missing", "error", ["missing-translation", "data-translation"]), ("outdated", "error", ["outdated"])],
)
def test_under_the_strict_policy_each_lag_fails_the_strict_build_as_before(
    lag_built_by_default: Path, tmp_path: Path, setting: str, value: str, checks: list[str]
) -> None:
    project = shutil.copytree(lag_built_by_default, tmp_path / "project", symlinks=True)
    set_policy(project, **{setting: value})
    strict = build_site(tmp_path / "strict", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    assert strict.returncode == 1
    log = strict.stdout + strict.stderr
    for check in checks:
        assert any(line.startswith("WARNING") and f": [{check}]" in line for line in log.splitlines()), (check, log)
