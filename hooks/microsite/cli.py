"""The one command line: `python -m microsite COMMAND` (with `hooks/` on PYTHONPATH; the Makefile
sets it). Each command is a function taking the parsed arguments; the checks return findings, which
one reporter writes. Exit status: 0 clean, 1 findings, 2 a usage error or a refusal, never a
traceback.

Each command imports the concern it runs when it runs: a command (a pre-commit hook on every commit,
say) does not wait for the libraries of the others (jsonschema, markdown-it-py, MkDocs).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import findings as reporting
from . import scaffold, symbolic_links
from .findings import Finding, Summary, plural
from .settings import project_languages, project_settings
from .translation_policy import PolicyError

PROJECT = Path(__file__).resolve().parents[2]
SUMMARY_TITLES = {"check-data": "Data", "parity": "Translation parity", "check-links": "Links"}


@dataclass
class Outcome:
    """What a check found, what it says about itself (on stderr), and its summary for CI."""

    findings: list[Finding]
    status: str
    # The summary's subjects; without them, the summary lists the files with findings.
    summary: Summary | None = None
    lines: list[str] = field(default_factory=list)


class Refused(Exception):
    """The command cannot do what it was asked; nothing was written. Exit status 2."""


class LinksRefused(Exception):
    """The project has symbolic links that are not followed (symbolic_links.py): the command read nothing
    below docs/, data/ or overrides/ and wrote nothing. Reported as findings, exit status 1."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(f"{plural(len(findings), 'symbolic link')} cannot be followed")
        self.findings = findings


def project_of(arguments: argparse.Namespace) -> Path:
    root = Path(arguments.project)
    if not (root / "mkdocs.yml").is_file() or not (root / "docs").is_dir():
        raise Refused(
            f"{root}: no mkdocs.yml and docs/ here – run this in the project, or name its folder with --project"
        )
    return without_refused_links(root)


def without_refused_links(root: Path) -> Path:
    """The project, before any command reads or writes below its docs/, data/ or overrides/: none of them
    may follow a symbolic link out of its folder."""
    refused = symbolic_links.refused_links(root)
    if refused:
        raise LinksRefused(refused)
    return root


def check_data(arguments: argparse.Namespace) -> Outcome:
    root = project_of(arguments)
    if not (root / "data").is_dir():
        raise Refused(f"{root}: no data/ folder here – run this in the project, or name its folder with --project")
    from .articles import read_collection
    from .data import DataError, load

    settings = project_settings(root)
    languages, allowed = settings.checked_languages(), settings.allowed_characters
    if allowed.findings:
        wrong = list(allowed.findings)
        return Outcome(wrong, f"mkdocs.yml: extra.allowed_invisible_characters has {plural(len(wrong), 'problem')}.")
    try:
        data = load(root / "data", root / "docs", languages, display_root=root, allowed=allowed.characters)
    except DataError as error:
        return Outcome(error.findings, f"The publication data has {plural(len(error.findings), 'problem')}.")
    collection, findings = read_collection(root / "docs", languages, data.files, root, allowed=allowed.characters)
    errors = sum(1 for finding in findings if finding.is_error)
    # Warnings (an article without topics) are reported, and do not fail the check.
    warnings = plural(len(findings) - errors, "warning") if len(findings) > errors else ""
    if errors:
        also = f" and {warnings}" if warnings else ""
        return Outcome(findings, f"The articles' front matter has {plural(errors, 'problem')}{also}.")
    articles = f", {plural(len(collection.of(languages.source)), 'article')}" if collection else ""
    also = f" ({warnings})" if warnings else ""
    return Outcome(findings, f"data/: {data.record_count()} records{articles}, no problems{also}")


def check_parity(arguments: argparse.Namespace) -> Outcome:
    from . import parity

    root = project_of(arguments)
    try:
        result = parity.check_project(root)
    except PolicyError as error:
        return Outcome([error.finding], "translation parity: the translation policy in mkdocs.yml is wrong")
    found = result.findings
    if arguments.only:
        wanted = {shown_path(root, path) for path in arguments.only}
        found = [finding for finding in found if finding.file in wanted or finding.counterpart in wanted]
    in_parity = sum(1 for status in result.pairs if not status.findings)
    warnings = sum(1 for finding in found if not finding.is_error)
    tolerated = f" ({plural(warnings, 'warning')}: not failing under the policy)" if warnings else ""
    status = (
        f"translation parity: {in_parity} of {len(result.pairs)} page pairs and {len(result.data_files)} data files "
        f"checked, {plural(len(found), 'finding')}{tolerated}\n{result.translations.policy.describe()}"
    )
    return Outcome(found, status, parity.summary(result))


def shown_path(root: Path, path: str) -> str:
    if Path(path).is_absolute():
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    return Path(path).as_posix()


def mark_translated(arguments: argparse.Namespace) -> Outcome:
    from . import parity

    root = project_of(arguments)
    languages = project_languages(root)
    done = []
    for spec in arguments.paths:
        target, _, record_id = spec.partition("#")
        path = Path(target) if Path(target).is_absolute() else root / target
        if not path.is_file():
            raise Refused(f"{spec}: no such file")
        # The names may come from a form on the web (.github/workflows/translated.yml): never write
        # outside the project, whether by '..' or by a link.
        if not path.resolve().is_relative_to(root.resolve()):
            raise Refused(f"{spec}: outside the project – name a translation below docs/ or a data file below data/")
        if path.suffix in (".yml", ".yaml"):
            done += parity.mark_records(root, path, record_id or None, languages)
        else:
            done.append(parity.mark_page(root, path, languages))
    return Outcome([], "", lines=done)


def check_links(arguments: argparse.Namespace) -> Outcome:
    from . import link_check

    site = Path(arguments.site or PROJECT / "site")
    found = link_check.check_site(site, external=arguments.external, project=project_of(arguments))
    return Outcome(found, f"links: {plural(len(found), 'finding')} in {site}")


def new_article(arguments: argparse.Namespace) -> Outcome:
    root = without_refused_links(Path(arguments.project))
    # TOPICS=a,b as the Makefile passes it: commas between ids, spaces around them forgiven, each id once.
    topics = tuple(dict.fromkeys(topic.strip() for topic in arguments.topics.split(",") if topic.strip()))
    created = scaffold.new_article(
        root, arguments.slug, arguments.title, arguments.description, arguments.author, topics
    )
    lines = [f"created {path.relative_to(root).as_posix()}" for path in created]
    source = root / "docs" / project_languages(root).source
    translations = [path for path in created if not path.is_relative_to(source)]
    todo = " ".join(path.relative_to(root).as_posix() for path in translations)
    lines.append(f"next: write the source page; translate the others; then: make translated FILES='{todo}'")
    # On stderr, like every command's note about itself: stdout names exactly the files written.
    return Outcome([], "" if topics else scaffold.no_topics_note(root), lines=lines)


def new_partnership(arguments: argparse.Namespace) -> Outcome:
    root = without_refused_links(Path(arguments.project))
    path = scaffold.new_partnership(root, arguments.id)
    shown = path.relative_to(root).as_posix()
    return Outcome(
        [],
        "",
        lines=[
            f"added '{arguments.id}' to {shown}",
            "next: fill in every empty field (make check-data lists them), "
            f"then: make translated FILES='{shown}#{arguments.id}'",
        ],
    )


def _command(commands, name: str, run: Callable, help_text: str, *, reports: bool = False) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(run=run)
    parser.add_argument("--project", default=str(PROJECT), help="the project's folder (default: this one)")
    if reports:
        parser.add_argument("--format", choices=reporting.FORMATS, default="text", help="how findings are written")
        parser.add_argument("--summary", metavar="FILE", help="also write a Markdown summary to FILE (for a CI job)")
    return parser


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="python -m microsite", description=__doc__.split("\n\n")[0])
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _command(commands, "check-data", check_data, "check data/*.yml against their schemas and each other", reports=True)
    parity_parser = _command(
        commands, "parity", check_parity, "report where translations differ from their source (read-only)", reports=True
    )
    parity_parser.add_argument(
        "--only", nargs="+", metavar="PATH", help="only findings about these files or their counterparts"
    )
    translated = _command(commands, "translated", mark_translated, "record that translations match their source now")
    translated.add_argument(
        "paths", nargs="+", metavar="PATH[#ID]", help="docs/en/x.md, a data file, or data/timeline.yml#record-id"
    )
    links = _command(commands, "check-links", check_links, "check every link of the built site (offline)", reports=True)
    links.add_argument("site", nargs="?", help="the built site (default: site/)")
    links.add_argument("--external", action="store_true", help="check links to other sites, online")
    article = _command(commands, "new-article", new_article, "a new page in every language folder; never overwrites")
    article.add_argument("slug", help="file name without .md: lowercase letters, digits, hyphens")
    article.add_argument("--title", default="", help="the source language's title")
    article.add_argument("--description", default="", help="one sentence for search engines and link previews")
    article.add_argument("--author", default="", help="the author's id in data/people.yml (for an article)")
    article.add_argument(
        "--topics", default="", metavar="ID,ID", help="topic ids from data/articles.yml, separated by commas"
    )
    partnership = _command(commands, "new-partnership", new_partnership, "a new record in data/partnerships.yml")
    partnership.add_argument("id", help="lowercase letters, digits, hyphens; also the page's file name")
    return main_parser


def report(outcome: Outcome, arguments: argparse.Namespace) -> int:
    output_format = getattr(arguments, "format", "text")
    reporting.write(outcome.findings, output_format, sys.stdout)
    for line in outcome.lines:
        print(line)
    if outcome.status:
        print(outcome.status, file=sys.stderr)
    if getattr(arguments, "summary", None):
        summary = outcome.summary or Summary.of_files(SUMMARY_TITLES[arguments.command], outcome.findings)
        Path(arguments.summary).write_text(summary.render(outcome.findings), encoding="utf-8")
    # Warnings (what the translation policy tolerates) are reported, and do not fail the check.
    return 1 if any(finding.is_error for finding in outcome.findings) else 0


def main(argv: list[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    try:
        return report(arguments.run(arguments), arguments)
    except LinksRefused as refused:
        return report(Outcome(refused.findings, f"{refused}: nothing was read or written"), arguments)
    except (Refused, scaffold.Refused) as refusal:
        print(f"refused: {refusal}", file=sys.stderr)
    except (ValueError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
    except Exception as error:  # an internal error must not look like a finding, nor like a traceback
        print(f"internal error: {type(error).__name__}: {error}", file=sys.stderr)
    return 2
