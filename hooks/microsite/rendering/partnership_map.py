"""An SVG map, drawn from data/partnerships.yml at build time: the home city and its partner cities,
on the land and the countries around them.

No tiles, no scripts, no requests: the land and the borders are Natural Earth's (public domain),
kept in `maps/geodata/` (its README says where from and how to renew it), cut to the view around the
cities and simplified to what the map's pixels show (maps/). A line goes from the home city to each
partner, and each city is labelled, its label placed where it covers no other (maps/labels.py).
The SVG has a title and a description for screen readers, and the figure caption says the same in
words. Here: what goes where and what it says; the SVG itself is the template
`partials/data/partnership-map.html`.
"""

from __future__ import annotations

from ..maps.cartography import Point, central_longitude, mercator, near, view_around
from ..maps.labels import Box, Label, Placement, TextLine, place_labels
from ..maps.outlines import land_and_borders
from .context import RenderContext

WIDTH = 800
# The map is as high as its cities need, within these; the highest where its labels need the room.
HEIGHTS = (360, 560)
# Room around the outermost cities, in pixels: for their labels, and for land around them.
PADDING = (90, 60)
# Cities close together are shown with at least this much land around them (degrees).
MIN_SPAN = 8.0
# The labels' font sizes: the SVG writes them, and the labels are placed by them.
NAME_SIZE = 17
RELATION_SIZE = 14
HOME_RADIUS = 7
CITY_RADIUS = 5


def svg_point(x: float, y: float) -> dict[str, str]:
    """A point as the SVG writes it, to a tenth of a unit."""
    return {"x": f"{x:.1f}", "y": f"{y:.1f}"}


def map_description(context: RenderContext, partnerships_file: dict) -> str:
    """The map in words, for its `<desc>` and its caption: every partner city, where, and how linked."""
    home = partnerships_file["home_city"]
    links = "; ".join(
        context.label(
            "map.link",
            city=context.shown(partnership["city"]["name"]).text,
            region=context.shown(partnership["city"].get("region", partnership["city"]["country"])).text,
            relation=plain_relation(context, partnership),
        )
        for partnership in partnerships_file["partnerships"]
    )
    return context.label(
        "map.description",
        home=context.shown(home["name"]).text,
        home_country=context.shown(home["country"]).text,
        links=links,
    )


def plain_relation(context: RenderContext, partnership: dict) -> str:
    """The relation and year as SVG text: plain, as no HTML may stand in an SVG."""
    return context.relation_and_year(partnership, context.shown(partnership["relation"]).text)


def city_name(context: RenderContext, city: dict) -> dict[str, str | None]:
    """A city's name as SVG text, and its language where it is not the page's (a name not yet
    translated): the SVG's text carries `lang` instead of the notice, for which it has no room."""
    shown = context.shown(city["name"])
    return {"name": shown.text, "lang": shown.language if shown.language != context.language else None}


def city_label(context: RenderContext, city: dict, relation: str | None) -> list[dict]:
    """A city's label, line by line: its name, and for a partner the kind and year of the link."""
    name = city_name(context, city)
    lines = [{"text": name["name"], "lang": name["lang"], "class": "name", "size": NAME_SIZE, "bold": True}]
    if relation is not None:
        lines.append({"text": relation, "lang": None, "class": "relation", "size": RELATION_SIZE, "bold": False})
    return lines


def label_view(placement: Placement, lines: list[dict]) -> dict:
    """A label as the template writes it: each line of text at its baseline, and the leader line, if any."""
    return {
        "anchor": placement.anchor,
        "x": f"{placement.x:.0f}",
        "lines": [{**line, "y": f"{baseline:.0f}"} for line, baseline in zip(lines, placement.baselines)],
        "leader": placement.leader and [svg_point(*end) for end in placement.leader],
    }


def arc_control(home: Point, partner: Point) -> dict[str, str]:
    """The control point of the line from the home city to a partner: a gentle arc, bowed to the north
    like a flight path, and inside the map."""
    (home_x, home_y), (x, y) = home, partner
    return svg_point((x + home_x) / 2, max(min(y, home_y) - 0.25 * abs(home_x - x), 4))


def render_partnership_map(context: RenderContext, argument: str | None) -> str:
    context.require("partnerships")
    partnerships_file = context.data.get("partnerships")
    home = partnerships_file["home_city"]
    partnerships = partnerships_file["partnerships"]
    cities = [home] + [partnership["city"] for partnership in partnerships]
    centre = central_longitude([city["coordinates"]["lon"] for city in cities])
    projected = [mercator(near(city["coordinates"]["lon"], centre), city["coordinates"]["lat"]) for city in cities]
    radii = [HOME_RADIUS] + [CITY_RADIUS] * len(partnerships)
    lines = [city_label(context, home, None)] + [
        city_label(context, partnership["city"], plain_relation(context, partnership)) for partnership in partnerships
    ]
    for lowest in HEIGHTS:
        view = view_around(projected, WIDTH, (lowest, HEIGHTS[1]), PADDING, MIN_SPAN)
        points = [view.pixel(point) for point in projected]
        # The home city's label is placed first: it gets the place nearest its dot. Below the highest
        # map, a label without a free place means the next height is tried.
        placements = place_labels(
            [
                Label(tuple(TextLine(line["text"], line["size"], line["bold"]) for line in city_lines), point, radius)
                for city_lines, point, radius in zip(lines, points, radii)
            ],
            Box(0, 0, view.width, view.height),
            only_if_free=lowest != HEIGHTS[-1],
        )
        if placements is not None:
            break
    return context.render(
        "partnership-map.html",
        width=WIDTH,
        height=f"{view.height:.0f}",
        title_id=f"partnership-map-title-{context.language}",
        description_id=f"partnership-map-description-{context.language}",
        title=context.label("map.title", home=context.shown(home["name"]).text),
        description=map_description(context, partnerships_file),
        **land_and_borders(view, centre),
        cities=[
            {"at": svg_point(*point), "radius": radius, "kind": "home" if number == 0 else "city"}
            for number, (point, radius) in enumerate(zip(points, radii))
        ],
        links=[
            {"from": svg_point(*points[0]), "to": svg_point(*point), "control": arc_control(points[0], point)}
            for point in points[1:]
        ],
        labels=[label_view(placement, city_lines) for placement, city_lines in zip(placements, lines)],
    )
