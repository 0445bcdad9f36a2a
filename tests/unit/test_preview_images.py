"""The link-preview pictures' text: the card's font sets German and the Latin names of partner cities
with their own letters, not with stand-ins."""

from __future__ import annotations

import io

import pytest
from microsite.site_output import preview_images
from PIL import Image

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
