"""The accessibility statement (Erklärung zur Barrierefreiheit) that BITV 2.0 § 7 with § 12b BGG asks
of public bodies: generated in every language from data/accessibility.yml.

The page is generated at `<language>/<page>` (the data's `page`; generated.py), outside the menu
and linked from every page's footer (footer.py); its body is `<!-- data: accessibility-statement -->`.
Its sections follow the model statement of the federal monitoring body (Muster-Erklärung of the
Überwachungsstelle des Bundes für Barrierefreiheit von Informationstechnik): who strives for what
and for which website; the status of compliance, with the standard, how and when it was assessed, and
the automated checks; the content that is not accessible and why; when the statement was prepared
and updated; the feedback contact; the conciliation procedure, with a link to its body.

The statement never claims more than was checked. What people reviewed comes from the data (`reviews`;
none yet is said in so many words); the automated figures come from the tests' measurements
(measurements.py), and only while they were measured on the sources being built. Without them the
statement says that the checks run on every change. `full` conformance is refused while content is
listed as not accessible, or while no review by people stands behind it.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from babel.lists import format_list
from babel.numbers import format_decimal

from .. import upstream
from ..dates import day_view
from ..languages import language_name
from ..measurements import AxeRun, LighthouseRun, Measurements, read_measurements
from ..problems import Problem
from ..publication import GeneratedPage
from .markdown import page_markdown

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from ..publication import Publication
    from ..rendering.context import RenderContext
    from ..settings import Settings


DATA = "accessibility"
MARKER = "accessibility-statement"
# The id of the section the status points to, the same in every language.
BARRIERS_ID = "barriers"


def statement_pages(state: Publication) -> dict[str, GeneratedPage]:
    """src_uri → the statement in every language; none without data/accessibility.yml."""
    statement = state.data.get(DATA)
    if statement is None:
        return {}
    origin = f"data/{DATA}.yml (the accessibility statement) – delete the file, or set another `page` there"
    return {
        f"{language}/{statement['page']}": GeneratedPage(
            page_markdown(
                state.words.label(language, "accessibility.title"),
                state.words.label(language, "accessibility.description"),
                MARKER,
            ),
            origin,
            in_navigation=False,
        )
        for language in state.languages.codes
    }


def render_accessibility_statement(context: RenderContext, argument: str | None) -> str:
    context.require(DATA)
    statement = context.data.get(DATA)
    _refuse_overclaiming(context, statement)
    # Outside a build (a test of the templates) there is no website to name and nothing measured.
    config = context.config
    project = Path(config.config_file_path).parent if config is not None else None
    named = context.settings.accessibility_measurements if context.settings is not None else None
    measurements = read_measurements(project, named) if project is not None else Measurements()
    if context.problems is not None:
        for reason in measurements.left_out:
            context.problems.note(reason)
    return context.render(
        "accessibility-statement.html",
        intro=context.sentence(
            "accessibility.intro",
            body={"value": context.text(statement["responsible_body"])},
            legal_basis={"value": context.text(statement["legal_basis"])},
        ),
        scope=_scope(context, config, context.settings) if config is not None and context.settings else None,
        status=context.label(f"accessibility.status.{statement['conformance']}"),
        status_reasons=context.sentence(
            "accessibility.status_reasons",
            section={"link": {"href": f"#{BARRIERS_ID}", "text": context.label("accessibility.barriers")}},
        ),
        standard=context.sentence("accessibility.standard", standard={"value": context.text(statement["standard"])}),
        review=_review(context, statement),
        automated=_automated(context, measurements),
        barriers_id=BARRIERS_ID,
        barriers=[
            {
                "part": context.text(barrier["part"]),
                "reason": context.text(barrier["reason"]),
                "alternative": context.text(barrier["alternative"]) if "alternative" in barrier else None,
            }
            for barrier in statement["barriers"]
        ],
        prepared=context.sentence("accessibility.prepared", date=_day(context, statement, ("prepared",))),
        updated=(
            context.sentence("accessibility.updated", date=_day(context, statement, ("updated",)))
            if "updated" in statement
            else None
        ),
        feedback={"name": context.text(statement["feedback"]["name"]), "email": statement["feedback"]["email"]},
        conciliation={
            **statement["conciliation"],
            "name": context.text(statement["conciliation"]["name"]),
            "email": statement["conciliation"].get("email"),
            "about": context.text(statement["conciliation"]["about"]),
        },
    )


def _scope(context: RenderContext, config: MkDocsConfig, settings: Settings) -> list[dict]:
    """Which website the statement is for: its name and address, and its languages."""
    names = [language_name(code, context.language) for code in settings.checked_languages().codes]
    return context.sentence(
        "accessibility.scope",
        site={"text": upstream.language_site_name(config, context.language)},
        address={"text": config.site_url or "/"},
        languages={"text": format_list(names, locale=context.language)},
    )


def _refuse_overclaiming(context: RenderContext, statement: dict) -> None:
    """`full` says that people checked every requirement and found it met: the data must say so too."""
    if statement["conformance"] != "full":
        return
    if statement["barriers"]:
        raise _problem(
            context,
            ("conformance",),
            "'full', but 'barriers' lists content that is not accessible – write 'partial' until it is fixed, "
            "then remove it from the list",
        )
    if not statement["reviews"]:
        raise _problem(
            context,
            ("conformance",),
            "'full', but no review by people stands behind it – write 'partial', or add the review that found "
            "every requirement met under 'reviews'",
        )


def _review(context: RenderContext, statement: dict) -> list[dict]:
    """The newest review by people: when and how; or that there has been none."""
    reviews = statement["reviews"]
    if not reviews:
        return [{"text": context.label("accessibility.no_review")}]
    index, newest = max(enumerate(reviews), key=lambda item: item[1]["date"])
    return context.sentence(
        "accessibility.review",
        date=_day(context, statement, ("reviews", index, "date")),
        method={"value": context.text(newest["method"])},
    )


def _automated(context: RenderContext, measurements: Measurements) -> dict:
    """What the automated checks found, with their dates, or where they run."""
    return {
        "axe": _axe(context, measurements.axe) if measurements.axe else None,
        "lighthouse": _lighthouse(context, measurements.lighthouse) if measurements.lighthouse else None,
        "in_ci": None if measurements.axe else context.label("accessibility.automated_in_ci"),
    }


def _axe(context: RenderContext, run: AxeRun) -> dict:
    values = {
        "date": {"time": day_view(run.day, context.language)},
        "version": {"text": run.version},
        "pages": {"text": _pages(context, len(run.pages))},
    }
    if not run.violations:
        return {"summary": context.sentence("accessibility.axe_clean", **values), "violations": []}
    values["rules"] = {"text": format_decimal(len(run.violations), locale=context.language)}
    return {
        "summary": context.sentence("accessibility.axe_found", **values),
        "violations": [
            {
                "rule": violation.rule,
                # axe-core words its rules in English.
                "help": violation.help,
                "pages": _pages(context, len(violation.pages)),
            }
            for violation in run.violations
        ],
    }


def _lighthouse(context: RenderContext, run: LighthouseRun) -> list[dict]:
    lowest, highest = min(run.scores.values()), max(run.scores.values())
    values = {
        "date": {"time": day_view(run.day, context.language)},
        "version": {"text": run.version},
        "pages": {"text": _pages(context, len(run.scores))},
        "lowest": {"text": format_decimal(lowest, locale=context.language)},
        "highest": {"text": format_decimal(highest, locale=context.language)},
    }
    key = "accessibility.lighthouse_same" if lowest == highest else "accessibility.lighthouse_range"
    return context.sentence(key, **values)


def _pages(context: RenderContext, count: int) -> str:
    return context.words.counted(
        context.language, "accessibility.pages", count, count=format_decimal(count, locale=context.language)
    )


def _day(context: RenderContext, statement: dict, path: tuple) -> dict:
    """A day of the data as a `time` value; a day the calendar does not have stops the build."""
    value = statement
    for step in path:
        value = value[step]
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise _problem(context, path, f"there is no day {value!r} – write a day of the calendar") from None
    return {"time": day_view(day, context.language)}


def _problem(context: RenderContext, path: tuple, message: str) -> Problem:
    """What stops the build, named at the field's line in the data file as the data check names it."""
    return Problem(context.data.parsed[DATA].finding(path, message))
