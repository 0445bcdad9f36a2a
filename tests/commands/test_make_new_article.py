"""`make new-article`: what the Makefile passes on to the command line."""

from __future__ import annotations

import os
import subprocess

from project import ROOT


def test_make_passes_the_topics_on() -> None:
    """`make --dry-run`: the command line it would run, with the Makefile's defaults even under make test."""
    inherited = {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "TOPICS"}
    environment = {name: value for name, value in os.environ.items() if name not in inherited}
    arguments = ["SLUG=x", "TITLE=T", "DESCRIPTION=D", "AUTHOR=a", "TOPICS=b,c"]
    command = ["make", "--no-print-directory", "--dry-run", "new-article", *arguments]
    result = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].endswith(
        'new-article --title "T" --description "D" --author "a" --topics "b,c" -- "x"'
    )
