"""The workflow that records a translation from GitHub's web interface (.github/workflows/translated.yml).

Its own `run:` steps, read from the YAML, run here in order as GitHub runs them (bash, stopping at the
first that fails), with the environment GitHub gives them: in a clone of a local bare "origin" that
holds a copy of the project, on a branch, with the worktree's environment as `.venv`. The actions
(checkout, cache) are GitHub's and are not run: the clone is the checkout.

The translation is made from the copy's own files: a page pair that is in step, whose stamp is then
taken out or made stale; or whose source then gets a section the translation lacks.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from microsite import parity
from microsite.parity.stamps import STAMP_KEY
from project import ROOT, assemble_publication, microsite

WORKFLOW = ROOT / ".github" / "workflows" / "translated.yml"
BRANCH = "translation-of-a-page"
ACTOR, ACTOR_ID = "a-translator", "4242"
# The worktree's environment, made by `make setup`: the setup step finds it complete.
VENV = (ROOT / ".venv").resolve()
# Files a clone of the project has beside the publication, which the steps use.
CHECKOUT_FILES = ["Makefile", "requirements.lock", ".gitignore"]


def load(path: Path) -> dict:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as true.
    loaded["on"] = loaded.pop(True, loaded.get("on"))
    return loaded


def job(flow: dict) -> dict:
    [only] = flow["jobs"].values()
    return only


def test_a_translator_runs_it_by_hand_and_only_its_job_may_push() -> None:
    flow = load(WORKFLOW)
    assert set(flow["on"]) == {"workflow_dispatch"}
    files = flow["on"]["workflow_dispatch"]["inputs"]["files"]
    assert files["required"] is True and files["type"] == "string"
    assert flow["permissions"] == {"contents": "read"}
    assert job(flow)["permissions"] == {"contents": "write"}
    # Two runs on one branch wait for each other rather than push over each other.
    assert "github.ref" in job(flow)["concurrency"]["group"] and job(flow)["concurrency"]["cancel-in-progress"] is False


def test_what_is_typed_reaches_the_scripts_only_through_the_environment() -> None:
    """Script injection: `${{ inputs.files }}` in a script would run what is typed as code."""
    steps = job(load(WORKFLOW))["steps"]
    scripts = [step["run"] for step in steps if "run" in step]
    assert scripts and not any("${{" in script for script in scripts)
    assert any(value == "${{ inputs.files }}" for step in steps for value in step.get("env", {}).values())


def test_the_actions_are_pinned_as_ci_pins_them() -> None:
    ci = load(ROOT / ".github" / "workflows" / "ci.yml")
    pinned = {step["uses"] for ci_job in ci["jobs"].values() for step in ci_job["steps"] if "uses" in step}
    used = {step["uses"] for step in job(load(WORKFLOW))["steps"] if "uses" in step}
    assert used and used <= pinned
    assert job(load(WORKFLOW))["container"] == ci["jobs"]["check"]["container"]


def git(directory: Path, *arguments: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(directory), *arguments], env=git_environment(directory), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def git_environment(directory: Path) -> dict[str, str]:
    """No configuration of this machine's user; the test's own commits by a test identity."""
    home = directory.parent / "home"
    home.mkdir(exist_ok=True)
    identity = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org"}
    identity |= {"GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
    return {
        "PATH": os.environ["PATH"],
        "HOME": str(home),
        "GIT_CONFIG_GLOBAL": str(home / ".gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "LANG": "C.UTF-8",
        **identity,
    }


@dataclass
class Checkout:
    """A clone of origin's branch, as actions/checkout leaves it, and the page pair to record."""

    workspace: Path
    origin: Path
    translation: str

    def origin_head(self) -> str:
        return git(self.origin, "rev-parse", f"refs/heads/{BRANCH}")


def pair_in_step(project: Path) -> tuple[str, str]:
    """A translated page and its source that the parity check finds in step (and stamped)."""
    result = parity.check_project(project)
    pair = next((pair for pair in result.pairs if pair.findings == 0), None)
    assert pair is not None, "the project has no page pair in step"
    return pair.translation, pair.source


def with_stamp(project: Path, translation: str, stamp: str | None) -> None:
    """The translation with its stamp replaced (None: taken out), its content as it was."""
    path = project / translation
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(index for index, line in enumerate(lines) if line.startswith(f"{STAMP_KEY}:"))
    if stamp is None:
        del lines[number]
    else:
        lines[number] = f'{STAMP_KEY}: "{stamp}"'
    path.write_text("\n".join(lines), encoding="utf-8")


def checkout(tmp_path: Path, change) -> Checkout:
    """origin with the project on BRANCH, after `change(project, translation, source)`; its clone."""
    installed = VENV / ".installed"
    if not installed.is_file():
        pytest.skip(f"{VENV} was not made by `make setup` (no .installed): the setup step would make it")
    seed = assemble_publication(tmp_path / "seed")
    for name in CHECKOUT_FILES:
        shutil.copy2(ROOT / name, seed / name)
    translation, source = pair_in_step(seed)
    change(seed, translation, source)
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "--quiet", "--bare", str(origin))
    git(seed, "init", "--quiet", "--initial-branch", BRANCH)
    git(seed, "add", "--all")
    git(seed, "commit", "--quiet", "--message", "The publication, a translation to record")
    git(seed, "push", "--quiet", str(origin), BRANCH)
    workspace = tmp_path / "workspace"
    git(tmp_path, "clone", "--quiet", "--branch", BRANCH, str(origin), str(workspace))
    (workspace / ".venv").symlink_to(VENV)
    # The environment is complete: a lock no newer than it, so the setup step has nothing to do.
    stamp_time = installed.stat().st_mtime - 60
    os.utime(workspace / "requirements.lock", (stamp_time, stamp_time))
    up_to_date = subprocess.run(["make", "--question", ".venv/.installed"], cwd=workspace, capture_output=True)
    assert up_to_date.returncode == 0, "the setup step would install into the shared environment"
    return Checkout(workspace, origin, translation)


EXPRESSION = re.compile(r"\$\{\{\s*([\w.]+)\s*\}\}")


@dataclass
class Run:
    """The steps that ran, each with its output; the job summary."""

    steps: list[tuple[str, subprocess.CompletedProcess]]
    summary: str

    @property
    def failed(self) -> bool:
        return self.steps[-1][1].returncode != 0

    def output(self) -> str:
        return "".join(result.stdout + result.stderr for _, result in self.steps)


def run_workflow(place: Checkout, files: str, ref_type: str = "branch") -> Run:
    """Every `run:` step of the job in order, in bash as GitHub runs it, until one fails."""
    flow = load(WORKFLOW)
    the_job = job(flow)
    assert the_job["defaults"]["run"]["shell"] == "bash"
    inputs = {"inputs.files": files}
    summary = place.workspace.parent / "step-summary.md"
    summary.write_text("", encoding="utf-8")
    github = {
        "GITHUB_ACTIONS": "true",
        "CI": "true",
        "GITHUB_WORKSPACE": str(place.workspace),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_REF": f"refs/heads/{BRANCH}" if ref_type == "branch" else f"refs/tags/{BRANCH}",
        "GITHUB_REF_NAME": BRANCH,
        "GITHUB_REF_TYPE": ref_type,
        "GITHUB_ACTOR": ACTOR,
        "GITHUB_ACTOR_ID": ACTOR_ID,
        # Only written into the commit message: never contacted.
        "GITHUB_SERVER_URL": "https://github.invalid",
        "GITHUB_REPOSITORY": "owner/publication",
        "GITHUB_RUN_ID": "7",
    }

    def evaluated(text: str) -> str:
        """As GitHub does before a step runs: each `${{ … }}` replaced by its value, as text."""
        unknown = {match.group(1) for match in EXPRESSION.finditer(text)} - set(inputs)
        assert not unknown, f"expressions this test gives no value: {unknown}"
        return EXPRESSION.sub(lambda match: inputs[match.group(1)], text)

    steps = []
    for step in the_job["steps"]:
        if "run" not in step:
            continue
        assert "if" not in step, f"{step['name']}: a condition this test does not evaluate"
        declared = {**flow.get("env", {}), **the_job.get("env", {}), **step.get("env", {})}
        env = {name: evaluated(value) for name, value in declared.items()}
        script = place.workspace.parent / "step.sh"
        script.write_text(evaluated(step["run"]), encoding="utf-8")
        result = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=place.workspace,
            env={**git_environment(place.workspace), **github, **env},
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        steps.append((step["name"], result))
        if result.returncode != 0:
            break
    return Run(steps, summary.read_text(encoding="utf-8"))


STALE_STAMP = "000000000000:000000000000 2000-01-01"


@pytest.mark.parametrize("stamp", [None, STALE_STAMP], ids=["stamp taken out", "stamp of another source"])
def test_a_translation_in_step_is_stamped_committed_and_pushed(tmp_path: Path, stamp: str | None) -> None:
    place = checkout(tmp_path, lambda project, translation, source: with_stamp(project, translation, stamp))
    before = place.origin_head()
    run = run_workflow(place, place.translation)
    assert not run.failed, run.output()
    # One commit on origin's branch, on top of what was there, changing the translation alone.
    assert git(place.origin, "rev-list", "--count", f"{before}..{BRANCH}") == "1"
    assert git(place.origin, "diff", "--name-only", before, BRANCH).splitlines() == [place.translation]
    message = git(place.origin, "log", "-1", "--format=%B", BRANCH)
    assert message.splitlines()[0] == f"Record as translated: {place.translation}"
    assert f"make translated FILES='{place.translation}', run by @{ACTOR}" in message
    assert git(place.origin, "log", "-1", "--format=%an <%ae>", BRANCH) == (
        f"{ACTOR} <{ACTOR_ID}+{ACTOR}@users.noreply.github.com>"
    )
    # The stamp written is the one the command writes, and parity finds the pair current.
    stamped = git(place.origin, "show", f"{BRANCH}:{place.translation}")
    assert re.search(rf'^{STAMP_KEY}: "[0-9a-f]{{12}}:[0-9a-f]{{12}} \d{{4}}-\d{{2}}-\d{{2}}"$', stamped, re.MULTILINE)
    assert stamp is None or stamp not in stamped
    assert microsite("parity", "--only", place.translation, project=place.workspace).returncode == 0
    assert f"{place.translation}: {STAMP_KEY}: " in run.summary
    # Run again on the same day: the stamp is the same, and nothing more is committed.
    again = run_workflow(place, place.translation)
    assert not again.failed and "::notice title=Nothing to commit::" in again.output()
    assert git(place.origin, "rev-list", "--count", f"{before}..{BRANCH}") == "1"


def with_a_new_section(project: Path, translation: str, source: str) -> None:
    path = project / source
    path.write_text(path.read_text(encoding="utf-8") + "\n## Ein neuer Abschnitt\n", encoding="utf-8")


def test_a_translation_out_of_step_fails_with_the_commands_message_and_nothing_is_pushed(tmp_path: Path) -> None:
    place = checkout(tmp_path, with_a_new_section)
    before, translation_before = place.origin_head(), (place.workspace / place.translation).read_bytes()
    # What the command itself says, run by hand on the same checkout.
    own = microsite("translated", place.translation, project=place.workspace)
    assert own.returncode == 2 and "is not in step with its source" in own.stderr
    message = own.stderr.strip()
    run = run_workflow(place, place.translation)
    assert run.failed and run.steps[-1][0].startswith("Record the translations")
    annotation = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    assert f"::error title=Not recorded as translated::{annotation}" in run.output().splitlines()
    assert message in run.summary and "Nothing was committed" in run.summary
    assert place.origin_head() == before
    assert git(place.workspace, "rev-parse", "HEAD") == before
    assert git(place.workspace, "status", "--porcelain", "--untracked-files=no") == ""
    assert (place.workspace / place.translation).read_bytes() == translation_before


def test_a_tag_chosen_instead_of_a_branch_is_refused(tmp_path: Path) -> None:
    place = checkout(tmp_path, lambda project, translation, source: with_stamp(project, translation, None))
    before = place.origin_head()
    run = run_workflow(place, place.translation, ref_type="tag")
    assert run.failed
    assert f'::error title=Not a branch::{BRANCH} is a tag – under "Use workflow from"' in run.output()
    assert place.origin_head() == before
    assert git(place.workspace, "status", "--porcelain", "--untracked-files=no") == ""


def test_file_names_are_never_run_as_code(tmp_path: Path) -> None:
    place = checkout(tmp_path, lambda project, translation, source: with_stamp(project, translation, None))
    before = place.origin_head()
    planted = tmp_path / "planted"
    run = run_workflow(place, f"{place.translation} $(touch {planted}) ;touch {planted}")
    assert run.failed and not planted.exists()
    assert place.origin_head() == before
