"""One page per partnership (data/partnerships.yml) in every language, at `<page_folder>/<id>.html`, and
its marker (`<!-- data: partnership ID -->`), which renders the record."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..language_texts import in_language
from ..problems import Problem
from ..publication import GeneratedPage, Publication
from ..rendering.context import RenderContext
from ..rendering.timeline import timeline_events
from .markdown import page_markdown


def partnership_pages(state: Publication) -> dict[str, GeneratedPage]:
    partnerships_file = state.data.get("partnerships")
    if partnerships_file is None:
        return {}
    folder, source = partnerships_file["page_folder"], state.languages.source
    return {
        f"{language}/{folder}/{record['id']}.md": GeneratedPage(
            page_markdown(
                in_language(record["city"]["name"], language, source).text,
                in_language(record["summary"], language, source).text,
                f"partnership {record['id']}",
            ),
            "data/partnerships.yml – delete the file (edit the data instead) or give the partnership another id",
        )
        for language in state.languages.codes
        for record in partnerships_file["partnerships"]
    }


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
