"""What readers of a lagging translation are told, without a build: the notice on an outdated page (in
the page's language, where it stands, what it says and links to) and the translation status page.

The statuses are made up, for two publications: one with German as its source and one with English,
so that every sentence is checked in both languages; every text a template writes has a hostile
string in it, so that a template that stops escaping fails.
"""

from __future__ import annotations

import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from microsite import upstream
from microsite.data import PublicationData
from microsite.languages import Languages
from microsite.pages.status import render_translation_status
from microsite.parity.status import (
    ChangedSection,
    PageTranslation,
    RecordTranslation,
    SourceChange,
    State,
    TranslationStatus,
)
from microsite.rendering import (
    RenderContext,
    Translations,
    folder_templates,
    render_translation_notice,
)
from microsite.translation_policy import TranslationPolicy
from microsite.words import read_words
from mkdocs.structure.files import Files
from project import ROOT
from site_model import parse_html

TEMPLATES = folder_templates([ROOT / "overrides"])
HOSTILE = "<b>x</b> & 'y'"
ESCAPED = "&lt;b&gt;x&lt;/b&gt; &amp; &#39;y&#39;"
PAGE = "guide/page.md"
CHANGED = datetime.date(2024, 3, 15)
TRANSLATED = datetime.date(2024, 1, 10)
MARKDOWN = "# Title { #title }\n\nFirst paragraph.\n\n## Second\n\nMore.\n"
# The notice's title, its first sentence and its link, per translation: (source, translation language).
SENTENCES = {
    ("de", "en"): (
        "Note: this translation is behind its original",
        "The original of this page was changed on March 15, 2024, after this translation was made.",
        "Read the original in German",
    ),
    ("en", "de"): (
        "Hinweis: Diese Übersetzung ist nicht auf dem Stand des Originals",
        "Das Original dieser Seite wurde am 15. März 2024 geändert, nachdem diese Übersetzung entstanden ist.",
        "Zum Original auf Englisch",
    ),
}
PAIRS = sorted(SENTENCES)


def change(
    changed_on: datetime.date | None = CHANGED,
    translated_on: datetime.date | None = TRANSLATED,
    sections: tuple[ChangedSection, ...] | None = (ChangedSection("", None), ChangedSection(HOSTILE, "second")),
) -> SourceChange:
    return SourceChange(changed_on, translated_on, sections)


def status(source: str, *pages: PageTranslation, records: tuple = ()) -> TranslationStatus:
    return TranslationStatus(TranslationPolicy(), source, list(pages), list(records))


def docs_with_titles(root: Path, languages: Languages) -> Path:
    """A docs/ folder with PAGE in every language, titled '<language> title <hostile>'."""
    for language in languages.codes:
        page = root / language / PAGE
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f'---\ntitle: "{language} title {HOSTILE}"\n---\n\n# Title\n', encoding="utf-8")
    return root


def context(
    language: str,
    made_up: TranslationStatus | None,
    languages: Languages,
    docs: Path = ROOT / "nowhere",
    page: str = PAGE,
    data: PublicationData | None = None,
) -> RenderContext:
    """The context of the page at `page` in `language` (a built site with .html addresses)."""
    translations = (
        Translations(
            made_up, languages, docs, lambda language, path: languages.root(language) + path.replace(".md", ".html")
        )
        if made_up
        else None
    )
    return RenderContext(
        language,
        languages.root(language) + page.removesuffix(".md") + ".html",
        Files([]),
        data or PublicationData(files={}),
        TEMPLATES,
        where="docs/x.md:1",
        translations=translations,
        source_language=languages.source,
        words=read_words(languages),
    )


class _Text(HTMLParser):
    """The text a reader reads in some HTML, each paragraph, list item and table cell on its own."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = [""]

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("p", "li", "td", "th", "caption", "h2"):
            self.pieces.append("")

    def handle_data(self, data: str) -> None:
        self.pieces[-1] += data


def texts_of(html: str) -> list[str]:
    reader = _Text()
    reader.feed(html)
    return [" ".join(piece.split()) for piece in reader.pieces if piece.strip()]


def notice_paragraphs(markdown: str) -> list[str]:
    """The text of each paragraph and list item of the notice."""
    return texts_of(markdown[markdown.index("<aside") : markdown.index("</aside>")])


@pytest.mark.parametrize(("source", "language"), PAIRS)
def test_the_notice_says_in_the_pages_language_when_the_original_changed_and_links_it(
    source: str, language: str
) -> None:
    languages = Languages((source, language))
    made_up = status(source, PageTranslation(PAGE, language, State.OUTDATED, change()))
    output = render_translation_notice(MARKDOWN, context(language, made_up, languages), PAGE)
    title, sentence, link_text = SENTENCES[(source, language)]
    paragraphs = notice_paragraphs(output)
    assert (paragraphs[0], paragraphs[1], paragraphs[-1]) == (title, sentence, link_text)
    html = parse_html(output)
    aside = html.find("aside")
    assert aside.attrs["role"] == "note"
    assert "data-search-exclude" in aside.attrs
    # Named like its visible title, which says in words ("Note: …") what the notice is about.
    assert aside.attrs["aria-label"] == title
    assert html.find("time", datetime="2024-03-15") is not None
    original = [a for a in html.find_all("a") if "hreflang" in a.attrs]
    # From <language>/guide/page.html to the source language's page, which is in the site's root.
    assert [(a.attrs["href"], a.attrs["hreflang"]) for a in original] == [("../../guide/page.html", source)]


def around_notice(markdown: str) -> tuple[str, str]:
    """The Markdown before the notice and after it; a blank line on either side makes it a block of its own."""
    before, _, rest = markdown.partition("<aside")
    after = rest.partition("</aside>\n")[2]
    assert before.endswith("\n\n") or not before.strip()
    assert after.startswith("\n")
    return before.strip("\n"), after.strip("\n")


@pytest.mark.parametrize(("source", "language"), PAIRS)
def test_the_notice_stands_right_under_the_title(source: str, language: str) -> None:
    languages = Languages((source, language))
    made_up = status(source, PageTranslation(PAGE, language, State.OUTDATED, change()))
    rendered = context(language, made_up, languages)
    assert around_notice(render_translation_notice(MARKDOWN, rendered, PAGE)) == (
        "# Title { #title }",
        "First paragraph.\n\n## Second\n\nMore.",
    )
    setext = render_translation_notice("Title\n=====\nText.\n", rendered, PAGE)
    assert around_notice(setext) == ("Title\n=====", "Text.")
    # A `#` line in a code block is no title; without a title, the notice opens the page.
    fenced = "```\n# not a title\n```\n\n# Title\n"
    assert around_notice(render_translation_notice(fenced, rendered, PAGE)) == (fenced.strip("\n"), "")
    untitled = "Text.\n\n```\n# not a title\n```\n"
    assert around_notice(render_translation_notice(untitled, rendered, PAGE)) == ("", untitled.strip("\n"))


def test_the_changed_sections_link_into_the_page_and_name_its_beginning() -> None:
    languages = Languages(("de", "en"))
    made_up = status("de", PageTranslation(PAGE, "en", State.OUTDATED, change()))
    output = render_translation_notice(MARKDOWN, context("en", made_up, languages), PAGE)
    assert notice_paragraphs(output)[2] == "Changed sections:"
    assert "<li>Beginning of the page</li>" in output
    assert f'<li><a href="#second">{ESCAPED}</a></li>' in output
    assert HOSTILE not in output


@pytest.mark.parametrize(
    ("known", "sentence"),
    [
        (
            change(changed_on=None, sections=None),
            "The original of this page has changed since it was translated on January 10, 2024.",
        ),
        (
            change(changed_on=None, translated_on=None, sections=None),
            "The original of this page has changed since this translation was made.",
        ),
    ],
)
def test_without_git_history_the_notice_says_since_when_the_translation_is_older(
    known: SourceChange, sentence: str
) -> None:
    languages = Languages(("de", "en"))
    made_up = status("de", PageTranslation(PAGE, "en", State.OUTDATED, known))
    output = render_translation_notice(MARKDOWN, context("en", made_up, languages), PAGE)
    assert notice_paragraphs(output) == [
        "Note: this translation is behind its original",
        sentence,
        "Read the original in German",
    ]
    assert "<ul" not in output


@pytest.mark.parametrize("state", [State.CURRENT, State.UNTRACKED, State.MISSING])
def test_only_an_outdated_translation_has_a_notice(state: State) -> None:
    languages = Languages(("de", "en"))
    made_up = status("de", PageTranslation(PAGE, "en", state))
    assert render_translation_notice(MARKDOWN, context("en", made_up, languages), PAGE) == MARKDOWN


def test_the_original_and_a_build_without_a_translation_status_have_no_notice() -> None:
    languages = Languages(("de", "en"))
    made_up = status("de", PageTranslation(PAGE, "en", State.OUTDATED, change()))
    assert render_translation_notice(MARKDOWN, context("de", made_up, languages), PAGE) == MARKDOWN
    assert render_translation_notice(MARKDOWN, context("en", None, languages), PAGE) == MARKDOWN
    # Another page of the same translation.
    assert render_translation_notice(MARKDOWN, context("en", made_up, languages), "other.md") == MARKDOWN


def status_page(tmp_path: Path, language: str) -> str:
    """The status page in `language` of a made-up German–English status: PAGE outdated, a page not
    translated (nor written: it goes by its file name in words, as in the footer and on a stand-in), a current record without a name and a missing one
    with a German title."""
    languages = Languages(("de", "en"))
    made_up = status(
        "de",
        PageTranslation(PAGE, "en", State.OUTDATED, change()),
        PageTranslation("new.md", "en", State.MISSING),
        records=(
            RecordTranslation("data/events.yml", "start", "en", State.CURRENT),
            RecordTranslation("data/events.yml", "later", "en", State.MISSING, missing_texts=("title", "note")),
        ),
    )
    events = [{"id": "start"}, {"id": "later", "title": {"de": f"Titel {HOSTILE}"}}]
    data = PublicationData(files={"events": {"events": events}})
    docs = docs_with_titles(tmp_path / "docs", languages)
    output = render_translation_status(context(language, made_up, languages, docs, "status.md", data), None)
    assert ESCAPED in output and HOSTILE not in output
    # Whole lines of HTML, without a blank line, which would end the HTML block in Markdown.
    assert output.endswith(">\n") and "\n\n" not in output
    return output


STATUS_TEXTS = {
    "en": [
        "Current: the translation matches its original. Outdated: the original has changed since. Missing: there is "
        "no translation yet. Not verified: nobody has recorded yet which version was translated.",
        "English",
        "25% current – 1 of 4",
        *("Pages", "Original (German)", "Translation (English)", "State"),
        *(
            f"de title {HOSTILE}",
            f"en title {HOSTILE}",
            f"outdated since March 15, 2024 Changed: Beginning of the page, {HOSTILE}",
        ),
        *("New", "not translated", "missing"),
        *("Data records", "Record", "State", "Missing texts"),
        *("data/events.yml#start", "current"),
        *(f"data/events.yml#later Titel {HOSTILE}", "missing", "title, note"),
    ],
    "de": [
        "Aktuell: Die Übersetzung entspricht ihrem Original. Veraltet: Das Original wurde seitdem geändert. Fehlt: Es "
        "gibt noch keine Übersetzung. Nicht geprüft: Niemand hat bisher festgehalten, nach welcher Fassung übersetzt "
        "wurde.",
        "Englisch",
        "25 % aktuell – 1 von 4",
        *("Seiten", "Original (Deutsch)", "Übersetzung (Englisch)", "Stand"),
        *(
            f"de title {HOSTILE}",
            f"en title {HOSTILE}",
            f"veraltet seit 15. März 2024 Geändert: Anfang der Seite, {HOSTILE}",
        ),
        *("New", "nicht übersetzt", "fehlt"),
        *("Datensätze", "Datensatz", "Stand", "Fehlende Texte"),
        *("data/events.yml#start", "aktuell"),
        *(f"data/events.yml#later Titel {HOSTILE}", "fehlt", "title, note"),
    ],
}


@pytest.mark.parametrize("language", sorted(STATUS_TEXTS))
def test_the_status_page_lists_every_page_and_record_with_its_state_in_words(tmp_path: Path, language: str) -> None:
    """On the translation's own page, and on the original's, which lists the translations into English."""
    output = status_page(tmp_path, language)
    assert texts_of(output) == STATUS_TEXTS[language]
    html = parse_html(output)
    assert html.find("time", datetime="2024-03-15") is not None
    # Both versions of a page, linked relative to the status page, each titled and marked in its language;
    # a missing translation only by its original.
    up, into = ("../", "") if language == "en" else ("", "en/")
    links = [(a.attrs["href"], a.attrs.get("lang"), a.attrs.get("hreflang")) for a in html.find_all("a")]
    assert links == [
        (f"{up}guide/page.html", "de", "de"),
        (f"{into}guide/page.html", "en", "en"),
        # The changed sections, in the translation: its beginning (named in the page's language), a heading.
        (f"{into}guide/page.html", language, "en"),
        (f"{into}guide/page.html#second", "en", "en"),
        (f"{up}new.html", "de", "de"),
    ]
    # A name shown in another language than the page's is marked as such.
    assert (html.find("span", lang="de") is not None) == (language != "de")
    # Tables a screen reader can navigate: captions, and headers for columns and for rows.
    assert len(html.find_all("caption")) == 2
    assert {th.attrs["scope"] for th in html.find_all("th")} == {"col", "row"}


def test_a_status_page_without_a_status_is_refused() -> None:
    languages = Languages(("de", "en"))
    with pytest.raises(upstream.BuildError) as raised:
        render_translation_status(context("en", None, languages), None)
    assert str(raised.value) == (
        "docs/x.md:1: this build has no translation status to show – the marker belongs on the status page the "
        "build generates (extra.translation_policy.status_page in mkdocs.yml); remove it here"
    )
