"""The elements of HTML that link somewhere, read by the standard library's HTML parser.

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
# Attributes whose value is an address a browser follows, loads or submits to; any element with one
# is read, whatever its tag (<video poster>, <form action>, <button formaction>, SVG's <image href>…).
URL_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "data")
# What else makes a page load or run something, read for the checks of requests to other hosts and of
# scripts (third_party.py, page_scripts.py): a <style> element (its CSS is kept as its `content`), an
# inline style (`style="…url(…)"`), and an event handler attribute (`onclick=`, `onerror=`…).
STYLE_TAG = "style"
STYLE_ATTRIBUTE = "style"
EVENT_HANDLER_PREFIX = "on"
# What an element is called in a message; a link is called by its text.
ELEMENT_NAMES = {
    "img": "image",
    "image": "image",
    "input": "image button",
    "script": "script",
    "link": "stylesheet or link",
    "source": "media source",
    "iframe": "embedded page",
    "embed": "embedded object",
    "object": "embedded object",
    "video": "video",
    "audio": "audio",
    "track": "subtitles",
    "area": "image map link",
    "form": "form",
    "button": "form button",
}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    # Where its start tag's `<` stands in the page, both counted from 1.
    line: int
    column: int
    # A link's text as readers meet it: images in it count by their alt text.
    text: str = ""
    # Where its start tag ends: the position just after its `>`.
    end_line: int = 0
    end_column: int = 0
    # A <style> element's CSS, as written between its tags (it starts at end_line, end_column).
    content: str = ""

    def holds(self, line: int, column: int) -> bool:
        """Whether a position of the page is inside this element's start tag."""
        return (self.line, self.column) <= (line, column) < (self.end_line, self.end_column)

    def addresses(self) -> list[tuple[str, str]]:
        """(attribute, address) for every address of the element; each candidate of a srcset on its own."""
        found = []
        for name in URL_ATTRIBUTES:
            value = self.attrs.get(name)
            if value is None:
                continue
            if name == "srcset":
                found += [(name, candidate.split()[0]) for candidate in value.split(",") if candidate.strip()]
            else:
                found.append((name, value))
        return found

    def event_handlers(self) -> list[str]:
        """The names of its event handler attributes (`onclick`, `onerror`…), lower-cased as a browser reads them."""
        return [name for name in self.attrs if name.startswith(EVENT_HANDLER_PREFIX)]

    def description(self) -> str:
        """The element as a message names it: a link by its text, an image by what it is and its alt text."""
        if self.tag == "a":
            return f"link “{self.text.strip()}”"
        name = ELEMENT_NAMES.get(self.tag, f"<{self.tag}> element")
        alt = self.attrs.get("alt", "").strip() if self.tag == "img" else ""
        return f"{name} “{alt}”" if alt else name


def scan(html: str, line: int = 1, column: int = 1) -> list[Element]:
    """The linking elements of (a part of) a page; `line` and `column` say where `html` starts in it."""
    parser = _LinkingElementParser(line, column)
    parser.feed(_without_unterminated_tail(html))
    parser.close()
    return parser.elements


def _without_unterminated_tail(html: str) -> str:
    """The HTML up to its last `>`, and the text after it up to the next `<`.

    A start tag ends with `>`, so nothing after the last one is an element, and a browser drops an
    unfinished tag at the end of the page. The standard library's parser would rather spend quadratic
    time on such a tail (every `<` in it read to the end of the text: seconds for a few thousand).
    """
    last_end = html.rfind(">") + 1
    next_tag = html.find("<", last_end)
    return html if next_tag < 0 else html[:next_tag]


def element_at(elements: list[Element], line: int, column: int) -> Element | None:
    """The element whose start tag holds a position (lychee reports where the address is), if any."""
    return next((element for element in elements if element.holds(line, column)), None)


class _LinkingElementParser(HTMLParser):
    def __init__(self, line: int, column: int) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._start = (line, column)
        self._link: Element | None = None
        self._link_text: list[str] = []
        self._style: Element | None = None
        self._style_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = _attributes(attrs)
        if tag not in LINKING_TAGS and tag != STYLE_TAG and not _loads_or_runs(attributes):
            return
        element = Element(tag, attributes, *self._position())
        element.end_line, element.end_column = _after(self.get_starttag_text() or "", element.line, element.column)
        self.elements.append(element)
        if tag == "a":
            # Links cannot nest: as in a browser, a new link ends the one before.
            self._end_link()
            self._link = element
        elif tag == "img" and self._link is not None:
            self._link_text.append(element.attrs.get("alt", ""))
        elif tag == STYLE_TAG:
            self._end_style()
            self._style = element

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._end_link()
        elif tag == STYLE_TAG:
            self._end_style()

    def handle_data(self, data: str) -> None:
        if self._style is not None:
            self._style_text.append(data)
        elif self._link is not None:
            self._link_text.append(data)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # HTML has no marked sections: a browser reads `<![…` as a comment up to the next `>`. The
        # standard library's SGML reading of it fails with an AssertionError on `<![word[`.
        return self.parse_bogus_comment(i, report)

    def close(self) -> None:
        super().close()
        self._end_link()
        self._end_style()

    def _end_link(self) -> None:
        if self._link is not None:
            self._link.text = "".join(self._link_text)
        self._link, self._link_text = None, []

    def _end_style(self) -> None:
        if self._style is not None:
            self._style.content = "".join(self._style_text)
        self._style, self._style_text = None, []

    def _position(self) -> tuple[int, int]:
        line, offset = self.getpos()
        first_line, first_column = self._start
        if line == 1:
            return first_line, first_column + offset
        return first_line + line - 1, offset + 1


def _loads_or_runs(attributes: dict[str, str]) -> bool:
    """Whether an element's attributes hold an address, an inline style or an event handler."""
    return any(
        name in URL_ATTRIBUTES or name == STYLE_ATTRIBUTE or name.startswith(EVENT_HANDLER_PREFIX)
        for name in attributes
    )


def _after(text: str, line: int, column: int) -> tuple[int, int]:
    """The position just after `text`, which starts at (line, column)."""
    if "\n" not in text:
        return line, column + len(text)
    return line + text.count("\n"), len(text) - text.rfind("\n")


def _attributes(pairs: list[tuple[str, str | None]]) -> dict[str, str]:
    """Attribute name → value; an attribute without a value has ''; a repeated one keeps its first value."""
    attributes: dict[str, str] = {}
    for name, value in pairs:
        attributes.setdefault(name, value or "")
    return attributes


class _RobotsParser(HTMLParser):
    """The directives of `<meta name="robots" content="…">`, read until the head ends."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.directives: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = _attributes(attrs)
        if tag == "meta" and attributes.get("name", "").lower() == "robots":
            self.directives |= {part.strip().lower() for part in attributes.get("content", "").split(",")}


def robots_directives(html: str) -> set[str]:
    """What a page asks of search engines ('noindex', 'nofollow'), from its head."""
    head_end = html.find("</head>")
    parser = _RobotsParser()
    parser.feed(html if head_end == -1 else html[:head_end])
    parser.close()
    return parser.directives
