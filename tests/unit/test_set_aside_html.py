"""A block of HTML set aside while Python-Markdown converts a page comes out as it would have without the stand-in:
the same page, byte for byte, wherever the block stands, and a stand-in is never left in its place."""

from __future__ import annotations

import markdown
import pytest
from microsite.set_aside_html import SetAsideHtml
from microsite.settings import MkDocsYamlLoader
from project import ROOT

CARDS = (
    '<div class="article-cards" data-search-exclude>\n<article class="article-card">\n'
    '<h3 class="article-card__title"><a href="a.html">*Not emphasis* &amp; [not a link](x.md)</a></h3>\n\n'
    "<p>After a blank line, inside the block:</p>\n<ul>\n<li>one</li>\n</ul>\n</article>\n</div>"
)
TABLE = "<table>\n<caption>Pages</caption>\n<tbody>\n<tr><th>a_b_c</th><td>**x**</td></tr>\n</tbody>\n</table>"

# Where a data marker's output lands in a page: after a paragraph, under an HTML block without a blank line
# between, two blocks in a row, at the end without a newline, in a list's page with Markdown after it.
PAGES = [
    "# Title\n\nA paragraph.\n\n{cards}\n",
    '# Author\n\n<p class="lead">Role</p>\n{cards}\n\nText after.\n',
    "Intro\n\n{cards}\n{table}\n\n## Next\n\n{table}\n",
    "{cards}",
    '- a list\n- of items\n\n{table}\n<p class="article-all"><a href="x.html">All →</a></p>\n\n*emphasis*\n',
]


def markdown_extensions() -> tuple[list, dict]:
    """The extensions and their settings as the project's mkdocs.yml names them."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    loader = MkDocsYamlLoader(text, {})
    try:
        entries = loader.get_single_data()["markdown_extensions"]
    finally:
        loader.dispose()
    names, settings = [], {}
    for entry in entries:
        name, options = (entry, None) if isinstance(entry, str) else next(iter(entry.items()))
        names.append(name)
        if options:
            settings[name] = options
    return names, settings


def convert(text: str, extensions: list | None = None) -> str:
    names, settings = markdown_extensions()
    return markdown.Markdown(extensions=names + (extensions or []), extension_configs=settings).convert(text)


@pytest.mark.parametrize("page", PAGES)
def test_a_page_with_blocks_set_aside_is_the_same_as_without(page: str) -> None:
    blocks = SetAsideHtml()
    with_stand_ins = page.format(cards=blocks.set_aside(CARDS), table=blocks.set_aside(TABLE))
    assert CARDS not in with_stand_ins
    converted = convert(with_stand_ins, [blocks.markdown_extension()])
    assert converted == convert(page.format(cards=CARDS, table=TABLE))
    assert "data-set-aside" not in converted


def test_what_is_not_one_element_is_left_in_the_markdown() -> None:
    blocks = SetAsideHtml()
    for text in ("<p>one</p>\n<div>two</div>", "plain text", "<p>unclosed", "\n<hr>\n", "<b>bold</b> text"):
        assert blocks.set_aside(text) == text


def test_a_stand_in_of_another_build_is_left_as_it_is() -> None:
    earlier, later = SetAsideHtml(), SetAsideHtml()
    page = f"Text\n\n{earlier.set_aside(CARDS)}\n"
    assert "data-set-aside" in convert(page, [later.markdown_extension()])
