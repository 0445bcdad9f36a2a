"""The article collection: articles in one folder per language, their index, topic and author pages,
and their feeds."""

from .collection import Collection, read_collection
from .model import Article, FirstPublication, Settings

__all__ = ["Article", "Collection", "FirstPublication", "Settings", "read_collection"]
