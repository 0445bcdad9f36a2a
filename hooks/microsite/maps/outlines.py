"""The land and the borders between countries in a map's view, as SVG path data: Natural Earth's
outlines, kept in `geodata/` (its README says where from and how to renew it), decoded from TopoJSON
and cut to the view (cartography.py)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from .cartography import View, in_view, path_data
from .topojson import decode_arcs, polygons, shared_arcs

# world-atlas's countries-110m.json: the objects `land` and `countries`.
GEODATA = Path(__file__).parent / "geodata" / "countries-110m.json"


def land_and_borders(view: View, centre: float) -> dict[str, str]:
    """The land and the borders between countries in view, as SVG path data."""
    return dict(_outlines_in_view(GEODATA.read_text(encoding="utf-8"), view, centre))


# Cutting the world's outlines to the view is the map's largest cost, and each language build (and every
# rebuild of `mkdocs serve`) draws the same view: the result is kept by its whole input, the geodata's
# text included, so that it is what drawing it again would give.
@functools.lru_cache(maxsize=4)
def _outlines_in_view(geodata: str, view: View, centre: float) -> dict[str, str]:
    topology = json.loads(geodata)
    arcs = decode_arcs(topology)
    rings = [ring for polygon in polygons(topology, arcs, "land") for ring in polygon]
    land = in_view(view, rings, centre, closed=True)
    borders = in_view(view, shared_arcs(topology, arcs, "countries"), centre, closed=False)
    return {"land": path_data(land, closed=True), "borders": path_data(borders, closed=False)}
