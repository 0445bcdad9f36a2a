"""Link checking of the built site as a whole: the fixture publication's site passes; no message shows the temporary folder
lychee reads the site in; the sitemap and the pages agree; the command's exit status; the same checks warn
during a strict build, unsafe links with their Markdown file and line; the online check's settings load.

Each kind of defect, seeded into a copy of the site: tests/build/test_link_check_defects.py."""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from link_check_site import DATA_IMAGE, FIX_LINK, NOT_FOUND, RUNS, SOURCE, findings, seed, source, written_page
from microsite import link_check
from microsite.link_check.lychee import lychee_binary
from project import ROOT, SUB_PATH, assemble_publication, build_site, microsite
from site_model import LANGUAGES, BuiltSite, article_collection


def test_the_publications_site_has_no_findings(built_site: BuiltSite) -> None:
    assert findings(built_site) == []


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
    project = site_copy.project
    assert microsite("check-links", str(site_copy.root), project=project).returncode == 0
    seed(site_copy, written_page(site_copy, SOURCE), "<A HREF='no-such-page.html'>x</A>")
    broken = microsite("check-links", str(site_copy.root), project=project)
    assert broken.returncode == 1 and "[broken-link] link “x” → no-such-page.html" in broken.stdout
    missing = microsite("check-links", str(tmp_path / "nothing-built"), project=project)
    assert missing.returncode == 2 and "build the site first" in missing.stderr


def test_strict_build_fails_on_what_the_hook_finds(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
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


# lychee leaves the reserved example domains (example.org, *.example.com, .test, …) out of every check, and
# a fictional publication's addresses are in them: on the site's copy they are moved to a host it checks.
CHECKED_HOST = "links.publication-example.de"


def checked_address(address: str) -> str:
    """The address on CHECKED_HOST, with the reserved host it had as the first part of its path."""
    return f"https://{CHECKED_HOST}/" + address.removeprefix("https://")


def test_external_link_settings_load_and_find_the_external_links(site_copy: BuiltSite, tmp_path: Path) -> None:
    """The online check cannot run here (no network); its settings must load, and it must see the links
    written in the Markdown and the articles' front matter (lychee --dump lists them and asks no host)."""
    written = set()
    for path in (site_copy.project / "docs").rglob("*.md"):
        written |= set(re.findall(r"<(https://[^>]+)>", path.read_text(encoding="utf-8")))
    # Where each article appeared first, from its front matter.
    for language in LANGUAGES.codes:
        written |= {
            article.first_published.url
            for article in article_collection(site_copy.project).of(language)
            if article.first_published and article.first_published.url
        }
    assert written
    for page in site_copy.root.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for address in sorted(written, key=len, reverse=True):
            text = text.replace(f'"{address}"', f'"{checked_address(address)}"')
        page.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [lychee_binary(), "--config", str(ROOT / "lychee.toml"), "--dump", str(site_copy.root)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    external = {line for line in result.stdout.splitlines() if line.startswith("https://")}
    assert {checked_address(address) for address in written} <= external
