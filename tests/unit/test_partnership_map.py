"""The partnership map without a build: TopoJSON decoded, shapes cut to the view, labels that cover
nothing, and the maps of publications unlike this one (cities close together, partners on three
continents, a city in Japan with partners across the Pacific): every city inside the map, on land,
its label readable.
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import math
import random
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from microsite.data import PublicationData, load
from microsite.maps.cartography import central_longitude, clip_line, clip_ring, continuous, simplify
from microsite.maps.labels import ASCENT, DESCENT, Box, Label, Layout, TextLine, _placed, place_labels, text_width
from microsite.maps.outlines import GEODATA
from microsite.maps.topojson import decode_arcs, polygons, shared_arcs
from microsite.rendering import render_partnership_map
from test_rendering import FOLDER, LANGUAGES, SVG, context

# Two squares side by side, quantized (a unit is half a degree), with the edge between them an arc of
# its own: [10, 11] × [20, 21] and [11, 12] × [20, 21] in degrees.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
    "arcs": [
        [[2, 0], [0, 2]],
        [[2, 2], [-2, 0], [0, -2], [2, 0]],
        [[2, 0], [2, 0], [0, 2], [-2, 0]],
    ],
    "objects": {
        "countries": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]]},
                {"type": "Polygon", "arcs": [[2, ~0]]},
                {"type": None},
            ],
        },
        "land": {"type": "MultiPolygon", "arcs": [[[1, 2]]]},
    },
}
WEST = [(11.0, 20.0), (11.0, 21.0), (10.0, 21.0), (10.0, 20.0), (11.0, 20.0)]
EAST = [(11.0, 20.0), (12.0, 20.0), (12.0, 21.0), (11.0, 21.0), (11.0, 20.0)]


def test_topojson_arcs_are_decoded_from_deltas_and_the_transform() -> None:
    assert decode_arcs(TOPOLOGY)[0] == [(11.0, 20.0), (11.0, 21.0)]
    assert decode_arcs(TOPOLOGY)[1] == [(11.0, 21.0), (10.0, 21.0), (10.0, 20.0), (11.0, 20.0)]
    untransformed = {"arcs": [[[10, 20], [11, 20], [11, 21], [10, 20]]]}
    assert decode_arcs(untransformed) == [[(10.0, 20.0), (11.0, 20.0), (11.0, 21.0), (10.0, 20.0)]]


def test_topojson_rings_are_stitched_from_arcs_a_negative_index_reversed() -> None:
    arcs = decode_arcs(TOPOLOGY)
    assert polygons(TOPOLOGY, arcs, "countries") == [[WEST], [EAST]]
    land = [(11.0, 21.0), (10.0, 21.0), (10.0, 20.0), (11.0, 20.0), (12.0, 20.0), (12.0, 21.0), (11.0, 21.0)]
    assert polygons(TOPOLOGY, arcs, "land") == [[land]]


def test_topojson_holes_follow_their_outer_ring() -> None:
    topology = {"arcs": [[[0, 0], [9, 0], [9, 9], [0, 0]], [[3, 3], [4, 4], [5, 3], [3, 3]]]}
    topology["objects"] = {"lake": {"type": "Polygon", "arcs": [[0], [1]]}}
    outer, hole = polygons(topology, decode_arcs(topology), "lake")[0]
    assert outer[1] == (9.0, 0.0) and hole[1] == (4.0, 4.0)


def test_the_borders_are_the_arcs_two_countries_share() -> None:
    arcs = decode_arcs(TOPOLOGY)
    assert shared_arcs(TOPOLOGY, arcs, "countries") == [[(11.0, 20.0), (11.0, 21.0)]]
    assert shared_arcs(TOPOLOGY, arcs, "land") == []


BOX = (0.0, 0.0, 10.0, 10.0)


def area(ring: list[tuple[float, float]]) -> float:
    """The area a ring encloses (shoelace)."""
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]]))) / 2


def test_a_ring_is_cut_to_the_view() -> None:
    corner = clip_ring([(-5, -5), (5, -5), (5, 5), (-5, 5)], BOX)
    assert area(corner) == 25 and all(0 <= x <= 10 and 0 <= y <= 10 for x, y in corner)
    assert clip_ring([(20, 20), (30, 20), (30, 30)], BOX) == []
    inside = [(1, 1), (9, 1), (9, 9)]
    assert clip_ring(inside, BOX) == inside
    # A U open to the top, reaching above the view: its two arms stay, joined along the edge.
    u_shape = [(2, 12), (2, 2), (8, 2), (8, 12), (6, 12), (6, 4), (4, 4), (4, 12)]
    assert area(clip_ring(u_shape, BOX)) == 6 * 8 - 2 * 6


def test_a_line_is_cut_into_the_parts_that_pass_through_the_view() -> None:
    line = [(-5, 5), (5, 5), (5, 15), (8, 15), (8, 5), (15, 5)]
    assert clip_line(line, BOX) == [[(0, 5), (5, 5), (5, 10)], [(8, 10), (8, 5), (10, 5)]]
    assert clip_line([(20, 0), (20, 10)], BOX) == []


def test_details_below_a_pixel_are_simplified_away() -> None:
    wobbly = [(x, 0.3 * (x % 2)) for x in range(11)]
    assert simplify(wobbly, 0.5) == [(0, 0), (10, 0)]
    corner = [(0, 0), (5, 0.2), (10, 0), (10, 10)]
    assert simplify(corner, 0.5) == [(0, 0), (10, 0), (10, 10)]


def test_a_shape_across_the_antimeridian_stays_in_one_piece() -> None:
    island = [(179.0, -17.0), (-179.0, -17.0), (-179.0, -16.0), (179.0, -16.0), (179.0, -17.0)]
    for centre in (180.0, 150.0, -150.0):
        longitudes = [longitude for longitude, _ in continuous(island, centre)]
        assert max(longitudes) - min(longitudes) == 2, centre
    assert central_longitude([141.35, -122.68, 149.13]) == pytest.approx(-170.67, abs=0.01)
    assert central_longitude([7.47, -78.88, -97.52]) == pytest.approx(-45.03, abs=0.01)


def test_a_ring_around_a_pole_is_closed_along_the_edge_of_the_map() -> None:
    antarctic = [(-180.0, -80.0), (-90.0, -70.0), (0.0, -70.0), (90.0, -70.0), (180.0, -80.0), (-180.0, -80.0)]
    ring = continuous(antarctic, 0.0)
    assert ring[0] == ring[-1]
    assert max(longitude for longitude, _ in ring) - min(longitude for longitude, _ in ring) == 360
    assert min(latitude for _, latitude in ring) < -80


# Labels: each with a name (bold) and a relation, as a partner's.
def label(name: str, at: tuple[float, float], radius: float = 5) -> Label:
    return Label((TextLine(name, 17, True), TextLine("Städtepartnerschaft seit 1978", 14, False)), at, radius)


def test_labels_cover_no_other_label_and_no_dot() -> None:
    rng = random.Random(14)
    labels = [label(f"City {number}", (400 + rng.uniform(-8, 8), 200 + rng.uniform(-8, 8))) for number in range(8)]
    bounds = Box(0, 0, 800, 400)
    placements = place_labels(labels, bounds)
    for first, second in itertools.combinations(placements, 2):
        assert not first.box.overlap(second.box)
    for placement in placements:
        assert not placement.box.outside(bounds)
        assert not any(placement.box.overlap(other.dot) for other in labels)
    # Far from a crowd of dots, a label is set off and joined to its dot by a line.
    leaders = [(placement.leader, each) for placement, each in zip(placements, labels) if placement.leader]
    assert leaders
    for (start, end), each in leaders:
        assert math.dist(start, each.at) == pytest.approx(each.radius)
        assert math.dist(end, each.at) > 3 * each.radius


def test_the_first_label_gets_the_preferred_place_right_of_its_dot() -> None:
    home, neighbour = label("Home", (400, 200), 7), label("Neighbour", (400, 240))
    for first, second in ((home, neighbour), (neighbour, home)):
        preferred, other = place_labels([first, second], Box(0, 0, 800, 400))
        assert preferred.leader is None and preferred.anchor == "start" and preferred.x < first.at[0] + 15
        assert (preferred.box.top + preferred.box.bottom) / 2 == pytest.approx(first.at[1])
        assert other.anchor != "start"


def test_where_labels_cannot_all_be_free_each_is_still_drawn_inside_the_map() -> None:
    # At the right edge of the map, where a place beyond the edge would cover nothing.
    crowd = [label(f"City {number}", (720 + 5 * number, 60)) for number in range(12)]
    bounds = Box(0, 0, 800, 120)
    placements = place_labels(crowd, bounds)
    assert len(placements) == len(crowd) and not all(placement.free for placement in placements)
    assert all(placement.box.within(bounds) for placement in placements)
    # A caller that would rather try a larger map is told that this one is too small.
    assert place_labels(crowd, bounds, only_if_free=True) is None
    roomy = Box(0, 0, 800, 560)
    assert place_labels(crowd[:3], roomy, only_if_free=True) == place_labels(crowd[:3], roomy)


def test_no_label_is_placed_over_a_leader_line() -> None:
    city = label("City", (400, 200))
    # A leader line of another label runs where this one would go first: right of its dot.
    leader = ((380.0, 150.0), (520.0, 260.0))
    placement = Layout(Box(0, 0, 800, 400), [city.dot], [], [leader]).free_place(city, [])
    assert placement is not None and not placement.box.crossed_by(*leader)


def test_places_kept_for_the_preview_follow_every_edit_of_the_map() -> None:
    # The process keeps places from one build to the next: an edit of a name, a city's place or the
    # map's size gives the places a new process would give, not the kept ones.
    bounds = Box(0, 0, 800, 400)
    home, neighbour = label("Home", (400, 200), 7), label("Neighbour", (400, 240))
    kept = place_labels([home, neighbour], bounds)
    edits = [
        ([home, label("Nachbarstadt an der Grenze", (400, 240))], bounds),
        ([home, label("Neighbour", (400, 215))], bounds),
        ([home, neighbour], Box(0, 0, 440, 400)),
    ]
    for labels, edited_bounds in edits:
        placements = place_labels(labels, edited_bounds)
        assert placements != kept
        assert placements == _placed.__wrapped__(tuple(labels), edited_bounds, False)


def test_a_label_too_wide_for_the_right_goes_left() -> None:
    (placement,) = place_labels([label("Far east", (780, 200))], Box(0, 0, 800, 400))
    assert placement.anchor == "end" and placement.leader is None


# Publications unlike this one. Coordinates well inside land, so that the 1:110m coasts hold them.
HOME = ("Heimstadt", 48.14, 11.58)
THREE_CONTINENTS = [("Punesar", 18.52, 73.86), ("Belo Horizão", -19.92, -43.94), ("Nairobia", -1.29, 36.82)]
# Each: the home city, its partners, and the cities from west to east as the map should show them.
FAR_APART = {
    "three-continents": (HOME, THREE_CONTINENTS, ["Belo Horizão", "Heimstadt", "Nairobia", "Punesar"]),
    # Japan, America and Australia: across the Pacific, not the Atlantic.
    "across-the-pacific": (
        ("Sapporo-Ost", 43.06, 141.35),
        [("Portlandia", 45.52, -122.68), ("Canberrina", -35.28, 149.13)],
        ["Sapporo-Ost", "Canberrina", "Portlandia"],
    ),
    # Seen from America, Asia's east end lies west of the antimeridian: it must be drawn there.
    "land-beyond-the-antimeridian": (
        ("Denveria", 39.74, -104.99),
        [("Tschukotka", 66.5, 172.0), ("Island-Mitte", 64.8, -18.5)],
        ["Tschukotka", "Denveria", "Island-Mitte"],
    ),
}


def publication(home: tuple, partners: list[tuple]) -> PublicationData:
    def city(name: str, lat: float, lon: float) -> dict:
        return {
            "name": {language: name for language in LANGUAGES.codes},
            "country": {language: "Land" for language in LANGUAGES.codes},
            "coordinates": {"lat": lat, "lon": lon},
        }

    records = [
        {"id": f"p{number}", "city": city(*partner), "relation": {code: "Partnerschaft" for code in LANGUAGES.codes}}
        | ({"since": 1950 + number} if number % 2 else {})
        for number, partner in enumerate(partners)
    ]
    return PublicationData(
        files={"partnerships": {"page_folder": FOLDER, "home_city": city(*home), "partnerships": records}}
    )


def cluster(centre: tuple[float, float], count: int, seed: int) -> list[tuple]:
    """`count` cities within a degree of `centre`, with names of different lengths."""
    rng = random.Random(seed)
    names = ["Au", "Berg", "Kirchdorf", "Neustadt am Rübenberge", "Ried", "Oberwil", "Grünwald", "Zell", "Altenau"]
    return [
        (
            names[number % len(names)] + f" {number}",
            centre[0] + rng.uniform(-0.5, 0.5),
            centre[1] + rng.uniform(-0.5, 0.5),
        )
        for number in range(count)
    ]


class Drawn:
    """A rendered map as a reader sees it: the view, the dots, the label lines' boxes, the land."""

    def __init__(self, output: str) -> None:
        self.output = output
        self.svg = ElementTree.fromstring(output).find(f"{SVG}svg")
        _, _, width, height = map(float, self.svg.get("viewBox").split())
        self.view = Box(0, 0, width, height)
        self.dots = [
            (float(circle.get("cx")), float(circle.get("cy")), float(circle.get("r")))
            for circle in self.svg.iter(f"{SVG}circle")
        ]
        texts = list(self.svg.iter(f"{SVG}text"))
        self.lines = [self.text_box(text) for text in texts]
        # Each label begins with the city's name; they come in the order of the dots.
        self.labels: list[Box] = []
        for text, line in zip(texts, self.lines):
            if text.get("class") == "partnership-map__name":
                self.labels.append(line)
            else:
                last = self.labels[-1]
                self.labels[-1] = Box(
                    min(last.left, line.left), last.top, max(last.right, line.right), max(last.bottom, line.bottom)
                )
        self.leaders = [
            tuple((float(line.get(f"x{end}")), float(line.get(f"y{end}"))) for end in "12")
            for line in self.svg.iter(f"{SVG}line")
        ]
        land = self.svg.find(f"{SVG}path[@class='partnership-map__land']")
        self.land = rings(land.get("d")) if land is not None else []

    @staticmethod
    def text_box(text: ElementTree.Element) -> Box:
        size = float(text.get("font-size"))
        width = text_width(TextLine(text.text, size, text.get("font-weight") == "700"))
        x, y = float(text.get("x")), float(text.get("y"))
        left = {"start": x, "middle": x - width / 2, "end": x - width}[text.get("text-anchor")]
        return Box(left, y - ASCENT * size, left + width, y + DESCENT * size)

    def on_land(self, x: float, y: float) -> bool:
        """Whether the point is inside the land's outlines (even-odd, as lakes would be)."""
        crossings = 0
        for ring in self.land:
            for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
                if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                    crossings += 1
        return crossings % 2 == 1


def rings(data: str) -> list[list[tuple[float, float]]]:
    """The rings of SVG path data written as the map writes it: M x y, then relative steps, then z."""
    result = []
    for command, numbers in re.findall(r"([Ml])([^Mlz]*)", data):
        values = [float(value) for value in re.findall(r"-?\d+(?:\.\d+)?", numbers)]
        pairs = list(zip(values[::2], values[1::2]))
        if command == "M":
            result.append([pairs[0]])
        else:
            for dx, dy in pairs:
                x, y = result[-1][-1]
                result[-1].append((x + dx, y + dy))
    return result


def drawn(data: PublicationData, language: str = "de") -> Drawn:
    return Drawn(render_partnership_map(context(language, data), None))


def assert_readable(map_: Drawn) -> None:
    """Every dot and every line of text inside the map; no line of text over another or over a dot."""
    for x, y, radius in map_.dots:
        assert not Box(x - radius, y - radius, x + radius, y + radius).outside(map_.view), (x, y)
    for line in map_.lines:
        assert not line.outside(map_.view), line
        assert not any(line.overlap(Box(x - r, y - r, x + r, y + r)) for x, y, r in map_.dots), line
    for first, second in itertools.combinations(map_.lines, 2):
        assert not first.overlap(second), (first, second)
    # A leader line runs through no text, not even its own label's.
    for start, end in map_.leaders:
        assert not any(line.crossed_by(start, end) for line in map_.lines), (start, end)
    # Each label belongs to one dot: a leader line joins them, or no other dot is as near to it.
    assert len(map_.labels) == len(map_.dots)
    for label, (x, y, radius) in zip(map_.labels, map_.dots):
        joined = [
            end
            for start, end in map_.leaders
            if math.dist(start, (x, y)) == pytest.approx(radius, abs=0.2) and distance(label, end) < 4
        ]
        if not joined:
            own = distance(label, (x, y)) - radius
            assert all(distance(label, (ox, oy)) - other > own for ox, oy, other in map_.dots if (ox, oy) != (x, y)), (
                label
            )


def distance(box: Box, point: tuple[float, float]) -> float:
    """From a point to the nearest point of a box (0 inside it)."""
    dx = max(box.left - point[0], 0, point[0] - box.right)
    dy = max(box.top - point[1], 0, point[1] - box.bottom)
    return math.hypot(dx, dy)


@pytest.mark.parametrize("language", LANGUAGES.codes)
def test_the_publications_map_has_land_and_borders_under_readable_labels(
    publication_project: Path, language: str
) -> None:
    map_ = drawn(load(publication_project / "data", publication_project / "docs", LANGUAGES), language)
    assert_readable(map_)
    assert map_.land and map_.svg.find(f"{SVG}path[@class='partnership-map__borders']").get("d")
    assert all(map_.on_land(x, y) for x, y, _ in map_.dots)


@pytest.mark.parametrize(
    "cities",
    [
        pytest.param(cluster((47.0, 8.3), 8, seed=1), id="home-and-seven-partners-within-a-degree"),
        pytest.param([HOME, *cluster((39.1, -94.6), 8, seed=2)], id="eight-partners-within-a-degree-far-away"),
    ],
)
def test_cities_close_together_keep_their_labels_apart(cities: list[tuple]) -> None:
    map_ = drawn(publication(cities[0], cities[1:]))
    assert len(map_.dots) == len(cities)
    assert_readable(map_)


@pytest.mark.parametrize("case", FAR_APART)
def test_partners_far_apart_are_all_drawn_on_their_land_north_up(case: str) -> None:
    home, partners, west_to_east = FAR_APART[case]
    map_ = drawn(publication(home, partners))
    cities = [home, *partners]
    assert len(map_.dots) == len(cities)
    assert_readable(map_)
    assert all(map_.on_land(x, y) for x, y, _ in map_.dots)
    by_x = sorted(zip(map_.dots, cities), key=lambda pair: pair[0][0])
    assert [city[0] for _, city in by_x] == west_to_east
    by_y = sorted(zip(map_.dots, cities), key=lambda pair: pair[0][1])
    assert [city[0] for _, city in by_y] == [city[0] for city in sorted(cities, key=lambda city: -city[1])]
    # No shape torn at the antimeridian: a step longer than a third of the map is only where land is
    # cut along the map's edge.
    for ring in map_.land:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
            along_an_edge = (x0 == x1 and x0 in (-3, map_.view.right + 3)) or (
                y0 == y1 and y0 in (-3, map_.view.bottom + 3)
            )
            assert along_an_edge or math.dist((x0, y0), (x1, y1)) < map_.view.right / 3


def test_the_map_stays_small() -> None:
    """The widest map, three continents: its SVG is a small part of what a page loads."""
    output = render_partnership_map(context("de", publication(HOME, THREE_CONTINENTS)), None)
    svg = re.search(r"<svg .*</svg>", output).group(0)
    assert len(gzip.compress(svg.encode("utf-8"))) < 30_000


def test_the_land_is_world_atlas_file_as_its_readme_says() -> None:
    readme = (GEODATA.parent / "README.md").read_text(encoding="utf-8")
    assert hashlib.sha256(GEODATA.read_bytes()).hexdigest() in readme
