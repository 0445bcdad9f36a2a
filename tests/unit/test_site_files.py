"""A file the generator writes into the site that the site cannot take stops the build with what it is and
why, at its path: never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from microsite.problems import Problem
from microsite.site_output.site_files import write_into_site


def test_a_file_is_written_with_its_folders(tmp_path: Path) -> None:
    target = tmp_path / "site" / "en" / "feed.xml"
    write_into_site(target, b"<feed/>", "the English Atom feed")
    assert target.read_bytes() == b"<feed/>"


def test_a_file_the_site_cannot_take_is_a_problem_naming_it_and_why(tmp_path: Path) -> None:
    # A file where the folder should be: the folder cannot be made.
    (tmp_path / "en").write_text("in the way", encoding="utf-8")
    target = tmp_path / "en" / "feed.xml"
    with pytest.raises(Problem) as raised:
        write_into_site(target, b"<feed/>", "the English Atom feed")
    [finding] = raised.value.findings
    assert (finding.file, finding.line) == (str(target), 1)
    assert finding.message.startswith("cannot write the English Atom feed (")
