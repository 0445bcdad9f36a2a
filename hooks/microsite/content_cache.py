"""What a build makes slowly (resized pictures, drawn link previews) kept below the project's `.cache/` for the
next build, and what the assembly reads and checks kept by the process for the preview's next rebuild (`KeptResults`),
content-addressed: each entry is a folder named by a hash of everything that makes it, so an entry
is either exactly what a cold build would make or not used at all, and the cache never shows in the site.

An entry is made in a folder of its own next to where it belongs and renamed into place when it is complete:
a build never sees a half-made entry, and two builds making the same one at once leave one of them. The
project's `.cache/` is git-ignored; deleting it only makes the next build slower.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

CACHE_ROOT = Path(".cache")
Result = TypeVar("Result")


def content_key(*parts: bytes | str) -> str:
    """A hash of every part, each with its length, so that no two lists of parts give the same text to hash."""
    return key_start(*parts).hexdigest()


def key_start(*parts: bytes | str) -> hashlib._Hash:
    """The hash of `content_key`'s first parts, for `continued_key` to go on from."""
    return _hashed(hashlib.sha256(), parts)


def continued_key(start: hashlib._Hash, *parts: bytes | str) -> str:
    """`content_key` of the parts `start` has hashed and then `parts`, without hashing the first ones again
    (`start` unchanged): for many keys that share large first parts (a drawing's code and fonts)."""
    return _hashed(start.copy(), parts).hexdigest()


def _hashed(digest: hashlib._Hash, parts: tuple[bytes | str, ...]) -> hashlib._Hash:
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest


class ContentCache:
    """One kind of entry: the folder `.cache/<name>/` of a project."""

    def __init__(self, project: Path, name: str) -> None:
        self.folder = project / CACHE_ROOT / name

    def has(self, key: str) -> bool:
        return (self.folder / key).is_dir()

    def entry(self, key: str, make: Callable[[Path], None]) -> Path:
        """The folder of the entry `key`; where it is not there yet, `make` first writes its files into an
        empty folder. Raises OSError where the cache cannot be written."""
        entry = self.folder / key
        if entry.is_dir():
            return entry
        self.folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=self.folder, prefix=".making-"))
        try:
            make(staging)
            os.rename(staging, entry)
        except OSError:
            # Another build made the same entry meanwhile: it holds the same files.
            if not entry.is_dir():
                raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return entry


class KeptResults(Generic[Result]):
    """Results the process keeps from one build to the next, each by the `content_key` of everything that
    makes it, so that a kept result is the one a cold computation gives: at most `size` of them, the one
    used longest ago dropped first. What callers get must be theirs to change: `make` gives what is kept,
    `copy` what a caller gets of it."""

    def __init__(self, size: int, copy: Callable[[Result], Result]) -> None:
        self.size, self.copy = size, copy
        self._results: OrderedDict[str, Result] = OrderedDict()

    def get(self, key: str, make: Callable[[], Result]) -> Result:
        if key in self._results:
            self._results.move_to_end(key)
        else:
            self._results[key] = make()
            if len(self._results) > self.size:
                self._results.popitem(last=False)
        return self.copy(self._results[key])

    def clear(self) -> None:
        self._results.clear()
