"""Front matter of Markdown pages: a YAML block between `---` lines at the very start of the file.

Split off the way MkDocs does it for what the build reads; and with the page's own line numbers, for
the checks that name the line of a mistake in it (articles, and every page the build reads).
"""

from __future__ import annotations

from mkdocs.utils import meta

FENCE = "---"
# The check id of a front matter that cannot be read, wherever it is found.
CHECK = "front-matter"
NO_CLOSING_FENCE = "the front matter has no closing '---' line – add it below the last field"


class UnclosedFrontMatter(ValueError):
    """A page opens its front matter with '---' and never closes it."""


def split_front_matter(text: str) -> tuple[dict, str]:
    """The page's front matter (empty when there is none, or when it is not a mapping) and its body."""
    body, front_matter = meta.get_data(text)
    return (front_matter if isinstance(front_matter, dict) else {}), body


def front_matter_lines(text: str) -> tuple[str, str] | None:
    """(YAML, body) of a page that begins with front matter, None for one that does not. The YAML keeps
    the page's line numbers: its opening '---' is an empty line. Raises UnclosedFrontMatter."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[0].strip() != FENCE:
        return None
    end = next((number for number in range(1, len(lines)) if lines[number].rstrip() in (FENCE, "...")), None)
    if end is None:
        raise UnclosedFrontMatter(NO_CLOSING_FENCE)
    return "\n".join(["", *lines[1:end]]), "\n".join(lines[end + 1 :])
