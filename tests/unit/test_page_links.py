"""Links and images in the Markdown, as the build checks them against a language build's files and its
rendered pages' anchors: each found on its own line wherever it is written (paragraphs over several
lines, tables, lists, quotes, admonitions, definition lists, reference-style), and each problem named
with the link's text, its target, what is wrong and what to do."""

from __future__ import annotations

from microsite.link_check.page_links import BuildTargets, MarkdownLink, check_links, markdown_page_links
from microsite.upstream import PageAnchors

PAGE = """---
title: Seite
---
# Überschrift

Ein Absatz
mit [Erster](eins.md) auf der zweiten
und ![Bild](bild.png) auf der dritten Zeile.

| Spalte | Andere |
| --- | --- |
| x | [Zelle](zelle.md) |

- Punkt
  mit [Liste](liste.md)

> Zitat
> mit [Zitat](zitat.md)

!!! note "Hinweis"

    Text
    mit [Hinweis](hinweis.md#teil).

Begriff
:   mit [Definition](definition.md)

Mit [Verweis][ziel] und [ziel].

`[Code](code.md)`

```
[Block](block.md)
```

[Ziel]: verweis.md
"""


def line_of(text: str, part: str) -> int:
    return text[: text.index(part)].count("\n") + 1


def test_every_link_and_image_is_found_on_its_own_line() -> None:
    found = [(link.line, link.text, link.address, link.image) for link in markdown_page_links(PAGE)]
    assert found == [
        (line_of(PAGE, "[Erster]"), "Erster", "eins.md", False),
        (line_of(PAGE, "![Bild]"), "Bild", "bild.png", True),
        (line_of(PAGE, "[Zelle]"), "Zelle", "zelle.md", False),
        (line_of(PAGE, "[Liste]"), "Liste", "liste.md", False),
        (line_of(PAGE, "[Zitat]"), "Zitat", "zitat.md", False),
        (line_of(PAGE, "[Hinweis]"), "Hinweis", "hinweis.md#teil", False),
        (line_of(PAGE, "[Definition]"), "Definition", "definition.md", False),
        (line_of(PAGE, "[Verweis]"), "Verweis", "verweis.md", False),
        (line_of(PAGE, "[Verweis]"), "ziel", "verweis.md", False),
    ]


def test_a_reference_style_link_says_where_its_address_is_written() -> None:
    references = [link for link in markdown_page_links(PAGE) if link.label]
    assert [link.described() for link in references] == [
        f"link “Verweis” → verweis.md ([ziel] on line {line_of(PAGE, '[Ziel]:')})",
        f"link “ziel” → verweis.md ([ziel] on line {line_of(PAGE, '[Ziel]:')})",
    ]


TARGETS = BuildTargets(
    pages={"de/index.md", "de/kontakt.md", "de/artikel/index.md", "de/artikel/staedte.md"},
    files={"de/artikel/karte.png", "de/artikel/foto.jpg"},
    excluded={"de/.entwurf.md"},
    anchors={
        "de/kontakt.md": PageAnchors(frozenset({"kontakt", "adresse", "telefon"}), ("kontakt", "adresse", "telefon")),
        "de/artikel/staedte.md": PageAnchors(frozenset({"staedte", "fussnote"}), ("staedte",)),
        "de/index.md": PageAnchors(frozenset(), ()),
    },
    languages=("de", "en"),
)


def message(page: str, text: str, address: str, *, image: bool = False) -> str:
    """The one finding on one link of `page`, as an editor reads it."""
    findings = check_links(page, [MarkdownLink(7, image, text, address)], TARGETS)
    assert len(findings) == 1, findings
    return findings[0].text()


def test_links_that_lead_somewhere_have_no_findings() -> None:
    fine = [
        MarkdownLink(1, False, "Seite", "kontakt.md"),
        MarkdownLink(2, False, "Teil", "kontakt.md#adresse"),
        MarkdownLink(3, False, "Nicht im Inhalt", "artikel/staedte.md#fussnote"),
        MarkdownLink(4, True, "Karte", "artikel/karte.png"),
        MarkdownLink(5, False, "Woanders", "https://example.org/x.md"),
        MarkdownLink(6, False, "Post", "mailto:a@example.org"),
        MarkdownLink(7, False, "Mit Anfrage", "kontakt.md?x=1"),
    ]
    assert check_links("de/index.md", fine, TARGETS) == []


def test_a_missing_page_offers_the_nearest_pages() -> None:
    assert message("de/artikel/index.md", "Städte", "stadte.md") == (
        "docs/de/artikel/index.md:7: [broken-link] link “Städte” → stadte.md: there is no page "
        "docs/de/artikel/stadte.md – correct the link, or add the page (nearest pages: staedte.md, index.md)"
    )


def test_a_missing_heading_offers_the_headings_the_page_has_nearest_first() -> None:
    assert message("de/index.md", "Adresse", "kontakt.md#adresse-und-weg") == (
        "docs/de/index.md:7: [broken-fragment] link “Adresse” → kontakt.md#adresse-und-weg: docs/de/kontakt.md has "
        "no heading #adresse-und-weg – link to one of its headings (nearest first): #adresse, #telefon, #kontakt"
    )
    assert message("de/kontakt.md", "oben", "#telefn") == (
        "docs/de/kontakt.md:7: [broken-fragment] link “oben” → #telefn: this page has no heading #telefn – "
        "link to one of its headings (nearest first): #telefon, #adresse, #kontakt"
    )
    assert message("de/kontakt.md", "Start", "index.md#start").endswith(
        "docs/de/index.md has no heading #start, nor any other – link to the page alone"
    )


def test_a_missing_image_offers_the_files_that_are_there() -> None:
    assert message("de/artikel/staedte.md", "Karte", "karte.jpg", image=True) == (
        "docs/de/artikel/staedte.md:7: [broken-link] image “Karte” → karte.jpg: there is no file "
        "docs/de/artikel/karte.jpg – correct the address, or add the image (nearest files: karte.png, foto.jpg)"
    )
    assert message("de/kontakt.md", "Logo", "logo.svg", image=True).endswith(
        "there is no file docs/de/logo.svg – correct the address, or add the image (docs/de/ has no other files)"
    )


def test_an_address_that_names_no_markdown_file_is_told_which_one() -> None:
    expected = "links name a page by its Markdown file – write kontakt.md"
    assert message("de/index.md", "Kontakt", "kontakt").endswith(expected)
    assert message("de/index.md", "Kontakt", "kontakt.html").endswith(expected)
    assert message("de/index.md", "Artikel", "artikel/").endswith("write artikel/index.md")


def test_absolute_other_language_excluded_and_outside_addresses() -> None:
    assert message("de/artikel/index.md", "Start", "/de/index.md").endswith(
        "an address beginning with '/' misses the site when it is served under a sub-path – link to the file "
        "relative to this page: ../index.md"
    )
    assert message("de/index.md", "English", "../en/index.md").endswith(
        "docs/en/index.md belongs to the other language's pages, which readers reach with the language selector – "
        "link to index.md in this language"
    )
    assert message("de/index.md", "Entwurf", ".entwurf.md").endswith(
        "docs/de/.entwurf.md is left out of the site – link to a page that is published, or publish that one "
        "(see exclude_docs in mkdocs.yml)"
    )
    assert message("de/index.md", "Oben", "../../x.md").endswith(
        "it leads out of the docs folder – link to a page or file below it, relative to this page"
    )
