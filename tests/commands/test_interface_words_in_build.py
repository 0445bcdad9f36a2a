"""A strict build of a publication whose generator lacks an interface word in one language stops before it
renders anything, with the word file, the line and what to add; never a KeyError or a traceback.

The word files are the generator's own (hooks/microsite/words/), so the build and the parity check run as
processes of the copy: in the test process, `microsite` is this repository's package, with its own words."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from microsite.languages import Languages
from project import SUB_PATH, assemble_publication, build_site_in_new_process
from site_model import LANGUAGES


def test_a_missing_word_stops_a_strict_build_and_parity_with_what_to_add(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    words = project / "hooks" / "microsite" / "words"
    translation = words / f"{LANGUAGES.translations[0]}.yml"
    lines = translation.read_text(encoding="utf-8").split("\n")
    [missing] = [number for number, line in enumerate(lines) if line.startswith("articles.by:")]
    translation.write_text("\n".join(lines[:missing] + lines[missing + 1 :]), encoding="utf-8")
    source_lines = (words / f"{LANGUAGES.source}.yml").read_text(encoding="utf-8").split("\n")
    source_line = next(number for number, line in enumerate(source_lines, 1) if line.startswith("articles.by:"))
    shown = f"hooks/microsite/words/{translation.name}"
    expected = (
        f"{shown}:{missing}: [interface-words] no `articles.by:` – add it to {shown}, in {Languages.name(LANGUAGES.translations[0])}, "
        f"as in {LANGUAGES.source}.yml line {source_line}"
    )

    result = build_site_in_new_process(tmp_path / "site", f"http://127.0.0.1:8000{SUB_PATH}", project / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert f"The interface words have 1 problem:\n{expected}" in output
    assert "Traceback" not in output and "KeyError" not in output
    assert not (tmp_path / "site" / "index.html").exists()

    parity = subprocess.run(
        [sys.executable, "-m", "microsite", "parity"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(project / "hooks")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert parity.returncode == 1
    assert expected in parity.stdout
