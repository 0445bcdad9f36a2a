"""The checks of the built site in the preview (kept_pages.py): a page kept from the build before is not read
again, its elements are known by the digest of the text that build checked (its file is the one it wrote);
every page rendered again is read, whatever digest it had before."""

from __future__ import annotations

from pathlib import Path

from microsite.link_check.site import Site
from microsite.link_check.third_party import check_third_party_requests
from microsite.rebuild_rule import read_sources
from site_model import LANGUAGES

KEPT, RENDERED = "de/kept.html", "de/rendered.html"


def page(host: str) -> str:
    return f'<html><body><article><img src="https://{host}/x.png" alt="Bild"></article></body></html>\n'


def hosts(site: Site, path: str) -> list[str]:
    return [element.attrs["src"].split("/")[2] for element in site.content_elements(path)]


def site_of(root: Path, kept: frozenset[str] = frozenset(), digests: dict[str, bytes] | None = None) -> Site:
    return Site(
        root=root,
        site_url="https://example.org/",
        languages=LANGUAGES,
        project=root,
        kept=kept,
        digests=digests if digests is not None else {},
    )


def test_a_kept_page_is_known_by_the_build_befores_digest_and_a_rendered_page_is_read(tmp_path: Path) -> None:
    site_folder = tmp_path / "site"
    (site_folder / "de").mkdir(parents=True)
    (site_folder / KEPT).write_text(page("before.example.com"), encoding="utf-8")
    (site_folder / RENDERED).write_text(page("before.example.org"), encoding="utf-8")
    before = site_of(site_folder)
    assert hosts(before, KEPT) == ["before.example.com"]
    assert hosts(before, RENDERED) == ["before.example.org"]
    assert set(before.digests) == {KEPT, RENDERED}

    # Both files changed on disk: the kept one is taken to be the build before's (it is, in the preview),
    # the one rendered again is read again.
    (site_folder / KEPT).write_text(page("after.example.com"), encoding="utf-8")
    (site_folder / RENDERED).write_text(page("after.example.org"), encoding="utf-8")
    after = site_of(site_folder, frozenset({KEPT}), dict(before.digests))
    assert hosts(after, KEPT) == ["before.example.com"]
    assert hosts(after, RENDERED) == ["after.example.org"]
    assert after.digests[KEPT] == before.digests[KEPT]
    assert after.digests[RENDERED] != before.digests[RENDERED]


def test_a_kept_page_s_request_to_another_host_is_still_reported_and_a_rendered_page_s_is_found_anew(
    tmp_path: Path,
) -> None:
    """The check of requests to other hosts keeps what it found in each built page by the page's digest: a page
    kept from the build before is still reported, a page rendered again is reported as it is now."""
    site_folder = tmp_path / "site"
    (site_folder / "de").mkdir(parents=True)
    (site_folder / KEPT).write_text(page("kept.example.com"), encoding="utf-8")
    (site_folder / RENDERED).write_text(page("before.example.org"), encoding="utf-8")
    before = site_of(site_folder)

    def reported(site: Site) -> list[tuple[str, str]]:
        return [
            (finding.file, finding.message.split(" loads it from ")[1].split()[0])
            for finding in check_third_party_requests(site)
        ]

    assert reported(before) == [
        (KEPT, "kept.example.com"),
        (RENDERED, "before.example.org"),
    ]
    (site_folder / RENDERED).write_text(page("after.example.org"), encoding="utf-8")
    after = site_of(site_folder, frozenset({KEPT}), dict(before.digests))
    assert reported(after) == [
        (KEPT, "kept.example.com"),
        (RENDERED, "after.example.org"),
    ]
    # The same again, as the preview's next save checks it: nothing read, the same findings.
    again = site_of(site_folder, frozenset({KEPT, RENDERED}), dict(after.digests))
    assert reported(again) == reported(after)


def test_the_markdown_sources_as_the_build_read_them_when_it_started_are_the_files_as_read_now(
    tmp_path: Path,
) -> None:
    files = {
        "docs/de/index.md": "\ufeff# Start\r\nZeile\rZeile\n".encode(),
        "docs/de/a-b/x.md": b"# Bindestrich\n",
        "docs/de/a/x.md": b"# Ordner\n\xff kein UTF-8\n",
        "docs/de/bild.png": b"\x89PNG",
        "docs/en/index.md": b"# Home\r\n",
        "data/people.yml": b"- name: x\n",
    }
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    as_read_now = site_of(tmp_path).markdown_sources
    as_started = Site(
        root=tmp_path,
        site_url="https://example.org/",
        languages=LANGUAGES,
        project=tmp_path,
        sources=read_sources(tmp_path).texts,
    ).markdown_sources
    assert as_started == as_read_now
    assert [name for name, _ in as_read_now] == [
        "docs/de/a/x.md",
        "docs/de/a-b/x.md",
        "docs/de/index.md",
        "docs/en/index.md",
    ]
