"""What a build finds wrong in the editors' files: each problem reported once, and in the live preview
also shown on the pages it concerns.

A strict build (`mkdocs build`, CI) stops on what is wrong, with every problem named by file, line and
what to do. The live preview (`mkdocs serve`) never stops: MkDocs' server answers no request after a
rebuild that failed, until a later one succeeds, and an editor in the middle of a sentence must not
lose the preview. So under `mkdocs serve` every problem is

- a warning in the log, once (`file:line: what is wrong – what to do`);
- a box at the top of every page that shows the file it is in: the page's own Markdown, a data file one
  of its markers renders, an article that one of its cards lists; a problem in a file that no page
  shows (mkdocs.yml, say) is shown on every page;

and the build goes on with what can be used. The boxes are written into the built pages once every
language is built, so that what is found late (the checks of the built site) is shown like the rest.
A problem that no step expected (a bug in the generator) is caught at the hook's events and reported
the same way, naming the generator's file and line; `mkdocs build` stops on it without a traceback.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import upstream
from .findings import Finding

log = logging.getLogger("mkdocs.hooks.microsite")
# The generator's own code, for naming where a problem nobody expected happened.
GENERATOR = Path(__file__).resolve().parent.parent


class Problem(upstream.BuildError):
    """What stops a strict build, as findings: the live preview reports them instead and goes on."""

    def __init__(self, findings: Finding | Iterable[Finding], *, header: str = "") -> None:
        self.findings = [findings] if isinstance(findings, Finding) else list(findings)
        super().__init__("\n".join([*([header] if header else []), *(finding.text() for finding in self.findings)]))


@dataclass
class Problems:
    """The problems of one build, and which files each built page shows."""

    preview: bool
    findings: list[Finding] = field(default_factory=list)
    # What was said for information (once each).
    notes: list[str] = field(default_factory=list)
    # Each built page (its path in the site, 'en/x.html') → the files it shows ('docs/en/x.md', 'data/y.yml').
    shown_by_page: dict[str, set[str]] = field(default_factory=dict)
    # Whether a step stopped on a problem (a bug, or a problem it raised): what it left undone is unknown.
    found_unexpected: bool = False

    def report(self, finding: Finding) -> None:
        """Logs the finding once in this build: an error as a warning (so that `--strict` fails on it),
        what is only reported (a tolerated translation lag) as information."""
        if finding in self.findings:
            return
        self.findings.append(finding)
        # The finding goes with its message, for a build of a language in a process of its own to hand it
        # back (language_processes.py).
        if finding.is_error:
            log.warning(finding.text(), extra={"finding": finding})
        else:
            log.info(finding.text(), extra={"finding": finding})

    def note(self, message: str) -> None:
        """Information for whoever builds the site, once per build; not in the live preview, whose log is
        for what the editor can do something about."""
        if not self.preview and message not in self.notes:
            self.notes.append(message)
            log.info(message, extra={"note": message})

    def report_all(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            self.report(finding)

    def stop_or_report(self, problem: Problem) -> None:
        """A strict build stops; the preview reports the problem and goes on."""
        if not self.preview:
            raise problem
        self.report_all(problem.findings)

    def unexpected(self, error: Exception, step: str) -> None:
        """A problem no step expected: a bug in the generator, named at its own line where it happened."""
        self.found_unexpected = True
        if isinstance(error, Problem):
            self.report_all(error.findings)
            return
        file, line = _generator_line(error)
        log.debug("".join(traceback.format_exception(error)))
        self.report(Finding(file, line, _bug(error, step)))

    def carry_on(self, step: Callable[..., Any], instead: Any, *arguments: Any) -> Any:
        """`step(*arguments)`; in the live preview, `instead` where it fails, the problem reported."""
        try:
            return step(*arguments)
        except Exception as error:
            if not self.preview:
                raise
            self.unexpected(error, step.__name__)
            return instead

    def page_shows(self, page: str, file: str) -> None:
        """The built page at `page` (its path in the site) shows (some of) what `file` holds."""
        self.shown_by_page.setdefault(page, set()).add(file)

    def shown_by(self, page: str) -> frozenset[str]:
        """The files the built page at `page` has said it shows so far."""
        return frozenset(self.shown_by_page.get(page, ()))

    def by_page(self) -> dict[str, list[Finding]]:
        """Each built page's problems: those in the files it shows, those found in the page itself, and
        those in files that no page shows."""
        every_shown = set().union(*self.shown_by_page.values(), self.shown_by_page)
        errors = [finding for finding in self.findings if finding.is_error]
        return {
            page: [
                finding
                for finding in errors
                if finding.file in shown or finding.file == page or finding.file not in every_shown
            ]
            for page, shown in self.shown_by_page.items()
        }

    def show_in_pages(self, site_dir: Path, box: Callable[[str, list[Finding]], str]) -> None:
        """Writes each page's problems into it, at the top of its text, as `box(page, findings)` renders
        them: in the live preview only, once every language is built."""
        if not self.preview:
            return
        for page, findings in sorted(self.by_page().items()):
            path = site_dir / page
            if findings and path.is_file():
                built = path.read_text(encoding="utf-8")
                path.write_text(upstream.with_content_prefix(built, box(page, findings)), encoding="utf-8")


def recover(problems: Problems | None, error: Exception, step: str, arguments: tuple) -> Any:
    """What a hook event that raised `error` returns: in the live preview, its input as it was (the first
    argument, or None), the problem reported; in a build, the problem as a message that stops it. `problems`:
    the build's, None before it has started."""
    if problems is None or not problems.preview:
        if isinstance(error, upstream.BuildError):
            raise error
        file, line = _generator_line(error)
        log.debug("".join(traceback.format_exception(error)))
        raise upstream.BuildError(f"{file}:{line}: {_bug(error, step)} (mkdocs build --verbose shows where)") from None
    problems.unexpected(error, step)
    return arguments[0] if arguments else None


def quiet_upstream_log() -> None:
    """Keeps what MkDocs and the i18n plugin log at every build that tells an editor nothing
    (upstream.is_log_noise) out of the terminal; once per process, as its log handlers are."""
    for handler in logging.getLogger(upstream.LOG).handlers:
        if not any(isinstance(installed, _UpstreamNoise) for installed in handler.filters):
            handler.addFilter(_UpstreamNoise())


class _UpstreamNoise(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not upstream.is_log_noise(record)


def _bug(error: Exception, step: str) -> str:
    return (
        f"the generator failed in {step} ({type(error).__name__}: {error}) – this is a bug in the generator, not a "
        "mistake in your files: please report it with this message"
    )


def _generator_line(error: Exception) -> tuple[str, int]:
    """The innermost line of the generator's own code in the error's traceback ('hooks/microsite/x.py', 12)."""
    place = ("hooks/build.py", 1)
    for frame in traceback.extract_tb(error.__traceback__):
        path = Path(frame.filename).resolve()
        if path.is_relative_to(GENERATOR):
            place = (path.relative_to(GENERATOR.parent).as_posix(), frame.lineno or 1)
    return place
