"""Characters that come with text pasted from word processors and web pages.

Some are invisible: a soft hyphen (a hint where a word may be hyphenated), non-breaking spaces,
zero-width spaces and joiners, a byte-order mark inside the text, and the controls of bidirectional
text. Others are typographic: quotation marks and the apostrophe.

- In prose they are wanted or harmless, and readers see them as written.
- In a name that is part of an address or points at a record (an id, a file name, a URL) an invisible
  character makes two names that look the same differ: it is an error there, named by
  `invisible_character_problem`, so that the editor can delete it.
- A title is cleaned where it is read (`plain_text`): the browser tab, the navigation, the metadata
  and the feeds show it without soft hyphens and zero-width characters, with plain spaces (the preview
  goes on with a title that has a zero-width character, which is an error, below).
- In any text of the front matter or the data, and as bidirectional overrides in a page's text, the
  controls of bidirectional text and the zero-width characters (`HIDDEN`) make what readers see differ
  from what is written (a "Trojan source"): errors there, named by `hidden_character_problem`, unless
  they join what needs joining (`is_wanted_joiner`) or the publication allows the character
  (allowed_characters.py).
- The search index is cleaned as it is written (`searchable_text`), so that a word is found whatever
  was pasted into it; `SEARCH_SEPARATORS` are what separates words besides spaces and hyphens.
"""

from __future__ import annotations

import re
import unicodedata

SOFT_HYPHEN = "\u00ad"
NON_BREAKING_SPACES = "\u00a0\u2007\u202f"
# Zero-width space, non-joiner, joiner, word joiner, and the zero-width no-break space (a byte-order
# mark anywhere but at the start of a file).
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# Left-to-right and right-to-left marks, embeddings, overrides and isolates.
BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
INVISIBLE = SOFT_HYPHEN + NON_BREAKING_SPACES + ZERO_WIDTH + BIDI_CONTROLS
# Embeddings, overrides and isolates: what no German or English prose needs, and what can reorder a
# text's display (the left-to-right and right-to-left marks only set the direction of what is around them).
BIDI_OVERRIDES = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ARABIC_LETTER_MARK = "\u061c"
# What makes a text display differently from what it is: reported in every text of front matter and data.
HIDDEN = ZERO_WIDTH + BIDI_CONTROLS + ARABIC_LETTER_MARK
ZERO_WIDTH_NON_JOINER, ZERO_WIDTH_JOINER = "\u200c", "\u200d"
# Scripts whose spelling needs a (non-)joiner between two letters (Persian's ZWNJ, the conjuncts of
# the Indic scripts), by the first word of their letters' Unicode names.
JOINING_SCRIPTS = frozenset(
    {
        "ARABIC",
        "SYRIAC",
        "NKO",
        "MONGOLIAN",
        "DEVANAGARI",
        "BENGALI",
        "GURMUKHI",
        "GUJARATI",
        "ORIYA",
        "TAMIL",
        "TELUGU",
        "KANNADA",
        "MALAYALAM",
        "SINHALA",
    }
)
EMOJI_PRESENTATION = "\ufe0f"
EMOJI_MODIFIERS = range(0x1F3FB, 0x1F400)
TYPOGRAPHIC_QUOTES = "„“”‚‘’«»‹›"
TYPOGRAPHIC_APOSTROPHE = "’"

# The joiners are left to `plain_text`, which keeps those a text needs.
_PLAIN = str.maketrans(
    {
        **dict.fromkeys(SOFT_HYPHEN + ZERO_WIDTH.replace(ZERO_WIDTH_JOINER, "").replace(ZERO_WIDTH_NON_JOINER, "")),
        **dict.fromkeys(NON_BREAKING_SPACES, " "),
    }
)
# What `_PLAIN` changes: a text holding none of them (most texts) is returned as it is, without `translate`,
# which looks every character of the text up in the table (4 ms for an article's text).
_PLAIN_CHARACTERS = tuple(map(chr, _PLAIN))
_APOSTROPHE_IN_WORD = re.compile(rf"(?<=\w){TYPOGRAPHIC_APOSTROPHE}(?=\w)")
# How much of a name a message quotes before its invisible character.
CONTEXT_LENGTH = 20


def plain_text(text: str) -> str:
    """`text` without soft hyphens and zero-width characters, its non-breaking spaces plain spaces; a
    joiner that the text needs (`is_wanted_joiner`: an emoji sequence, a Persian or Hindi word) stays."""
    if ZERO_WIDTH_JOINER in text or ZERO_WIDTH_NON_JOINER in text:
        text = _JOINERS.sub(lambda found: found.group() if is_wanted_joiner(found.string, found.start()) else "", text)
    if not any(character in text for character in _PLAIN_CHARACTERS):
        return text
    return text.translate(_PLAIN)


def searchable_text(text: str) -> str:
    """`text` as the search index holds it: plain (`plain_text`), and an apostrophe inside a word the
    one on every keyboard (don’t → don't), so that what a reader types finds what an editor pasted."""
    plain = plain_text(text)
    # Most texts have no typographic apostrophe: the search for one in a word is left out.
    return _APOSTROPHE_IN_WORD.sub("'", plain) if TYPOGRAPHIC_APOSTROPHE in plain else plain


# What separates words in the search, besides what Material's `separator` says (whitespace and
# hyphens): quotation marks, so that a word in quotes is found, and the invisible characters that
# `searchable_text` deletes from the index, for a reader who pastes a word with one into the search
# box. Not the keyboard's apostrophe: "don't" stays one word. The typographic one is a closing quote
# too: inside a word the index has the keyboard's instead, and typed into the search box ("don’t")
# it separates two words, both of which the page has. A regular expression for the browser.
SEARCH_SEPARATORS = (
    "["
    + "".join(f"\\u{ord(character):04x}" for character in TYPOGRAPHIC_QUOTES + '"' + SOFT_HYPHEN + ZERO_WIDTH)
    + "]+"
)


def character_name(character: str) -> str:
    """A character as editors can look it up: 'U+00AD SOFT HYPHEN'."""
    return f"U+{ord(character):04X} {unicodedata.name(character, 'UNNAMED CHARACTER')}"


def first_invisible(text: str, *, spaces: bool = True) -> int | None:
    """Where the first invisible character of `text` is; with `spaces=False`, not counting the
    non-breaking spaces (where any whitespace is as good as a space)."""
    wanted = INVISIBLE if spaces else INVISIBLE.translate(dict.fromkeys(map(ord, NON_BREAKING_SPACES)))
    return next((index for index, character in enumerate(text) if character in wanted), None)


def invisible_character_problem(text: str, what: str, todo: str, *, spaces: bool = True) -> str | None:
    """What is wrong with a name that has an invisible character in it, and what to do; None if none.

    The message names the character and the visible text before it, never quotes the name itself
    (which would carry the character into the message unseen)."""
    index = first_invisible(text, spaces=spaces)
    if index is None:
        return None
    before = "".join(character for character in text[:index] if character not in INVISIBLE)
    if not before:
        place = "at its beginning"
    else:
        shown = before if len(before) <= CONTEXT_LENGTH else "…" + before[-CONTEXT_LENGTH:]
        place = f"after {shown!r}"
    return f"the {what} has an invisible character, {character_name(text[index])}, {place} – delete it: {todo}"


def is_wanted_joiner(text: str, index: int) -> bool:
    """Whether the character at `index` is a joiner that the text needs: a zero-width joiner inside an
    emoji sequence (👩‍🔬: after a pictograph, its emoji presentation or skin tone, before a pictograph),
    or a zero-width (non-)joiner between two letters of a script that spells with it (Persian, Hindi…)."""
    character = text[index]
    if character not in (ZERO_WIDTH_JOINER, ZERO_WIDTH_NON_JOINER) or not 0 < index < len(text) - 1:
        return False
    before, after = text[index - 1], text[index + 1]
    emoji_before = _is_pictograph(before) or before == EMOJI_PRESENTATION or ord(before) in EMOJI_MODIFIERS
    if character == ZERO_WIDTH_JOINER and emoji_before and _is_pictograph(after):
        return True
    return _script_letter(before) is not None and _script_letter(before) == _script_letter(after)


def _is_pictograph(character: str) -> bool:
    return unicodedata.category(character) == "So"


def _script_letter(character: str) -> str | None:
    """The joining script of a letter or mark (a virama), None for any other character."""
    if unicodedata.category(character)[0] not in "LM":
        return None
    script = unicodedata.name(character, "").split(" ", 1)[0]
    return script if script in JOINING_SCRIPTS else None


_HIDDEN = re.compile(f"[{HIDDEN}]")
_JOINERS = re.compile(f"[{ZERO_WIDTH_JOINER}{ZERO_WIDTH_NON_JOINER}]")
_BIDI_OVERRIDES = re.compile(f"[{BIDI_OVERRIDES}]")


def hidden_characters(text: str, allowed: frozenset[str] = frozenset(), *, overrides_only: bool = False) -> list[int]:
    """Where in `text` the `HIDDEN` characters (with `overrides_only`, the `BIDI_OVERRIDES`) are that it
    does not need: not `allowed` by the publication, and no joiner it needs (`is_wanted_joiner`)."""
    pattern = _BIDI_OVERRIDES if overrides_only else _HIDDEN
    return [
        found.start()
        for found in pattern.finditer(text)
        if found.group() not in allowed and not is_wanted_joiner(text, found.start())
    ]


HIDDEN_TODO = "it is invisible, and makes the text display differently from what it is"
ALLOW_TODO = "(where the text needs it: extra.allowed_invisible_characters in mkdocs.yml)"


def hidden_character_problem(text: str, found: list[int]) -> str:
    """What is wrong with a text with the hidden characters `found` (`hidden_characters`), and what to do.
    Like `invisible_character_problem`, it names the first and the visible text before it."""
    index = found[0]
    before = "".join(character for character in text[:index] if character not in INVISIBLE + HIDDEN)
    place = "at its beginning" if not before else f"after {_shown_end(before)!r}"
    name = character_name(text[index])
    if len(found) == 1:
        return f"the text has an invisible character, {name}, {place} – delete it: {HIDDEN_TODO} {ALLOW_TODO}"
    return (
        f"the text has {len(found)} invisible characters, the first {name}, {place} – delete them: they are "
        f"invisible, and make the text display differently from what it is {ALLOW_TODO}"
    )


def _shown_end(text: str) -> str:
    return text if len(text) <= CONTEXT_LENGTH else "…" + text[-CONTEXT_LENGTH:]
