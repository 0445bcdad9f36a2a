"""What a data marker's renderer is given: the page it renders into, the data, and the templates."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import jinja2
from markupsafe import Markup
from mkdocs.structure.files import Files

from .. import upstream
from ..articles import Article, Collection
from ..articles.pictures import PictureSizes
from ..data import PublicationData
from ..findings import Finding
from ..language_texts import MarkedText, Shown, in_language, joined
from ..problems import Problem, Problems
from ..templates import FOLDER
from ..words import Words
from .translations import Translations, translations_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from ..settings import Settings
    from ..state import BuildState


# Splits a label around the places its values go (see `RenderContext.sentence`).
_PLACE = "\0"


@dataclass(frozen=True)
class RenderContext:
    language: str
    # The URL of the page being rendered: links to other pages are made relative to it.
    page_url: str
    files: Files
    data: PublicationData
    templates: jinja2.Environment
    # `docs/<page>:<line>` of the marker, for the messages editors see.
    where: str
    # The article collection (None without data/articles.yml).
    articles: Collection | None = None
    # Where each translation stands (None in a build whose parity check made no status).
    translations: Translations | None = None
    # The language every data text has, shown where the page's language has none yet.
    source_language: str = field(kw_only=True)
    # The build's configuration (None outside a build): the site's name and address, the project's folder.
    config: MkDocsConfig | None = field(default=None, kw_only=True)
    # The generator's settings in mkdocs.yml (None outside a build).
    settings: Settings | None = field(default=None, kw_only=True)
    # The files the page shows, as editors know them ('data/timeline.yml', 'docs/en/artikel/x.md'): what
    # the renderers read is added, so that the live preview shows their problems on the page.
    shows: set[str] = field(default_factory=set, kw_only=True)
    # What the build found wrong and what it says (None outside a build).
    problems: Problems | None = field(default=None, kw_only=True)
    # The article pictures' published sizes, by their path in the Files (rendering/picture_files.py).
    pictures: dict[str, PictureSizes] = field(default_factory=dict, kw_only=True)
    # The generator's interface words (words/).
    words: Words = field(kw_only=True)
    # What a template's `set_aside(html)` gives the Markdown for a block of HTML (set_aside_html.py): in a build, a
    # stand-in; outside one, the block itself.
    set_aside: Callable[[str], Markup] = field(default=Markup, kw_only=True)
    # The URL of each page linked to so far, by its path below the language folder: the cards of a topic's or
    # an author's page link to the same pages over and over.
    _links: dict[str, str] = field(default_factory=dict, kw_only=True, repr=False, compare=False)

    @classmethod
    def of_page(cls, state: BuildState, page: Page, files: Files, where: str) -> RenderContext:
        return cls(
            language=state.language,
            page_url=page.url,
            files=files,
            data=state.data,
            templates=state.templates,
            where=where,
            articles=state.articles,
            translations=translations_of(state),
            source_language=state.languages.source,
            config=state.config,
            settings=state.settings,
            shows=state.problems.shown_by_page.setdefault(upstream.page_file_path(page), set()),
            problems=state.problems,
            pictures=state.pictures,
            words=state.words,
            set_aside=state.set_aside_html.set_aside,
        )

    def shown(self, bilingual: dict) -> Shown:
        """A data text as this page shows it, with the language it is in, for uses that need plain
        text (the map's SVG) and mark its language themselves."""
        return in_language(bilingual, self.language, self.source_language)

    def text(self, bilingual: dict) -> str:
        """A data text in the page's language, as plain text that the templates escape. Where the page's
        language has none yet, the source language's text, which a template writes marked with its
        language and followed by a notice (partials/data/untranslated.html)."""
        shown = self.shown(bilingual)
        if shown.language == self.language:
            return shown.text
        # The template escapes the text; its output is markup, ready to be written as it is.
        html = self.render("untranslated.html", text=shown.text, language=shown.language).removesuffix("\n")
        return MarkedText(shown.text, Markup(html))

    def label(self, key: str, **values: object) -> str:
        return self.words.label(self.language, key, **values)

    def sentence(self, key: str, **values: dict) -> list[dict]:
        """A label with values in it, split where each value goes, so that the template writes every value
        in its own element (the `words` macro of partials/data/sentence.html): `{"text": …}` plain,
        `{"value": …}` a data text (marked where untranslated), `{"time": …}` a date, `{"link": …}` a link."""
        words = self.label(key, **{name: f"{_PLACE}{name}{_PLACE}" for name in values})
        return [values[part] if index % 2 else {"text": part} for index, part in enumerate(words.split(_PLACE))]

    def link(self, src_path: str) -> str:
        """The URL, relative to this page, of a page given by its path below the language folder."""
        if src_path in self._links:
            return self._links[src_path]
        src_uri = f"{self.language}/{src_path}"
        target = self.files.get_file_from_path(src_uri)
        if target is None:
            message = f"the data links to docs/{src_uri}, which does not exist – add that page or correct the data"
            raise Problem(self.finding(message))
        self._links[src_path] = upstream.relative_url(target.url, self.page_url)
        return self._links[src_path]

    def place(self, city: dict) -> str:
        """Region and country of a city: "New York, Vereinigte Staaten"."""
        return joined(", ", (self.text(city[key]) for key in ("region", "country") if key in city))

    def relation(self, partnership: dict) -> str:
        """The kind of link and, where known, since when, its words marked if they are untranslated."""
        return self.relation_and_year(partnership, self.text(partnership["relation"]))

    def relation_and_year(self, partnership: dict, relation: str) -> str:
        """The kind of link (`relation`: the partnership's, as the page shows it) and, where known, since
        when: "Städtepartnerschaft seit 1978"; an untranslated relation keeps its marking (texts.joined)."""
        return (
            joined(" ", [relation, self.label("since", year=partnership["since"])])
            if "since" in partnership
            else relation
        )

    def partner(self, partnership_id: str) -> dict[str, str]:
        """A partner city as a link to its partnership's page: its name and the page's URL."""
        self.require("partnerships")
        folder = self.data.get("partnerships")["page_folder"]
        return {
            "name": self.text(self.data.partnership(partnership_id)["city"]["name"]),
            "link": self.link(f"{folder}/{partnership_id}.md"),
        }

    def require(self, name: str) -> None:
        """The marker shows data/NAME.yml: stop with a message to the editor if it does not exist, or (in the
        live preview) with its problems if it cannot be used as it is."""
        file = f"data/{name}.yml"
        self.shows.add(file)
        if name in self.data.unusable:
            raise Problem(self.data.findings_of(name))
        if self.data.get(name) is None:
            raise Problem(self.finding(f"this marker needs {file}, which does not exist – add it or remove the marker"))

    def shows_article(self, article: Article) -> None:
        """The page lists the article (a card), or is its page."""
        self.shows.add(f"docs/{article.language}/{article.path}")

    def finding(self, message: str) -> Finding:
        """A problem of the marker being rendered, at its place ("docs/<page>:<line>")."""
        file, _, line = self.where.rpartition(":")
        return Finding(file, int(line), message) if line.isdigit() else Finding(self.where, 1, message)

    def render(self, template: str, **view: object) -> str:
        """A template of `partials/data/` with this view model; `label(key)` gives the page's words."""
        return self.templates.get_template(f"{FOLDER}/{template}").render(
            label=self.label, set_aside=self.set_aside, **view
        )
