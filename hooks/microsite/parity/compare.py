"""One translated page against its source: each family of checks in a function of its own.

Values are translated, so what must be equal is what a translation keeps: front matter keys,
headings and their ids, the blocks and their order, code, data markers, links, images and numbers.
And what must differ is translated: no block copied from the source, none in another language.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..findings import Finding
from ..page_files import local_target
from .block_language import check_translation_language
from .pages import IGNORE_KEY, Block, Page
from .report import Report
from .stamps import STAMP_KEY

# The translation's own metadata, which its source does not have.
META_KEYS = {STAMP_KEY, IGNORE_KEY}
BLOCK_TODO = "give the translation the same paragraphs, lists, tables, quotes and admonitions"


@dataclass
class _Pair:
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
        return _structure(_text_blocks(self.source)) == _structure(_text_blocks(self.translation))

    def add(
        self, check: str, line: int, message: str, block: Block | None = None, source_block: Block | None = None
    ) -> None:
        """A finding on the translation, unless declared on it (or on the source block it differs from)."""
        exemptions = self.translation.exemptions_for(block)
        if source_block is not None:
            exemptions += self.source.exemptions_for(source_block)
        self.report.add(Finding(self.translation.shown, line, message, check, counterpart=self.other), exemptions)


def compare_pages(source: Page, translation: Page, report: Report, codes: tuple[str, ...]) -> None:
    """Every check of a translation against its source; `codes`: the publication's languages."""
    pair = _Pair(source, translation, report)
    _compare_front_matter_keys(pair)
    _compare_headings(pair)
    _compare_heading_count(pair)
    _compare_block_structure(pair)
    _compare_in_order(pair, "code-block", "code", "code block")
    _compare_in_order(pair, "data-marker", "marker", "data marker")
    _compare_contents(pair)
    check_translation_language(source, translation, codes, report)


def _compare_front_matter_keys(pair: _Pair) -> None:
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


def _compare_headings(pair: _Pair) -> None:
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


def _compare_heading_count(pair: _Pair) -> None:
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


def _text_blocks(page: Page) -> list[Block]:
    return [block for block in page.blocks if not block.is_figure]


def _structure(blocks: list[Block]) -> list[tuple[str, Counter]]:
    return [(block.kind, block.counts) for block in blocks]


def _compare_block_structure(pair: _Pair) -> None:
    """The same blocks in the same order, reported once, where the two pages first part: the first block,
    or block within one (a list item, a table row…), that is not the source's. Where they part only at
    paragraphs of images, the images are reported instead (`_compare_contents`)."""
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


def _compare_in_order(pair: _Pair, check: str, attribute: str, noun: str) -> None:
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


def _compare_contents(pair: _Pair) -> None:
    """Block by block where the blocks line up (paragraphs of images left out where only they differ, and
    their images compared where they stand); else matched around the difference (`_corresponding_blocks`)."""
    if not pair.aligned() and pair.aligned_but_figures():
        corresponding = list(zip(_text_blocks(pair.source), _text_blocks(pair.translation)))
        _compare_figures(pair)
    else:
        corresponding = _corresponding_blocks(pair)
    for source_block, block in corresponding:
        _compare_block_contents(pair, source_block, block)


def _corresponding_blocks(pair: _Pair) -> list[tuple[Block, Block]]:
    """Block by block where the blocks line up. Where they do not, the blocks of the same kinds in the
    same order are matched around the difference, and each stretch that differs is compared as one
    block on each side, named by its first line (or, where one side has none, the line it would be at)."""
    source_blocks, blocks = pair.source.blocks, pair.translation.blocks
    if pair.aligned():
        return list(zip(source_blocks, blocks))
    matcher = SequenceMatcher(None, [b.kind for b in source_blocks], [b.kind for b in blocks], autojunk=False)
    corresponding = []
    for operation, source_start, source_end, start, end in matcher.get_opcodes():
        if operation == "equal":
            corresponding += zip(source_blocks[source_start:source_end], blocks[start:end])
        else:
            source_line = _line_at(source_blocks, source_start)
            corresponding.append(
                (
                    _merged(source_blocks[source_start:source_end], source_line),
                    _merged(blocks[start:end], _line_at(blocks, start)),
                )
            )
    return corresponding


def _merged(blocks: list[Block], line: int) -> Block:
    """A stretch of blocks as one, at `line`: a single block as it is, so that what is declared on it holds."""
    if len(blocks) == 1:
        return blocks[0]
    merged = Block(kind="page", line=line)
    for block in blocks:
        for attribute in ("internal_links", "external_links", "mailto", "images", "numbers"):
            getattr(merged, attribute).update(getattr(block, attribute))
            for item in getattr(block, attribute):
                merged.origins.setdefault((attribute, item), block.line)
        for src, image_line in block.image_lines.items():
            merged.image_lines.setdefault(src, image_line)
    return merged


def _line_at(blocks: list[Block], index: int) -> int:
    """The line of the block at `index`; after the last block, the last block's line."""
    if index < len(blocks):
        return blocks[index].line
    return blocks[-1].line if blocks else 1


def _figures_by_place(page: Page) -> dict[int, list[Block]]:
    """The page's paragraphs of images, by the number of other blocks before them."""
    places: dict[int, list[Block]] = {}
    before = 0
    for block in page.blocks:
        if block.is_figure:
            places.setdefault(before, []).append(block)
        else:
            before += 1
    return places


def _compare_figures(pair: _Pair) -> None:
    """The images of paragraphs of images, place by place; one missing here belongs before the block that
    follows it in the source."""
    source_places, places = _figures_by_place(pair.source), _figures_by_place(pair.translation)
    text_blocks = _text_blocks(pair.translation)
    for place in sorted(set(source_places) | set(places)):
        following = text_blocks[min(place, len(text_blocks) - 1)].line if text_blocks else 1
        source_figures = _joined(source_places.get(place, []), 1)
        figures = _joined(places.get(place, []), following)
        _compare_images(pair, source_figures, figures, missing_at=following)


def _joined(blocks: list[Block], line: int) -> Block:
    """Paragraphs of images as one, with their images and declarations; at `line` where there are none."""
    joined = Block(kind="paragraph", line=blocks[0].line if blocks else line)
    for block in blocks:
        joined.images.update(block.images)
        joined.ignore.update(block.ignore)
        for src, image_line in block.image_lines.items():
            joined.image_lines.setdefault(src, image_line)
    return joined


@dataclass(frozen=True)
class _Targets:
    """A kind of thing a block points to, which must be the same on both sides."""

    check: str
    attribute: str
    noun: str
    todo: str


TARGETS = (
    _Targets(
        "internal-link",
        "internal_links",
        "link to",
        "link to the same page (the path is the same in every language)",
    ),
    _Targets(
        "external-link",
        "external_links",
        "link to",
        "use the same address, or declare a localized one with <!-- parity-ignore: external-link -->",
    ),
    _Targets("mailto", "mailto", "e-mail link", "use the same address"),
)


def _compare_block_contents(pair: _Pair, a: Block, b: Block) -> None:
    _compare_images(pair, a, b, missing_at=b.line)
    for targets in TARGETS:
        _compare_targets(pair, targets, a, b)
    _compare_numbers(pair, a, b)


def _in_order(images: Counter, lines: dict[str, int]) -> list[str]:
    return sorted(images.elements(), key=lambda src: (lines.get(src, 0), src))


def _compare_images(pair: _Pair, a: Block, b: Block, *, missing_at: int) -> None:
    """The same images in corresponding blocks, each named at its line: a different file in place of
    the source's as such, one missing here at `missing_at`."""
    only_source = _in_order(a.images - b.images, a.image_lines)
    only_here = _in_order(b.images - a.images, b.image_lines)
    for theirs, mine in zip(only_source, only_here):
        message = (
            f"image '{mine}' here is '{theirs}' in {pair.other}:{a.image_lines[theirs]} – {_same_file(pair, theirs)}"
        )
        pair.add("image", b.image_lines[mine], message, b, a)
    for theirs in only_source[len(only_here) :]:
        message = (
            f"image '{theirs}' in {pair.other}:{a.image_lines[theirs]} is missing here – "
            "add the image, with alt text in this language"
        )
        pair.add("image", missing_at, message, b, a)
    for mine in only_here[len(only_source) :]:
        message = f"image '{mine}' here is not in {pair.other} – remove it here, or add it to {pair.other} too"
        pair.add("image", b.image_lines[mine], message, b, a)


def _same_file(pair: _Pair, theirs: str) -> str:
    """What to do about an image that shows another file than the source's."""
    target = local_target(pair.translation.below_language, theirs)
    if target is None:
        return "use the same address"
    return (
        f"use the same file name: the file next to the source page serves every language, and a version for "
        f"this language goes under the same name into docs/{pair.translation.language}/{target}"
    )


def _compare_targets(pair: _Pair, targets: _Targets, a: Block, b: Block) -> None:
    source, translation = getattr(a, targets.attribute), getattr(b, targets.attribute)
    for target in sorted((source - translation).elements()):
        there = f"{pair.other}:{a.line_of(targets.attribute, target)}"
        message = f"{targets.noun} '{target}' in {there} is missing here – {targets.todo}"
        pair.add(targets.check, b.line, message, b, a)
    for target in sorted((translation - source).elements()):
        message = f"{targets.noun} '{target}' here is not in {pair.other}:{a.line} – {targets.todo}"
        pair.add(targets.check, b.line_of(targets.attribute, target), message, b, a)


def _compare_numbers(pair: _Pair, a: Block, b: Block) -> None:
    """The same numbers in corresponding blocks; code is compared whole, not by its numbers."""
    if a.code is not None or b.code is not None or a.numbers == b.numbers:
        return
    only_source = sorted((a.numbers - b.numbers).elements())
    only_here = sorted((b.numbers - a.numbers).elements())
    there = f"{pair.other}:{a.line_of('numbers', only_source[0]) if only_source else a.line}"
    parts = ([f"{', '.join(only_source)} in {there} but not here"] if only_source else []) + (
        [f"{', '.join(only_here)} here but not there"] if only_here else []
    )
    line = b.line_of("numbers", only_here[0]) if only_here else b.line
    pair.add("number", line, f"numbers differ: {'; '.join(parts)} – check the figures, years and dates", b, a)
