"""An SVG map, drawn from data/partnerships.yml at build time: the home city and its partner cities.

No tiles, no scripts, no requests: a plain projection of the cities' coordinates, a line from the
home city to each partner, labelled with the kind and year of the link. The SVG has a title and a
description for screen readers, and the figure caption says the same in words. Here: where things
go and what they say; the SVG itself is the template `partials/data/partnership-map.html`.
"""

from __future__ import annotations

from .context import RenderContext
from .labels import relation_and_year

WIDTH = 800
HEIGHT = 360
PADDING_LEFT = 250
PADDING_RIGHT = 120
PADDING_Y = 60


def project(cities: list[dict]) -> tuple[list[tuple[float, float]], float]:
    """Positions (x, y) for the cities, west to west and north to north; also the map's height.

    A schematic map: east–west and north–south are scaled separately, because cities on two
    continents would otherwise sit on one thin line with their labels on top of each other.
    """
    lats = [city["coordinates"]["lat"] for city in cities]
    lons = [city["coordinates"]["lon"] for city in cities]
    span_x = max(max(lons) - min(lons), 1.0)
    span_y = max(max(lats) - min(lats), 1.0)
    scale_x = (WIDTH - PADDING_LEFT - PADDING_RIGHT) / span_x
    scale_y = (HEIGHT - 2 * PADDING_Y) / span_y
    points = [
        (
            PADDING_LEFT + (city["coordinates"]["lon"] - min(lons)) * scale_x,
            PADDING_Y + (max(lats) - city["coordinates"]["lat"]) * scale_y,
        )
        for city in cities
    ]
    return points, HEIGHT


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
    return relation_and_year(partnership, context.language, context.shown(partnership["relation"]).text)


def city_name(context: RenderContext, city: dict) -> dict[str, str | None]:
    """A city's name as SVG text, and its language where it is not the page's (a name not yet
    translated): the SVG's text carries `lang` instead of the notice, for which it has no room."""
    shown = context.shown(city["name"])
    return {"name": shown.text, "lang": shown.language if shown.language != context.language else None}


def partner_on_map(context: RenderContext, partnership: dict, x: float, y: float, home: tuple[float, float]) -> dict:
    """A partner city's marker and labels (right-aligned, left of it), and its arc from the home city."""
    home_x, home_y = home
    # A gentle arc, bowed to the north like a flight path.
    arc_x, arc_y = (x + home_x) / 2, min(y, home_y) - 0.25 * abs(home_x - x)
    return {
        **city_name(context, partnership["city"]),
        "relation": plain_relation(context, partnership),
        "at": svg_point(x, y),
        "arc_control": svg_point(arc_x, max(arc_y, 4)),
        "name_at": svg_point(x - 10, y - 2),
        "relation_at": svg_point(x - 10, y + 15),
    }


def render_partnership_map(context: RenderContext, argument: str | None) -> str:
    context.require("partnerships")
    partnerships_file = context.data.get("partnerships")
    home = partnerships_file["home_city"]
    partnerships = partnerships_file["partnerships"]
    points, height = project([home] + [partnership["city"] for partnership in partnerships])
    home_x, home_y = points[0]
    return context.render(
        "partnership-map.html",
        width=WIDTH,
        height=f"{height:.0f}",
        title_id=f"partnership-map-title-{context.language}",
        description_id=f"partnership-map-description-{context.language}",
        title=context.label("map.title", home=context.shown(home["name"]).text),
        description=map_description(context, partnerships_file),
        home={
            **city_name(context, home),
            "at": svg_point(home_x, home_y),
            "name_at": svg_point(home_x + 12, home_y + 5),
        },
        partners=[
            partner_on_map(context, partnership, x, y, points[0])
            for partnership, (x, y) in zip(partnerships, points[1:])
        ],
    )
