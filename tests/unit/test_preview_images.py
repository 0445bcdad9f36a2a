"""The link-preview pictures' text: the card's font sets German and the Latin names of partner cities
with their own letters, not with stand-ins."""

from __future__ import annotations

import io

import pytest
from microsite.site_output import preview_images
from PIL import Image, ImageChops

GERMAN = "Größe „Städte“ – Überblick"
LATIN_EXTENDED = "Łódź Gdańsk İzmir Plzeň"


@pytest.mark.parametrize("text", [GERMAN, LATIN_EXTENDED])
def test_every_letter_is_drawn_from_a_subset_that_has_it(text: str) -> None:
    runs = preview_images._runs(text, preview_images.BOLD, 60)
    assert "".join(run for run, _ in runs) == text


def test_a_character_no_subset_has_is_its_letter_without_marks_or_a_question_mark() -> None:
    runs = preview_images._runs("ṩ☃", preview_images.REGULAR, 40)
    assert "".join(run for run, _ in runs) == "s?"


def test_a_card_is_a_1200_by_630_png_and_the_same_text_gives_the_same_bytes() -> None:
    text = preview_images.CardText(f"{GERMAN} {LATIN_EXTENDED}", "Eine Website", "Deutsch")
    drawn = preview_images.card(text, "#3f51b5")
    assert drawn == preview_images.card(text, "#3f51b5")
    with Image.open(io.BytesIO(drawn)) as card:
        assert (card.format, card.size) == ("PNG", preview_images.CARD_SIZE)
    # An umlaut is a letter of the font: "Ä" is drawn otherwise than "A".
    plain = preview_images.card(preview_images.CardText("A", "", ""), "#3f51b5")
    assert preview_images.card(preview_images.CardText("Ä", "", ""), "#3f51b5") != plain


def _pixels(png: bytes) -> Image.Image:
    with Image.open(io.BytesIO(png)) as card:
        return card.convert("RGB")


def test_a_card_is_in_the_theme_colour_and_shows_no_other_cards_title() -> None:
    # Small texts no other test uses, so that the first card is the first drawn with them.
    above, below = "Ahornfelder Rundschau", "Testsprache"
    first = preview_images.card(preview_images.CardText("Erster Titel", above, below), "#009688")
    other = preview_images.card(preview_images.CardText("Ein ganz anderer, längerer Titel", above, below), "#009688")
    again = preview_images.card(preview_images.CardText("Erster Titel", above, below), "#009688")
    assert again == first, "a card drawn after another is not what it was drawn first"
    first_pixels, other_pixels = _pixels(first), _pixels(other)
    assert first_pixels.getpixel((0, 0)) == (0x00, 0x96, 0x88)
    # The two differ only in the title's band: the site's name above it (to 120 px from the top), the rule and the
    # language below it (from 490 px) are the same.
    difference = ImageChops.difference(first_pixels, other_pixels).getbbox()
    assert difference is not None
    _, top, _, bottom = difference
    assert top > 120 and bottom < 490, difference


def test_a_card_with_the_longest_title_stays_within_30_kb() -> None:
    # Six small lines of long words, cut with an ellipsis: the most edges a card has.
    title = " ".join(["Wähler-Mobilisierung, Städtepartnerschaft & Zivilgesellschaft; Klimaanpassung"] * 4)
    drawn = preview_images.card(preview_images.CardText(title, "Starke Städte", "Deutsch"), "#3f51b5")
    assert len(drawn) <= 30_000


@pytest.mark.parametrize(
    "title",
    [
        "Kurz",
        "Städtepartnerschaften im Wandel: Wie Kommunen Außenpolitik gestalten",
        "Wie Łódź, Gdańsk und Plzeň ihre Partnerschaften mit Städten in Übersee neu ordnen und was daraus folgt",
        " ".join(["Zivilgesellschaft und Klimaanpassung in der kommunalen Außenpolitik"] * 3),
    ],
)
def test_a_title_is_set_as_large_as_it_fits(title: str) -> None:
    size, lines = preview_images._fitted_title(title)
    box_width, box_height = preview_images._TITLE_BOX

    def fits(size: int, lines: list[str]) -> bool:
        widths = [preview_images._width(line, size) for line in lines]
        return max(widths) <= box_width and len(lines) * size * preview_images._LINE_HEIGHT <= box_height

    assert fits(size, lines)
    assert " ".join(lines).removesuffix(" …") in title
    larger = [other for other in preview_images._TITLE_SIZES if other > size]
    assert not any(fits(other, preview_images._wrapped(title, other, box_width)) for other in larger), size
