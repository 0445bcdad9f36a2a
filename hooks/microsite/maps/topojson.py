"""TopoJSON, decoded: the shapes of a topology's objects as lists of (longitude, latitude) points.

Only what the map needs of the format (https://github.com/topojson/topojson-specification): arcs,
quantized and delta-encoded when the topology has a `transform`; polygons and multipolygons, alone
or in a geometry collection, whose rings are sequences of arcs (`~i`, that is `-i - 1`, is arc `i`
reversed). Other geometry types (points, lines) and null geometries are left out: a map of land
and borders has none.
"""

from __future__ import annotations

Point = tuple[float, float]
Ring = list[Point]


def decode_arcs(topology: dict) -> list[Ring]:
    """Every arc of the topology as absolute positions (without a transform, they are already)."""
    transform = topology.get("transform")
    if transform is None:
        return [[(float(x), float(y)) for x, y, *_ in arc] for arc in topology["arcs"]]
    (scale_x, scale_y), (translate_x, translate_y) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        # Each position is the difference from the one before it, in quantized units.
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def arc_points(arcs: list[Ring], index: int) -> Ring:
    """Arc `index`, or arc `~index` reversed where `index` is negative."""
    return arcs[index] if index >= 0 else arcs[~index][::-1]


def ring(arcs: list[Ring], indices: list[int]) -> Ring:
    """A ring stitched from its arcs: each arc begins where the one before it ends, so that point is kept once."""
    points: Ring = []
    for index in indices:
        following = arc_points(arcs, index)
        points.extend(following[1:] if points else following)
    return points


def geometries(topology: dict, name: str) -> list[dict]:
    """The polygons and multipolygons of an object, a geometry collection's members in order."""
    geometry = topology["objects"][name]
    members = geometry["geometries"] if geometry.get("type") == "GeometryCollection" else [geometry]
    return [member for member in members if member.get("type") in ("Polygon", "MultiPolygon")]


def polygon_arcs(geometry: dict) -> list[list[list[int]]]:
    """A geometry's polygons, each a list of rings (the outer one first, then its holes) of arc indices."""
    return [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]


def polygons(topology: dict, arcs: list[Ring], name: str) -> list[list[Ring]]:
    """The polygons of an object, each as its rings of points: the outer ring first, then its holes.
    `arcs` are the topology's, decoded."""
    return [
        [ring(arcs, indices) for indices in polygon]
        for geometry in geometries(topology, name)
        for polygon in polygon_arcs(geometry)
    ]


def shared_arcs(topology: dict, arcs: list[Ring], name: str) -> list[Ring]:
    """The arcs that two different geometries of an object have in common: between countries, their borders
    (the coast belongs to one country only)."""
    users: dict[int, set[int]] = {}
    for number, geometry in enumerate(geometries(topology, name)):
        for polygon in polygon_arcs(geometry):
            for indices in polygon:
                for index in indices:
                    users.setdefault(index if index >= 0 else ~index, set()).add(number)
    return [arcs[index] for index in sorted(users) if len(users[index]) > 1]
