"""Where things go on the partnership map: the projection, the view around the cities, and the land's
outlines and the borders cut to that view, as SVG path data in whole pixels.

The projection is Mercator, the one readers know from every web map: shapes look as they do there,
for a map of one country as for one of three continents. Longitudes are taken around the middle of
the shortest stretch that holds every city, so that a map of a city in Japan and its partners in
America is drawn across the Pacific, with both in one piece, and no shape is torn at the
antimeridian (the edge of the data, 180°): each ring is followed without jumps of a whole turn.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

Point = tuple[float, float]
Line = list[Point]
# left, top, right, bottom
Rectangle = tuple[float, float, float, float]

# Mercator stretches without end toward the poles; no city is that far north or south.
MAX_LATITUDE = 85.0
TURN = 360.0
# Below this, in pixels, a detail of an outline is not seen: simplified away. Rounded to whole
# pixels, a ring that is left with fewer than three points is left out.
PIXEL = 0.5
# The view is cut a little outside its edges, so that the lines along the cut are never seen.
BLEED = 3.0


def mercator(longitude: float, latitude: float) -> Point:
    """A position in Mercator's plane, in degrees of longitude (so x is the longitude), north up."""
    latitude = max(-MAX_LATITUDE, min(MAX_LATITUDE, latitude))
    return longitude, math.degrees(math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2)))


def wrap(longitude: float) -> float:
    """A longitude as a number from −180 to 180 (180 itself is −180)."""
    return (longitude + TURN / 2) % TURN - TURN / 2


def central_longitude(longitudes: Sequence[float]) -> float:
    """The middle of the shortest stretch of longitude that holds all these: the widest gap between two
    neighbours (going east) is the one the map leaves out."""
    ordered = sorted(longitude % TURN for longitude in longitudes)
    if len(ordered) == 1:
        return wrap(ordered[0])
    gaps = [((ordered[(index + 1) % len(ordered)] - ordered[index]) % TURN, index) for index in range(len(ordered))]
    _, before_gap = max(gaps)
    west, east = ordered[(before_gap + 1) % len(ordered)], ordered[before_gap]
    return wrap(west + ((east - west) % TURN) / 2)


def near(longitude: float, centre: float) -> float:
    """The longitude moved by whole turns to within half a turn of the centre."""
    return centre + wrap(longitude - centre)


def continuous(ring: Line, centre: float) -> Line:
    """A ring (longitude, latitude) without jumps of a whole turn, beginning as near the centre as it can.

    A shape that crosses the antimeridian is one piece then. A ring that goes once around a pole
    (Antarctica's) ends a turn east or west of its start: it is closed along the map's edge at that pole.
    """
    points = [(near(ring[0][0], centre), ring[0][1])]
    for (previous, _), (longitude, latitude) in pairwise(ring):
        points.append((points[-1][0] + wrap(longitude - previous), latitude))
    if abs(points[-1][0] - points[0][0]) > TURN / 2:
        pole = math.copysign(MAX_LATITUDE, sum(latitude for _, latitude in ring))
        points += [(points[-1][0], pole), (points[0][0], pole), points[0]]
    return points


@dataclass(frozen=True)
class View:
    """The map's pixels: `scale` pixels per degree of longitude, the point `centre` (Mercator) in the middle."""

    width: float
    height: float
    scale: float
    centre: Point

    def pixel(self, point: Point) -> Point:
        """A point of Mercator's plane in the view's pixels, y downward."""
        x, y = point
        return (
            self.width / 2 + (x - self.centre[0]) * self.scale,
            self.height / 2 - (y - self.centre[1]) * self.scale,
        )

    def bounds(self, margin: float = 0.0) -> Rectangle:
        return (-margin, -margin, self.width + margin, self.height + margin)


def view_around(
    points: Sequence[Point],
    width: float,
    heights: tuple[float, float],
    padding: Point,
    min_span: float,
) -> View:
    """The view that holds these points (Mercator) with `padding` pixels around them, `width` wide
    and as high as they need within `heights`: at least `min_span` degrees wide and high, so that
    cities close to each other are shown with the land around them."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    span_x, span_y = max(max(xs) - min(xs), min_span), max(max(ys) - min(ys), min_span)
    low, high = heights
    scale = min((width - 2 * padding[0]) / span_x, (high - 2 * padding[1]) / span_y)
    # Whole pixels: the SVG's viewBox is written so, and labels are kept inside it.
    height = round(max(low, min(high, span_y * scale + 2 * padding[1])))
    return View(width, height, scale, ((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2))


def clip_ring(ring: Line, box: Rectangle) -> Line:
    """The part of a polygon's ring inside the rectangle (Sutherland–Hodgman: cut by each edge in turn).
    A concave ring cut in two keeps both parts joined along the edge, which a filled shape does not show."""
    left, top, right, bottom = box
    edges = (
        (lambda point: point[0] >= left, lambda a, b: at_x(a, b, left)),
        (lambda point: point[0] <= right, lambda a, b: at_x(a, b, right)),
        (lambda point: point[1] >= top, lambda a, b: at_y(a, b, top)),
        (lambda point: point[1] <= bottom, lambda a, b: at_y(a, b, bottom)),
    )
    output = ring
    for inside, crossing in edges:
        points, output = output, []
        for previous, current in zip(points[-1:] + points[:-1], points):
            if inside(current):
                if not inside(previous):
                    output.append(crossing(previous, current))
                output.append(current)
            elif inside(previous):
                output.append(crossing(previous, current))
    return output


def at_x(a: Point, b: Point, x: float) -> Point:
    """Where the segment from a to b crosses the vertical line at x."""
    return x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])


def at_y(a: Point, b: Point, y: float) -> Point:
    """Where the segment from a to b crosses the horizontal line at y."""
    return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y


def clip_segment(a: Point, b: Point, box: Rectangle) -> tuple[Point, Point] | None:
    """The part of a segment inside the rectangle, or None (Liang–Barsky)."""
    left, top, right, bottom = box
    dx, dy = b[0] - a[0], b[1] - a[1]
    enter, leave = 0.0, 1.0
    for p, q in ((-dx, a[0] - left), (dx, right - a[0]), (-dy, a[1] - top), (dy, bottom - a[1])):
        if p == 0:
            if q < 0:
                return None
        elif p < 0:
            enter = max(enter, q / p)
        else:
            leave = min(leave, q / p)
    if enter > leave:
        return None
    # The ends inside are kept exactly, so that consecutive segments still meet.
    start = a if enter == 0 else (a[0] + enter * dx, a[1] + enter * dy)
    end = b if leave == 1 else (a[0] + leave * dx, a[1] + leave * dy)
    return start, end


def clip_line(line: Line, box: Rectangle) -> list[Line]:
    """The parts of a line inside the rectangle: one line for each time it passes through."""
    parts: list[Line] = []
    current: Line = []
    for a, b in pairwise(line):
        segment = clip_segment(a, b, box)
        if segment is None:
            continue
        start, end = segment
        if not current or current[-1] != start:
            current = [start]
            parts.append(current)
        current.append(end)
    return parts


def simplify(line: Line, tolerance: float) -> Line:
    """The line with every point left out that lies within `tolerance` of the line through those kept
    (Douglas–Peucker, without recursion: a coast has thousands of points)."""
    if len(line) < 3:
        return line
    keep = [False] * len(line)
    keep[0] = keep[-1] = True
    pending = [(0, len(line) - 1)]
    while pending:
        first, last = pending.pop()
        farthest, distance = first, 0.0
        for index in range(first + 1, last):
            deviation = distance_to_segment(line[index], line[first], line[last])
            if deviation > distance:
                farthest, distance = index, deviation
        if distance > tolerance:
            keep[farthest] = True
            pending += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(line, keep) if kept]


def distance_to_segment(point: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    along = 0.0 if length == 0 else max(0.0, min(1.0, ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / length))
    return math.hypot(point[0] - a[0] - along * dx, point[1] - a[1] - along * dy)


def in_view(view: View, lines: Iterable[Line], centre: float, closed: bool) -> list[Line]:
    """Outlines (longitude, latitude) as the view shows them: projected, simplified below a pixel, cut
    to the view, in whole pixels. Each is drawn a turn to the west and to the east as well, where that
    is in view: a view wider than half the world shows land on both sides of the longitude left out."""
    box = view.bounds(BLEED)
    turn = TURN * view.scale
    shown: list[Line] = []
    for line in lines:
        pixels = [view.pixel(mercator(*point)) for point in continuous(line, centre)]
        xs = [x for x, _ in pixels]
        ys = [y for _, y in pixels]
        if max(ys) < box[1] or min(ys) > box[3]:
            continue
        simplified = simplify(pixels, PIXEL)
        for shift in (-turn, 0.0, turn):
            if max(xs) + shift < box[0] or min(xs) + shift > box[2]:
                continue
            moved = [(x + shift, y) for x, y in simplified]
            for part in [clip_ring(moved, box)] if closed else clip_line(moved, box):
                rounded = whole_pixels(part, closed)
                if len(rounded) >= (3 if closed else 2):
                    shown.append(rounded)
    return shown


def whole_pixels(line: Line, closed: bool) -> Line:
    """The line rounded to whole pixels, without the points that fall on the one before (and, for a
    ring, its last point where it repeats the first: the path closes it)."""
    rounded: Line = []
    for x, y in line:
        point = (round(x), round(y))
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if closed and len(rounded) > 1 and rounded[0] == rounded[-1]:
        rounded.pop()
    return rounded


def path_data(lines: Iterable[Line], closed: bool) -> str:
    """SVG path data: each line from its first point by relative steps ("M10 20l3-1 2 0z"), which keeps
    the numbers short."""
    commands = []
    for line in lines:
        (x, y), rest = line[0], line[1:]
        steps = [number for (x0, y0), (x1, y1) in pairwise(line) for number in (x1 - x0, y1 - y0)]
        commands.append(f"M{numbers([x, y])}" + (f"l{numbers(steps)}" if rest else "") + ("z" if closed else ""))
    return "".join(commands)


def numbers(values: Iterable[float]) -> str:
    """Numbers as SVG path data writes them: a minus sign separates them as well as a space does."""
    text = ""
    for value in values:
        number = f"{value:g}"
        text += number if not text or number.startswith("-") else f" {number}"
    return text
