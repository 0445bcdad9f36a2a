"""The sitemap's check against the built pages, in one process as the preview checks it at every save: what the
sitemap lists is kept by its text, so a sitemap written again is read as it is now, and the same sitemap is
checked against the pages the site has now."""

from __future__ import annotations

from pathlib import Path

from microsite.link_check.checks import check_sitemap
from microsite.link_check.site import Site
from site_model import LANGUAGES

OWN = "https://example.org/"
PAGE = "<html><body><article><p>Text</p></article></body></html>\n"


def sitemap(*pages: str) -> str:
    entries = "".join(f"<url><loc>{OWN}{page}</loc></url>\n" for page in pages)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</urlset>\n'
    )


def findings(root: Path) -> list[tuple[str, int, str]]:
    site = Site(root=root, site_url=OWN, languages=LANGUAGES, project=root)
    return [(finding.file, finding.line, finding.check) for finding in check_sitemap(site)]


def test_a_sitemap_written_again_is_checked_as_it_is_now_against_the_pages_there_are_now(tmp_path: Path) -> None:
    for page in ("a.html", "b.html"):
        (tmp_path / page).write_text(PAGE, encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text(sitemap("a.html", "c.html"), encoding="utf-8")
    assert findings(tmp_path) == [("sitemap.xml", 4, "sitemap-missing-page"), ("b.html", 1, "page-not-in-sitemap")]

    (tmp_path / "sitemap.xml").write_text(sitemap("a.html", "b.html"), encoding="utf-8")
    assert findings(tmp_path) == []

    # The same sitemap, a page gone and another added.
    (tmp_path / "b.html").unlink()
    (tmp_path / "d.html").write_text(PAGE, encoding="utf-8")
    assert findings(tmp_path) == [("sitemap.xml", 4, "sitemap-missing-page"), ("d.html", 1, "page-not-in-sitemap")]
