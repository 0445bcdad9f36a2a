"""How a page says that a translation's source changed: since when, and which sections. The outdated
notice (translation_notice.py) and the status page (pages/status.py) say it alike."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from ..dates import day_view

if TYPE_CHECKING:
    from ..parity.status import ChangedSection
    from .context import RenderContext


def dated(context: RenderContext, key: str, day: datetime.date) -> dict:
    """A label around a date, split where the date goes, so that the template can put it in `<time>`."""
    before, _, after = context.label(key, date="\0").partition("\0")
    return {"before": before, "date": day_view(day, context.language), "after": after}


def changed_section(context: RenderContext, section: ChangedSection, page_link: str, language: str) -> dict:
    """A section of a translation into `language` whose source changed, as a link into the page
    `page_link` leads to; its title is in the translation's language, its beginning named in the page's."""
    if not section.title:
        return {"text": context.label("translation_notice.beginning"), "link": page_link, "lang": context.language}
    return {"text": section.title, "link": f"{page_link}#{section.anchor}", "lang": language}
