"""The addresses a stylesheet makes the browser load: every `url(…)` (backgrounds, fonts, cursors…) and
every `@import "…"`, each with its line.

No CSS parser is among the project's dependencies, and these two are all of CSS that loads a file, so a
small scanner reads them, the way CSS's tokenizer does where it matters: comments and the contents of
strings are skipped (an address written in a comment loads nothing), `url(` is matched in any letter
case and only as a function name of its own (not the end of `my-url(`), its address may be quoted or
not, and `@import` takes a string or a `url(…)`. What it leaves out: CSS escapes in the name `url`
itself (`u\\rl(`) and addresses in `image-set("…")` written as bare strings.
"""

from __future__ import annotations

from dataclasses import dataclass

# Characters that may continue a CSS name: what stands before `url(` must not be one of them.
NAME_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_\\")
QUOTES = "\"'"
URL_FUNCTION = "url("
IMPORT_RULE = "@import"


@dataclass(frozen=True)
class CssAddress:
    # Counted from 0: the line of the text the address stands on.
    line_offset: int
    address: str


def css_addresses(css: str) -> list[CssAddress]:
    """Every address the CSS loads, in the order written."""
    found: list[CssAddress] = []
    position, after_import = 0, False
    while position < len(css):
        if css.startswith("/*", position):
            end = css.find("*/", position + 2)
            position = len(css) if end < 0 else end + 2
        elif css[position] in QUOTES:
            text, end = _string(css, position)
            if after_import:
                found.append(CssAddress(css.count("\n", 0, position), text))
                after_import = False
            position = end
        elif css[position : position + len(URL_FUNCTION)].lower() == URL_FUNCTION and _starts_name(css, position):
            address, end = _url(css, position + len(URL_FUNCTION))
            found.append(CssAddress(css.count("\n", 0, position), address))
            after_import, position = False, end
        elif css[position : position + len(IMPORT_RULE)].lower() == IMPORT_RULE:
            after_import, position = True, position + len(IMPORT_RULE)
        else:
            if not css[position].isspace():
                after_import = False
            position += 1
    return found


def _starts_name(css: str, position: int) -> bool:
    return position == 0 or css[position - 1] not in NAME_CHARACTERS


def _string(css: str, start: int) -> tuple[str, int]:
    """A quoted string's text (backslash escapes of the quote kept as the character) and the position after it."""
    quote, position, text = css[start], start + 1, []
    while position < len(css) and css[position] != quote and css[position] != "\n":
        if css[position] == "\\" and position + 1 < len(css):
            position += 1
        text.append(css[position])
        position += 1
    return "".join(text), position + 1


def _url(css: str, start: int) -> tuple[str, int]:
    """The address of a `url(` whose parenthesis ends before `start`, and the position after its `)`."""
    position = start
    while position < len(css) and css[position].isspace():
        position += 1
    if position < len(css) and css[position] in QUOTES:
        address, position = _string(css, position)
    else:
        end = css.find(")", position)
        end = len(css) if end < 0 else end
        address, position = css[position:end].strip(), end
    close = css.find(")", position)
    return address, len(css) if close < 0 else close + 1
