"""The article collection: articles in one folder per language, their index, topic and author pages,
their pictures' sizes, and what a citation of each cites and in which formats (the feeds and the
citation files are written by site_output/)."""

from .collection import Collection, read_collection
from .model import Article, FirstPublication, Settings

__all__ = ["Article", "Collection", "FirstPublication", "Settings", "read_collection"]
