"""Text pasted from word processors: what is cleaned up by itself (titles, the search index) and what
is an error, named with the character's Unicode name and where it is (a data marker, a name given to
the scaffolding, and every name the schemas check). The data and articles' findings with their line
and column are fixtures (tests/fixtures/data/invisible-*, tests/fixtures/articles/invisible-*), a page
name's in test_parity.py; the build and the browser in tests/build/ and tests/browser/."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from microsite import scaffold
from microsite.languages import Languages
from microsite.markers import find_markers
from microsite.pasted_text import INVISIBLE, character_name, plain_text, searchable_text
from microsite.site_output.search import language_indexes
from project import ROOT

SHY, NBSP, NNBSP, FIGURE_SPACE = "\u00ad", "\u00a0", "\u202f", "\u2007"
ZERO_WIDTH = {"ZERO WIDTH SPACE": "\u200b", "ZWNJ": "\u200c", "ZWJ": "\u200d", "WJ": "\u2060", "ZWNBSP": "\ufeff"}


def test_a_plain_text_has_no_soft_hyphens_nor_zero_width_characters_and_only_plain_spaces() -> None:
    pasted = f"Städte{SHY}partner{ZERO_WIDTH['ZERO WIDTH SPACE']}schaft{NBSP}und{NNBSP}mehr{FIGURE_SPACE}als"
    assert plain_text(pasted) == "Städtepartnerschaft und mehr als"
    for name, character in ZERO_WIDTH.items():
        assert plain_text(f"Klima{character}schutz") == "Klimaschutz", name
    for character in (NBSP, NNBSP, FIGURE_SPACE):
        assert plain_text(f"Klima{character}schutz") == "Klima schutz", character_name(character)


def test_a_plain_text_keeps_the_joiners_a_word_or_an_emoji_needs() -> None:
    # A Persian word spelled with a non-joiner, and a scientist emoji: a title keeps them whole.
    persian, scientist = "می\u200cخواهم", "👩\u200d🔬"
    assert plain_text(persian) == persian
    assert plain_text(f"{scientist} Forschung") == f"{scientist} Forschung"
    assert plain_text("Städte\u200cpartner\u200dschaft") == "Städtepartnerschaft"


def test_a_plain_text_keeps_quotes_apostrophes_and_letters() -> None:
    typographic = "„Klimaschutz“ ‚Stadt‘ «Netz» ‹Rat› “city” don’t Ærø"
    assert plain_text(typographic) == typographic


def test_the_search_index_has_the_keyboards_apostrophe_inside_a_word_and_quotes_as_written() -> None:
    assert searchable_text(f"Fogland’s ‘moor{SHY}light’ don’t") == "Fogland's ‘moorlight’ don't"
    assert searchable_text("don’t") == "don't"
    assert searchable_text("„Klimaschutz“") == "„Klimaschutz“"


def test_each_language_index_is_searchable_and_separates_words_at_quotes() -> None:
    merged = {
        "config": {"lang": ["de", "en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"]},
        "docs": [
            {"location": "a.html", "title": f"Städte{SHY}partner", "text": f"<p>„Klima{ZERO_WIDTH['WJ']}schutz“</p>"},
            {"location": "en/a.html", "title": f"City{NBSP}partners", "text": "<p>Fogland’s “moorlight”</p>"},
        ],
    }
    texts = language_indexes(merged, Languages(("de", "en")))
    per_language = {language: json.loads(text) for language, text in texts.items()}
    # Written as compact as Material writes its index, the characters as they are.
    assert texts["de"] == json.dumps(per_language["de"], ensure_ascii=False, separators=(",", ":"))
    assert per_language["de"]["docs"] == [
        {"location": "a.html", "title": "Städtepartner", "text": "<p>„Klimaschutz“</p>"}
    ]
    assert per_language["en"]["docs"] == [
        {"location": "a.html", "title": "City partners", "text": "<p>Fogland's “moorlight”</p>"}
    ]
    # The browser's search splits with this expression; Python reads this one the same way.
    separator = re.compile(per_language["de"]["config"]["separator"])
    words = '„Klimaschutz“ und «Städte»-Netz ‚Rat‘ ‹x› "y" “city” don\'t'
    assert [word for word in separator.split(words) if word] == [
        "Klimaschutz",
        "und",
        "Städte",
        "Netz",
        "Rat",
        "x",
        "y",
        "city",
        "don't",
    ]
    # A word pasted into the search box with a soft hyphen in it is searched as its parts.
    assert separator.split(f"Städte{SHY}partnerschaft") == ["Städte", "partnerschaft"]


def test_a_character_is_named_as_editors_can_look_it_up() -> None:
    assert character_name(SHY) == "U+00AD SOFT HYPHEN"
    assert character_name("\u202e") == "U+202E RIGHT-TO-LEFT OVERRIDE"


def schema_patterns() -> dict[str, str]:
    """The pattern of every kind of name in the schemas: ids, addresses, e-mail addresses, page names,
    folders, a picture's file, old addresses."""
    common = json.loads((ROOT / "data" / "common.schema.json").read_text(encoding="utf-8"))["$defs"]
    articles = json.loads((ROOT / "data" / "articles.schema.json").read_text(encoding="utf-8"))["$defs"]
    article = json.loads((ROOT / "hooks/microsite/articles/article.schema.json").read_text(encoding="utf-8"))
    return {
        "alpha-city": common["id"]["pattern"],
        "https://example.org/a/b?c=d": common["url"]["pattern"],
        "mailto:name@example.org": common["url"]["pattern"],
        "name@example.org": common["email"]["pattern"],
        "a.md": common["articleSource"]["properties"]["page"]["pattern"],
        "texts/on": articles["folder"]["pattern"],
        "https://example.org/b": article["properties"]["first_published"]["properties"]["url"]["pattern"],
        "images/harbour.jpg": article["properties"]["image"]["properties"]["src"]["pattern"],
        "old-name.md": article["properties"]["moved_from"]["items"]["pattern"],
    }


@pytest.mark.parametrize("character", list(INVISIBLE), ids=character_name)
def test_every_kind_of_name_refuses_each_invisible_character(character: str) -> None:
    for name, pattern in schema_patterns().items():
        assert re.search(pattern, name), f"{name!r} should be valid"
        pasted = name[:2] + character + name[2:]
        assert not re.search(pattern, pasted), f"{pasted!r} passes {pattern}"


def test_a_data_marker_with_an_invisible_character_names_it() -> None:
    marker = next(find_markers(f"<!-- data: partnership al{SHY}pha -->"))
    assert marker.invisible_character() == len("<!-- data: partnership al")
    assert marker.problem() == (
        "the data marker has an invisible character, U+00AD SOFT HYPHEN, after '…data: partnership al' – "
        "delete it: retype the marker"
    )


def test_a_non_breaking_space_in_a_data_marker_is_a_space() -> None:
    marker = next(find_markers(f"<!-- data: partnership{NBSP}alpha -->"))
    assert (marker.name, marker.argument, marker.invisible_character()) == ("partnership", "alpha", None)


def test_a_name_given_to_the_scaffolding_with_an_invisible_character_is_refused_with_its_name(tmp_path: Path) -> None:
    with pytest.raises(scaffold.Refused) as refused:
        scaffold.new_article(tmp_path, f"klima{ZERO_WIDTH['ZERO WIDTH SPACE']}netz", "Titel", "Ein Satz.")
    assert str(refused.value) == (
        "the page name has an invisible character, U+200B ZERO WIDTH SPACE, after 'klima' – "
        "delete it: type the page name again, e.g. 'city-networks'"
    )
    assert list(tmp_path.iterdir()) == []
