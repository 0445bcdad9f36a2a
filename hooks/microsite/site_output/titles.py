"""Page titles without what pasted text brings into them.

A title is what a page is called outside its own text: in the browser tab, the navigation, search
results, link previews and reference managers. A soft hyphen or a zero-width space pasted into it is
invisible in the page but stays a character in each of those (a bookmark, a citation, a preview
shows it or breaks the word there), and a non-breaking space only means something where the page
breaks its lines. So a title is made plain (pasted_text.plain_text) once, where it is read, and
everything after sees the plain title:

- a page's front matter, read by MkDocs: here, in `on_env`, when every page has been read and none
  rendered (the navigation, the metadata, Material's `<title>` and search come after);
- an article's front matter, read by the collection before MkDocs reads any page: in
  `articles/front_matter.py` (the index's cards, the feeds, the citation files, the article's metadata).

Generated pages (partnerships, topics, authors: data names) are given front matter like written
pages, so their titles are made plain here too. A page's own heading is its text: it keeps what the
editor wrote, soft hyphens included.
"""

from __future__ import annotations

from mkdocs.structure.files import Files

from .. import upstream
from ..pasted_text import plain_text


def plain_page_titles(files: Files) -> None:
    for file in files.documentation_pages():
        if file.page is not None:
            upstream.set_front_matter_title(file.page, plain_text)
