"""Map geometry, with no page or template in it: TopoJSON decoded (topojson.py), projected and cut to a
view (cartography.py), the land and borders of Natural Earth's outlines in that view (outlines.py,
the data in geodata/), and labels placed without overlap (labels.py). rendering/partnership_map.py
draws the partnership map with it."""
