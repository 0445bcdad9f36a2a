"""The cache of resized pictures and link previews (hooks/microsite/content_cache.py): an entry is made once and
then read, never half-made, and a failure leaves nothing behind. What the process keeps between builds
(`KeptResults`): made once per key, never more than its size, and each caller gets a copy of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from microsite.content_cache import ContentCache, KeptResults, content_key


def test_an_entry_is_made_once_then_read(tmp_path: Path) -> None:
    cache = ContentCache(tmp_path, "pictures")
    made = []

    def make(folder: Path) -> None:
        made.append(folder)
        (folder / "320.webp").write_bytes(b"pixels")

    key = content_key(b"picture", "recipe")
    first = cache.entry(key, make)
    second = cache.entry(key, make)
    assert first == second == tmp_path / ".cache" / "pictures" / key
    assert (first / "320.webp").read_bytes() == b"pixels"
    assert len(made) == 1 and cache.has(key)


def test_a_failed_entry_leaves_nothing(tmp_path: Path) -> None:
    cache = ContentCache(tmp_path, "link-previews")

    def fail(folder: Path) -> None:
        (folder / "picture.png").write_bytes(b"half")
        raise ValueError("no picture")

    key = content_key("card")
    with pytest.raises(ValueError, match="no picture"):
        cache.entry(key, fail)
    assert not cache.has(key)
    assert list(cache.folder.iterdir()) == []


def test_an_entry_another_build_made_meanwhile_is_kept(tmp_path: Path) -> None:
    cache = ContentCache(tmp_path, "pictures")
    key = content_key("same")

    def made_by_both(folder: Path) -> None:
        (folder / "file").write_bytes(b"mine")
        # The other build renames its entry into place first.
        (cache.folder / key).mkdir()
        (cache.folder / key / "file").write_bytes(b"theirs")

    assert (cache.entry(key, made_by_both) / "file").read_bytes() == b"theirs"
    assert [path.name for path in cache.folder.iterdir()] == [key]


def test_keys_tell_parts_apart() -> None:
    assert content_key("ab", "c") != content_key("a", "bc")
    assert content_key(b"x") == content_key("x")


def test_kept_results_are_made_once_per_key_and_bounded_the_longest_unused_going_first() -> None:
    made: list[str] = []

    def make(text: str):
        return lambda: made.append(text) or [text]

    kept = KeptResults(size=2, copy=list)
    first, second, third = (content_key(text) for text in ("a", "b", "c"))
    kept.get(first, make("a"))
    kept.get(second, make("b"))
    kept.get(first, make("a"))
    kept.get(third, make("c"))  # the third drops "b", used longest ago
    kept.get(first, make("a"))
    kept.get(second, make("b"))
    assert made == ["a", "b", "c", "b"]


def test_what_a_caller_changes_of_a_kept_result_is_its_own() -> None:
    kept = KeptResults(size=4, copy=list)
    key = content_key("findings")
    mine = kept.get(key, lambda: ["kept"])
    mine.append("a caller's")
    assert kept.get(key, lambda: ["made again"]) == ["kept"]
