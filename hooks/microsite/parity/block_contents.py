"""What corresponding blocks of a translation and its source hold: the same images, links, e-mail
addresses and numbers. Blocks correspond where they line up; else they are matched around the difference."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..page_files import local_target
from .page_pair import PagePair, text_blocks
from .pages import Block, Page


def compare_contents(pair: PagePair) -> None:
    """Block by block where the blocks line up (paragraphs of images left out where only they differ, and
    their images compared where they stand); else matched around the difference (`_corresponding_blocks`)."""
    if not pair.aligned() and pair.aligned_but_figures():
        corresponding = list(zip(text_blocks(pair.source), text_blocks(pair.translation)))
        _compare_figures(pair)
    else:
        corresponding = _corresponding_blocks(pair)
    for source_block, block in corresponding:
        _compare_block_contents(pair, source_block, block)


def _corresponding_blocks(pair: PagePair) -> list[tuple[Block, Block]]:
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


def _compare_figures(pair: PagePair) -> None:
    """The images of paragraphs of images, place by place; one missing here belongs before the block that
    follows it in the source."""
    source_places, places = _figures_by_place(pair.source), _figures_by_place(pair.translation)
    translation_blocks = text_blocks(pair.translation)
    for place in sorted(set(source_places) | set(places)):
        following = translation_blocks[min(place, len(translation_blocks) - 1)].line if translation_blocks else 1
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


def _compare_block_contents(pair: PagePair, a: Block, b: Block) -> None:
    _compare_images(pair, a, b, missing_at=b.line)
    for targets in TARGETS:
        _compare_targets(pair, targets, a, b)
    _compare_numbers(pair, a, b)


def _in_order(images: Counter, lines: dict[str, int]) -> list[str]:
    return sorted(images.elements(), key=lambda src: (lines.get(src, 0), src))


def _compare_images(pair: PagePair, a: Block, b: Block, *, missing_at: int) -> None:
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


def _same_file(pair: PagePair, theirs: str) -> str:
    """What to do about an image that shows another file than the source's."""
    target = local_target(pair.translation.below_language, theirs)
    if target is None:
        return "use the same address"
    return (
        f"use the same file name: the file next to the source page serves every language, and a version for "
        f"this language goes under the same name into docs/{pair.translation.language}/{target}"
    )


def _compare_targets(pair: PagePair, targets: _Targets, a: Block, b: Block) -> None:
    source, translation = getattr(a, targets.attribute), getattr(b, targets.attribute)
    for target in sorted((source - translation).elements()):
        there = f"{pair.other}:{a.line_of(targets.attribute, target)}"
        message = f"{targets.noun} '{target}' in {there} is missing here – {targets.todo}"
        pair.add(targets.check, b.line, message, b, a)
    for target in sorted((translation - source).elements()):
        message = f"{targets.noun} '{target}' here is not in {pair.other}:{a.line} – {targets.todo}"
        pair.add(targets.check, b.line_of(targets.attribute, target), message, b, a)


def _compare_numbers(pair: PagePair, a: Block, b: Block) -> None:
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
