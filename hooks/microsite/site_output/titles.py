"""Page titles and the front matter's other shown texts, as the theme needs them: plain, and HTML.

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

**Text is text.** What an editor types into front matter is text: `<b>` or `&amp;` in a title is what
readers see, as written. MkDocs and Material take the same fields for HTML and write them into the page
as they are (Material's templates, rendered without autoescaping, print `page.title` and
`page.meta.description` raw). So, here too, each of those fields (upstream.THEME_HTML_FIELDS) is
replaced by the HTML that shows it as written: escaped once, as `Markup`, which every later `| e` leaves
as it is. Whatever reads a title as text after this (the metadata, the hooks' search index) takes it
as a browser reads it (upstream.page_title).

Generated pages (partnerships, topics, authors: data names) and stand-ins are given front matter like
written pages, as text, so their titles are made plain and HTML here too. A page's own heading is its
text, Markdown: it keeps what the editor wrote, soft hyphens included.
"""

from __future__ import annotations

from mkdocs.structure.files import Files

from .. import upstream
from ..pasted_text import plain_text


def prepare_page_titles(files: Files) -> None:
    """Every page's title plain, and its front matter's shown texts the HTML that shows them as written."""
    for file in files.documentation_pages():
        if file.page is not None:
            upstream.set_front_matter_as_html(file.page, plain_text)
