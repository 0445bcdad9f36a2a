"""What the project's own tests measured of the site's accessibility, for the accessibility statement.

The real publication's test (tests/test_real_publication.py) runs axe-core on every page in every
language, on a desktop and on a phone, and `make bench` (tests/benchmarks/reader_cost.py) has
Lighthouse score some pages on a phone. Each writes what it found into the file that the environment
variable `ACCESSIBILITY_MEASUREMENTS` names (CI sets it; e.g. `.measurements/accessibility.json`), with
the day, the tool's version, and a fingerprint of the sources it measured (`SOURCES`). A build reads
them back only from the file mkdocs.yml names, `extra.accessibility_measurements` (whose `!ENV` takes
the same variable), and its accessibility statement (pages/accessibility_statement.py) states them.

Why an input named so, and no file the build looks for: a build must depend only on its sources and
settings, not on what earlier test runs left in the checkout. Without the setting the statement says
that the checks run on every change instead; so does a fresh clone, where the variable is not set.
The file is not committed (.gitignore): a test run must not leave a change to review. CI's check job
keeps the file its tests wrote, and the deploy job builds with it.

Why a fingerprint and not the file's age: a statement must never claim more than was tested, and
after any edit the figures are about another site. Modification times say little in a fresh clone or
a copy; the sources' bytes say exactly what was measured. So each tool's figures are stated only
while their fingerprint is that of the sources being built; otherwise, or where the file cannot be
read, the statement says what it says without the file.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# The variable that names the measurements file, relative to the project (the folder of mkdocs.yml).
VARIABLE = "ACCESSIBILITY_MEASUREMENTS"
# What makes the built site, below the project: what a measurement is about.
SOURCES = ("mkdocs.yml", "docs", "data", "overrides", "hooks")
# What measures each tool's figures anew.
RUN_AGAIN = {"axe": "make test", "lighthouse": "make bench"}


@dataclass(frozen=True)
class Violation:
    """One axe-core rule broken somewhere: its id, how grave, its help text (English, as axe-core
    words it) and the pages it was broken on."""

    rule: str
    impact: str
    help: str
    pages: tuple[str, ...]


@dataclass(frozen=True)
class AxeRun:
    day: datetime.date
    version: str
    # Every page checked, site-relative ('en/index.html').
    pages: tuple[str, ...]
    violations: tuple[Violation, ...]


@dataclass(frozen=True)
class LighthouseRun:
    day: datetime.date
    version: str
    # Site-relative page → Lighthouse's accessibility score, 0 to 100.
    scores: dict[str, int]


@dataclass(frozen=True)
class Measurements:
    """The figures that are about the sources being built; None for a tool without such figures."""

    axe: AxeRun | None = None
    lighthouse: LighthouseRun | None = None
    # Why figures in the file were left out, one line each, for the build's log.
    left_out: tuple[str, ...] = ()


def sources_fingerprint(project: Path) -> str:
    """The sources' bytes and names, hashed: equal exactly when every file of SOURCES is. Caches
    (`__pycache__`) and hidden files (an editor's swap file) are not sources."""
    digest = hashlib.sha256()
    for part in SOURCES:
        path = project / part
        files = [path] if path.is_file() else sorted(file for file in path.rglob("*") if file.is_file())
        for file in files:
            relative = file.relative_to(project)
            if any(name.startswith(".") or name == "__pycache__" for name in relative.parts):
                continue
            content = file.read_bytes()
            digest.update(f"{relative.as_posix()}\0{len(content)}\0".encode())
            digest.update(content)
    return digest.hexdigest()[:16]


def read_measurements(project: Path, file: PurePosixPath | None) -> Measurements:
    """The figures in `file` (below the project; None: none named) that were measured on the project's
    sources as they are now."""
    if file is None:
        return Measurements()
    path = project / file
    if not path.resolve().is_relative_to(project.resolve()):
        return Measurements(left_out=(f"{file}: outside the project – name a file inside it",))
    if not path.is_file():
        return Measurements(left_out=(f"{file}: no such file – run the tests that write it, or name another",))
    try:
        recorded = json.loads(path.read_text(encoding="utf-8"))
        runs = {
            tool: (read(recorded[tool]), str(recorded[tool]["sources"]))
            for tool, read in (("axe", _axe_run), ("lighthouse", _lighthouse_run))
            if recorded.get(tool)
        }
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as error:
        return Measurements(left_out=(f"{file}: cannot read it ({error!r}) – run the tests again",))
    current = sources_fingerprint(project)
    left_out = tuple(
        f"{file}: the {tool} figures were measured on other sources than these "
        f"– run {RUN_AGAIN[tool]} again to state them"
        for tool, (_, sources) in runs.items()
        if sources != current
    )
    kept = {tool: run for tool, (run, sources) in runs.items() if sources == current}
    return Measurements(**kept, left_out=left_out)


def _axe_run(recorded: dict) -> AxeRun:
    violations = tuple(
        Violation(str(found["rule"]), str(found["impact"]), str(found["help"]), tuple(map(str, found["pages"])))
        for found in recorded["violations"]
    )
    return AxeRun(
        datetime.date.fromisoformat(recorded["date"]), str(recorded["version"]), tuple(recorded["pages"]), violations
    )


def _lighthouse_run(recorded: dict) -> LighthouseRun:
    scores = {str(page): int(score) for page, score in recorded["scores"].items()}
    return LighthouseRun(datetime.date.fromisoformat(recorded["date"]), str(recorded["version"]), scores)


def file_to_record(project: Path) -> Path | None:
    """Where the tests record their figures: the file `ACCESSIBILITY_MEASUREMENTS` names, relative to the
    project; None (record nothing) where it names none."""
    named = os.environ.get(VARIABLE)
    return project / named if named else None


def record_axe(path: Path, *, version: str, sources: str, found: dict[str, list[dict]]) -> None:
    """axe-core's run on every page: `found` is page → its violations as axe-core reports them
    (`id`, `impact`, `help`); an empty list for a page without any."""
    rules: dict[str, dict] = {}
    for page, violations in found.items():
        for violation in violations:
            rule = rules.setdefault(
                violation["id"],
                {"rule": violation["id"], "impact": violation["impact"], "help": violation["help"], "pages": []},
            )
            rule["pages"].append(page)
    _record(
        path,
        "axe",
        {"version": version, "sources": sources, "pages": sorted(found), "violations": list(rules.values())},
    )


def record_lighthouse(path: Path, *, version: str, sources: str, scores: dict[str, int]) -> None:
    """Lighthouse's accessibility score of each page it scored."""
    _record(path, "lighthouse", {"version": version, "sources": sources, "scores": scores})


def _record(path: Path, tool: str, figures: dict) -> None:
    """Replaces one tool's figures in the file at `path`, keeping the other's; written whole or not at all,
    so that a build reading it meanwhile never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        recorded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        recorded = {}
    if not isinstance(recorded, dict):
        recorded = {}
    recorded[tool] = {"date": datetime.date.today().isoformat(), **figures}
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        json.dump(recorded, file, ensure_ascii=False, indent=2)
        file.write("\n")
    os.replace(temporary, path)
