"""A copy of the project with a page and an article as editors paste them from a word processor: soft
hyphens and non-breaking spaces in their titles, zero-width spaces and joiners too in their headings and
texts (in a title those are errors: tests/unit/test_hidden_characters.py), words in typographic quotes, a
typographic apostrophe. Both in every language, each translation recorded as current (the `translated`
command). The words are made up, so that no page of the publication has them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from project import assemble_publication, collection_folder, microsite, person_ids
from site_model import LANGUAGES

SOURCE, TRANSLATION = LANGUAGES.source, LANGUAGES.translations[0]
SHY, NBSP, NNBSP, ZWSP, WJ = "\u00ad", "\u00a0", "\u202f", "\u200b", "\u2060"

# The title as pasted, and as the browser tab, the navigation, the metadata and the search show it; the
# heading as pasted, which readers see as written.
PAGE_TITLE = {
    SOURCE: f"Quell{SHY}wasser{SHY}partner{NBSP}im{NNBSP}Nebel{SHY}land",
    TRANSLATION: f"Spring{SHY}water{NBSP}partners{NNBSP}in Fog{SHY}land",
}
PAGE_HEADING = {
    SOURCE: f"Quell{SHY}wasser{WJ}partner{NBSP}im{NNBSP}Nebel{ZWSP}land",
    TRANSLATION: f"Spring{SHY}water{NBSP}partners{NNBSP}in{WJ} Fog{ZWSP}land",
}
PLAIN_PAGE_TITLE = {SOURCE: "Quellwasserpartner im Nebelland", TRANSLATION: "Springwater partners in Fogland"}
PAGE_TEXT = {
    SOURCE: (
        f"Die „Quell{SHY}wasser{SHY}partnerschaft“ verbindet die beiden Städte seit vielen Jahren miteinander, "
        f"und das „Nebel{ZWSP}schutz{WJ}programm“ ergänzt sie. Am Abend leuchtet das ‚Moorlicht‘ über dem Tal."
    ),
    TRANSLATION: (
        f"The “Spring{SHY}water partnership” has linked the two cities for many years, and the "
        f"«Fog{ZWSP}shield{WJ}programme» adds to it. Fogland’s people say the ‘moorlight’ shines in the evening."
    ),
}
# What readers type into the search box to find the page: each word has a pasted character in the page
# (and one was copied from the page with its soft hyphen).
PAGE_SEARCHES = {
    SOURCE: ["Quellwasserpartnerschaft", "Nebelschutzprogramm", "Moorlicht", "Nebelland", f"Quell{SHY}wasser"],
    TRANSLATION: ["Springwater", "Fogshieldprogramme", "moorlight", "Fogland's", "Fogland’s"],
}

ARTICLE_TITLE = {
    SOURCE: f"Moor{SHY}licht{NBSP}über Nebel{SHY}land",
    TRANSLATION: f"Moor{SHY}light{NBSP}over Fog{SHY}land",
}
ARTICLE_HEADING = {
    SOURCE: f"Moor{SHY}licht{NBSP}über Nebel{ZWSP}land",
    TRANSLATION: f"Moor{SHY}light{NBSP}over Fog{ZWSP}land",
}
PLAIN_ARTICLE_TITLE = {SOURCE: "Moorlicht über Nebelland", TRANSLATION: "Moorlight over Fogland"}
ARTICLE_TEXT = {
    SOURCE: "Über dem Nebelland leuchtet am Abend das Moorlicht, und die Menschen bleiben lange auf den Straßen.",
    TRANSLATION: "Above Fogland the moorlight shines in the evening, and people stay out in the streets for long.",
}
DESCRIPTION = {
    SOURCE: "Eine Seite mit Text, wie er aus einem Textprogramm eingefügt wird.",
    TRANSLATION: "A page with text as it is pasted from a word processor.",
}


@dataclass(frozen=True)
class Pasted:
    project: Path
    # Paths below the language folders.
    page: str
    article: str

    def html(self, language: str, path: str) -> str:
        """The built page's path below the site root."""
        return LANGUAGES.root(language) + path.removesuffix(".md") + ".html"


def pasted_project(destination: Path) -> Pasted:
    project = assemble_publication(destination)
    page = "pasted.md"
    article = f"{collection_folder(project)}/pasted-article.md"
    author = person_ids(project)[0]
    for language in (SOURCE, TRANSLATION):
        _write(
            project / "docs" / language / page,
            f"title: {PAGE_TITLE[language]}\ndescription: {DESCRIPTION[language]}\n",
            f"# {PAGE_HEADING[language]}\n\n{PAGE_TEXT[language]}\n",
        )
        _write(
            project / "docs" / language / article,
            f"title: {ARTICLE_TITLE[language]}\ndescription: {DESCRIPTION[language]}\n"
            f"date: 2001-02-03\nauthors: [{author}]\n",
            f"# {ARTICLE_HEADING[language]}\n\n{ARTICLE_TEXT[language]}\n",
        )
    recorded = microsite(
        "translated", f"docs/{TRANSLATION}/{page}", f"docs/{TRANSLATION}/{article}", "--project", str(project)
    )
    assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    return Pasted(project, page, article)


def _write(path: Path, front_matter: str, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front_matter}---\n\n{body}", encoding="utf-8")
