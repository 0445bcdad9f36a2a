"""A translated page and its source, as every comparison of them takes them (compare.py,
block_contents.py): where their blocks line up, and the finding on the translation that names the source."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..findings import Finding
from .pages import Block, Page
from .report import Report


@dataclass
class PagePair:
    source: Page
    translation: Page
    report: Report

    @property
    def other(self) -> str:
        """The source, as messages about the translation name it."""
        return self.source.shown

    def aligned(self) -> bool:
        """The blocks of both pages are of the same kinds in the same order."""
        return [b.kind for b in self.source.blocks] == [b.kind for b in self.translation.blocks]

    def aligned_but_figures(self) -> bool:
        """Both pages have the same blocks but for paragraphs of images, whose images are compared instead."""
        return structure(text_blocks(self.source)) == structure(text_blocks(self.translation))

    def add(
        self, check: str, line: int, message: str, block: Block | None = None, source_block: Block | None = None
    ) -> None:
        """A finding on the translation, unless declared on it (or on the source block it differs from)."""
        exemptions = self.translation.exemptions_for(block)
        if source_block is not None:
            exemptions += self.source.exemptions_for(source_block)
        self.report.add(Finding(self.translation.shown, line, message, check, counterpart=self.other), exemptions)


def text_blocks(page: Page) -> list[Block]:
    return [block for block in page.blocks if not block.is_figure]


def structure(blocks: list[Block]) -> list[tuple[str, Counter]]:
    return [(block.kind, block.counts) for block in blocks]
