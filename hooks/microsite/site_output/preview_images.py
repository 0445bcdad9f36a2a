"""The pictures of link previews, drawn with Pillow: same input, same bytes.

- **a card** (1200 × 630 PNG): a title, wrapped and set as large as fits, the site's name above it and
  the language below, in the theme's primary colour;
- **a crop** of an article's picture to the same size and shape (JPEG, which every messenger reads);
- **a logo** (512 × 512 PNG): a name's initials, for a publisher that sets none.

The font is the one Pillow's wheels ship (`ImageFont.load_default(size=…)`: Aileron, SIL Open Font
License), so no font file, system package or request is needed. It holds ASCII and a few marks, but
no umlaut, ß, „ or dash: an umlaut is drawn as its base letter with two dots above it, ß as ss, „
as two commas, a dash as a hyphen (as German typesetting writes them without those characters), any
other letter with a diacritic as its base letter, and what has no such form as '?'.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageDraw, ImageFont, ImageOps

CARD_SIZE = (1200, 630)
LOGO_SIZE = 512
_MARGIN = 80
_TITLE_SIZES = range(80, 38, -4)
_LINE_HEIGHT = 1.22
_TITLE_BOX = (CARD_SIZE[0] - 2 * _MARGIN, 330)
_SMALL_TEXT = 34
_JPEG_QUALITY = 82
# The combining diaeresis, drawn as two dots above its base letter (ä ö ü ë ï ÿ).
_DIAERESIS = "\u0308"
# What German typesetting writes for a character the font lacks.
_SUBSTITUTES = {"ß": "ss", "ẞ": "SS", "„": ",,", "‚": ",", "–": "-", "—": "-", "\u00a0": " ", "\u202f": " "}


@dataclass(frozen=True)
class CardText:
    """What a card says: `title` in the middle, `above` and `below` it in small type."""

    title: str
    above: str
    below: str


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    """Pillow's bundled font; kept per size, being the same for every build."""
    return ImageFont.load_default(size=size)


@cache
def _missing_glyph(size: int) -> bytes:
    return bytes(_font(size).getmask("\uffff"))


def _has_glyph(character: str, size: int) -> bool:
    return character == " " or bytes(_font(size).getmask(character)) != _missing_glyph(size)


def _drawable(text: str, size: int) -> tuple[str, set[int]]:
    """`text` in characters the font has, and the positions of those to draw two dots above."""
    characters: list[str] = []
    marks: set[int] = set()
    for character in text:
        if _has_glyph(character, size):
            characters.append(character)
            continue
        base, *combining = unicodedata.normalize("NFD", character)
        if combining == [_DIAERESIS] and _has_glyph(base, size):
            marks.add(len(characters))
            characters.append(base)
            continue
        substitute = _SUBSTITUTES.get(character)
        if substitute is None:
            plain = "".join(c for c in unicodedata.normalize("NFKD", character) if not unicodedata.combining(c))
            substitute = plain if plain and all(_has_glyph(c, size) for c in plain) else "?"
        characters.extend(substitute)
    return "".join(characters), marks


def _draw_text(draw: ImageDraw.ImageDraw, position: tuple[float, float], text: str, size: int, colour: str) -> None:
    font = _font(size)
    drawable, marks = _drawable(text, size)
    x, y = position
    draw.text((x, y), drawable, font=font, fill=colour)
    dot = max(2.0, size * 0.085)
    for index in marks:
        left = x + font.getlength(drawable[:index])
        width = font.getlength(drawable[index])
        top = y + font.getbbox(drawable[index])[1]
        for centre in (left + width * 0.32, left + width * 0.68):
            draw.ellipse((centre - dot / 2, top - dot * 1.9, centre + dot / 2, top - dot * 0.9), fill=colour)


def _width(text: str, size: int) -> float:
    return _font(size).getlength(_drawable(text, size)[0])


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
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
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
        _draw_text(draw, (_MARGIN, top + number * line_height), line, size, colour)
    foot = CARD_SIZE[1] - _MARGIN - _SMALL_TEXT + 6
    draw.rectangle((_MARGIN, foot - 28, _MARGIN + 96, foot - 22), fill=colour)
    _draw_text(draw, (_MARGIN, foot), text.below, _SMALL_TEXT, colour)
    # Flat colours: a palette keeps the file small, and an anti-aliased edge needs few shades.
    return _png(image.quantize(colors=64, dither=Image.Dither.NONE))


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
    drawable = _drawable(letters, size)[0]
    left, top, right, bottom = _font(size).getbbox(drawable)
    position = ((LOGO_SIZE - (right - left)) / 2 - left, (LOGO_SIZE - (bottom - top)) / 2 - top)
    _draw_text(draw, position, letters, size, colour)
    return _png(image.quantize(colors=64, dither=Image.Dither.NONE))
