"""Old addresses keep answering: an article that moved names its old pages in `moved_from`, and each
language gets a small page there that sends readers (a meta refresh and a link) and search engines (a
canonical link) on to the article, or to its stand-in in a language it is not translated into yet. No
plugin: mkdocs-redirects knows nothing of the language folders.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .. import upstream
from ..addresses import page_address
from ..findings import Finding
from ..pages.stand_in import stand_ins
from ..problems import Problem
from ..templates import FOLDER
from .content_security import add_policy_to_written_page

if TYPE_CHECKING:
    import jinja2

    from ..articles import Article
    from ..state import BuildState


def write_redirects(state: BuildState) -> None:
    """After every language is built: never over a page the build wrote."""
    collection = state.articles
    if collection is None:
        return
    template = state.templates.get_template(f"{FOLDER}/redirect.html")
    for language in state.languages.codes:
        for article in collection.of(language):
            _redirect_old_addresses(state, template, article, language, article.title)
    # A reader of an old address in a language the article has not reached yet finds its stand-in there.
    for src_uri, stand_in in stand_ins(state.publication).items():
        language, path = src_uri.split("/", 1)
        article = collection.article_at(state.languages.source, path)
        if article is not None:
            _redirect_old_addresses(state, template, article, language, stand_in.title)


def _redirect_old_addresses(
    state: BuildState, template: jinja2.Template, article: Article, language: str, title: str
) -> None:
    """A page at each old address of the article in `language`, leading to its page there, called `title`."""
    root = state.languages.root(language)
    target = page_address(state.config, state.languages, language, article.path)
    for old_path in article.moved_from:
        old = page_address(state.config, state.languages, language, old_path)
        written = state.site_dir / root / upstream.new_page_file(old_path, state.config).dest_uri
        if written.exists():
            message = f"moved_from names '{old_path}', but a page of the site is at that address now – remove it"
            state.problems.stop_or_report(Problem(Finding(f"docs/{article.language}/{article.path}", 1, message)))
            continue
        written.parent.mkdir(parents=True, exist_ok=True)
        html = template.render(
            language=language,
            title=title,
            canonical=state.site_url.rstrip("/") + "/" + target,
            link=upstream.relative_url(target, old),
            label=functools.partial(state.words.label, language),
        )
        written.write_text(add_policy_to_written_page(state, html), encoding="utf-8")
