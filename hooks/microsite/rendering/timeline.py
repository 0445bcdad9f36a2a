"""The timeline (`<!-- data: timeline [PARTNERSHIP] -->`): every event, or one partnership's, by date.

An event's date is a year, a month or a day, or a year with a season; seasons sort between the months.
"""

from __future__ import annotations

import datetime

from babel.dates import format_date

from ..words import Words
from .context import RenderContext

# The month a season is sorted with.
SEASON_ORDER = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


def format_event_date(event: dict, language: str, words: Words) -> str:
    value = str(event["date"])
    parts = [int(part) for part in value.split("-")]
    if "season" in event:
        return f"{words.label(language, 'season.' + event['season'])} {parts[0]}"
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return format_date(datetime.date(parts[0], parts[1], 1), "MMMM y", locale=language)
    return format_date(datetime.date(*parts), "long", locale=language)


def event_sort_key(event: dict) -> tuple[int, int, int]:
    parts = [int(part) for part in str(event["date"]).split("-")] + [0, 0]
    month = SEASON_ORDER.get(event.get("season", ""), parts[1])
    return parts[0], month, parts[2]


def timeline_events(context: RenderContext, partnership_id: str | None) -> list[dict]:
    """The view model of the events, in order; each names its partner city unless one partnership's are shown."""
    events = context.data.events_of(partnership_id) if partnership_id else context.data.records("timeline")
    return [
        {
            "datetime": str(event["date"]),
            "date": format_event_date(event, context.language, context.words),
            "title": context.text(event["title"]),
            "partner": context.partner(event["partnership"]) if "partnership" in event and not partnership_id else None,
        }
        for event in sorted(events, key=event_sort_key)
    ]


def render_timeline(context: RenderContext, argument: str | None) -> str:
    context.require("timeline")
    return context.render("timeline.html", events=timeline_events(context, argument))
