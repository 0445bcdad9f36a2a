"""Every check on the fixture publication (tests/publication/), as `make check` runs them on the real
one, in a project assembled from it and this repository's generator: the data check, translation
parity, the strict build and the link check of the built site. The fixture is clean only when none of
them finds anything, warnings included (a warning in the fixture would be a finding in every test
built on it). Exit status 0 when clean, 1 otherwise; it changes nothing in tests/publication/.

    PYTHONPATH=hooks:tests .venv/bin/python tests/check_publication.py [--keep FOLDER]

With --keep, the assembled project and its site stay in FOLDER (which must be new or empty) to be
looked at; otherwise they go with the temporary folder.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from microsite.findings import Finding
from project import PUBLICATION, SUB_PATH, assemble_publication, build_site, microsite

# Under a sub-path, as the tests build it.
SITE_URL = f"http://127.0.0.1:8000{SUB_PATH}"


def check_command(project: Path, *arguments: str) -> bool:
    """Runs a check of the command line; True when it exits cleanly with no finding at all."""
    result = microsite(*arguments, "--format", "json", project=project)
    try:
        findings = json.loads(result.stdout)
    except json.JSONDecodeError:
        findings = None
    clean = result.returncode == 0 and findings == []
    print(f"{arguments[0]}: {'clean' if clean else 'NOT clean'} – {result.stderr.strip()}")
    if not clean:
        for finding in findings or []:
            print(f"  {Finding(**finding).text()}")
        if findings is None:
            print(result.stdout)
    return clean


def check_build(project: Path, site: Path) -> bool:
    result = build_site(site, SITE_URL, config_file=project / "mkdocs.yml")
    log = (result.stdout + result.stderr).splitlines()
    warnings = [line for line in log if line.startswith(("WARNING", "ERROR"))]
    clean = result.returncode == 0 and not warnings
    print(f"mkdocs build --strict: {'clean' if clean else 'NOT clean'}")
    for line in warnings or ([] if clean else log):
        print(f"  {line}")
    return clean


def check_publication(folder: Path) -> bool:
    project = assemble_publication(folder / "project", PUBLICATION)
    site = folder / "site"
    print(f"{PUBLICATION} assembled in {project}")
    results = [
        check_command(project, "check-data"),
        check_command(project, "parity"),
        check_build(project, site),
        check_command(project, "check-links", str(site)),
    ]
    return all(results)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", metavar="FOLDER", help="assemble and build in FOLDER (new or empty) and keep it")
    arguments = parser.parse_args()
    if arguments.keep:
        folder = Path(arguments.keep)
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            print(f"{folder}: not an empty folder – name a new or empty one; nothing was written", file=sys.stderr)
            return 2
        return 0 if check_publication(folder) else 1
    with tempfile.TemporaryDirectory(prefix="publication-") as temporary:
        return 0 if check_publication(Path(temporary)) else 1


if __name__ == "__main__":
    sys.exit(main())
