"""Data texts whose translation is missing, without a build: every marker shows the source-language
text marked with its `lang` and followed by a notice in the page's language; plain uses get plain text.

The made-up data of tests/unit/test_rendering.py, with every text in the source language only.
"""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ElementTree
from typing import Any

import pytest
from markupsafe import escape
from microsite.data import PublicationData
from microsite.language_texts import Shown, in_language
from microsite.pages.data_markers import RENDERERS
from microsite.rendering import RenderContext
from site_model import label, parse_html, texts_with_language
from test_rendering import (
    ARGUMENTS,
    CONFIGS,
    ESCAPED,
    HOSTILE,
    LANGUAGES,
    SVG,
    assert_escaped,
    context,
    made_up_data,
    settings_of,
)

SOURCE = LANGUAGES.source


def source_only(content: Any) -> Any:
    """The content with each of its texts in the source language only, as before it is translated."""
    if isinstance(content, dict) and content and set(content) <= set(LANGUAGES.codes):
        return {SOURCE: content[SOURCE]}
    if isinstance(content, dict):
        return {key: source_only(value) for key, value in content.items()}
    if isinstance(content, list):
        return [source_only(value) for value in content]
    return content


def untranslated_context(language: str) -> RenderContext:
    """A page in `language` whose data and topics have no `language` text yet."""
    made_up = context(language)
    articles = dataclasses.replace(made_up.articles, topics=source_only(made_up.articles.topics))
    return dataclasses.replace(
        made_up, data=PublicationData(files=source_only(made_up_data().files)), articles=articles
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ({"de": "Quelle", "en": "Source"}, Shown("Source", "en")),
        ({"de": "Quelle"}, Shown("Quelle", "de")),
        ({"de": "Quelle", "en": None}, Shown("Quelle", "de")),
        ({"de": "Quelle", "en": " \n"}, Shown("Quelle", "de")),
    ],
)
def test_a_text_falls_back_to_the_source_language_where_its_own_is_missing(text: dict, expected: Shown) -> None:
    assert in_language(text, "en", "de") == expected


@pytest.mark.parametrize("language", LANGUAGES.translations)
@pytest.mark.parametrize("name", sorted(set(RENDERERS) - {"partnership-map"}))
def test_every_marker_shows_an_untranslated_text_in_the_source_language_with_a_notice(name: str, language: str) -> None:
    argument = ARGUMENTS.get(name, "north")
    untranslated = untranslated_context(language)
    if name in CONFIGS:
        untranslated = dataclasses.replace(untranslated, settings=settings_of(source_only(CONFIGS[name])))
    output = RENDERERS[name](untranslated, argument)
    assert_escaped(output)
    notice = label(language, "untranslated.notice")
    texts = texts_with_language(f'<div lang="{language}">{output}</div>')
    # The made-up data's texts, each "… <language> <hostile string>" (test_rendering.texts).
    marked = [
        position for position, (lang, text) in enumerate(texts) if lang == SOURCE and f" {SOURCE} {HOSTILE}" in text
    ]
    complete_context = context(language)
    if name in CONFIGS:
        complete_context = dataclasses.replace(complete_context, settings=settings_of(CONFIGS[name]))
    complete = texts_with_language(RENDERERS[name](complete_context, argument))
    if any(f" {language} {HOSTILE}" in text for _, text in complete):
        assert marked, output
    # Each text in the source language is followed by the notice, in the page's language.
    for position in marked:
        assert texts[position + 1] == (language, notice), texts
    # No markup where only text may stand: every attribute is plain.
    for element in parse_html(output).elements:
        assert not [value for value in element.attrs.values() if "<span" in value or notice in value], element


@pytest.mark.parametrize("language", LANGUAGES.translations)
def test_the_map_names_an_untranslated_city_in_plain_text_marked_with_its_language(language: str) -> None:
    data = source_only(made_up_data().files)
    cities = [data["partnerships"]["home_city"], *(record["city"] for record in data["partnerships"]["partnerships"])]
    figure = ElementTree.fromstring(RENDERERS["partnership-map"](untranslated_context(language), None))
    svg = figure.find(f"{SVG}svg")
    # Only SVG's own elements: an HTML element would end the SVG in a browser.
    assert {element.tag.split("}")[0] for element in svg.iter()} == {SVG.rstrip("}")}
    names = {
        text.text: text.get("lang") for text in svg.iter(f"{SVG}text") if "partnership-map__name" in text.get("class")
    }
    assert names == {city["name"][SOURCE]: SOURCE for city in cities}
    for city in cities:
        assert city["name"][SOURCE] in figure.find("figcaption").text


@pytest.mark.parametrize("language", LANGUAGES.translations)
def test_an_untranslated_text_is_plain_text_wherever_it_is_not_written_by_a_template(language: str) -> None:
    shown = untranslated_context(language).text({SOURCE: HOSTILE})
    assert str(shown) == f"{shown}" == HOSTILE
    assert type(str(shown)) is str
    assert type(shown + "") is str
    # A template writes it as its HTML: the text escaped, inside the element marking its language.
    written = parse_html(str(escape(shown)))
    assert written.find("span", lang=SOURCE) is not None
    assert ESCAPED in str(escape(shown)) and "<script" not in str(escape(shown))


@pytest.mark.parametrize("language", LANGUAGES.translations)
def test_a_relation_and_a_place_keep_the_marking_of_their_untranslated_words(language: str) -> None:
    page = untranslated_context(language)
    partnership = page.data.partnership("north")
    relation, place = page.relation(partnership), page.place(partnership["city"])
    since = label(language, "since", year=partnership["since"])
    notice = label(language, "untranslated.notice")
    assert str(relation) == f"{partnership['relation'][SOURCE]} {since}"
    assert texts_with_language(f'<p lang="{language}">{escape(relation)}</p>') == [
        (SOURCE, " ".join(partnership["relation"][SOURCE].split())),
        (language, notice),
        (language, since),
    ]
    region, country = partnership["city"]["region"][SOURCE], partnership["city"]["country"][SOURCE]
    assert str(place) == f"{region}, {country}"
    assert texts_with_language(f'<p lang="{language}">{escape(place)}</p>') == [
        (SOURCE, " ".join(region.split())),
        (language, notice),
        (language, ","),
        (SOURCE, " ".join(country.split())),
        (language, notice),
    ]
