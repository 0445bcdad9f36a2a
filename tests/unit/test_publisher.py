"""The publisher in mkdocs.yml (`extra.publisher`): read with a name per language, and every mistake
named with the file, the setting and what to write."""

from __future__ import annotations

import pytest
from microsite.languages import Languages
from microsite.publisher import Publisher, PublisherError, read_publisher

LANGUAGES = Languages(("de", "en"))


def test_a_publisher_has_a_name_per_language_or_one_for_all() -> None:
    per_language = read_publisher({"name": {"de": "Amt", "en": "Office"}, "url": "https://example.org/"}, LANGUAGES)
    assert per_language == Publisher({"de": "Amt", "en": "Office"}, "https://example.org/")
    assert per_language.name("en", "de") == "Office"
    one_name = read_publisher({"name": "Amt", "url": "https://example.org/"}, LANGUAGES)
    assert (one_name.name("de", "de"), one_name.name("en", "de")) == ("Amt", "Amt")
    untranslated = read_publisher({"name": {"de": "Amt"}, "url": "https://example.org/"}, LANGUAGES)
    assert untranslated.name("en", "de") == "Amt"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            None,
            "mkdocs.yml: extra.publisher is not set – write the body your legal notice names as publisher, "
            "'publisher: {name: …, url: …}' under 'extra:'",
        ),
        (
            "Amt",
            "mkdocs.yml: extra.publisher must be a mapping – write 'name: …' and 'url: https://…' below it",
        ),
        (
            {"name": "Amt", "url": "https://example.org/", "email": "a@example.org"},
            "mkdocs.yml: extra.publisher: unknown setting 'email' – use name, url, logo",
        ),
        (
            {"url": "https://example.org/"},
            "mkdocs.yml: extra.publisher.name: missing – write the publisher's name as the legal notice gives it: "
            "one text, or one per language, {de: …, en: …}",
        ),
        (
            {"name": {"en": "Office"}, "url": "https://example.org/"},
            "mkdocs.yml: extra.publisher.name: no de name – write the publisher's name as the legal notice gives it: "
            "one text, or one per language, {de: …, en: …}",
        ),
        (
            {"name": {"de": "Amt", "fr": "Bureau"}, "url": "https://example.org/"},
            "mkdocs.yml: extra.publisher.name: 'fr' is not a language of the site – use de, en",
        ),
        (
            {"name": {"de": "Amt", "en": " "}, "url": "https://example.org/"},
            "mkdocs.yml: extra.publisher.name.en: empty – write the publisher's name as the legal notice gives it: "
            "one text, or one per language, {de: …, en: …}",
        ),
        (
            {"name": "Amt"},
            "mkdocs.yml: extra.publisher.url: missing – write the publisher's web address, e.g. https://example.org/",
        ),
        (
            {"name": "Amt", "url": "www.example.org"},
            "mkdocs.yml: extra.publisher.url: 'www.example.org' is no web address – write a full address starting "
            "with https://, e.g. https://example.org/",
        ),
    ],
)
def test_a_wrong_publisher_is_named_with_what_to_write(value: object, message: str) -> None:
    with pytest.raises(PublisherError) as error:
        read_publisher(value, LANGUAGES)
    # The build names the line of the setting in mkdocs.yml before the message (Settings.line, settings.py).
    assert f"{error.value.config_file}: {error.value}" == message


def test_a_logo_is_a_png_or_jpeg_path_inside_the_site() -> None:
    value = {"name": "Die Stadt", "url": "https://example.org/", "logo": "assets/logo.png"}
    assert read_publisher(value, LANGUAGES).logo == "assets/logo.png"
    assert read_publisher({**value, "logo": None}, LANGUAGES).logo is None
    for outside in ("../logo.png", "/logo.png", "https://example.org/logo.png"):
        with pytest.raises(PublisherError, match="no path inside the site"):
            read_publisher({**value, "logo": outside}, LANGUAGES)
    with pytest.raises(PublisherError, match=r"no \.png, \.jpg, \.jpeg file"):
        read_publisher({**value, "logo": "assets/logo.svg"}, LANGUAGES)
