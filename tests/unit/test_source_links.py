"""The unsafe-link check of the Markdown sources: javascript:, vbscript: and data: addresses, however an
editor writes them (Markdown, raw HTML in any quotes and letter case, disguised with character
references or characters a browser ignores), each named by its Markdown file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from microsite.link_check.site import Site
from microsite.link_check.unsafe_links import check_unsafe_links, unsafe_in_markdown
from site_model import LANGUAGES

RUNS = "a browser would run this as a program – link to a page or an https:// address"
DATA_IMAGE = (
    "the image is written into the page instead of being a file, so it is not cached, not checked and not "
    "reviewable in a diff – save it as a file next to the page and show that: ![what it shows](picture.png)"
)
DATA_DOCUMENT = (
    "a data: address carries a whole document inside the link, which a browser may run or refuse – link to a "
    "page or an https:// address"
)
PAGE = """---
title: Seite
---
# Überschrift

Ein Absatz
mit [Klick](javascript:alert(1)) in seiner zweiten Zeile.

![Punkt](data:image/png;base64,AAAA)

<javascript:alert(2)>

[Verweis][ziel] und [Ziel]

[ziel]: vbscript:run

> * in einer Liste: [Tief](JavaScript:deep())

| Spalte |
| --- |
| [Zelle](javascript:cell()) |

<div>
  <a href="data:text/html,hallo">Roh</a>
</div>

`[Code](javascript:no)` <span>[Gut](https://example.org/?q=javascript:no)</span>

```
[Block](javascript:no)
```

!!! note
    In einem Hinweis: [Hinweis](javascript:note())
"""
# Raw HTML as an editor may write it: a browser reads each the same.
RAW_HTML = {
    "double quotes": '<a href="javascript:alert(1)">Klick</a> <img src="data:image/png;base64,AAAA" alt="Punkt">',
    "single quotes": "<a href='javascript:alert(1)'>Klick</a> <img src='data:image/png;base64,AAAA' alt='Punkt'>",
    "no quotes": "<a href=javascript:alert(1)>Klick</a> <img src=data:image/png;base64,AAAA alt=Punkt>",
    "upper case": '<A HREF="javascript:alert(1)">Klick</A> <IMG SRC="data:image/png;base64,AAAA" ALT="Punkt">',
}
# Disguises a browser sees through, and other places an address may stand: what the message shows.
DISGUISED = {
    '<a href="&#106;avascript:alert(1)">x</a>': f"link “x” → javascript:alert(1): {RUNS}",
    '<a href="java&#9;script:alert(1)">x</a>': f"link “x” → java\\tscript:alert(1): {RUNS}",
    '<a href="jav&#x0D;ascript:alert(1)">x</a>': f"link “x” → jav\\rascript:alert(1): {RUNS}",
    # A line break typed inside the address, which the quick look (may_hold_unsafe) must see through too.
    '<a href="java\nscript:alert(1)">x</a>': f"link “x” → java\\nscript:alert(1): {RUNS}",
    '<a href=" &#x0A;JavaScript:alert(1)">x</a>': f"link “x” → JavaScript:alert(1): {RUNS}",
    "[x](&#106;avascript:alert(1))": f"link “x” → javascript:alert(1): {RUNS}",
    "[x](<java\tscript:alert(1)>)": f"link “x” → java\\tscript:alert(1): {RUNS}",
    '<svg><a xlink:href="javascript:alert(1)">x</a></svg>': f"link “x” → javascript:alert(1): {RUNS}",
    '<form action="vbscript:run"></form>': f"form → vbscript:run: {RUNS}",
    "<button formaction=javascript:run()>b</button>": f"form button → javascript:run(): {RUNS}",
    '<iframe src="data:text/html,hallo"></iframe>': f"embedded page → data:text/html,hallo: {DATA_DOCUMENT}",
    '<video poster="data:image/png;base64,AAAA"></video>': f"video → data:image/png;base64,AAAA: {DATA_IMAGE}",
    # A srcset's candidates are split at commas, as a data: address has one: the image is named once.
    '<img srcset="data:image/png;base64,AAAA 1x, data:image/png;base64,BBBB 2x" alt="P">': (
        f"image “P” → data:image/png;base64: {DATA_IMAGE}"
    ),
    "![Lang](data:image/png;base64,"
    + "A" * 100
    + ")": f"image “Lang” → data:image/png;base64,{'A' * 37}…: {DATA_IMAGE}",
}
SAFE = [
    "[a](javascript.html) [b](./javascript:x) [c](https://example.org/?q=javascript:x) [d](#data:x)",
    '<a href="java script:x">e</a> <a title="javascript:x" href="ok.html">f</a> [g](mailto:name@example.org)',
    "`<a href='javascript:x'>`",
    "    [indented code](javascript:x)",
]


def findings(tmp_path: Path, pages: dict[str, str | bytes]) -> list[str]:
    """The check's findings for a project with these Markdown pages (path below docs/ → content)."""
    for name, content in pages.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    (tmp_path / "site").mkdir()
    site = Site(root=tmp_path / "site", site_url="https://example.org/", languages=LANGUAGES, project=tmp_path)
    return [finding.text() for finding in check_unsafe_links(site)]


def test_every_way_of_writing_a_link_in_markdown(tmp_path: Path) -> None:
    page = f"{LANGUAGES.source}/seite.md"
    assert findings(tmp_path, {page: PAGE}) == [
        f"docs/{page}:7: [unsafe-link] link “Klick” → javascript:alert(1): {RUNS}",
        f"docs/{page}:9: [unsafe-link] image “Punkt” → data:image/png;base64,AAAA: {DATA_IMAGE}",
        f"docs/{page}:11: [unsafe-link] link “javascript:alert(2)” → javascript:alert(2): {RUNS}",
        # Where a reference's address is written; the links that use it are not reported again.
        f"docs/{page}:15: [unsafe-link] reference [ziel] → vbscript:run: {RUNS}",
        f"docs/{page}:17: [unsafe-link] link “Tief” → JavaScript:deep(): {RUNS}",
        f"docs/{page}:21: [unsafe-link] link “Zelle” → javascript:cell(): {RUNS}",
        f"docs/{page}:24: [unsafe-link] link “Roh” → data:text/html,hallo: {DATA_DOCUMENT}",
        f"docs/{page}:34: [unsafe-link] link “Hinweis” → javascript:note(): {RUNS}",
    ]


@pytest.mark.parametrize("style", list(RAW_HTML))
def test_raw_html_in_every_style(tmp_path: Path, style: str) -> None:
    inline, block = f"{LANGUAGES.source}/inline.md", f"{LANGUAGES.translations[0]}/block.md"
    pages = {inline: f"# Titel\n\nText {RAW_HTML[style]}\n", block: f"<div>\n\n</div>\n<p>\n{RAW_HTML[style]}\n</p>\n"}
    assert sorted(findings(tmp_path, pages)) == sorted(
        f"docs/{page}:{line}: [unsafe-link] {message}"
        for page, line in ((inline, 3), (block, 5))
        for message in (
            f"link “Klick” → javascript:alert(1): {RUNS}",
            f"image “Punkt” → data:image/png;base64,AAAA: {DATA_IMAGE}",
        )
    )


@pytest.mark.parametrize("written", list(DISGUISED))
def test_disguised_and_other_addresses(tmp_path: Path, written: str) -> None:
    page = f"{LANGUAGES.source}/seite.md"
    assert findings(tmp_path, {page: f"Absatz\n\n{written}\n"}) == [
        f"docs/{page}:3: [unsafe-link] {DISGUISED[written]}"
    ]


@pytest.mark.parametrize("written", SAFE)
def test_what_is_no_unsafe_link(tmp_path: Path, written: str) -> None:
    assert findings(tmp_path, {f"{LANGUAGES.source}/seite.md": f"Absatz\n\n{written}\n"}) == []


@pytest.mark.parametrize("encoding", ["latin-1", "utf-8-sig"])
def test_a_page_saved_in_another_encoding_is_still_read(tmp_path: Path, encoding: str) -> None:
    """A page that is not UTF-8 is MkDocs' to report; its lines are still checked here."""
    page = f"{LANGUAGES.source}/seite.md"
    content = "---\ntitle: Grüße\n---\n[Klick](javascript:alert(1))\n".encode(encoding)
    assert findings(tmp_path, {page: content}) == [
        f"docs/{page}:4: [unsafe-link] link “Klick” → javascript:alert(1): {RUNS}"
    ]


def test_a_page_saved_again_between_two_checks_in_one_process_is_checked_as_it_is_now(tmp_path: Path) -> None:
    """The check keeps what it found in each Markdown page by the page's text (a rebuild of the preview looks
    again only at the pages saved since the last): a page saved with another text is read again, and a page
    with the same text as another is reported at its own path."""
    page, twin = f"{LANGUAGES.source}/seite.md", f"{LANGUAGES.source}/zwilling.md"
    unsafe = "Absatz\n\n[Klick](javascript:alert(1))\n"
    assert findings(tmp_path, {page: unsafe}) == [
        f"docs/{page}:3: [unsafe-link] link “Klick” → javascript:alert(1): {RUNS}"
    ]
    (tmp_path / "site").rmdir()
    assert findings(tmp_path, {page: "Absatz\n", twin: unsafe}) == [
        f"docs/{twin}:3: [unsafe-link] link “Klick” → javascript:alert(1): {RUNS}"
    ]


# Pieces of Markdown and HTML that make up addresses, in every way an editor or a paste may write a scheme.
PIECES = [
    "[a](", "![b](", "<a href=", "<img src='", "[r]: ", "<", ">", ")", '"', " ", "\n", "\t", "\\", ":", "&#58;",
    "&colon;", "&#x3A", "java", "JAVA", "script", "&#115;cript", "vb", "data", "d&#97;ta", "text/html,x", "https://e.org",
    "&#9;", "&#10;", "page.md", "#x", "*", "`",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@example("[a](javascript\\:alert(1))")
@example("[a](&#106;ava&#x09;script:x)")
@example("<a href='DATA&colon;text/html,x'>a</a>")
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_the_quick_look_never_hides_an_unsafe_address(text: str) -> None:
    """Pages are parsed only where an unsafe address could be: the quick look finds every one a full
    parse finds."""
    assert unsafe_in_markdown(text) == unsafe_in_markdown(text, quick_look=False)
