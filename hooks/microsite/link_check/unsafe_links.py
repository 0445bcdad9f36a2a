"""Addresses a published page must not have: `javascript:` and `vbscript:` (a browser runs them as a
program), and `data:` (a whole document or image written into the address).

Images with `data:` are refused too: an image belongs in a file next to its page, where it is cached
once, checked by lychee and reviewable in a diff, and the page stays small.

Editors write these in Markdown, so the finding names the Markdown file and line (markdown_sources.py).
The built pages' content is checked as well, for what templates and data put there; an address
already found in the page's own Markdown is not reported twice.
"""

from __future__ import annotations

import functools
import html
from dataclasses import dataclass

from ..findings import Finding
from .html_scan import Element
from .markdown_sources import PARSED_PAGES, markdown_links
from .site import Site

CHECK = "unsafe-link"
UNSAFE_SCHEMES = frozenset({"javascript", "vbscript", "data"})
# A browser ignores C0 control characters and spaces around an address, and tabs and newlines in it.
AROUND = "".join(chr(code) for code in range(0x21))
INSIDE = str.maketrans("", "", "\t\n\r")
# Which attribute of which element shows an image.
IMAGE_ATTRIBUTES = frozenset(
    {
        ("img", "src"),
        ("img", "srcset"),
        ("source", "srcset"),
        ("video", "poster"),
        ("input", "src"),
        # SVG's <image>
        ("image", "href"),
        ("image", "xlink:href"),
    }
)
# Long data: addresses are cut in messages: the start says what they are.
SHOWN_LENGTH = 60
RUNS = "a browser would run this as a program – link to a page or an https:// address"
DATA_IMAGE = (
    "the image is written into the page instead of being a file, so it is not cached, not checked and "
    "not reviewable in a diff – save it as a file next to the page and show that: ![what it shows](picture.png)"
)
DATA_DOCUMENT = (
    "a data: address carries a whole document inside the link, which a browser may run or refuse "
    "– link to a page or an https:// address"
)


@dataclass(frozen=True)
class UnsafeAddress:
    line: int
    # What holds it, as a message names it: link “text”, image, reference [label]…
    what: str
    address: str
    scheme: str
    image: bool

    def message(self) -> str:
        reason = RUNS if self.scheme != "data" else DATA_IMAGE if self.image else DATA_DOCUMENT
        return f"{self.what} → {shown_address(self.address)}: {reason}"


def unsafe_scheme(address: str) -> str | None:
    """The address's scheme, as a browser reads it, if it is one a page must not have."""
    scheme, colon, _ = cleaned(address).partition(":")
    scheme = scheme.lower() if colon and scheme.isascii() else ""
    return scheme if scheme in UNSAFE_SCHEMES else None


def cleaned(address: str) -> str:
    """The address without what a browser ignores in it."""
    return address.strip(AROUND).translate(INSIDE)


def unsafe_addresses(elements: list[Element]) -> list[UnsafeAddress]:
    """The unsafe addresses of HTML elements, one per attribute (a srcset's candidates count once)."""
    found = []
    for element in elements:
        reported: set[str] = set()
        for attribute, address in element.addresses():
            scheme = unsafe_scheme(address)
            if scheme is None or attribute in reported:
                continue
            reported.add(attribute)
            image = (element.tag, attribute) in IMAGE_ATTRIBUTES
            found.append(UnsafeAddress(element.line, element.description(), address, scheme, image))
    return found


def may_hold_unsafe(text: str) -> bool:
    """Whether any address in the text could have an unsafe scheme: with character references decoded,
    backslashes (Markdown's escapes, as in `javascript\\:`) and tabs and line breaks removed (as a
    browser reads an address), a scheme and its colon appear somewhere. Most pages hold none, and then
    need no parse."""
    # str.replace, not translate(INSIDE): translate looks up every character of a non-ASCII text in a dict, which
    # was a seventh of a save's CPU at 1,000 articles.
    flat = html.unescape(text).replace("\\", "").replace("\t", "").replace("\n", "").replace("\r", "").lower()
    return any(f"{scheme}:" in flat for scheme in UNSAFE_SCHEMES)


def unsafe_in_markdown(text: str, *, quick_look: bool = True) -> list[UnsafeAddress]:
    """The unsafe addresses of a Markdown page: of its links, images, autolinks and raw HTML, and of its
    reference definitions (where a link that uses one gets its address, so the link is not reported too).
    `quick_look` skips the parse of a page that cannot hold one (may_hold_unsafe)."""
    if quick_look and not may_hold_unsafe(text):
        return []
    links = markdown_links(text)
    defined = {definition.address for definition in links.definitions}
    found = [
        UnsafeAddress(definition.line, f"reference [{definition.label}]", definition.address, scheme, image=False)
        for definition in links.definitions
        if (scheme := unsafe_scheme(definition.address)) is not None
    ]
    found += [unsafe for unsafe in unsafe_addresses(links.elements) if unsafe.address not in defined]
    return sorted(found, key=lambda unsafe: unsafe.line)


@functools.lru_cache(maxsize=PARSED_PAGES)
def _unsafe_in_page(text: str) -> tuple[UnsafeAddress, ...]:
    """`unsafe_in_markdown` of a page, kept by the page's whole text (PARSED_PAGES): a rebuild of the preview
    looks again only at the pages saved since the last, not at every page of the archive."""
    return tuple(unsafe_in_markdown(text))


def check_unsafe_links(site: Site) -> list[Finding]:
    """Unsafe addresses in every language's Markdown, and in the built pages' content."""
    findings, reported = [], set()
    for source, text in site.markdown_sources:
        for unsafe in _unsafe_in_page(text):
            findings.append(Finding(source, unsafe.line, unsafe.message(), CHECK))
            reported.add((source, cleaned(unsafe.address)))
    for page in site.checked_pages:
        source = site.source_of(page)
        for unsafe in unsafe_addresses(site.content_elements(page)):
            if (source, cleaned(unsafe.address)) not in reported:
                findings.append(Finding(page, unsafe.line, unsafe.message(), CHECK, source=source))
    return findings


def shown_address(address: str) -> str:
    """The address as a message shows it: invisible characters written out, a long one cut."""
    trimmed = address.strip(AROUND)
    visible = "".join(character if character.isprintable() else repr(character)[1:-1] for character in trimmed)
    return visible if len(visible) <= SHOWN_LENGTH else visible[: SHOWN_LENGTH - 1] + "…"
