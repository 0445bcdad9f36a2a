"""The link-check tests' tools: defects seeded into a copy of the built site, in raw HTML written every way
a browser reads the same, and the check's findings on it. Shared by tests/build/test_link_check*.py."""

from __future__ import annotations

from microsite import link_check
from site_model import LANGUAGES, BuiltSite

ARTICLE_START = '<article class="md-content__inner md-typeset">'
NOT_FOUND = "File not found. Check if file exists and path is correct"
FIX_LINK = "correct the link, or add the missing page or file"
RUNS = "a browser would run this as a program – link to a page or an https:// address"
DATA_IMAGE = (
    "the image is written into the page instead of being a file, so it is not cached, not checked and not "
    "reviewable in a diff – save it as a file next to the page and show that: ![what it shows](picture.png)"
)
SCRIPT = (
    "the site runs only its own scripts, from the theme and overrides/ – remove it; to show a video or map, link to it"
)
SOURCE, TRANSLATION = LANGUAGES.source, LANGUAGES.translations[0]
# How an editor may write an attribute in raw HTML; a browser reads each the same.
ATTRIBUTE_STYLES = {
    "double quotes": lambda name, value: f'{name}="{value}"',
    "single quotes": lambda name, value: f"{name}='{value}'",
    "no quotes": lambda name, value: f"{name}={value}",
    "upper case": lambda name, value: f'{name.upper()}="{value}"',
}
STYLES = list(ATTRIBUTE_STYLES)


def tag(style: str, name: str, content: str | None = None, **attributes: str) -> str:
    """An element in one of ATTRIBUTE_STYLES (upper case: its tag too); with `content`, closed after it."""
    name = name.upper() if style == "upper case" else name
    written = " ".join(ATTRIBUTE_STYLES[style](key, value) for key, value in attributes.items())
    start = f"<{name} {written}>"
    return start if content is None else f"{start}{content}</{name}>"


def link_from(page: str, site_path: str) -> str:
    """A site-relative path as a link on `page` writes it."""
    return "../" * page.count("/") + site_path


def written_pages(site: BuiltSite, language: str) -> list[str]:
    """The pages of `language` written in Markdown, in the language's own folder (not the home page): the
    tests' links are written relative to that folder."""
    pages = []
    for path in site.content_paths():
        in_root = "/" not in path.removeprefix(LANGUAGES.root(language))
        written = not path.endswith("index.html") and (site.project / source(path)).is_file()
        if LANGUAGES.of_path(path) == language and in_root and written:
            pages.append(path)
    return pages


def written_page(site: BuiltSite, language: str) -> str:
    """The first of `written_pages`."""
    pages = written_pages(site, language)
    if not pages:
        raise AssertionError(f"no written {language} page")
    return pages[0]


def source(page: str) -> str:
    language = LANGUAGES.of_path(page)
    return f"docs/{language}/{page.removeprefix(LANGUAGES.root(language)).removesuffix('.html')}.md"


def seed(site: BuiltSite, page: str, html: str, after: str = ARTICLE_START) -> int:
    """Put `html` just after `after` (the start of the page's article); returns the line it is on."""
    path = site.root / page
    text = path.read_text(encoding="utf-8")
    assert after in text
    path.write_text(text.replace(after, after + html, 1), encoding="utf-8")
    return text[: text.index(after)].count("\n") + 1


def findings(site: BuiltSite) -> list[str]:
    found = link_check.check_site(site.root, site_url=site.site_url, languages=LANGUAGES, project=site.project)
    return [finding.text() for finding in found]
