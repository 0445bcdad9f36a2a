"""The language a text is written in, for the checks `untranslated-block` and `wrong-language`.

A text is judged by its words only: the parser has already left out code, link addresses and HTML,
and here numbers and signs go too. A text is judged only with enough words to judge (`MIN_WORDS`,
`MIN_LETTERS`), and a verdict counts only when the identifier is sure of it (`MIN_CONFIDENCE`):
names, short headings, figures and lists of places are never judged, so editors are not asked to
declare every name.

The identifier is py3langid, restricted to the publication's languages. Its model ships in the
wheel (nothing is downloaded) and is loaded on first use, once per process: loading takes most of a
second, and a build that skips every pair verified unchanged never needs it. The live preview loads it
meanwhile once it serves its first build (`load_model_meanwhile`), so that an editor's first save does
not wait for it. The model is read-only, so keeping it between builds carries no build state.
"""

from __future__ import annotations

import copy
import functools
import itertools
import re
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

# Six words of 30 letters or more (counted as the words' characters): about the shortest sentence
# worth translating ("The city has many partners." – 5 words, 22 letters – stays unjudged). Shorter
# texts are mostly names and titles, whose language the identifier guesses: a list of three city
# names scores 58 % German, the one word "Impressum" 78 % English.
MIN_WORDS = 6
MIN_LETTERS = 30
# Restricted to two languages, real sentences score above 0.999; a mixed or name-heavy text that is
# in neither language clearly scores lower and is left alone.
MIN_CONFIDENCE = 0.99
# The time to judge grows with a text's length, and twenty words tell the publication's languages
# apart as surely as a page (every judged block of the real site gets the same verdict from its
# first twenty words as from all): a long paragraph is judged by its first twenty.
JUDGED_WORDS = 20
# A word: letters and digits (`\w` without `_`) holding a letter (`[^\W\d_]`), parts joined by - or '.
WORD = re.compile(r"[^\W_]*[^\W\d_][^\W_]*(?:['’-][^\W_]+)*")


def judged_words(text: str) -> list[str]:
    """The words a text is judged by: its first JUDGED_WORDS words, each letters and digits with at least
    one letter (parts joined by hyphens or apostrophes); found no further into the text than needed."""
    if len(text) < MIN_LETTERS:
        return []  # too short to judge, and most blocks are: a heading, a list item, a figure
    return [match[0] for match in itertools.islice(WORD.finditer(text), JUDGED_WORDS)]


def judgeable(text_words: list[str]) -> bool:
    """Enough words (of `judged_words`) to tell their language."""
    return len(text_words) >= MIN_WORDS and sum(map(len, text_words)) >= MIN_LETTERS


def language_of(text_words: list[str], codes: tuple[str, ...]) -> str | None:
    """Which of the publication's languages (`codes`) a text's judged words are surely in; None if unsure."""
    if not judgeable(text_words):
        return None
    identifier = _identifier(codes)
    if identifier is None:
        return None
    label, confidence = identifier.classify(" ".join(text_words))
    if confidence < MIN_CONFIDENCE:
        return None
    return next(code for code in codes if model_label(code) == label)


def model_label(code: str) -> str:
    """The model's label of a language code of mkdocs.yml: its language, without region ('pt_BR' → 'pt')."""
    return code.replace("-", "_").split("_", 1)[0].lower()


@functools.cache
def _identifier(codes: tuple[str, ...]) -> LanguageIdentifier | None:
    """The identifier restricted to these languages; None unless the model knows every one of them.

    A language the model does not know would be mistaken for one it knows, so then nothing is judged.
    """
    full = _full_identifier()
    labels = {model_label(code) for code in codes}
    if len(labels) < 2 or not labels <= set(full.labels):
        return None
    # A copy: restricting one changes it, and the full model is shared by every restriction.
    restricted = copy.copy(full)
    restricted.set_languages(sorted(labels))
    return restricted


def load_model_meanwhile() -> None:
    """Loads the model in the background, for builds to come in this process (an editor's saves in the
    live preview, where a page's first edit needs it)."""
    threading.Thread(target=_full_identifier, name="language model", daemon=True).start()


@functools.cache
def _full_identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
