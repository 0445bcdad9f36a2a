"""Link checking of the built site: one seeded defect of each kind in a temp copy, each caught with its
message, however the raw HTML is written (double, single or no quotes, any letter case); the real
site passes; no message shows the temporary folder lychee reads the site in; the same checks warn
during a strict build, unsafe links with their Markdown file and line."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from microsite import link_check
from microsite.link_check.lychee import lychee_binary
from project import ROOT, SUB_PATH, build_site, copy_project, microsite
from site_model import LANGUAGES, BuiltSite

ARTICLE_START = '<article class="md-content__inner md-typeset">'
NOT_FOUND = "File not found. Check if file exists and path is correct"
FIX_LINK = "correct the link, or add the missing page or file"
RUNS = "a browser would run this as a program – link to a page or an https:// address"
DATA_IMAGE = (
    "the image is written into the page instead of being a file, so it is not cached, not checked and not "
    "reviewable in a diff – save it as a file next to the page and show that: ![what it shows](picture.png)"
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


def written_page(site: BuiltSite, language: str) -> str:
    """A page of `language` written in Markdown (not the home page)."""
    for path in site.content_paths():
        if LANGUAGES.of_path(path) == language and not path.endswith("index.html") and (ROOT / source(path)).is_file():
            return path
    raise AssertionError(f"no written {language} page")


def source(page: str) -> str:
    language = LANGUAGES.of_path(page)
    return f"docs/{language}/{page.removeprefix(LANGUAGES.root(language)).removesuffix('.html')}.md"


@pytest.fixture
def site_copy(built_site: BuiltSite, tmp_path: Path) -> BuiltSite:
    root = tmp_path / "site"
    shutil.copytree(built_site.root, root)
    return BuiltSite(root=root, site_url=built_site.site_url, log="")


def seed(site: BuiltSite, page: str, html: str, after: str = ARTICLE_START) -> int:
    """Put `html` just after `after` (the start of the page's article); returns the line it is on."""
    path = site.root / page
    text = path.read_text(encoding="utf-8")
    assert after in text
    path.write_text(text.replace(after, after + html, 1), encoding="utf-8")
    return text[: text.index(after)].count("\n") + 1


def findings(site: BuiltSite) -> list[str]:
    found = link_check.check_site(site.root, site_url=site.site_url, languages=LANGUAGES, project=ROOT)
    return [finding.text() for finding in found]


def test_the_real_site_has_no_findings(built_site: BuiltSite) -> None:
    assert findings(built_site) == []


@pytest.mark.parametrize("style", STYLES)
def test_missing_page(site_copy: BuiltSite, style: str) -> None:
    page = written_page(site_copy, SOURCE)
    line = seed(site_copy, page, tag(style, "a", "Fehlende Seite", href="no-such-page.html"))
    assert findings(site_copy) == [
        f"{page}:{line}: [broken-link] link “Fehlende Seite” → no-such-page.html: {NOT_FOUND} – {FIX_LINK} (source: {source(page)})"
    ]


@pytest.mark.parametrize("style", STYLES)
def test_missing_anchor(site_copy: BuiltSite, style: str) -> None:
    page = written_page(site_copy, SOURCE)
    line = seed(site_copy, page, tag(style, "a", "Anker", href="index.html#no-such-heading"))
    assert findings(site_copy) == [
        f"{page}:{line}: [broken-fragment] link “Anker” → index.html#no-such-heading: Cannot find fragment – link to a heading that exists "
        f"(its id is shown in the page's table of contents) (source: {source(page)})"
    ]


@pytest.mark.parametrize("style", STYLES)
def test_missing_image(site_copy: BuiltSite, style: str) -> None:
    page = written_page(site_copy, SOURCE)
    image = tag(style, "img", src="no-such-image.png", alt="Bild")
    # Of an image whose file exists and whose srcset's does not, the srcset is named.
    pair = tag(style, "img", src="assets/images/favicon.png", srcset="no-such-image-2x.png", alt="Zeichen")
    line = seed(site_copy, page, f"{image}\n{pair}")
    assert findings(site_copy) == [
        f"{page}:{line}: [broken-link] image “Bild” → no-such-image.png: {NOT_FOUND} – {FIX_LINK} (source: {source(page)})",
        f"{page}:{line + 1}: [broken-link] image “Zeichen” → no-such-image-2x.png: {NOT_FOUND} – {FIX_LINK} (source: {source(page)})",
    ]


# Elements besides links and images whose address lychee checks: how a message names each, its tag,
# its one address, and whether it has an end tag.
OTHER_LINKING_ELEMENTS = [
    ("stylesheet or link", "link", {"href": "missing.css"}, False),
    ("embedded page", "iframe", {"src": "missing-frame.html"}, True),
    ("video", "video", {"src": "missing.mp4"}, True),
    ("video", "video", {"poster": "missing-poster.png"}, True),
    ("audio", "audio", {"src": "missing.mp3"}, True),
    ("embedded object", "embed", {"src": "missing.svg"}, False),
    ("embedded object", "object", {"data": "missing.pdf"}, True),
    ("form", "form", {"action": "missing-form.html"}, True),
    ("form button", "button", {"formaction": "missing-button.html"}, True),
    ("image map link", "area", {"href": "missing-area.html"}, False),
]


@pytest.mark.parametrize("style", STYLES)
def test_missing_files_of_other_elements(site_copy: BuiltSite, style: str) -> None:
    page = written_page(site_copy, SOURCE)
    # A link first: each element after it is named as itself, not as the link before it.
    elements = [tag(style, "a", "Start", href="index.html")]
    elements += [
        tag(style, name, "" if closed else None, **address) for _, name, address, closed in OTHER_LINKING_ELEMENTS
    ]
    line = seed(site_copy, page, "\n".join(elements))
    assert findings(site_copy) == [
        f"{page}:{line + number}: [broken-link] {what} → {next(iter(address.values()))}: {NOT_FOUND} – {FIX_LINK} (source: {source(page)})"
        for number, (what, _, address, _) in enumerate(OTHER_LINKING_ELEMENTS, start=1)
    ]


@pytest.mark.parametrize("style", STYLES)
def test_missing_script(site_copy: BuiltSite, style: str) -> None:
    """lychee skips scripts: the project's check reads them, in the theme's part of a page too."""
    page = written_page(site_copy, SOURCE)
    line = seed(site_copy, page, tag(style, "script", "", src="missing.js"), after="<head>")
    assert findings(site_copy) == [
        f"{page}:{line}: [broken-link] script → missing.js: the site has no such file – correct the link, or add the missing file (source: {source(page)})"
    ]


@pytest.mark.parametrize("style", STYLES)
def test_language_leak(site_copy: BuiltSite, style: str) -> None:
    page = written_page(site_copy, SOURCE)
    other = LANGUAGES.counterpart(page, TRANSLATION)
    line = seed(
        site_copy,
        page,
        tag(style, "a", "Seite", href=other) + " " + tag(style, "a", "Page", href=other, hreflang=TRANSLATION),
    )
    assert findings(site_copy) == [
        f"{page}:{line}: [language-leak] link “Seite” → {other} leads to the {LANGUAGES.name(TRANSLATION)} page, although {page} exists in this page's language "
        f"– link to that, or add hreflang to the link if the other language is meant (source: {source(page)})"
    ]


@pytest.mark.parametrize("style", STYLES)
def test_invalid_mailto(site_copy: BuiltSite, style: str) -> None:
    page = written_page(site_copy, SOURCE)
    line = seed(site_copy, page, tag(style, "a", "Post", href="mailto:jemand.example.org"))
    assert findings(site_copy) == [
        f"{page}:{line}: [invalid-mailto] link “Post” → mailto:jemand.example.org: 'jemand.example.org' is not an e-mail address – write it as name@example.org (source: {source(page)})"
    ]


@pytest.mark.parametrize("style", STYLES)
def test_a_link_is_named_by_its_text_and_the_alt_text_of_its_images(site_copy: BuiltSite, style: str) -> None:
    page = written_page(site_copy, SOURCE)
    image = tag(style, "img", src="assets/images/favicon.png", alt="Briefumschlag")
    line = seed(site_copy, page, "\n" + tag(style, "a", f"Post {image}", href="mailto:jemand"))
    assert findings(site_copy) == [
        f"{page}:{line + 1}: [invalid-mailto] link “Post Briefumschlag” → mailto:jemand: 'jemand' is not an e-mail address – write it as name@example.org (source: {source(page)})"
    ]


@pytest.mark.parametrize("style", STYLES)
def test_missing_alt(site_copy: BuiltSite, style: str) -> None:
    page = written_page(site_copy, SOURCE)
    line = seed(site_copy, page, tag(style, "img", src="assets/images/favicon.png"))
    assert findings(site_copy) == [
        f"{page}:{line}: [missing-alt] image assets/images/favicon.png has no alt text – describe it in the page's language: ![what it shows](favicon.png) (source: {source(page)})"
    ]


@pytest.mark.parametrize("style", STYLES)
def test_alt_text_not_translated(site_copy: BuiltSite, style: str) -> None:
    page = written_page(site_copy, SOURCE)
    twin = LANGUAGES.counterpart(page, TRANSLATION)
    twin_image = link_from(twin, "assets/images/favicon.png")
    line = seed(site_copy, page, tag(style, "img", src="assets/images/favicon.png", alt="Seitenzeichen"))
    twin_line = seed(site_copy, twin, tag(style, "img", src=twin_image, alt="Seitenzeichen"))
    message = "has the alt text “Seitenzeichen”, the same as on {other} – write it in this page's language"
    assert findings(site_copy) == sorted(
        [
            f"{page}:{line}: [untranslated-alt] image assets/images/favicon.png {message.format(other=twin)} (source: {source(page)})",
            f"{twin}:{twin_line}: [untranslated-alt] image {twin_image} {message.format(other=page)} (source: {source(twin)})",
        ]
    )


@pytest.mark.parametrize("style", STYLES)
def test_unsafe_links_in_the_built_content(site_copy: BuiltSite, style: str) -> None:
    """What a template or data puts in a page: named by the built page and its source."""
    page = written_page(site_copy, SOURCE)
    unsafe = [
        tag(style, "a", "Klick", href="javascript:alert(1)"),
        tag(style, "img", src="data:image/png;base64,AAAA", alt="Punkt"),
        tag(style, "form", "", action="vbscript:run"),
    ]
    line = seed(site_copy, page, "\n".join(unsafe))
    assert findings(site_copy) == [
        f"{page}:{line}: [unsafe-link] link “Klick” → javascript:alert(1): {RUNS} (source: {source(page)})",
        f"{page}:{line + 1}: [unsafe-link] image “Punkt” → data:image/png;base64,AAAA: {DATA_IMAGE} (source: {source(page)})",
        f"{page}:{line + 2}: [unsafe-link] form → vbscript:run: {RUNS} (source: {source(page)})",
    ]


def test_messages_never_show_the_temporary_folder(
    site_copy: BuiltSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """lychee reads the site in a temporary folder (here one with a space in its path, as on many
    computers); its messages show the site's address instead, and the file each came from."""
    temporary = tmp_path / "temporary folder"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    overridden = min((ROOT / "overrides").rglob("*.css")).relative_to(ROOT / "overrides").as_posix()
    stylesheet = site_copy.root / overridden
    text = stylesheet.read_text(encoding="utf-8")
    stylesheet.write_text(text + "\n.gone { background: url(/elsewhere/gone.png) }\n", encoding="utf-8")
    # A page copied as it is, with no linking element before a file outside the site's sub-path.
    (site_copy.root / "copied.html").write_text('<p>Film:\n<video src="/elsewhere/film.mp4"></video>\n')
    origin = site_copy.site_url.removesuffix(SUB_PATH) + "/"
    assert findings(site_copy) == [
        f"{overridden}:{text.count(chr(10)) + 2}: [broken-link] link → {origin}elsewhere/gone.png: {NOT_FOUND} – {FIX_LINK} (source: overrides/{overridden})",
        "copied.html:1: [page-not-in-sitemap] copied.html is not in sitemap.xml, so search engines will not find it – it must be built as a page of the site, not copied in as a file (source: the theme)",
        f"copied.html:2: [broken-link] video → /elsewhere/film.mp4: {NOT_FOUND} – {FIX_LINK} (source: the theme)",
    ]


def test_sitemap_and_pages_disagree(site_copy: BuiltSite) -> None:
    page = written_page(site_copy, SOURCE)
    sitemap = site_copy.root / "sitemap.xml"
    text = sitemap.read_text(encoding="utf-8")
    text = re.sub(
        rf"<url>\s*<loc>{re.escape(site_copy.site_url + page)}</loc>.*?</url>", "", text, count=1, flags=re.DOTALL
    )
    stale = site_copy.site_url + "removed-page.html"
    text = text.replace("</urlset>", f"<url><loc>{stale}</loc></url></urlset>")
    sitemap.write_text(text, encoding="utf-8")
    line = text[: text.index(stale)].count("\n") + 1
    assert findings(site_copy) == [
        f"{page}:1: [page-not-in-sitemap] {page} is not in sitemap.xml, so search engines will not find it – it must be built as a page of the site, not copied in as a file (source: {source(page)})",
        f"sitemap.xml:{line}: [broken-link] link → {stale}: {NOT_FOUND} – {FIX_LINK} (source: the sitemap, built by the i18n plugin and hooks/microsite/site_output/sitemaps.py)",
        f"sitemap.xml:{line}: [sitemap-missing-page] lists {stale}, which the site does not have – rebuild, or remove what leads to the stale entry (source: mkdocs.yml (plugins: i18n))",
    ]


def test_command_line_exit_status(site_copy: BuiltSite, tmp_path: Path) -> None:
    assert microsite("check-links", str(site_copy.root)).returncode == 0
    seed(site_copy, written_page(site_copy, SOURCE), "<A HREF='no-such-page.html'>x</A>")
    broken = microsite("check-links", str(site_copy.root))
    assert broken.returncode == 1 and "[broken-link] link “x” → no-such-page.html" in broken.stdout
    missing = microsite("check-links", str(tmp_path / "nothing-built"))
    assert missing.returncode == 2 and "build the site first" in missing.stderr


def test_strict_build_fails_on_what_the_hook_finds(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = next(path for path in sorted((project / "docs" / SOURCE).glob("*.md")) if path.name != "index.md")
    text = page.read_text(encoding="utf-8")
    added = "\n<a href='mailto:nobody'>Post</a>\n\n[Klick](javascript:alert(1))\n\n<IMG SRC=data:image/png;base64,AAAA ALT=Punkt>\n"
    page.write_text(text + added, encoding="utf-8")
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert re.search(rf"WARNING -  {page.stem}\.html:\d+: \[invalid-mailto\] link “Post” → mailto:nobody", output), (
        output
    )
    shown, line = page.relative_to(project).as_posix(), text.count("\n") + 2
    unsafe = [
        f"{shown}:{line + 2}: [unsafe-link] link “Klick” → javascript:alert(1): {RUNS}",
        f"{shown}:{line + 4}: [unsafe-link] image “Punkt” → data:image/png;base64,AAAA: {DATA_IMAGE}",
    ]
    assert all(f"WARNING -  {finding}\n" in output for finding in unsafe), output
    # make check-links names them once, by their Markdown, not again by the pages built from it.
    found = link_check.check_site(tmp_path / "site", languages=LANGUAGES, project=project)
    assert [finding.text() for finding in found if finding.check == "unsafe-link"] == unsafe


def test_external_link_settings_load_and_find_the_external_links(built_site: BuiltSite) -> None:
    """The online check cannot run here (no network); its settings must load, and it must see the links."""
    result = subprocess.run(
        [lychee_binary(), "--config", str(ROOT / "lychee.toml"), "--dump", str(built_site.root)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    external = {line for line in result.stdout.splitlines() if line.startswith("https://")}
    written = set()
    for path in (ROOT / "docs").rglob("*.md"):
        written |= set(re.findall(r"<(https://[^>]+)>", path.read_text(encoding="utf-8")))
    assert written and written <= external
