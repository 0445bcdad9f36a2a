"""Data rendered into pages where the Markdown asks for it: `<!-- data: NAME [ARGUMENT] -->`.

One hook dispatches each marker to a small pure `render_*` function that returns Markdown (mostly HTML
blocks) in the page's language. Every data string is HTML-escaped. Links to other pages are resolved
through MkDocs' files, so a link to a page that does not exist fails the build. An unknown marker is
an error naming the file and line, not silence.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from babel.dates import format_date
from babel.numbers import format_decimal
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import upstream
from ..data import PublicationData
from ..markers import SYNTAX, Marker, replace_markers
from ..state import BuildState
from . import partnership_map
from .labels import label, relation_and_year

PluginError = upstream.BuildError
get_relative_url = upstream.relative_url
SEASON_ORDER = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


@dataclass
class RenderContext:
    language: str
    page: Page
    files: Files
    data: PublicationData
    where: str

    def text(self, bilingual: dict) -> str:
        """A bilingual data text in the page's language, HTML-escaped."""
        return html.escape(bilingual[self.language])

    def link(self, src_path: str) -> str:
        """The URL, relative to this page, of a page given by its path below the language folder."""
        src_uri = f"{self.language}/{src_path}"
        target = self.files.get_file_from_path(src_uri)
        if target is None:
            raise PluginError(
                f"{self.where}: the data links to docs/{src_uri}, which does not exist – add that page or correct the data"
            )
        return html.escape(get_relative_url(target.url, self.page.url))

    def place(self, city: dict) -> str:
        """Region and country of a city, HTML-escaped: "New York, Vereinigte Staaten"."""
        return ", ".join(self.text(city[key]) for key in ("region", "country") if key in city)

    def partnership_link(self, partnership_id: str) -> str:
        folder = self.data.get("partnerships")["page_folder"]
        return self.link(f"{folder}/{partnership_id}.md")


def format_event_date(event: dict, language: str) -> str:
    value = str(event["date"])
    parts = [int(part) for part in value.split("-")]
    if "season" in event:
        return f"{label(language, 'season.' + event['season'])} {parts[0]}"
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return format_date(datetime.date(parts[0], parts[1], 1), "MMMM y", locale=language)
    return format_date(datetime.date(*parts), "long", locale=language)


def event_sort_key(event: dict) -> tuple[int, int, int]:
    parts = [int(part) for part in str(event["date"]).split("-")] + [0, 0]
    month = SEASON_ORDER.get(event.get("season", ""), parts[1])
    return parts[0], month, parts[2]


def html_list(tag: str, css_class: str, items: list[str]) -> str:
    """Items (already HTML) as a list element of its own block."""
    body = "\n".join(f"<li>{item}</li>" for item in items)
    return f'<{tag} class="{css_class}">\n{body}\n</{tag}>'


def _require(context: RenderContext, name: str) -> None:
    if context.data.get(name) is None:
        raise PluginError(
            f"{context.where}: this marker needs data/{name}.yml, which does not exist – add it or remove the marker"
        )


def render_partnership_cards(context: RenderContext, argument: str | None) -> str:
    _require(context, "partnerships")
    cards = []
    for partnership in context.data.records("partnerships"):
        city = partnership["city"]
        place = context.place(city)
        cards.append(
            "<li>\n"
            f'<p class="partnership-card__title"><a href="{context.partnership_link(partnership["id"])}">{context.text(city["name"])}</a></p>\n'
            f'<p class="partnership-card__place">{place}</p>\n'
            "<hr>\n"
            f'<p class="partnership-card__relation">{html.escape(relation_and_year(partnership, context.language))}</p>\n'
            f"<p>{context.text(partnership['summary'])}</p>\n"
            "</li>"
        )
    return '<div class="grid cards partnership-cards" markdown="0">\n<ul>\n' + "\n".join(cards) + "\n</ul>\n</div>"


def render_timeline(context: RenderContext, argument: str | None) -> str:
    _require(context, "timeline")
    events = sorted(
        context.data.events_of(argument) if argument else context.data.records("timeline"), key=event_sort_key
    )
    items = []
    for event in events:
        datetime_attribute = html.escape(str(event["date"]))
        partner = ""
        if "partnership" in event and not argument:
            record = context.data.partnership(event["partnership"])
            partner = f' <a class="timeline__partnership" href="{context.partnership_link(event["partnership"])}">{context.text(record["city"]["name"])}</a>'
        items.append(
            f'<time datetime="{datetime_attribute}">{html.escape(format_event_date(event, context.language))}</time> '
            f'<span class="timeline__title">{context.text(event["title"])}</span>{partner}'
        )
    return html_list("ol", "timeline", items)


def render_networks(context: RenderContext, argument: str | None) -> str:
    _require(context, "networks")
    items = []
    for network in context.data.records("networks"):
        partners = ", ".join(
            f'<a href="{context.partnership_link(partnership_id)}">{context.text(context.data.partnership(partnership_id)["city"]["name"])}</a>'
            for partnership_id in network.get("partnerships", [])
        )
        partners_text = (
            f' <span class="networks__partnerships">({html.escape(label(context.language, "partnership"))}: {partners})</span>'
            if partners
            else ""
        )
        items.append(
            f'<strong>{context.text(network["name"])}</strong> <span class="networks__kind">{html.escape(label(context.language, "kind." + network["kind"]))}</span><br>'
            f"{context.text(network['role'])}{partners_text}"
        )
    return html_list("ul", "networks", items)


def render_recommendations(context: RenderContext, argument: str | None) -> str:
    _require(context, "recommendations")
    items = [
        f"<strong>{context.text(record['title'])}</strong><br>{context.text(record['text'])}"
        for record in context.data.records("recommendations")
    ]
    return html_list("ol", "recommendations", items)


def render_key_figures(context: RenderContext, argument: str | None) -> str:
    _require(context, "figures")
    items = []
    for figure in context.data.records("figures"):
        value = format_decimal(figure["value"], locale=context.language) + ("+" if figure.get("more_than") else "")
        items.append(
            f'<span class="key-figures__value">{html.escape(value)}</span> <span class="key-figures__label">{context.text(figure["label"])}</span>'
        )
    return html_list("ul", "key-figures", items)


def render_contacts(context: RenderContext, argument: str | None) -> str:
    _require(context, "people")
    items = []
    for person in context.data.records("people"):
        email = html.escape(person["email"])
        items.append(
            f'<span class="contacts__kind">{html.escape(label(context.language, "contact." + person["contact"]))}</span><br>'
            f"<strong>{html.escape(person['name'])}</strong>, {context.text(person['role'])}<br>"
            f'<a href="mailto:{email}">{email}</a>'
        )
    return html_list("ul", "contacts", items)


def render_partnership_map(context: RenderContext, argument: str | None) -> str:
    _require(context, "partnerships")
    return partnership_map.render_map(context.data.get("partnerships"), context.language)


def render_partnership(context: RenderContext, argument: str | None) -> str:
    """Everything about one partnership: the body of its generated page."""
    _require(context, "partnerships")
    partnership = context.data.partnership(argument or "")
    if partnership is None:
        raise PluginError(f"{context.where}: no partnership {argument!r} in data/partnerships.yml – use one of its ids")
    language = context.language
    city = partnership["city"]
    parts = [
        f'<p class="partnership__relation"><strong>{html.escape(relation_and_year(partnership, language))}</strong> · {context.place(city)}</p>',
        f'<p class="lead">{context.text(partnership["summary"])}</p>',
    ]
    if partnership.get("focus"):
        parts.append(f"## {label(language, 'focus')}")
        parts.append(html_list("ul", "partnership__focus", [context.text(item) for item in partnership["focus"]]))
    if partnership.get("projects"):
        parts.append(f"## {label(language, 'projects')}")
        parts.append(
            "<dl>\n"
            + "\n".join(
                f"<dt>{context.text(p['name'])}</dt>\n<dd>{context.text(p['description'])}</dd>"
                for p in partnership["projects"]
            )
            + "\n</dl>"
        )
    if context.data.events_of(partnership["id"]):
        parts.append(f"## {label(language, 'timeline')}")
        parts.append(render_timeline(context, partnership["id"]))
    if partnership.get("links"):
        parts.append(f"## {label(language, 'links')}")
        parts.append(
            html_list(
                "ul",
                "partnership__links",
                [
                    f'<a href="{html.escape(link["url"])}">{context.text(link["label"])}</a>'
                    for link in partnership["links"]
                ],
            )
        )
    parts.append(f"## {label(language, 'sources')}")
    quotes = [
        f'<blockquote><p>{context.text(source["passage"])}</p>\n<p><a href="{context.link(source["page"])}">{html.escape(label(language, "source_link"))}</a></p></blockquote>'
        for source in partnership["sources"]
    ]
    parts.append("\n".join(quotes))
    public = city.get("sources", [])
    if public:
        parts.append(
            f'<p class="partnership__public-sources">{html.escape(label(language, "public_sources"))}: '
            + ", ".join(
                f'<a href="{html.escape(s["url"])}">{html.escape(urlsplit(s["url"]).netloc)}</a>' for s in public
            )
            + "</p>"
        )
    return "\n\n".join(parts)


RENDERERS: dict[str, Callable[[RenderContext, str | None], str]] = {
    "partnership-cards": render_partnership_cards,
    "partnership-map": render_partnership_map,
    "partnership": render_partnership,
    "timeline": render_timeline,
    "networks": render_networks,
    "recommendations": render_recommendations,
    "key-figures": render_key_figures,
    "contacts": render_contacts,
}


def render_problems(language: str, problems: list[str]) -> str:
    """What the live preview shows in place of data it cannot render: the problems, named."""
    items = "".join(f"<li><code>{html.escape(problem)}</code></li>" for problem in problems)
    return (
        f'<div class="admonition failure"><p class="admonition-title">{html.escape(label(language, "problems.title"))}</p>'
        f"<p>{html.escape(label(language, 'problems.text'))}</p><ul>{items}</ul></div>"
    )


def render_markers(state: BuildState, markdown: str, page: Page, files: Files) -> str:
    source = f"docs/{page.file.src_uri}"
    # The Markdown comes without its front matter; count its lines back in for the editor.
    body_start = page.file.content_string.rstrip("\n").count("\n") - markdown.rstrip("\n").count("\n")

    def replace(marker: Marker) -> str:
        line = body_start + markdown.count("\n", 0, marker.start) + 1
        where = f"{source}:{line}"
        if marker.name is None:
            raise PluginError(f"{where}: cannot read the data marker '{marker.written}' – write it as {SYNTAX}")
        renderer = RENDERERS.get(marker.name)
        if renderer is None:
            raise PluginError(
                f"{where}: unknown data marker '{marker.name}' – use one of: {', '.join(sorted(RENDERERS))}"
            )
        context = RenderContext(language=state.language, page=page, files=files, data=state.data, where=where)
        if context.data.findings:
            return "\n" + render_problems(context.language, [str(finding) for finding in context.data.findings]) + "\n"
        # Blank lines around the output, so that Markdown treats it as blocks of its own.
        return "\n" + renderer(context, marker.argument) + "\n"

    return replace_markers(markdown, replace)
