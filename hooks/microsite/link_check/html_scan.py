"""The elements of built HTML that link somewhere, read by the standard library's HTML parser.

Editors may write raw HTML in their Markdown, where HTML allows attribute values in double quotes,
single quotes or none, and tag and attribute names in any letter case. The parser reads all of these
as a browser does (names lower-cased, character references decoded, script and style contents not
taken for markup) and says where each start tag stands.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

# Elements whose address lychee checks; links and images are also what the project's checks read.
LINKING_TAGS = frozenset({"a", "img", "link", "script", "source", "iframe"})


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    # Where its start tag's `<` stands in the page, both counted from 1.
    line: int
    column: int
    # A link's text as readers meet it: images in it count by their alt text.
    text: str = ""


def scan(html: str, line: int = 1, column: int = 1) -> list[Element]:
    """The linking elements of (a part of) a page; `line` and `column` say where `html` starts in it."""
    parser = _LinkingElementParser(line, column)
    parser.feed(html)
    parser.close()
    return parser.elements


def element_at(elements: list[Element], line: int, column: int) -> Element | None:
    """The element whose start tag holds a position inside it (lychee reports where the URL is)."""
    before = [element for element in elements if (element.line, element.column) <= (line, column)]
    return before[-1] if before else None


class _LinkingElementParser(HTMLParser):
    def __init__(self, line: int, column: int) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._start = (line, column)
        self._link: Element | None = None
        self._link_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in LINKING_TAGS:
            return
        element = Element(tag, _attributes(attrs), *self._position())
        self.elements.append(element)
        if tag == "a":
            # Links cannot nest: as in a browser, a new link ends the one before.
            self._end_link()
            self._link = element
        elif tag == "img" and self._link is not None:
            self._link_text.append(element.attrs.get("alt", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._end_link()

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._link_text.append(data)

    def close(self) -> None:
        super().close()
        self._end_link()

    def _end_link(self) -> None:
        if self._link is not None:
            self._link.text = "".join(self._link_text)
        self._link, self._link_text = None, []

    def _position(self) -> tuple[int, int]:
        line, offset = self.getpos()
        first_line, first_column = self._start
        if line == 1:
            return first_line, first_column + offset
        return first_line + line - 1, offset + 1


def _attributes(pairs: list[tuple[str, str | None]]) -> dict[str, str]:
    """Attribute name → value; an attribute without a value has ''; a repeated one keeps its first value."""
    attributes: dict[str, str] = {}
    for name, value in pairs:
        attributes.setdefault(name, value or "")
    return attributes
