"""`python -m microsite` as its own process, as the Makefile runs it, stopped if it does not answer: the data
file that would make a reader hang (an alias bomb), for the data check and for parity. The other tests of
the command line call its main in the test process (tests/project.py `microsite`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from data_cases import expected, make_project
from project import ROOT


def run_within(seconds: float, project: Path, *arguments: str) -> subprocess.CompletedProcess:
    """The command line in `project`, stopped after `seconds`: a hang fails the test instead of the run."""
    try:
        return subprocess.run(
            [sys.executable, "-m", "microsite", *arguments, "--project", str(project)],
            cwd=project,
            env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
            capture_output=True,
            text=True,
            timeout=seconds,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"microsite {' '.join(arguments)} did not answer within {seconds} s")


def test_an_alias_bomb_is_refused_at_once_by_the_command_line(tmp_path: Path) -> None:
    result = run_within(10, make_project(tmp_path, "alias-bomb"), "check-data")
    assert (result.returncode, result.stdout.splitlines()) == (1, expected("alias-bomb"))


def test_parity_skips_a_data_file_with_an_alias_bomb(tmp_path: Path) -> None:
    """Parity reads data files with the same parser: it must answer, and leave the file to the data check."""
    result = run_within(10, make_project(tmp_path, "alias-bomb"), "parity")
    assert result.returncode in (0, 1), result.stderr
    assert "data/timeline.yml" not in result.stdout
