"""Link checking of the built site: one seeded defect of each kind in a temp copy, each caught with its
message, however the raw HTML is written (double, single or no quotes, any letter case). Each way of writing
gets a page of its own in one copy, so that one run of the check reads them all (a run of lychee over the site
costs more than the copy)."""

from __future__ import annotations

from link_check_site import (
    DATA_IMAGE,
    FIX_LINK,
    NOT_FOUND,
    RUNS,
    SCRIPT,
    SOURCE,
    STYLES,
    TRANSLATION,
    findings,
    link_from,
    seed,
    source,
    tag,
    written_pages,
)
from site_model import LANGUAGES, BuiltSite


def styled_pages(site: BuiltSite) -> list[tuple[str, str]]:
    """Each attribute style with a written page of the source language of its own."""
    pages = written_pages(site, SOURCE)
    assert len(pages) >= len(STYLES), f"the fixture needs {len(STYLES)} written {SOURCE} pages, has {pages}"
    return list(zip(STYLES, pages, strict=False))


def in_report_order(expected: dict[str, list[str]]) -> list[str]:
    """The messages expected of each page, in the report's order: by page, then as listed (by line)."""
    return [message for page in sorted(expected) for message in expected[page]]


def test_missing_page(site_copy: BuiltSite) -> None:
    expected = {}
    for style, page in styled_pages(site_copy):
        line = seed(site_copy, page, tag(style, "a", "Fehlende Seite", href="no-such-page.html"))
        expected[page] = [
            f"{page}:{line}: [broken-link] link “Fehlende Seite” → no-such-page.html: {NOT_FOUND} – {FIX_LINK} (source: {source(page)})"
        ]
    assert findings(site_copy) == in_report_order(expected)


def test_missing_anchor(site_copy: BuiltSite) -> None:
    expected = {}
    for style, page in styled_pages(site_copy):
        line = seed(site_copy, page, tag(style, "a", "Anker", href="index.html#no-such-heading"))
        expected[page] = [
            f"{page}:{line}: [broken-fragment] link “Anker” → index.html#no-such-heading: Cannot find fragment – link to a heading that exists "
            f"(its id is shown in the page's table of contents) (source: {source(page)})"
        ]
    assert findings(site_copy) == in_report_order(expected)


def test_missing_image(site_copy: BuiltSite) -> None:
    expected = {}
    for style, page in styled_pages(site_copy):
        image = tag(style, "img", src="no-such-image.png", alt="Bild")
        # Of an image whose file exists and whose srcset's does not, the srcset is named.
        pair = tag(style, "img", src="assets/images/favicon.png", srcset="no-such-image-2x.png", alt="Zeichen")
        line = seed(site_copy, page, f"{image}\n{pair}")
        expected[page] = [
            f"{page}:{line}: [broken-link] image “Bild” → no-such-image.png: {NOT_FOUND} – {FIX_LINK} (source: {source(page)})",
            f"{page}:{line + 1}: [broken-link] image “Zeichen” → no-such-image-2x.png: {NOT_FOUND} – {FIX_LINK} (source: {source(page)})",
        ]
    assert findings(site_copy) == in_report_order(expected)


# Elements besides links and images whose address lychee checks: how a message names each, its tag,
# its one address, and whether it has an end tag.
OTHER_LINKING_ELEMENTS = [
    ("stylesheet or link", "link", {"href": "missing.css"}, False),
    ("embedded page", "iframe", {"src": "missing-frame.html"}, True),
    ("video", "video", {"src": "missing.mp4"}, True),
    ("video", "video", {"poster": "missing-poster.png"}, True),
    ("audio", "audio", {"src": "missing.mp3"}, True),
    ("embedded object", "embed", {"src": "missing.svg"}, False),
    ("embedded object", "object", {"data": "missing.pdf"}, True),
    ("form", "form", {"action": "missing-form.html"}, True),
    ("form button", "button", {"formaction": "missing-button.html"}, True),
    ("image map link", "area", {"href": "missing-area.html"}, False),
]


def test_missing_files_of_other_elements(site_copy: BuiltSite) -> None:
    expected = {}
    for style, page in styled_pages(site_copy):
        # A link first: each element after it is named as itself, not as the link before it.
        elements = [tag(style, "a", "Start", href="index.html")]
        elements += [
            tag(style, name, "" if closed else None, **address) for _, name, address, closed in OTHER_LINKING_ELEMENTS
        ]
        line = seed(site_copy, page, "\n".join(elements))
        expected[page] = [
            f"{page}:{line + number}: [broken-link] {what} → {next(iter(address.values()))}: {NOT_FOUND} – {FIX_LINK} (source: {source(page)})"
            for number, (what, _, address, _) in enumerate(OTHER_LINKING_ELEMENTS, start=1)
        ]
    assert findings(site_copy) == in_report_order(expected)


def test_missing_script(site_copy: BuiltSite) -> None:
    """lychee skips scripts: the project's check reads those an editor writes into a page."""
    expected = {}
    for style, page in styled_pages(site_copy):
        line = seed(site_copy, page, tag(style, "script", "", src="missing.js"))
        expected[page] = [
            f"{page}:{line}: [broken-link] script → missing.js: the site has no such file – correct the link, or add the missing file (source: {source(page)})",
            # And in a page's content no script is the site's own (page_scripts.py).
            f"{page}:{line}: [page-script] script → missing.js: {SCRIPT} (source: {source(page)})",
        ]
    assert findings(site_copy) == in_report_order(expected)


def test_a_theme_script_missing_is_reported_once_per_folder(site_copy: BuiltSite) -> None:
    """A template writes its scripts into every page of a folder: read on the folder's first page."""
    root_pages = [page for page in site_copy.page_paths() if "/" not in page]
    lines = {page: seed(site_copy, page, '<script src="missing.js"></script>', after="<head>") for page in root_pages}
    first = root_pages[0]
    assert [text for text in findings(site_copy) if "missing.js" in text] == [
        f"{first}:{lines[first]}: [broken-link] script → missing.js: the site has no such file – correct the link, or add the missing file (source: overrides/404.html)"
    ]


def test_language_leak(site_copy: BuiltSite) -> None:
    expected = {}
    for style, page in styled_pages(site_copy):
        other = LANGUAGES.counterpart(page, TRANSLATION)
        line = seed(
            site_copy,
            page,
            tag(style, "a", "Seite", href=other) + " " + tag(style, "a", "Page", href=other, hreflang=TRANSLATION),
        )
        expected[page] = [
            f"{page}:{line}: [language-leak] link “Seite” → {other} leads to the {LANGUAGES.name(TRANSLATION)} page, although {page} exists in this page's language "
            f"– link to that, or add hreflang to the link if the other language is meant (source: {source(page)})"
        ]
    assert findings(site_copy) == in_report_order(expected)


def test_invalid_mailto(site_copy: BuiltSite) -> None:
    expected = {}
    for style, page in styled_pages(site_copy):
        line = seed(site_copy, page, tag(style, "a", "Post", href="mailto:jemand.example.org"))
        expected[page] = [
            f"{page}:{line}: [invalid-mailto] link “Post” → mailto:jemand.example.org: 'jemand.example.org' is not an e-mail address – write it as name@example.org (source: {source(page)})"
        ]
    assert findings(site_copy) == in_report_order(expected)


def test_a_link_is_named_by_its_text_and_the_alt_text_of_its_images(site_copy: BuiltSite) -> None:
    expected = {}
    for style, page in styled_pages(site_copy):
        image = tag(style, "img", src="assets/images/favicon.png", alt="Briefumschlag")
        line = seed(site_copy, page, "\n" + tag(style, "a", f"Post {image}", href="mailto:jemand"))
        expected[page] = [
            f"{page}:{line + 1}: [invalid-mailto] link “Post Briefumschlag” → mailto:jemand: 'jemand' is not an e-mail address – write it as name@example.org (source: {source(page)})"
        ]
    assert findings(site_copy) == in_report_order(expected)


def test_missing_alt(site_copy: BuiltSite) -> None:
    expected = {}
    for style, page in styled_pages(site_copy):
        line = seed(site_copy, page, tag(style, "img", src="assets/images/favicon.png"))
        expected[page] = [
            f"{page}:{line}: [missing-alt] image assets/images/favicon.png has no alt text – describe it in the page's language: ![what it shows](favicon.png) (source: {source(page)})"
        ]
    assert findings(site_copy) == in_report_order(expected)


def test_alt_text_not_translated(site_copy: BuiltSite) -> None:
    expected = {}
    message = "has the alt text “Seitenzeichen”, the same as on {other} – write it in this page's language"
    for style, page in styled_pages(site_copy):
        twin = LANGUAGES.counterpart(page, TRANSLATION)
        twin_image = link_from(twin, "assets/images/favicon.png")
        line = seed(site_copy, page, tag(style, "img", src="assets/images/favicon.png", alt="Seitenzeichen"))
        twin_line = seed(site_copy, twin, tag(style, "img", src=twin_image, alt="Seitenzeichen"))
        expected[page] = [
            f"{page}:{line}: [untranslated-alt] image assets/images/favicon.png {message.format(other=twin)} (source: {source(page)})"
        ]
        expected[twin] = [
            f"{twin}:{twin_line}: [untranslated-alt] image {twin_image} {message.format(other=page)} (source: {source(twin)})"
        ]
    assert findings(site_copy) == in_report_order(expected)


def test_unsafe_links_in_the_built_content(site_copy: BuiltSite) -> None:
    """What a template or data puts in a page: named by the built page and its source."""
    expected = {}
    for style, page in styled_pages(site_copy):
        unsafe = [
            tag(style, "a", "Klick", href="javascript:alert(1)"),
            tag(style, "img", src="data:image/png;base64,AAAA", alt="Punkt"),
            tag(style, "form", "", action="vbscript:run"),
        ]
        line = seed(site_copy, page, "\n".join(unsafe))
        expected[page] = [
            f"{page}:{line}: [unsafe-link] link “Klick” → javascript:alert(1): {RUNS} (source: {source(page)})",
            f"{page}:{line + 1}: [unsafe-link] image “Punkt” → data:image/png;base64,AAAA: {DATA_IMAGE} (source: {source(page)})",
            f"{page}:{line + 2}: [unsafe-link] form → vbscript:run: {RUNS} (source: {source(page)})",
        ]
    assert findings(site_copy) == in_report_order(expected)
