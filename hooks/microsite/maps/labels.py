"""Where each city's label goes on the map: next to its dot, over no other label and no dot.

Labels are placed one after another, the first given first (the home city): each at the first of
eight places around its dot that is free and inside the map; where none is, set off to the right or
the left (the nearest free place first), joined to its dot by a leader line that crosses no label
and no other dot. Labels set off from a crowd of dots so line up beside it, their leaders fanning
out from it. A label that finds no free place at all (more labels than the map has room for) goes
where it covers least, and says so (`Placement.free`), so that the map can grow taller for it.

Text is measured without a browser: characters times a glyph width that is, on purpose, wider than
the average glyph of the usual sans-serif fonts, so that a label takes no less room than the
reader's font gives it.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .cartography import Point, clip_segment

# Average glyph width in ems, regular and bold: the widest of the usual sans-serif fonts, DejaVu Sans
# (Linux's fallback), averages up to 0.67 and 0.75 on short names with a wide capital ("Mumbai");
# Arial and Liberation Sans about 0.55 and 0.6. The text is anchored on the side facing its dot, so a
# label narrower than measured only leaves room unused.
GLYPH_WIDTH = {False: 0.68, True: 0.76}
# Above and below the baseline, in ems: room for accents on capitals and for descenders.
ASCENT = 0.95
DESCENT = 0.25
LINE_GAP = 1.0
# The halo around each letter (CSS `stroke-width`, half of it outside the glyph), and a little air.
HALO = 3.0
# From the edge of the dot to the label's nearest corner or side; from the end of a leader line to
# its label's text, so that a steep leader does not touch its first letter.
GAP = 4.0
LEADER_GAP = 3.0
# How far a label keeps from other cities' dots. A label right next to a crowd of dots would wall in
# the rest of the crowd: their leader lines could not get past it.
CLEARANCE = 6.0
# The eight places around a dot, the preferred first (y points down): east, west, then the diagonals,
# then above and below.
AROUND = (0, 180, -45, 45, -135, 135, -90, 90)
# Where none of those is free: set off to the right or the left by one of these distances (in
# pixels), and up or down in steps of STEP.
ASIDE = (20, 40, 70, 110, 160, 220)
STEP = 6
# Where no place is free, this many of those that cover least are compared by the lines they cross.
FEW = 40


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlap(self, other: Box) -> float:
        """The area the two boxes share."""
        width = min(self.right, other.right) - max(self.left, other.left)
        height = min(self.bottom, other.bottom) - max(self.top, other.top)
        return width * height if width > 0 and height > 0 else 0.0

    def outside(self, bounds: Box) -> float:
        """The area of this box outside the bounds."""
        return (self.right - self.left) * (self.bottom - self.top) - self.overlap(bounds)

    def within(self, bounds: Box) -> bool:
        """Whether the box lies inside the bounds (touching their edges)."""
        return (
            self.left >= bounds.left
            and self.top >= bounds.top
            and self.right <= bounds.right
            and self.bottom <= bounds.bottom
        )

    def crossed_by(self, a: Point, b: Point) -> bool:
        """Whether the segment from a to b passes through the box (most are far away: that is quick)."""
        if max(a[0], b[0]) < self.left or min(a[0], b[0]) > self.right:
            return False
        if max(a[1], b[1]) < self.top or min(a[1], b[1]) > self.bottom:
            return False
        return clip_segment(a, b, (self.left, self.top, self.right, self.bottom)) is not None

    def grown(self, by: float) -> Box:
        return Box(self.left - by, self.top - by, self.right + by, self.bottom + by)


@dataclass(frozen=True)
class TextLine:
    text: str
    size: float
    bold: bool


@dataclass(frozen=True)
class Label:
    """A city's lines of text, and its dot: the centre and radius."""

    lines: tuple[TextLine, ...]
    at: Point
    radius: float

    @functools.cached_property
    def size(self) -> Point:
        """Width and height of the text, without its halo."""
        return label_size(self.lines)

    @property
    def dot(self) -> Box:
        x, y = self.at
        return Box(x - self.radius, y - self.radius, x + self.radius, y + self.radius)


@dataclass(frozen=True)
class Placement:
    """Where a label's text goes: its `anchor` (SVG `text-anchor`) at x, a baseline per line, the box
    it takes, and the leader line from its dot where it is away from it; `free` unless it covers
    something, there being no free place left."""

    anchor: str
    x: float
    baselines: tuple[float, ...]
    box: Box
    leader: tuple[Point, Point] | None
    free: bool = True


def text_width(line: TextLine) -> float:
    return len(line.text) * line.size * GLYPH_WIDTH[line.bold]


def label_size(lines: Sequence[TextLine]) -> Point:
    """Width and height of a label's text, without its halo."""
    width = max(text_width(line) for line in lines)
    height = sum((ASCENT + DESCENT) * line.size for line in lines) + LINE_GAP * (len(lines) - 1)
    return width, height


def placed(label: Label, angle: float, distance: float) -> Placement:
    """The label on the side of its dot that `angle` points to (degrees, clockwise from east), its
    nearest side or corner `distance` pixels from the dot's centre."""
    dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    # The box hangs from the point on its side that faces the dot: a side, a corner, or a middle.
    anchor = "start" if dx > 0.38 else "end" if dx < -0.38 else "middle"
    vertical = "top" if dy > 0.38 else "bottom" if dy < -0.38 else "middle"
    return hung(label, (label.at[0] + distance * dx, label.at[1] + distance * dy), anchor, vertical)


def set_off(label: Label, end: Point) -> Placement:
    """The label beside the point `end`, right or left of it, and a leader line to it from the edge of
    the dot."""
    right = end[0] > label.at[0]
    text = (end[0] + (LEADER_GAP if right else -LEADER_GAP), end[1])
    along = label.radius / math.dist(label.at, end)
    start = (label.at[0] + (end[0] - label.at[0]) * along, label.at[1] + (end[1] - label.at[1]) * along)
    return hung(label, text, "start" if right else "end", "middle", leader=(start, end))


def hung(
    label: Label, point: Point, anchor: str, vertical: str, leader: tuple[Point, Point] | None = None
) -> Placement:
    """The label with the point on its box where `anchor` (SVG's start, middle, end: left, centre, right)
    and `vertical` (top, middle, bottom) meet at `point`."""
    width, height = label.size
    x, y = point
    left = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
    top = y if vertical == "top" else y - height if vertical == "bottom" else y - height / 2
    baselines = []
    line_top = top
    for line in label.lines:
        baselines.append(line_top + ASCENT * line.size)
        line_top += (ASCENT + DESCENT) * line.size + LINE_GAP
    box = Box(left - HALO, top - HALO, left + width + HALO, top + height + HALO)
    return Placement(anchor, x, tuple(baselines), box, leader)


def candidates(label: Label, bounds: Box) -> Iterator[Placement]:
    """The places for a label, the preferred first: around its dot, then set off beside it with a
    leader line, the shortest first."""
    for angle in AROUND:
        # On a diagonal, the corner nearest the dot is as far from the square around it as a side is.
        yield placed(label, angle, (label.radius + GAP) * (math.sqrt(2) if angle % 90 else 1))
    x, y = label.at
    rises = range(math.floor(bounds.top - y), math.ceil(bounds.bottom - y) + 1, STEP)
    offsets = sorted(
        ((side * (label.radius + aside), rise) for side in (1, -1) for aside in ASIDE for rise in rises),
        key=lambda offset: math.hypot(*offset),
    )
    for dx, dy in offsets:
        yield set_off(label, (x + dx, y + dy))


class Obstacles:
    """Boxes a place is tested against, in their order, found by the columns they stand in: a label's
    places mostly share a few columns (its eight places around its dot, and each distance set off to
    either side), and only the boxes in a place's column can meet it."""

    def __init__(self, boxes: Sequence[Box]) -> None:
        self.boxes = boxes
        self.columns: dict[tuple[float, float], list[Box]] = {}

    def meeting(self, box: Box) -> list[Box]:
        """The boxes that `box` overlaps (touching is not overlapping), in their order: of its column's."""
        column = self.columns.get((box.left, box.right))
        if column is None:
            column = [other for other in self.boxes if box.left < other.right and other.left < box.right]
            self.columns[box.left, box.right] = column
        return [other for other in column if box.top < other.bottom and other.top < box.bottom]


@dataclass
class Layout:
    """The labels placed so far, and what every label must keep clear of."""

    bounds: Box
    dots: list[Box]
    boxes: list[Box]
    leaders: list[tuple[Point, Point]]

    def free_place(self, label: Label, options: list[Placement]) -> Placement | None:
        """The first free place for the label, or None; every place tried is added to `options`. A leader
        that passes over another city's dot would seem to belong to it: such a place is taken only where
        no other is free."""
        others = [dot for dot in self.dots if dot != label.dot]
        keep_off = Obstacles([label.dot, *self.boxes, *(dot.grown(CLEARANCE) for dot in others)])
        over_a_dot = None
        for option in candidates(label, self.bounds):
            options.append(option)
            box = option.box
            if not box.within(self.bounds) or keep_off.meeting(box):
                continue
            if any(box.crossed_by(*leader) for leader in self.leaders):
                continue
            if option.leader is None:
                return option
            if any(other.crossed_by(*option.leader) for other in self.boxes):
                continue
            if not any(dot.crossed_by(*option.leader) for dot in others):
                return option
            over_a_dot = over_a_dot or option
        return over_a_dot

    def least_covering(self, options: list[Placement]) -> Placement:
        """Where no place is free: inside the map where it can be; of the places that cover least, the one
        whose lines cross least."""
        inside = [option for option in options if option.box.within(self.bounds)] or options
        covering = Obstacles(self.boxes + self.dots)
        least_covered = sorted(inside, key=lambda option: self.covered(option, covering))[:FEW]
        return dataclasses.replace(min(least_covered, key=lambda option: self.crowding(option, covering)), free=False)

    def covered(self, candidate: Placement, covering: Obstacles) -> float:
        """The area of labels and dots a place covers."""
        box = candidate.box
        return sum(box.overlap(other) for other in covering.meeting(box))

    def crowding(self, candidate: Placement, covering: Obstacles) -> float:
        """What a place covers, each leader line through it, and each label its own leader runs
        through counting as much as a small label covered."""
        crossings = sum(candidate.box.crossed_by(*leader) for leader in self.leaders)
        if candidate.leader:
            crossings += sum(other.crossed_by(*candidate.leader) for other in self.boxes)
        return self.covered(candidate, covering) + 1000 * crossings

    def taken(self, placement: Placement) -> Placement:
        self.boxes.append(placement.box)
        if placement.leader:
            self.leaders.append(placement.leader)
        return placement


def place_labels(labels: Sequence[Label], bounds: Box, *, only_if_free: bool = False) -> tuple[Placement, ...] | None:
    """A place for every label, in their order: the first ones get the places nearest their dots. With
    `only_if_free`, None as soon as a label finds no free place (the caller tries a larger map). Kept for
    the process by the labels (texts, sizes, dots) and the bounds, all that places them: a rebuild of the
    preview that leaves the map's cities and words as they were does not place them again."""
    return _placed(tuple(labels), bounds, only_if_free)


@functools.lru_cache(maxsize=16)
def _placed(labels: tuple[Label, ...], bounds: Box, only_if_free: bool) -> tuple[Placement, ...] | None:
    layout = Layout(bounds, [label.dot for label in labels], [], [])
    placements = []
    for label in labels:
        options: list[Placement] = []
        placement = layout.free_place(label, options)
        if placement is None:
            if only_if_free:
                return None
            placement = layout.least_covering(options)
        placements.append(layout.taken(placement))
    return tuple(placements)
