"""A publisher that sets its logo (`extra.publisher.logo` in mkdocs.yml), on a copy of the fixture publication:
every page's JSON-LD names the published file with its real width and height, and no initials are drawn
instead; a logo path the site has no file at, or a file that is no picture, stops the build with mkdocs.yml's
line and what to do."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image
from project import assemble_publication, build_site
from site_model import LANGUAGES, BuiltSite

SITE_URL = "http://127.0.0.1:8000/sub/"
LOGO = "assets/logo.png"
# Not square, unlike the logo drawn where none is set (512 × 512): the JSON-LD must give this one's size.
LOGO_SIZE = (300, 90)


class _JsonLd(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.items: list[dict] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._inside = tag == "script" and dict(attrs).get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.items.append(json.loads(data))
            self._inside = False


def with_logo_setting(project: Path, logo: str) -> int:
    """Sets `logo:` below the publisher in the project's mkdocs.yml; the line it is on."""
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    publisher = lines.index("  publisher:\n")
    url = next(number for number in range(publisher, len(lines)) if lines[number].startswith("    url: "))
    lines.insert(url + 1, f"    logo: {logo}\n")
    config.write_text("".join(lines), encoding="utf-8")
    return url + 2


@pytest.fixture(scope="module")
def site_with_logo(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = assemble_publication(tmp_path_factory.mktemp("project"))
    with_logo_setting(project, LOGO)
    logo = project / "docs" / LANGUAGES.source / LOGO
    logo.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", LOGO_SIZE, "#3f51b5").save(logo, format="PNG")
    root = tmp_path_factory.mktemp("site")
    result = build_site(root, SITE_URL, config_file=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(root=root, site_url=SITE_URL, log=result.stdout + result.stderr, project=project)


def test_every_page_names_the_set_logo_with_its_size(site_with_logo: BuiltSite) -> None:
    site = site_with_logo
    source = site.project / "docs" / LANGUAGES.source / LOGO
    pages = site.content_paths()
    assert pages
    for path in pages:
        parser = _JsonLd()
        parser.feed((site.root / path).read_text(encoding="utf-8"))
        (item,) = parser.items
        publisher = item["publisher"] if item["@type"] == "Article" else item["isPartOf"]["publisher"]
        logo = publisher["logo"]
        assert logo["url"] == SITE_URL + LOGO, path
        assert (logo["width"], logo["height"]) == LOGO_SIZE, path
    assert (site.root / LOGO).read_bytes() == source.read_bytes()
    assert not (site.root / "publisher-logo.png").exists(), "initials were drawn although a logo is set"


@pytest.mark.parametrize(
    ("setting", "content", "message"),
    [
        (
            "assets/no-such-logo.png",
            None,
            "'assets/no-such-logo.png' is in neither docs/{source}/ nor overrides/ – put the logo there, or correct"
            " the path",
        ),
        (LOGO, b"not a picture\n", f"'{LOGO}' is no picture Pillow reads – save the logo as PNG or JPEG"),
    ],
    ids=["missing", "no-picture"],
)
def test_a_logo_the_site_cannot_publish_stops_the_build_at_its_setting(
    tmp_path: Path, setting: str, content: bytes | None, message: str
) -> None:
    project = assemble_publication(tmp_path / "project")
    line = with_logo_setting(project, setting)
    if content is not None:
        written = project / "docs" / LANGUAGES.source / setting
        written.parent.mkdir(parents=True, exist_ok=True)
        written.write_bytes(content)
    result = build_site(tmp_path / "site", SITE_URL, config_file=project / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"mkdocs.yml:{line}: extra.publisher.logo: {message.format(source=LANGUAGES.source)}" in output, output
    assert "Traceback" not in output
