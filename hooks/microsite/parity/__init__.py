"""Translation parity: every translation in step with its source, pages and data."""

from .check import warn_in_build

__all__ = ["warn_in_build"]
