"""Blocks in the wrong language: a translation's block copied from its source unchanged
(`untranslated-block`), and a block of any page written in another language of the publication than
the page's (`wrong-language`).

Only blocks with enough words to judge are looked at (see text_language.py): names, figures, code
and data markers never are. A copy whose words are surely in the translation's language (a
quotation in that language, kept in both pages) is no untranslated block.
"""

from __future__ import annotations

from ..findings import Finding
from ..languages import Languages
from .pages import BLOCK_KINDS, Block, Page
from .report import Report
from .text_language import judgeable, language_of

UNTRANSLATED_TODO = (
    "translate it; if it is meant to stay as it is (a name, a quotation), "
    "put <!-- parity-ignore: untranslated-block --> on the line before it"
)
WRONG_LANGUAGE_TODO = (
    "write it in {language}; if it is meant to stay so (a name, a quotation), "
    "put <!-- parity-ignore: wrong-language --> on the line before it"
)


def block_name(block: Block) -> str:
    """What an editor calls the block: 'paragraph', 'heading', 'bulleted list'…"""
    return "heading" if block.kind == "heading" else BLOCK_KINDS.get(f"{block.kind}_open", "block")


def check_translation_language(source: Page, translation: Page, codes: tuple[str, ...], report: Report) -> None:
    """The translation's blocks copied from the source, then those of its other blocks in another language."""
    copied = _copied_blocks(source, translation, codes)
    for block, source_block in copied:
        message = f"this {block_name(block)} is the same as in {source.shown}:{source_block.line} – {UNTRANSLATED_TODO}"
        finding = Finding(translation.shown, block.line, message, "untranslated-block", counterpart=source.shown)
        report.add(finding, translation.exemptions_for(block))
    reported = {id(block) for block, _ in copied}
    others = [block for block in translation.blocks if id(block) not in reported]
    check_page_language(translation, codes, report, others, counterpart=source.shown)


def _copied_blocks(source: Page, translation: Page, codes: tuple[str, ...]) -> list[tuple[Block, Block]]:
    """(translation block, source block) of every judgeable translation block whose text is a source block's."""
    source_blocks: dict[str, Block] = {}
    for block in source.blocks:
        if judgeable(block.judged_words):
            source_blocks.setdefault(block.comparable, block)
    copied = []
    for block in translation.blocks:
        source_block = source_blocks.get(block.comparable)
        # A copy surely in the translation's language is not the source's: the source has it as a quotation.
        if source_block is None or language_of(block.judged_words, codes) == translation.language:
            continue
        copied.append((block, source_block))
    return copied


def check_page_language(
    page: Page, codes: tuple[str, ...], report: Report, blocks: list[Block] | None = None, counterpart: str = ""
) -> None:
    """Each block (of `blocks`, else all) that is surely in another of the publication's languages."""
    for block in page.blocks if blocks is None else blocks:
        language = language_of(block.judged_words, codes)
        if language in (None, page.language):
            continue
        message = (
            f"this {block_name(block)} is in {Languages.name(language)}, but the page is in "
            f"{Languages.name(page.language)} – {WRONG_LANGUAGE_TODO.format(language=Languages.name(page.language))}"
        )
        finding = Finding(page.shown, block.line, message, "wrong-language", counterpart=counterpart)
        report.add(finding, page.exemptions_for(block))
