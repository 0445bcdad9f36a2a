"""A page converts to the same HTML with md_in_html's tag sets made once a page (upstream/python_markdown.py)
as with md_in_html as it is: the fixture publication's pages and texts that use every branch of its
parse (Markdown inside HTML blocks and spans, raw blocks, empty tags, tags left open)."""

from __future__ import annotations

from pathlib import Path

import markdown
from markdown.extensions.md_in_html import HtmlBlockPreprocessor
from microsite import upstream
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.yaml import yaml_load

PUBLICATION = Path(__file__).parent.parent / "publication"

HTML_IN_MARKDOWN = [
    '<div class="cards" markdown="1">\n\n## A heading\n\nSome *text*.\n\n<p markdown="1">A **span** and <em>more</em></p>\n\n</div>\n',
    "<details markdown>\n<summary>More</summary>\n\n- a list\n- in a block\n\n</details>\n\nAfter it.\n",
    '<section markdown="block">\n<h2 markdown="span">A *title*</h2>\n<div markdown="0">**raw** here</div>\n</section>\n',
    '<div markdown="1">\n<div markdown="1">\n\nNested *deeper*\n\n<hr>\n<hr/>\n<hr markdown="1">\n</div>\n</div>\n',
    '<ul class="cards">\n  <li><a href="a/">An <b>article</b></a> <time datetime="2025-01-24">24 January</time></li>\n</ul>\n',
    "<pre>\n*not* Markdown\n</pre>\n\nA paragraph with <span>inline</span> HTML.\n",
    '<div markdown="1">\nLeft open with <span>a span\n\n<p markdown="1">and a paragraph\n',
    "<article markdown>\n<div>\n<p>raw</p>\n</div>\n\n* a\n* b\n</article>\ntail text\n",
    '<div markdown="1"><!-- a comment -->\n\n<?php echo 1 ?>\n\n<![CDATA[ x ]]>\n\n</div>\n\n</div>\n',
]


def publication_config() -> MkDocsConfig:
    """The fixture publication's Markdown extensions, with their settings, as its mkdocs.yml gives them."""
    with open(PUBLICATION / "mkdocs.yml", encoding="utf-8") as file:
        settings = yaml_load(file)
    config = MkDocsConfig()
    config.load_dict({"markdown_extensions": settings["markdown_extensions"], "site_name": "test"})
    errors, _ = config.validate()
    assert not errors, errors
    return config


def converted(config: MkDocsConfig, text: str) -> tuple[str, str]:
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    html = md.convert(text)
    return html, md.preprocessors["html_block"].__class__.__name__


def test_pages_convert_as_with_md_in_html_itself() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted((PUBLICATION / "docs").rglob("*.md"))]
    assert len(texts) > 10
    config = publication_config()
    before = [converted(config, text)[0] for text in texts + HTML_IN_MARKDOWN]
    upstream.parse_html_blocks_with_tag_sets_once(config)
    upstream.parse_html_blocks_with_tag_sets_once(config)
    after = [converted(config, text) for text in texts + HTML_IN_MARKDOWN]

    assert [html for html, _ in after] == before
    # The speed-up is in place (once, however often a build asks for it), not md_in_html's own preprocessor.
    assert {preprocessor for _, preprocessor in after} != {HtmlBlockPreprocessor.__name__}
    assert len(config.markdown_extensions) == len(publication_config().markdown_extensions) + 1
