"""Where the translations stand, for readers: each language's translation status page, reached from the
footer (site_output/footer.py).

The status page is generated at `<language>/<extra.translation_policy.status_page>` from the status the
parity check made in this build (parity/status.py), so that it says what CI says. Its
`<!-- data: translation-status -->` lists every page and data record as current, outdated since when
(and what changed), missing or not verified, with the share that is current. The navigation leaves it
out.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from babel.numbers import format_decimal, format_percent

from ..languages import language_name
from ..parity.status import PageTranslation, RecordTranslation, SourceChange, State
from ..problems import Problem
from ..publication import GeneratedPage, Publication
from ..rendering.context import RenderContext
from ..rendering.source_changes import changed_section, dated
from ..rendering.translations import Translations
from .markdown import page_markdown


def status_pages(state: Publication) -> dict[str, GeneratedPage]:
    """Each language's translation status page, reached from the footer; none in a build whose parity
    check made no status, which would have nothing to list."""
    if state.translations is None:
        return {}
    origin = (
        "the translation status – delete the file, or set another extra.translation_policy.status_page in mkdocs.yml"
    )
    return {
        f"{language}/{state.translations.policy.status_page}": GeneratedPage(
            page_markdown(
                state.words.label(language, "translation_status.title"),
                state.words.label(language, "translation_status.description"),
                "translation-status",
                # A list of every page's title: it would answer every search, and it grows with the archive
                # in the index every reader downloads.
                searchable=False,
            ),
            origin,
            in_navigation=False,
        )
        for language in state.languages.codes
    }


def render_translation_status(context: RenderContext, argument: str | None) -> str:
    """`<!-- data: translation-status -->`, on each language's generated status page: that language's
    translations; on the source language's page, the translations into every other language."""
    translations = context.translations
    if translations is None:
        raise Problem(
            context.finding(
                "this build has no translation status to show – the marker belongs on the status page the build "
                "generates (extra.translation_policy.status_page in mkdocs.yml); remove it here"
            )
        )
    source = translations.status.source
    if context.language == source:
        languages = [language for language in translations.languages.codes if language != source]
    else:
        languages = [context.language]
    return context.render(
        "translation-status.html",
        source_name=language_name(source, context.language),
        sections=[_language_section(context, translations, language) for language in languages],
    )


def _language_section(context: RenderContext, translations: Translations, language: str) -> dict:
    status = translations.status
    pages = [page for page in status.pages if page.language == language]
    records = [record for record in status.records if record.language == language]
    current, total = sum(item.state is State.CURRENT for item in (*pages, *records)), len(pages) + len(records)
    # Whole percents, rounded down: "100 %" must mean that every translation is current.
    percent = current * 100 // total / 100 if total else 1
    return {
        "language": language,
        "name": language_name(language, context.language),
        "share": context.label(
            "translation_status.share",
            percent=format_percent(percent, locale=context.language),
            current=format_decimal(current, locale=context.language),
            total=format_decimal(total, locale=context.language),
        ),
        "pages": [_page_row(context, translations, page) for page in pages],
        "records": [_record_row(context, record) for record in records],
    }


def _page_row(context: RenderContext, translations: Translations, page: PageTranslation) -> dict:
    source = translations.status.source
    original = {
        "title": translations.title(source, page.path),
        "link": translations.link(source, page.path, context.page_url),
        "lang": source,
    }
    if page.state is State.MISSING:
        return {"original": original, "translation": None, "state": _state(context, page.state, None), "sections": []}
    link = translations.link(page.language, page.path, context.page_url)
    sections = page.change.sections if page.change and page.change.sections else ()
    return {
        "original": original,
        "translation": {"title": translations.title(page.language, page.path), "link": link, "lang": page.language},
        "state": _state(context, page.state, page.change),
        "sections": [changed_section(context, section, link, page.language) for section in sections],
    }


def _record_row(context: RenderContext, record: RecordTranslation) -> dict:
    return {
        "file": record.file,
        "id": record.record_id,
        "name": _record_name(context, record),
        "state": _state(context, record.state, record.change),
        "missing_texts": list(record.missing_texts),
    }


def _record_name(context: RenderContext, record: RecordTranslation) -> dict | None:
    """What the record is called (its `name` or `title`), in the page's language or else in the source's."""
    content = context.data.get(PurePosixPath(record.file).stem)
    lists = [value for value in content.values() if isinstance(value, list)] if isinstance(content, dict) else []
    found = next(
        (item for items in lists for item in items if isinstance(item, dict) and item.get("id") == record.record_id),
        {},
    )
    name = found.get("name", found.get("title"))
    if isinstance(name, dict):
        shown = context.shown(name)
        return {"text": shown.text, "lang": None if shown.language == context.language else shown.language}
    return {"text": name, "lang": None} if isinstance(name, str) else None


def _state(context: RenderContext, state: State, change: SourceChange | None) -> dict:
    """A state in words (never only a colour): outdated ones with the date of the change where known."""
    if state is State.OUTDATED and change is not None and change.date is not None:
        return dated(context, "translation_status.outdated_since", change.date)
    return {"before": context.label(f"translation_status.{state.value}"), "date": None}
