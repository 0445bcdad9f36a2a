"""An image of a translation that no file serves: a file next to the source page serves every language
(page_files.py), so an image whose file is in neither language folder is named as such, at its line,
with where the file goes."""

from __future__ import annotations

from pathlib import Path

from ..findings import Finding
from ..languages import Languages
from ..page_files import local_target, serving_file
from .pages import Page
from .report import Report


def check_image_files(source: Page, translation: Page, root: Path, languages: Languages, report: Report) -> None:
    """Every image of `translation` that points next to the pages has its file (`root`: the project)."""
    for block in translation.blocks:
        for src, line in block.image_lines.items():
            target = local_target(translation.below_language, src)
            if target is None or serving_file(root / "docs", languages, translation.language, target, root):
                continue
            there = f"docs/{languages.source}/{target}"
            message = (
                f"there is no file for image '{src}': neither docs/{translation.language}/{target} nor {there} – "
                f"put the file next to the source page, at {there} (it then serves every language), "
                "or correct the path"
            )
            finding = Finding(translation.shown, line, message, "image-file", counterpart=source.shown)
            report.add(finding, translation.exemptions_for(block))
