"""A copy of the fixture publication whose shown texts are markup, as anyone can type into front matter
and data: a page's and an article's title and description, an author's name, a topic's name and a
partner city's name each hold a closing `</script>` with a script after it, an `<img>` with an event
handler, a character reference, an ampersand and quotes. Each in every language, each translation
recorded as current (the `translated` command). Readers must see each text as typed, and nothing of it
may run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from project import assemble_publication, collection_folder, microsite, publication_data
from site_model import LANGUAGES

SOURCE, TRANSLATION = LANGUAGES.source, LANGUAGES.translations[0]
# What a page would run if any of these texts reached it as markup: it sets this global.
PWNED = "__pwned"
MARKUP = (
    f'</script><script>window.{PWNED}=1</script> <img src=x onerror=window.{PWNED}=1> &lt;b&gt; & "quoted"'
    " </title></textarea><!--"
)


def hostile(word: str) -> str:
    """A text that starts with `word` (so that each field's text can be told apart) and goes on in markup."""
    return f"{word} {MARKUP}"


# Each field's text, per language: the words differ so that no translation is its source unchanged.
PAGE_TITLE = {SOURCE: hostile("Seitentitel"), TRANSLATION: hostile("Pagetitle")}
PAGE_DESCRIPTION = {SOURCE: hostile("Seitenbeschreibung"), TRANSLATION: hostile("Pagedescription")}
# Material shows a page's subtitle under its title in the navigation, and its author in the head.
PAGE_SUBTITLE = {SOURCE: hostile("Untertitel"), TRANSLATION: hostile("Subtitle")}
PAGE_AUTHOR = {SOURCE: hostile("Seitenautorin"), TRANSLATION: hostile("Pageauthor")}
ARTICLE_TITLE = {SOURCE: hostile("Beitragstitel"), TRANSLATION: hostile("Articletitle")}
ARTICLE_DESCRIPTION = {SOURCE: hostile("Beitragsvorspann"), TRANSLATION: hostile("Articlelead")}
# A person's name is one text in every language.
AUTHOR_NAME = hostile("Autorname")
TOPIC_NAME = {SOURCE: hostile("Themenname"), TRANSLATION: hostile("Topicname")}
CITY_NAME = {SOURCE: hostile("Stadtname"), TRANSLATION: hostile("Cityname")}
# A page without a title in its front matter is called by its first heading, Markdown, whose character
# references are text: the heading as written, and as readers see it.
HEADING = {
    SOURCE: "Überschrift ohne Titelfeld &lt;/title&gt;&lt;img src=x onerror=window.__pwned=1&gt;",
    TRANSLATION: "Heading without a title field &lt;/title&gt;&lt;img src=x onerror=window.__pwned=1&gt;",
}
SHOWN_HEADING = {language: heading.replace("&lt;", "<").replace("&gt;", ">") for language, heading in HEADING.items()}
DATE = "2001-02-03"


@dataclass(frozen=True)
class Hostile:
    project: Path
    # Paths below the language folders.
    page: str
    untitled: str
    article: str
    author: str
    topic: str
    partnership: str

    def html(self, language: str, path: str) -> str:
        """The built page's path below the site root."""
        return LANGUAGES.root(language) + path.removesuffix(".md") + ".html"


def hostile_project(destination: Path) -> Hostile:
    project = assemble_publication(destination)
    page = "hostile.md"
    untitled = "untitled.md"
    article = f"{collection_folder(project)}/hostile-article.md"
    author = publication_data("people", project)["people"][0]
    topic = publication_data("articles", project)["topics"][0]
    partnership = publication_data("partnerships", project)["partnerships"][0]
    _replace_line(project / "data" / "people.yml", f"name: {author['name']}", f"name: {json.dumps(AUTHOR_NAME)}")
    for language in (SOURCE, TRANSLATION):
        _replace_line(
            project / "data" / "articles.yml",
            f"{language}: {topic['name'][language]}",
            f"{language}: {json.dumps(TOPIC_NAME[language])}",
        )
        _replace_line(
            project / "data" / "partnerships.yml",
            f"{language}: {partnership['city']['name'][language]}",
            f"{language}: {json.dumps(CITY_NAME[language])}",
        )
        _write(
            project / "docs" / language / page,
            {
                "title": PAGE_TITLE[language],
                "description": PAGE_DESCRIPTION[language],
                "subtitle": PAGE_SUBTITLE[language],
                "author": PAGE_AUTHOR[language],
                "nav_order": 1,
            },
            f"# {_heading(language)}\n\n{_text(language)}\n",
        )
        _write(
            project / "docs" / language / untitled,
            {"description": PAGE_DESCRIPTION[language], "nav_order": 2},
            f"# {HEADING[language]}\n\n{_text(language)}\n",
        )
        _write(
            project / "docs" / language / article,
            {
                "title": ARTICLE_TITLE[language],
                "description": ARTICLE_DESCRIPTION[language],
                "date": DATE,
                "authors": [author["id"]],
                "topics": [topic["id"]],
            },
            f"{_text(language)}\n",
        )
    recorded = microsite(
        "translated",
        f"docs/{TRANSLATION}/{page}",
        f"docs/{TRANSLATION}/{untitled}",
        f"docs/{TRANSLATION}/{article}",
        "data/people.yml",
        "data/articles.yml",
        "data/partnerships.yml",
        "--project",
        str(project),
    )
    assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    return Hostile(project, page, untitled, article, author["id"], topic["id"], partnership["id"])


def _heading(language: str) -> str:
    return {SOURCE: "Eine Seite mit Markup in ihren Feldern", TRANSLATION: "A page with markup in its fields"}[language]


def _text(language: str) -> str:
    return {
        SOURCE: "Die Felder dieser Seite enthalten Markup, das als Text erscheinen muss und nie ausgeführt wird.",
        TRANSLATION: "The fields of this page hold markup, which must show as text and never run.",
    }[language]


def _replace_line(path: Path, start: str, new: str) -> None:
    """The first line of `path` that starts with `start` (after its indentation), its comment included,
    replaced by `new` at the same indentation."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(number for number, line in enumerate(lines) if line.lstrip().startswith(start))
    indentation = lines[number][: len(lines[number]) - len(lines[number].lstrip())]
    lines[number] = f"{indentation}{new}\n"
    path.write_text("".join(lines), encoding="utf-8")


def _write(path: Path, front_matter: dict, body: str) -> None:
    # JSON's strings and lists are YAML's; a date stays a date.
    lines = "".join(f"{key}: {value if key == 'date' else json.dumps(value)}\n" for key, value in front_matter.items())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{lines}---\n\n{body}", encoding="utf-8")
