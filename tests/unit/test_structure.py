"""The generator's structure keeps the rules of the contributors' guide: no import cycle, site output and
articles below rendering/, no file over 300 lines (tests/structure.py reads the imports; run it to see
the layers). A made-up package with a cycle, an upward import and a long file shows each rule can fail."""

from __future__ import annotations

from pathlib import Path

from structure import broken_rules, cycles, floors, read_package


def test_the_generator_has_no_cycle_no_import_of_rendering_from_below_and_no_long_file() -> None:
    assert broken_rules(read_package()) == []


def write(package: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


def test_a_cycle_an_import_of_rendering_from_below_and_a_long_file_are_each_named(tmp_path: Path) -> None:
    package = write(
        tmp_path / "hooks" / "microsite",
        {
            "__init__.py": "",
            "low.py": "from .high import thing\n",
            "high.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .low import other\n",
            "rendering/__init__.py": "",
            "rendering/cards.py": "def card(): ...\n",
            "site_output/__init__.py": "",
            "site_output/sitemaps.py": "def later():\n    from ..rendering.cards import card\n" + "x = 1\n" * 300,
        },
    )
    modules = read_package(package)
    assert cycles(modules) == [["high", "low"]]
    problems = broken_rules(modules, package)
    assert "import cycle: high -> low" in problems
    assert "site_output.sitemaps imports rendering.cards: site output and articles sit below rendering/" in problems
    assert "hooks/microsite/site_output/sitemaps.py: 302 lines (at most 300)" in problems


def test_a_module_stands_a_floor_above_what_it_imports(tmp_path: Path) -> None:
    package = write(
        tmp_path / "hooks" / "microsite",
        {"__init__.py": "", "a.py": "from . import b\n", "b.py": "from .c import x\n", "c.py": "x = 1\n"},
    )
    floor = floors(read_package(package))
    assert (floor["c"], floor["b"], floor["a"]) == (1, 2, 3)
