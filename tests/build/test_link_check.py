"""Link checking of the built site: one seeded defect of each kind in a temp copy, each caught with its
message; the real site passes; the same checks warn during a strict build."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import built_site as link_check
import pytest
from conftest import build_site
from site_model import ROOT, BuiltSite, configured_languages, counterpart_path, language_of

ARTICLE_START = '<article class="md-content__inner md-typeset">'
NOT_FOUND = "File not found. Check if file exists and path is correct"


def written_page(site: BuiltSite, language: str) -> str:
    """A page of `language` written in Markdown (not the home page), with its counterpart."""
    for path in site.content_paths():
        source = (
            ROOT
            / "docs"
            / language
            / (path.removeprefix(f"{language}/") if language != configured_languages()[0] else path).replace(
                ".html", ".md"
            )
        )
        if language_of(path) == language and not path.endswith("index.html") and source.is_file():
            return path
    raise AssertionError(f"no written {language} page")


@pytest.fixture
def site_copy(built_site: BuiltSite, tmp_path: Path) -> BuiltSite:
    root = tmp_path / "site"
    shutil.copytree(built_site.root, root)
    return BuiltSite(root=root, site_url=built_site.site_url, log="")


def seed(site: BuiltSite, page: str, html: str) -> int:
    """Put `html` at the start of the page's article; returns the line it is on."""
    path = site.root / page
    text = path.read_text(encoding="utf-8")
    assert ARTICLE_START in text
    path.write_text(text.replace(ARTICLE_START, ARTICLE_START + html, 1), encoding="utf-8")
    return text[: text.index(ARTICLE_START)].count("\n") + 1


def findings(site: BuiltSite) -> list[str]:
    return [finding.text() for finding in link_check.check_site(site.root, site_url=site.site_url)]


def source(page: str) -> str:
    language = language_of(page)
    relative = page if language == configured_languages()[0] else page.removeprefix(f"{language}/")
    return f"docs/{language}/{relative.removesuffix('.html')}.md"


def test_the_real_site_has_no_findings(built_site: BuiltSite) -> None:
    assert findings(built_site) == []


def test_missing_page(site_copy: BuiltSite) -> None:
    page = written_page(site_copy, configured_languages()[0])
    line = seed(site_copy, page, '<a href="no-such-page.html">Fehlende Seite</a>')
    assert findings(site_copy) == [
        f"{page}:{line}: [broken-link] link “Fehlende Seite” → no-such-page.html: {NOT_FOUND} – correct the link, or add the missing page or file (source: {source(page)})"
    ]


def test_missing_anchor(site_copy: BuiltSite) -> None:
    page = written_page(site_copy, configured_languages()[0])
    line = seed(site_copy, page, '<a href="index.html#no-such-heading">Anker</a>')
    assert findings(site_copy) == [
        f"{page}:{line}: [broken-fragment] link “Anker” → index.html#no-such-heading: Cannot find fragment – link to a heading that exists "
        f"(its id is shown in the page's table of contents) (source: {source(page)})"
    ]


def test_missing_image(site_copy: BuiltSite) -> None:
    page = written_page(site_copy, configured_languages()[0])
    line = seed(site_copy, page, '<img src="no-such-image.png" alt="Ein Bild">')
    assert findings(site_copy) == [
        f"{page}:{line}: [broken-link] image → no-such-image.png: {NOT_FOUND} – correct the link, or add the missing page or file (source: {source(page)})"
    ]


def test_language_leak(site_copy: BuiltSite) -> None:
    page = written_page(site_copy, configured_languages()[0])
    other = configured_languages()[1]
    line = seed(
        site_copy,
        page,
        f'<a href="{counterpart_path(page, other)}">Seite</a> <a href="{counterpart_path(page, other)}" hreflang="{other}">Page</a>',
    )
    assert findings(site_copy) == [
        f"{page}:{line}: [language-leak] link “Seite” → {counterpart_path(page, other)} leads to the English page, although {page} exists in this page's language "
        f"– link to that, or add hreflang to the link if the other language is meant (source: {source(page)})"
    ]


def test_invalid_mailto(site_copy: BuiltSite) -> None:
    page = written_page(site_copy, configured_languages()[0])
    line = seed(site_copy, page, '<a href="mailto:jemand.example.org">Post</a>')
    assert findings(site_copy) == [
        f"{page}:{line}: [invalid-mailto] link “Post” → mailto:jemand.example.org: 'jemand.example.org' is not an e-mail address – write it as name@example.org (source: {source(page)})"
    ]


def test_missing_alt(site_copy: BuiltSite) -> None:
    page = written_page(site_copy, configured_languages()[0])
    line = seed(site_copy, page, '<img src="assets/images/favicon.png">')
    assert findings(site_copy) == [
        f"{page}:{line}: [missing-alt] image assets/images/favicon.png has no alt text – describe it in the page's language: ![what it shows](favicon.png) (source: {source(page)})"
    ]


def test_alt_text_not_translated(site_copy: BuiltSite) -> None:
    page = written_page(site_copy, configured_languages()[0])
    twin = counterpart_path(page, configured_languages()[1])
    line = seed(site_copy, page, '<img src="assets/images/favicon.png" alt="Das Zeichen der Seite">')
    twin_line = seed(site_copy, twin, '<img src="../assets/images/favicon.png" alt="Das Zeichen der Seite">')
    message = "has the alt text “Das Zeichen der Seite”, the same as on {other} – write it in this page's language"
    assert findings(site_copy) == sorted(
        [
            f"{page}:{line}: [untranslated-alt] image assets/images/favicon.png {message.format(other=twin)} (source: {source(page)})",
            f"{twin}:{twin_line}: [untranslated-alt] image ../assets/images/favicon.png {message.format(other=page)} (source: {source(twin)})",
        ]
    )


def test_sitemap_and_pages_disagree(site_copy: BuiltSite) -> None:
    page = written_page(site_copy, configured_languages()[0])
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
        f"sitemap.xml:{line}: [broken-link] link → {stale}: {NOT_FOUND} – correct the link, or add the missing page or file (source: the sitemap, built by the i18n plugin and hooks/sitemaps.py)",
        f"sitemap.xml:{line}: [sitemap-missing-page] lists {stale}, which the site does not have – rebuild, or remove what leads to the stale entry (source: mkdocs.yml (plugins: i18n))",
    ]


def test_command_line_exit_status(site_copy: BuiltSite, tmp_path: Path) -> None:
    run = lambda *args: subprocess.run(
        [sys.executable, str(ROOT / "hooks" / "built_site.py"), *args], capture_output=True, text=True
    )
    assert run(str(site_copy.root)).returncode == 0
    seed(site_copy, written_page(site_copy, configured_languages()[0]), '<a href="no-such-page.html">x</a>')
    broken = run(str(site_copy.root))
    assert broken.returncode == 1 and "[broken-link]" in broken.stdout
    missing = run(str(tmp_path / "nothing-built"))
    assert missing.returncode == 2 and "build the site first" in missing.stderr


def test_strict_build_fails_on_what_the_hook_finds(tmp_path: Path) -> None:
    from test_data_pages import copy_project

    project = copy_project(tmp_path / "project")
    language = configured_languages()[0]
    page = next(path for path in sorted((project / "docs" / language).glob("*.md")) if path.name != "index.md")
    page.write_text(page.read_text(encoding="utf-8") + '\n<a href="mailto:nobody">Post</a>\n', encoding="utf-8")
    result = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert re.search(rf"WARNING -  {page.stem}\.html:\d+: \[invalid-mailto\] link “Post” → mailto:nobody", output), (
        output
    )


def test_external_link_settings_load_and_find_the_external_links(built_site: BuiltSite) -> None:
    """The online check cannot run here (no network); its settings must load, and it must see the links."""
    result = subprocess.run(
        [link_check.lychee_binary(), "--config", str(ROOT / "lychee.toml"), "--dump", str(built_site.root)],
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
