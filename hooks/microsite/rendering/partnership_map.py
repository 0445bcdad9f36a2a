"""An SVG map, drawn from data/partnerships.yml at build time: the home city and its partner cities.

No tiles, no scripts, no requests: a plain projection of the cities' coordinates, a line from the
home city to each partner, labelled with the kind and year of the link. The SVG has a title and a
description for screen readers, and the figure caption says the same in words.
"""

from __future__ import annotations

import html

from .labels import label, relation_and_year

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


def render_map(partnerships_file: dict, language: str) -> str:
    home = partnerships_file["home_city"]
    partnerships = partnerships_file["partnerships"]
    points, height = project([home] + [p["city"] for p in partnerships])
    home_x, home_y = points[0]
    title_id, description_id = f"partnership-map-title-{language}", f"partnership-map-description-{language}"
    links = "; ".join(
        label(
            language,
            "map.link",
            city=p["city"]["name"][language],
            region=p["city"].get("region", p["city"]["country"])[language],
            relation=relation_and_year(p, language),
        )
        for p in partnerships
    )
    description = label(
        language, "map.description", home=home["name"][language], home_country=home["country"][language], links=links
    )
    title = label(language, "map.title", home=home["name"][language])
    shapes = []
    for partnership, (x, y) in zip(partnerships, points[1:]):
        # A gentle arc, bowed to the north like a flight path.
        control_x, control_y = (x + home_x) / 2, min(y, home_y) - 0.25 * abs(home_x - x)
        shapes.append(
            f'<path class="partnership-map__link" d="M{home_x:.1f},{home_y:.1f} Q{control_x:.1f},{max(control_y, 4):.1f} {x:.1f},{y:.1f}"/>'
        )
    for partnership, (x, y) in zip(partnerships, points[1:]):
        shapes.append(
            f'<circle class="partnership-map__city" cx="{x:.1f}" cy="{y:.1f}" r="5"/>'
            f'<text x="{x - 10:.1f}" y="{y - 2:.1f}" text-anchor="end" class="partnership-map__name">{html.escape(partnership["city"]["name"][language])}</text>'
            f'<text x="{x - 10:.1f}" y="{y + 15:.1f}" text-anchor="end" class="partnership-map__relation">{html.escape(relation_and_year(partnership, language))}</text>'
        )
    shapes.append(
        f'<circle class="partnership-map__home" cx="{home_x:.1f}" cy="{home_y:.1f}" r="7"/>'
        f'<text x="{home_x + 12:.1f}" y="{home_y + 5:.1f}" class="partnership-map__name">{html.escape(home["name"][language])}</text>'
    )
    svg = (
        f'<svg class="partnership-map__svg" viewBox="0 0 {WIDTH} {height:.0f}" role="img" aria-labelledby="{title_id} {description_id}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{title_id}">{html.escape(title)}</title><desc id="{description_id}">{html.escape(description)}</desc>'
        + "".join(shapes)
        + "</svg>"
    )
    return f'<figure class="partnership-map">\n{svg}\n<figcaption>{html.escape(description)}</figcaption>\n</figure>'
