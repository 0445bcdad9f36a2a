"""A day as a page shows it: in a `<time>` element, ISO for machines and the long form of the page's
language for readers. Shared by the renderers of every kind of page."""

from __future__ import annotations

import datetime

from babel.dates import format_date


def day_view(day: datetime.date, language: str) -> dict[str, str]:
    """A date for a `<time>` element: ISO for machines, long form in `language` for readers."""
    return {"iso": day.isoformat(), "text": format_date(day, "long", locale=language)}
