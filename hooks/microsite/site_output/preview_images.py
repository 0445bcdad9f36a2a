"""The pictures of link previews, drawn with Pillow: same input, same bytes.

- **a card** (1200 × 630 PNG): a title, wrapped and set as large as fits, the site's name above it and
  the language below, in the theme's primary colour;
- **a crop** of an article's picture to the same size and shape (JPEG, which every messenger reads);
- **a logo** (512 × 512 PNG): a name's initials, for a publisher that sets none.

The font is Source Sans 3 (SIL Open Font License, `card_fonts/LICENSE`), as the npm package
@fontsource/source-sans-3 ships it (`make card-fonts` fetches it again): its Latin subset (German's
umlauts, ß, „“ and dashes) and its Latin Extended subset (the names of cities in Poland, Czechia or
Turkey), regular and bold, 150 KB together. A character is drawn from the first subset that has it;
one that neither has is drawn as its letter without marks, or as '?'.
"""

from __future__ import annotations

import io
import unicodedata
import zlib
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import groupby
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

CARD_SIZE = (1200, 630)
LOGO_SIZE = 512
_MARGIN = 80
_TITLE_SIZES = range(80, 38, -4)
_LINE_HEIGHT = 1.22
_TITLE_BOX = (CARD_SIZE[0] - 2 * _MARGIN, 330)
_SMALL_TEXT = 34
_JPEG_QUALITY = 82
FONT_FOLDER = Path(__file__).parent / "card_fonts"
# Each weight's subsets, in the order a character is looked for.
FONT_FILES = {
    weight: tuple(FONT_FOLDER / f"source-sans-3-{subset}-{weight}-normal.woff" for subset in ("latin", "latin-ext"))
    for weight in (400, 700)
}
REGULAR, BOLD = 400, 700
# A character in no font: each font draws it as its .notdef glyph.
_NO_CHARACTER = "\U0010fffd"
# A picture is drawn as ink in mode "L", from 0 (nothing) to _INK (text), and given a palette of the shades
# from the background to the text's colour: no colours need to be found, which was half a card's time. Pillow
# blends an anti-aliased edge into the ink as it would into RGB, in _INK + 1 steps: 16 show no steps at a
# card's size, and 16 colours are 4 bits a pixel.
_SHADES = 16
_INK = _SHADES - 1
# Bytes up to which a card's PNG is coded by runs only (fast); a larger one is coded again to keep within 30 KB.
_RUNS_BUDGET = 24_000


@dataclass(frozen=True)
class CardText:
    """What a card says: `title` in the middle, `above` and `below` it in small type."""

    title: str
    above: str
    below: str


@cache
def _fonts(weight: int, size: int) -> tuple[ImageFont.FreeTypeFont, ...]:
    """The subsets of a weight at a size; kept, being the same for every build."""
    return tuple(ImageFont.truetype(str(path), size) for path in FONT_FILES[weight])


@cache
def _has_glyph(font: ImageFont.FreeTypeFont, character: str) -> bool:
    return character == " " or bytes(font.getmask(character)) != bytes(font.getmask(_NO_CHARACTER))


@cache
def _drawn_as(character: str, weight: int, size: int) -> tuple[str, ImageFont.FreeTypeFont]:
    """What stands for `character` and the first subset that has it: the character itself, or its letter
    without marks, or '?'."""
    fonts = _fonts(weight, size)
    font = next((font for font in fonts if _has_glyph(font, character)), None)
    if font is not None:
        return character, font
    plain = "".join(c for c in unicodedata.normalize("NFKD", character) if not unicodedata.combining(c))
    return (plain if plain and all(_has_glyph(fonts[0], c) for c in plain) else "?"), fonts[0]


def _runs(text: str, weight: int, size: int) -> list[tuple[str, ImageFont.FreeTypeFont]]:
    """`text` as runs of characters, each with the first subset that has them."""
    drawn = {character: _drawn_as(character, weight, size) for character in set(text)}
    first = _fonts(weight, size)[0]
    if all(stand_in == character and font is first for character, (stand_in, font) in drawn.items()):
        # Most texts: every character its own, in the first subset.
        return [(text, first)] if text else []
    return [
        ("".join(drawn[character][0] for character in run), font)
        for font, run in groupby(text, key=lambda character: drawn[character][1])
    ]


def _draw_text(
    draw: ImageDraw.ImageDraw, position: tuple[float, float], text: str, size: int, weight: int = REGULAR
) -> None:
    x, y = position
    for run, font in _runs(text, weight, size):
        draw.text((x, y), run, font=font, fill=_INK)
        x += font.getlength(run)


def _width(text: str, size: int, weight: int = BOLD) -> float:
    return sum(font.getlength(run) for run, font in _runs(text, weight, size))


def _wrapped(text: str, size: int, width: float, most: int | None = None) -> list[str]:
    """`text` broken into lines of at most `width` where it can be; only the first `most` + 1 lines where
    `most` is given (the caller only needs to know that there are more)."""
    lines: list[str] = []
    for word in text.split():
        if lines and _width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        elif most is not None and len(lines) > most:
            break
        else:
            lines.append(word)
    return lines


def _fitted_title(title: str) -> tuple[int, list[str]]:
    """The largest size at which the title fits the card's title box, and its lines; at the smallest
    size, the lines that fit, the last one ending in an ellipsis."""
    box_width, box_height = _TITLE_BOX
    words = title.split()
    for size in _TITLE_SIZES:
        room = int(box_height // (size * _LINE_HEIGHT))
        # The lines are as wide as the title on one line less a space at each break: a title wider than
        # `room` full lines and their spaces cannot fit, and is not wrapped (a pixel a word spared for kerning).
        if _width(" ".join(words), size) > room * (box_width + _width(" ", size)) + len(words):
            continue
        lines = _wrapped(title, size, box_width, most=room)
        if len(lines) <= room and all(_width(line, size) <= box_width for line in lines):
            return size, lines
    size = _TITLE_SIZES[-1]
    room = max(1, int(box_height // (size * _LINE_HEIGHT)))
    lines = _wrapped(title, size, box_width, most=room)[:room]
    last = lines[-1]
    while last and _width(last + " …", size) > box_width:
        last = last[:-1]
    return size, [*lines[:-1], last.rstrip() + " …"]


def text_colour(background: str) -> str:
    """White or near-black, whichever is readable on `background` ('#rrggbb'): WCAG's contrast."""

    def channel(value: int) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = _rgb(background)
    luminance = 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    return "#ffffff" if (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.05) else "#1a1a1a"


def _rgb(colour: str) -> tuple[int, int, int]:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return red, green, blue


def _png(ink: Image.Image, background: str) -> bytes:
    """The ink (mode "L", made a palette picture here) as a PNG: its shades from `background` to the readable
    text colour on it. zlib's run-length strategy suits the long runs of one colour: twice as fast as its
    default (level 6), a card of one to four lines 5 to 21 KB. A title of five or six small lines has so many
    edges that runs make more than _RUNS_BUDGET: such a card is coded again at level 6 (at most 24 KB against 31)."""
    start, end = _rgb(background), _rgb(text_colour(background))
    ink.putpalette(
        [round(first + (last - first) * shade / _INK) for shade in range(_SHADES) for first, last in zip(start, end)]
    )
    runs = _encoded(ink, compress_type=zlib.Z_RLE)
    return runs if len(runs) <= _RUNS_BUDGET else _encoded(ink, compress_level=6)


def _encoded(picture: Image.Image, **options: int) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", **options)
    return buffer.getvalue()


@lru_cache(maxsize=8)
def _frame(above: str, below: str) -> Image.Image:
    """The ink every card with these small texts shares: `above` at the top, the rule and `below` at the foot;
    drawn once a process for a build's few of them (one a language and the site's cards), and copied."""
    ink = Image.new("L", CARD_SIZE, 0)
    draw = ImageDraw.Draw(ink)
    _draw_text(draw, (_MARGIN, _MARGIN - 10), above, _SMALL_TEXT)
    foot = CARD_SIZE[1] - _MARGIN - _SMALL_TEXT + 6
    draw.rectangle((_MARGIN, foot - 28, _MARGIN + 96, foot - 22), fill=_INK)
    _draw_text(draw, (_MARGIN, foot), below, _SMALL_TEXT)
    return ink


def card(text: CardText, background: str) -> bytes:
    """A 1200 × 630 PNG: `text.above` at the top, the title in the middle, `text.below` at the foot."""
    ink = _frame(text.above, text.below).copy()
    draw = ImageDraw.Draw(ink)
    size, lines = _fitted_title(text.title)
    line_height = size * _LINE_HEIGHT
    top = (CARD_SIZE[1] - len(lines) * line_height) / 2
    for number, line in enumerate(lines):
        _draw_text(draw, (_MARGIN, top + number * line_height), line, size, BOLD)
    return _png(ink, background)


def crop(picture: bytes) -> bytes:
    """`picture` (any format Pillow reads) cut to the card's shape around its centre, as a 1200 × 630
    JPEG; raises OSError or ValueError for a file that is no picture."""
    with Image.open(io.BytesIO(picture)) as opened:
        upright = ImageOps.exif_transpose(opened)
        if upright.mode in ("RGBA", "LA", "PA") or (upright.mode == "P" and "transparency" in upright.info):
            # JPEG has no transparency: what is see-through shows white, as on the page.
            rgba = upright.convert("RGBA")
            flat = Image.new("RGB", rgba.size, "#ffffff")
            flat.paste(rgba, mask=rgba.getchannel("A"))
            upright = flat
        fitted = ImageOps.fit(upright.convert("RGB"), CARD_SIZE, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    fitted.save(buffer, format="JPEG", quality=_JPEG_QUALITY, optimize=True)
    return buffer.getvalue()


def initials(name: str) -> str:
    """The initials of a name's capitalized words, at most three ('Brücken zwischen Städten' → 'BS');
    the first letter of a name without any."""
    words = [word for word in name.split() if word[:1].isalpha()]
    capitalized = [word[0] for word in words if word[0].isupper()]
    return "".join(capitalized[:3]) or (words[0][0].upper() if words else "?")


def logo(name: str, background: str) -> bytes:
    """A 512 × 512 PNG: the initials of `name`, centred on `background`."""
    ink = Image.new("L", (LOGO_SIZE, LOGO_SIZE), 0)
    draw = ImageDraw.Draw(ink)
    letters = initials(name)
    size = 240 if len(letters) < 3 else 180
    runs = _runs(letters, BOLD, size)
    font = runs[0][1]
    left, top, _, bottom = font.getbbox(letters)
    width = _width(letters, size)
    position = ((LOGO_SIZE - width) / 2 - left, (LOGO_SIZE - (bottom - top)) / 2 - top)
    _draw_text(draw, position, letters, size, BOLD)
    return _png(ink, background)
