"""One translated page against its source: each family of checks in a function of its own; here the
page's structure, in block_contents.py what corresponding blocks hold.

Values are translated, so what must be equal is what a translation keeps: front matter keys,
headings and their ids, the blocks and their order, code, data markers, links, images and numbers.
And what must differ is translated: no block copied from the source, none in another language.
"""

from __future__ import annotations

from collections import Counter

from .block_contents import compare_contents
from .block_language import check_translation_language
from .page_pair import PagePair
from .pages import IGNORE_KEY, Block, Page
from .report import Report
from .stamps import STAMP_KEY

# The translation's own metadata, which its source does not have.
META_KEYS = {STAMP_KEY, IGNORE_KEY}
BLOCK_TODO = "give the translation the same paragraphs, lists, tables, quotes and admonitions"


def compare_pages(source: Page, translation: Page, report: Report, codes: tuple[str, ...]) -> None:
    """Every check of a translation against its source; `codes`: the publication's languages."""
    pair = PagePair(source, translation, report)
    _compare_front_matter_keys(pair)
    _compare_headings(pair)
    _compare_heading_count(pair)
    _compare_block_structure(pair)
    _compare_in_order(pair, "code-block", "code", "code block")
    _compare_in_order(pair, "data-marker", "marker", "data marker")
    compare_contents(pair)
    check_translation_language(source, translation, codes, report)


def _compare_front_matter_keys(pair: PagePair) -> None:
    source_keys = set(pair.source.front_matter) - META_KEYS
    translation_keys = set(pair.translation.front_matter) - META_KEYS
    # Sorted as text: YAML keys can be numbers (`1:`) or null (`~:`) too.
    for key in sorted(source_keys - translation_keys, key=str):
        there = f"{pair.other}:{pair.source.key_lines.get(str(key), 1)}"
        message = f"front matter lacks '{key}', which {there} has – add '{key}:' with the translated value"
        pair.add("front-matter-keys", 1, message)
    for key in sorted(translation_keys - source_keys, key=str):
        message = f"front matter has '{key}', which {pair.other} lacks – remove it here or add it there"
        pair.add("front-matter-keys", pair.translation.key_lines.get(str(key), 1), message)


def _headings(page: Page) -> list[Block]:
    return [block for block in page.blocks if block.kind == "heading"]


def _compare_headings(pair: PagePair) -> None:
    """Heading by heading: the same level, and the same explicit id."""
    for index, (a, b) in enumerate(zip(_headings(pair.source), _headings(pair.translation)), start=1):
        if a.heading_level != b.heading_level:
            message = (
                f"heading {index} is level {b.heading_level} here but level {a.heading_level} in "
                f"{pair.other}:{a.line} ('{a.heading_text}') – use the same level"
            )
            pair.add("heading-structure", b.line, message, b, a)
        elif a.heading_id != b.heading_id:
            message = (
                f"heading {index} has id {b.heading_id!r} here but {a.heading_id!r} in {pair.other}:{a.line} – "
                "use the same explicit id, so that links to it work in both languages"
            )
            pair.add("heading-id", b.line, message, b, a)


def _compare_heading_count(pair: PagePair) -> None:
    """The same number of headings; if not, the first heading without a counterpart."""
    source_headings, headings = _headings(pair.source), _headings(pair.translation)
    if len(source_headings) == len(headings):
        return
    if len(headings) > len(source_headings):
        extra = headings[len(source_headings)]
        line, detail = extra.line, f"'{extra.heading_text}' has no counterpart in {pair.other}"
    else:
        extra, missing = None, source_headings[len(headings)]
        line = headings[-1].line if headings else 1
        detail = f"'{missing.heading_text}' ({pair.other}:{missing.line}) has no counterpart here"
    message = (
        f"{len(headings)} headings here, {len(source_headings)} in {pair.other}: {detail} – "
        "translate or remove headings so that both match"
    )
    pair.add("heading-structure", line, message, extra)


def _compare_block_structure(pair: PagePair) -> None:
    """The same blocks in the same order, reported once, where the two pages first part: the first block,
    or block within one (a list item, a table row…), that is not the source's. Where they part only at
    paragraphs of images, the images are reported instead (block_contents.py)."""
    source, translation = pair.source, pair.translation
    source_kinds, kinds = [part.kind for part in source.parts], [part.kind for part in translation.parts]
    if (source.counts == translation.counts and source_kinds == kinds) or pair.aligned_but_figures():
        return
    first = next(
        (index for index, (a, b) in enumerate(zip(source_kinds, kinds)) if a != b), min(len(source_kinds), len(kinds))
    )
    parts = translation.parts
    if first < len(parts):
        here, line, block = f"{_a(parts[first].kind)} here", parts[first].line, translation.blocks[parts[first].block]
    else:
        here, line, block = "this page ends here", parts[-1].line if parts else 1, None
    if first < len(source.parts):
        there = f"{_a(source.parts[first].kind)} in {pair.other}:{source.parts[first].line}"
    else:
        there = f"{pair.other} ends there"
    detail = "; ".join(_count_differences(source.counts, translation.counts)) or "the blocks come in another order"
    message = f"the structure differs from {pair.other} from here on: {here}, {there} ({detail}) – {BLOCK_TODO}"
    pair.add("block-structure", line, message, block)


def _a(kind: str) -> str:
    return f"{'an' if kind.startswith(('a', 'e', 'i', 'o', 'u', 'HTML')) else 'a'} {kind}"


def _count_differences(source_counts: Counter, counts: Counter) -> list[str]:
    return [
        f"{counts[kind]} {kind}{'s' if counts[kind] != 1 else ''} here, {source_counts[kind]} there"
        for kind in sorted(set(source_counts) | set(counts))
        if source_counts[kind] != counts[kind]
    ]


def _compare_in_order(pair: PagePair, check: str, attribute: str, noun: str) -> None:
    """Blocks that must be copied unchanged (code, data markers): equal one by one, over the whole page."""
    source_items = [block for block in pair.source.blocks if getattr(block, attribute) is not None]
    items = [block for block in pair.translation.blocks if getattr(block, attribute) is not None]
    for a, b in zip(source_items, items):
        if getattr(a, attribute) != getattr(b, attribute):
            message = (
                f"this {noun} differs from the one in {pair.other}:{a.line} – "
                f"{noun}s must be identical in every language"
            )
            pair.add(check, b.line, message, b, a)
    if len(source_items) != len(items):
        line = items[len(source_items)].line if len(items) > len(source_items) else (items[-1].line if items else 1)
        pair.add(check, line, f"{len(items)} {noun}s here, {len(source_items)} in {pair.other} – copy them unchanged")
