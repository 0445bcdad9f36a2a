"""Blocks and data texts left untranslated or in the wrong language: what is legitimately in one language
passes, what is not is found (in source pages too), declarations that match nothing are reported, and the
language model is consulted only among the publication's languages and only when a build needs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from microsite import parity
from microsite.parity import text_language
from microsite.parity.text_language import judged_words, language_of
from parity_project import (
    DATA,
    DE,
    EN,
    ENGLISH,
    GERMAN,
    LANGUAGES,
    PARAGRAPH_DE,
    PARAGRAPH_EN,
    SOURCE,
    TRANSLATION,
    declared,
    findings_of,
    line_of,
    make_project,
    replaced,
    stamp,
    stamp_data,
)

# Translations (and sources) that must pass: what is legitimately the same, or declared so.
PASSING_PAIRS = {
    "a copied paragraph, declared": (
        SOURCE,
        declared(replaced(PARAGRAPH_EN, PARAGRAPH_DE), "Ein Absatz", "untranslated-block"),
    ),
    "German in the English page, declared": (
        SOURCE,
        declared(replaced("> A quote.", f"> {GERMAN}"), "> Dieses", "wrong-language"),
    ),
    "German in the English page, declared for the page": (
        SOURCE,
        replaced("> A quote.", f"> {GERMAN}").replace(
            "description: A page.\n", "description: A page.\nparity_ignore: [wrong-language]\n"
        ),
    ),
    "an English quotation in both, declared in the source": (
        declared(SOURCE.replace("> Ein Zitat.", f"> {ENGLISH}"), f"> {ENGLISH}", "wrong-language"),
        replaced("> A quote.", f"> {ENGLISH}"),
    ),
    "names with an attribute list, which is no words": (
        SOURCE.replace("> Ein Zitat.", "> Alpha Beta Gamma Delta Epsilon\n> { .byline }"),
        replaced("> A quote.", "> Alpha Beta Gamma Delta Epsilon\n> { .byline }"),
    ),
    "names, too few words to judge": (
        SOURCE.replace("> Ein Zitat.", "> Alpha Beta und Gamma Delta"),
        replaced("> A quote.", "> Alpha Beta und Gamma Delta"),
    ),
}


@pytest.mark.parametrize(("source", "translation"), PASSING_PAIRS.values(), ids=PASSING_PAIRS.keys())
def test_what_is_legitimately_in_one_language_passes(tmp_path: Path, source: str, translation: str) -> None:
    assert findings_of(make_project(tmp_path / "project", source=source, translation=translation)) == []


def test_a_block_in_the_wrong_language_is_found_in_source_pages_too(tmp_path: Path) -> None:
    source = SOURCE.replace("> Ein Zitat.", f"> {ENGLISH}")
    assert findings_of(make_project(tmp_path / "project", source=source)) == [
        f"{DE}:{line_of(source, '> This')}: [wrong-language] this block quote is in English, but the page is in German – write it in German; "
        "if it is meant to stay so (a name, a quotation), put <!-- parity-ignore: wrong-language --> on the line before it"
    ]


def test_a_declaration_for_a_block_that_is_translated_is_reported(tmp_path: Path) -> None:
    translation = declared(TRANSLATION, "A paragraph", "untranslated-block")
    assert findings_of(make_project(tmp_path / "project", translation=translation)) == [
        f"{EN}:{line_of(stamp(translation, SOURCE), '<!-- parity-ignore')}: [unused-exemption] 'untranslated-block' is declared here "
        "but nothing differs – remove the declaration"
    ]


def test_a_data_text_in_the_wrong_language(tmp_path: Path) -> None:
    data = stamp_data(DATA).replace("      en: Start\n", f"      en: {GERMAN}\n")
    message = (
        "events, record 1 ('start'), title.en: this text is in German, not in English – write it in English; if it is meant to stay so "
        "(a name, a quotation), declare it with '# parity-ignore: wrong-language' at the end of this line"
    )
    assert findings_of(make_project(tmp_path / "project", data=data)) == [
        f"data/timeline.yml:8: [wrong-language] {message}"
    ]
    declaring = data.replace(f"en: {GERMAN}\n", f"en: {GERMAN}  # parity-ignore: wrong-language\n")
    assert findings_of(make_project(tmp_path / "declared", data=declaring)) == []
    needless = stamp_data(DATA).replace("      en: Start\n", f"      en: {ENGLISH}  # parity-ignore: wrong-language\n")
    assert findings_of(make_project(tmp_path / "needless", data=needless)) == [
        "data/timeline.yml:8: [unused-exemption] this line declares 'wrong-language', but its text is not surely in another "
        "language than its key's – remove the '# parity-ignore: wrong-language' comment"
    ]


def test_the_build_does_not_load_the_language_model_for_pairs_verified_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model takes most of a second to load; a build whose pairs are all verified does not need it."""
    # A German text under 'en', declared: the build neither tells its language nor reports the declaration unused.
    declared_german = f"      en: {GERMAN}  # parity-ignore: wrong-language\n"
    project = make_project(tmp_path / "project", data=stamp_data(DATA).replace("      en: Start\n", declared_german))
    parity.mark_page(project, project / EN, LANGUAGES)
    parity.mark_page(project, project / "docs" / "en" / "andere.md", LANGUAGES)
    # Where the model is loaded, or taken from what this process loaded before.
    asked_for_the_model = []
    monkeypatch.setattr(text_language, "_identifier", lambda codes: asked_for_the_model.append(codes))
    found = parity.check_project(project, trust_verified=True).findings
    assert asked_for_the_model == []
    assert found == []


def test_languages_are_told_only_among_the_publication_s_and_only_if_the_model_knows_them_all() -> None:
    assert language_of(judged_words(GERMAN), ("de", "en_GB")) == "de"
    assert language_of(judged_words(ENGLISH), ("de", "en_GB")) == "en_GB"
    assert language_of(judged_words(GERMAN), ("de", "xx")) is None
    assert language_of(judged_words("Alpha Beta und Gamma Delta"), ("de", "en")) is None
