"""The HTML scanner and the Markdown source scan on any text: every element where its `<` stands, every
attribute however it is written, every finding with a line of the text; never a traceback, never a
hang (each example within a deadline). And lychee's report, whatever file it names, shown without
the temporary folder the site was checked in."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from hypothesis import example, given, settings
from hypothesis import strategies as st
from microsite.link_check.html_scan import URL_ATTRIBUTES, scan
from microsite.link_check.lychee import CheckedCopy
from microsite.link_check.site import Site
from microsite.link_check.unsafe_links import check_unsafe_links
from site_model import LANGUAGES

# Bounded so that these properties take a few seconds together.
PROPERTY = settings(max_examples=150, deadline=500)
HTML_PIECES = [
    *["<", ">", "</", "/>", "<a", "<A HREF", "<img", " href=", " src=", " ALT=", "'", '"', "=", "&amp;", "&#106;"],
    *["\n", "\r\n", "\t", " ", "<!--", "-->", "<!", "<![CDATA[", "<![word[", "]]>", "<!DOCTYPE", "<?", "<script>"],
    *["</script>", "<svg>", "xlink:href=", "javascript:", "data:", "<video poster=", "<form action="],
]
MARKDOWN_PIECES = [
    *["[", "]", "(", ")", "![", "](", "<", ">", "\n", "\n\n", "\r", "\t", "`", "```", "~~~", "> ", "* ", "1. "],
    *["    ", "|", "| --- |", "---\n", "[ref]: ", "[ref]", "!!! note\n", ": ", "\\", "&#106;", "&amp;", "javascript:"],
    *["vbscript:", "data:image/png;base64,AA", "<a href=", "<div>", "</div>", "<img src=", "<!--", "-->", "\0"],
]
html_texts = st.one_of(st.text(), st.lists(st.one_of(st.sampled_from(HTML_PIECES), st.text(max_size=4))).map("".join))
markdown_texts = st.one_of(
    st.text(), st.lists(st.one_of(st.sampled_from(MARKDOWN_PIECES), st.text(max_size=4))).map("".join)
)
# Attribute values as each way of writing them allows: unquoted ones without spaces, quotes, = < > `.
VALUE_CHARACTERS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="&")
UNQUOTED_VALUES = st.text(VALUE_CHARACTERS.filter(lambda c: not c.isspace() and c not in "\"'=<>`"), min_size=1)
ATTRIBUTE_STYLES = {
    "double quotes": (st.text(VALUE_CHARACTERS.filter(lambda c: c != '"')), '{}="{}"'),
    "single quotes": (st.text(VALUE_CHARACTERS.filter(lambda c: c != "'")), "{}='{}'"),
    "no quotes": (UNQUOTED_VALUES, "{}={}"),
}


@PROPERTY
@given(html_texts)
@example("<![word[ ]]><a href=x>")
def test_every_element_is_where_its_start_tag_is(html: str) -> None:
    lines = html.split("\n")
    for element in scan(html):
        assert 1 <= element.line <= len(lines) and 1 <= element.column <= len(lines[element.line - 1])
        assert lines[element.line - 1][element.column - 1] == "<"
        end_line, end_column = element.end_line, element.end_column
        assert (element.line, element.column) < (end_line, end_column) and lines[end_line - 1][end_column - 2] == ">"
        assert element.holds(element.line, element.column) and not element.holds(end_line, end_column)


@PROPERTY
@given(html_texts, st.integers(1, 10_000), st.integers(1, 200))
def test_a_part_of_a_page_counts_from_where_it_starts(html: str, line: int, column: int) -> None:
    alone = [(element.line, element.column) for element in scan(html)]
    shifted = [(here, there + column - 1) if here == 1 else (here, there) for here, there in alone]
    assert [(element.line, element.column) for element in scan(html, line, column)] == [
        (here + line - 1, there) for here, there in shifted
    ]


@PROPERTY
@given(st.sampled_from(sorted(ATTRIBUTE_STYLES)), st.sampled_from(URL_ATTRIBUTES), st.data())
def test_an_attribute_reads_the_same_however_it_is_written(style: str, name: str, data: st.DataObject) -> None:
    values, pattern = ATTRIBUTE_STYLES[style]
    value = data.draw(values)
    tag_name = data.draw(st.sampled_from(["a", "img", "form", "video"]))
    written = data.draw(st.sampled_from([str.lower, str.upper]))
    html = f"<p>\n  <{written(tag_name)} {pattern.format(written(name), value)}>x"
    (element,) = scan(html)
    assert (element.tag, element.attrs, element.line, element.column) == (tag_name, {name: value}, 2, 3)


def test_a_link_is_read_with_the_alt_text_of_its_images_and_its_references_decoded() -> None:
    (link, image) = scan("<A HREF=x.html>Zum <img src='bild.png' alt=\"Bild\"> &amp; mehr</A>")
    assert (link.tag, link.attrs, link.text) == ("a", {"href": "x.html"}, "Zum Bild & mehr")
    assert (image.tag, image.attrs) == ("img", {"src": "bild.png", "alt": "Bild"})


def test_the_scanner_takes_no_markup_from_scripts() -> None:
    assert [element.tag for element in scan("<script>document.write('<a href=\"x\">')</script>")] == ["script"]


def test_unfinished_tags_at_the_end_take_no_time() -> None:
    """The standard library's parser reads each unfinished tag to the end of the text: seconds for these."""
    started = time.perf_counter()
    assert scan("<a b" * 5000) == [] and scan("<a\n" * 5000) == [] and scan("<!--" * 10000) == []
    assert time.perf_counter() - started < 0.5


@PROPERTY
@given(markdown_texts)
def test_the_source_scan_names_a_line_of_the_page_or_nothing(markdown: str) -> None:
    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    with tempfile.TemporaryDirectory() as temporary:
        project = Path(temporary)
        page = project / "docs" / LANGUAGES.source / "seite.md"
        page.parent.mkdir(parents=True)
        page.write_text(markdown, encoding="utf-8")
        site = Site(root=project / "site", site_url="https://example.org/", languages=LANGUAGES, project=project)
        for finding in check_unsafe_links(site):
            assert finding.file == f"docs/{LANGUAGES.source}/seite.md" and 1 <= finding.line <= len(lines)
            assert finding.check == "unsafe-link" and " → " in finding.message


@PROPERTY
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/\\"), min_size=1))
def test_lychee_s_report_is_shown_without_the_temporary_folder(name: str) -> None:
    temporary = Path("/tmp/a temporary folder/tmp1234")
    site = Site(
        root=Path("/tmp/the built site"),
        site_url="https://example.org/sub/path/",
        languages=LANGUAGES,
        project=Path("/tmp/the project"),
    )
    checked = CheckedCopy(site, served=temporary / "sub" / "path", root_dir=temporary)
    file = f"folder/{name}"
    shown = {
        f"{checked.served.as_uri()}/{quote(file)}": f"{site.site_url}{quote(file)}",
        f"file://{checked.served}/{file}": site.site_url + file,
        f"{site.root.as_uri()}/{quote(file)}": f"{site.site_url}{quote(file)}",
        f"{temporary.as_uri()}/elsewhere/{quote(name)}": f"https://example.org/elsewhere/{quote(name)}",
        f"cannot read {checked.served}/{file}": f"cannot read {file}",
        f"cannot read {temporary}/{file}": f"cannot read /{file}",
    }
    assert {text: checked.shown(text) for text in shown} == shown
    assert checked.page(f"{checked.served}/{file}") == checked.page(f"{site.root}/{file}") == file
