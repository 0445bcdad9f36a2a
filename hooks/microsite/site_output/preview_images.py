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
from dataclasses import dataclass
from functools import cache
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


def _runs(text: str, weight: int, size: int) -> list[tuple[str, ImageFont.FreeTypeFont]]:
    """`text` as runs of characters, each with the first subset that has them."""
    fonts = _fonts(weight, size)
    runs: list[tuple[str, ImageFont.FreeTypeFont]] = []
    for character in text:
        font = next((font for font in fonts if _has_glyph(font, character)), None)
        if font is None:
            plain = "".join(c for c in unicodedata.normalize("NFKD", character) if not unicodedata.combining(c))
            character = plain if plain and all(_has_glyph(fonts[0], c) for c in plain) else "?"
            font = fonts[0]
        if runs and runs[-1][1] is font:
            runs[-1] = (runs[-1][0] + character, font)
        else:
            runs.append((character, font))
    return runs


def _draw_text(
    draw: ImageDraw.ImageDraw, position: tuple[float, float], text: str, size: int, colour: str, weight: int = REGULAR
) -> None:
    x, y = position
    for run, font in _runs(text, weight, size):
        draw.text((x, y), run, font=font, fill=colour)
        x += font.getlength(run)


def _width(text: str, size: int, weight: int = BOLD) -> float:
    return sum(font.getlength(run) for run, font in _runs(text, weight, size))


def _wrapped(text: str, size: int, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and _width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _fitted_title(title: str) -> tuple[int, list[str]]:
    """The largest size at which the title fits the card's title box, and its lines; at the smallest
    size, the lines that fit, the last one ending in an ellipsis."""
    box_width, box_height = _TITLE_BOX
    for size in _TITLE_SIZES:
        lines = _wrapped(title, size, box_width)
        fits = all(_width(line, size) <= box_width for line in lines)
        if fits and len(lines) * size * _LINE_HEIGHT <= box_height:
            return size, lines
    size = _TITLE_SIZES[-1]
    room = max(1, int(box_height // (size * _LINE_HEIGHT)))
    lines = _wrapped(title, size, box_width)[:room]
    last = lines[-1]
    while last and _width(last + " …", size) > box_width:
        last = last[:-1]
    return size, [*lines[:-1], last.rstrip() + " …"]


def text_colour(background: str) -> str:
    """White or near-black, whichever is readable on `background` ('#rrggbb'): WCAG's contrast."""

    def channel(value: int) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    return "#ffffff" if (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.05) else "#1a1a1a"


def _png(image: Image.Image) -> bytes:
    """The drawn RGB picture as a PNG of 64 colours: its colours are flat, and an anti-aliased edge needs few
    shades, so a palette keeps the file small. Pillow's fast octree finds them in a third of the time
    of its default (median cut) and gives a smaller file (14 KB against 19 KB for a card); zlib's `optimize`
    would save another 2 KB at eight times the time, and every article of a cold build has a card."""
    buffer = io.BytesIO()
    image.quantize(colors=64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(buffer, format="PNG")
    return buffer.getvalue()


def card(text: CardText, background: str) -> bytes:
    """A 1200 × 630 PNG: `text.above` at the top, the title in the middle, `text.below` at the foot."""
    colour = text_colour(background)
    image = Image.new("RGB", CARD_SIZE, background)
    draw = ImageDraw.Draw(image)
    _draw_text(draw, (_MARGIN, _MARGIN - 10), text.above, _SMALL_TEXT, colour)
    size, lines = _fitted_title(text.title)
    line_height = size * _LINE_HEIGHT
    top = (CARD_SIZE[1] - len(lines) * line_height) / 2
    for number, line in enumerate(lines):
        _draw_text(draw, (_MARGIN, top + number * line_height), line, size, colour, BOLD)
    foot = CARD_SIZE[1] - _MARGIN - _SMALL_TEXT + 6
    draw.rectangle((_MARGIN, foot - 28, _MARGIN + 96, foot - 22), fill=colour)
    _draw_text(draw, (_MARGIN, foot), text.below, _SMALL_TEXT, colour)
    return _png(image)


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
    colour = text_colour(background)
    image = Image.new("RGB", (LOGO_SIZE, LOGO_SIZE), background)
    draw = ImageDraw.Draw(image)
    letters = initials(name)
    size = 240 if len(letters) < 3 else 180
    runs = _runs(letters, BOLD, size)
    font = runs[0][1]
    left, top, _, bottom = font.getbbox(letters)
    width = _width(letters, size)
    position = ((LOGO_SIZE - width) / 2 - left, (LOGO_SIZE - (bottom - top)) / 2 - top)
    _draw_text(draw, position, letters, size, colour, BOLD)
    return _png(image)
