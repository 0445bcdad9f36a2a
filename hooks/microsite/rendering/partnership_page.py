"""The body of one partnership's generated page (`<!-- data: partnership ID -->`, see generated_pages)."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..problems import Problem
from .context import RenderContext
from .timeline import timeline_events


def render_partnership(context: RenderContext, argument: str | None) -> str:
    """Everything about one partnership: the city, the focus, projects, events, links and sources."""
    context.require("partnerships")
    partnership = context.data.partnership(argument or "")
    if partnership is None:
        known = ", ".join(record["id"] for record in context.data.records("partnerships")) or "none yet"
        raise Problem(context.finding(f"no partnership {argument!r} in data/partnerships.yml – use one of: {known}"))
    city = partnership["city"]
    return context.render(
        "partnership.html",
        relation=context.relation(partnership),
        place=context.place(city),
        summary=context.text(partnership["summary"]),
        focus=[context.text(item) for item in partnership.get("focus", [])],
        projects=[
            {"name": context.text(project["name"]), "description": context.text(project["description"])}
            for project in partnership.get("projects", [])
        ],
        events=timeline_events(context, partnership["id"]),
        links=[{"url": link["url"], "label": context.text(link["label"])} for link in partnership.get("links", [])],
        sources=[
            {"passage": context.text(source["passage"]), "link": context.link(source["page"])}
            for source in partnership["sources"]
        ],
        # The city's public sources, named by their host.
        public_sources=[
            {"url": source["url"], "host": urlsplit(source["url"]).netloc} for source in city.get("sources", [])
        ],
    )
