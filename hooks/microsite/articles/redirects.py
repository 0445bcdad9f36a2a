"""Old addresses keep answering: an article that moved names its old pages in `moved_from`, and each
language gets a small page there that sends readers (a meta refresh and a link) and search engines (a
canonical link) on to the article. No plugin: mkdocs-redirects knows nothing of the language folders.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .. import upstream
from ..rendering.labels import label
from ..templates import FOLDER

if TYPE_CHECKING:
    from ..state import BuildState


def write_redirects(state: BuildState) -> None:
    """After every language is built: never over a page the build wrote."""
    collection = state.articles
    if collection is None:
        return
    template = state.templates.get_template(f"{FOLDER}/redirect.html")
    for language in state.languages.codes:
        root = state.languages.root(language)
        for article in collection.of(language):
            target = root + upstream.page_url(state.config, article.path)
            for old_path in article.moved_from:
                old = root + upstream.page_url(state.config, old_path)
                written = state.site_dir / root / upstream.new_page_file(old_path, state.config).dest_uri
                if written.exists():
                    raise upstream.BuildError(
                        f"docs/{language}/{article.path}: moved_from names '{old_path}', but a page of the site is "
                        "at that address now – remove it from moved_from"
                    )
                written.parent.mkdir(parents=True, exist_ok=True)
                html = template.render(
                    language=language,
                    title=article.title,
                    canonical=state.site_url.rstrip("/") + "/" + target,
                    link=upstream.relative_url(target, old),
                    label=functools.partial(label, language),
                )
                written.write_text(html, encoding="utf-8")
