"""The fixture build shared by the test processes of a run (tests/shared_build.py): processes that ask for it at
once get one build between them, each the same record; a build that failed is tried again by the next."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

import pytest
from shared_build import made_once

PROCESSES = 4


def make_slowly(folder: Path) -> dict:
    """A make that notes each time it runs, and takes long enough for the other processes to ask meanwhile."""
    with (folder / "made").open("a") as notes:
        notes.write("made\n")
    time.sleep(0.3)
    return {"by": multiprocessing.current_process().name}


def ask(folder: Path, answers: multiprocessing.Queue) -> None:
    answers.put(made_once(folder, make_slowly))


def test_processes_that_ask_at_once_get_one_build_between_them(tmp_path: Path) -> None:
    answers = multiprocessing.get_context("fork").Queue()
    processes = [
        multiprocessing.get_context("fork").Process(target=ask, args=(tmp_path / "shared", answers), name=f"p{index}")
        for index in range(PROCESSES)
    ]
    for process in processes:
        process.start()
    records = [answers.get(timeout=30) for _ in processes]
    for process in processes:
        process.join(timeout=30)
    assert (tmp_path / "shared" / "made").read_text().splitlines() == ["made"]
    assert len({record["by"] for record in records}) == 1, records
    assert made_once(tmp_path / "shared", make_slowly) == records[0]


def test_a_build_that_failed_is_made_again_by_the_next_process_to_ask(tmp_path: Path) -> None:
    def failing(folder: Path) -> dict:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        made_once(tmp_path, failing)
    assert made_once(tmp_path, lambda folder: {"made": True}) == {"made": True}
