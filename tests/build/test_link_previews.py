"""Link previews on the fixture publication: every page names a picture of the stated size that the site
serves, an article's own picture is cropped for it, and a card drawn for an article without one; the
publisher has a logo; two builds without the cache draw the same bytes, and a build with it reads the same."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageOps, ImageStat
from project import assemble_publication, build_site, collection_folder
from site_model import LANGUAGES, BuiltSite, built_path, collection_of

SITE_URL = "http://127.0.0.1:8000/sub/"
PREVIEW_SIZE = (1200, 630)


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "meta" and (attributes.get("property") or attributes.get("name")):
            self.meta.setdefault(attributes.get("property") or attributes["name"], attributes.get("content"))
        self._in_json_ld = tag == "script" and attributes.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld.append(data)
            self._in_json_ld = False


def head(site: BuiltSite, path: str) -> tuple[dict[str, str], dict]:
    parser = _Head()
    parser.feed((site.root / path).read_text(encoding="utf-8"))
    assert len(parser.json_ld) == 1, path
    return parser.meta, json.loads(parser.json_ld[0])


def served(site: BuiltSite, address: str) -> Path:
    assert address.startswith(site.site_url), address
    file = site.root / address.removeprefix(site.site_url)
    assert file.is_file(), address
    return file


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, BuiltSite, BuiltSite]:
    """The fixture publication built twice, the cache of link-preview pictures removed in between, then once
    more with the cache the second build left."""
    project = assemble_publication(tmp_path_factory.mktemp("project"))
    sites = []
    for cold in (True, True, False):
        if cold:
            shutil.rmtree(project / ".cache", ignore_errors=True)
        root = tmp_path_factory.mktemp("site")
        result = build_site(root, SITE_URL, config_file=project / "mkdocs.yml")
        assert result.returncode == 0, result.stdout + result.stderr
        sites.append(BuiltSite(root=root, site_url=SITE_URL, log=result.stdout + result.stderr, project=project))
    assert not any(project.joinpath("docs").rglob("*.preview.*")), "previews were written into docs/"
    return sites[0], sites[1], sites[2]


def test_every_page_names_a_served_picture_of_its_stated_size(
    builds: tuple[BuiltSite, BuiltSite, BuiltSite],
) -> None:
    site = builds[0]
    pages = [path.relative_to(site.root).as_posix() for path in site.root.rglob("*.html")]
    pages = [path for path in pages if 'http-equiv="refresh"' not in (site.root / path).read_text(encoding="utf-8")]
    assert pages
    for path in pages:
        meta, item = head(site, path)
        assert meta["twitter:card"] == "summary_large_image", path
        assert meta["twitter:image"] == meta["og:image"], path
        assert meta["og:image:alt"] and meta["twitter:image:alt"] == meta["og:image:alt"], path
        with Image.open(served(site, meta["og:image"])) as picture:
            assert picture.size == (int(meta["og:image:width"]), int(meta["og:image:height"])) == PREVIEW_SIZE, path
            assert picture.format in ("PNG", "JPEG"), path
        image = item["image"]
        assert image["@type"] == "ImageObject" and image["url"] == meta["og:image"], path
        assert (image["width"], image["height"]) == PREVIEW_SIZE, path
        publisher = item["publisher"] if item["@type"] == "Article" else item["isPartOf"]["publisher"]
        with Image.open(served(site, publisher["logo"]["url"])) as logo:
            assert logo.size == (publisher["logo"]["width"], publisher["logo"]["height"]), path


def test_an_article_shows_a_crop_of_its_picture_or_else_a_card(
    builds: tuple[BuiltSite, BuiltSite, BuiltSite],
) -> None:
    site = builds[0]
    collection = collection_of(site.project)
    with_picture = without_picture = 0
    for language in LANGUAGES.codes:
        for article in collection.of(language):
            meta, _ = head(site, built_path(article.path, language))
            with Image.open(served(site, meta["og:image"])) as preview:
                preview.load()
            if article.image:
                with_picture += 1
                source = (
                    site.project / "docs" / LANGUAGES.source / collection_folder(site.project) / article.image["src"]
                )
                with Image.open(source) as picture:
                    expected = ImageOps.fit(picture.convert("RGB"), PREVIEW_SIZE)
                difference = ImageStat.Stat(ImageChops.difference(preview.convert("RGB"), expected)).mean
                assert max(difference) < 8, (article.path, difference)
                assert preview.format == "JPEG" and meta["og:image:alt"] == article.image["alt"]
            else:
                without_picture += 1
                assert preview.format == "PNG" and article.title in meta["og:image:alt"]
                assert len(served(site, meta["og:image"]).read_bytes()) < 150_000
    assert with_picture and without_picture, "the fixture needs articles with and without a picture"


def test_cards_are_drawn_in_each_language(builds: tuple[BuiltSite, BuiltSite, BuiltSite]) -> None:
    site = builds[0]
    article = next(article for article in collection_of(site.project).of(LANGUAGES.source) if not article.image)
    cards = {head(site, built_path(article.path, language))[0]["og:image"] for language in LANGUAGES.codes}
    assert len(cards) == len(LANGUAGES.codes)
    assert len({served(site, card).read_bytes() for card in cards}) == len(cards)


def test_builds_with_and_without_the_cache_draw_the_same_bytes(builds: tuple[BuiltSite, BuiltSite, BuiltSite]) -> None:
    first, second, warm = builds
    pictures = sorted(path.relative_to(first.root) for path in first.root.rglob("*preview*"))
    pictures += [Path("publisher-logo.png")]
    assert len(pictures) > len(LANGUAGES.codes)
    for picture in pictures:
        assert (first.root / picture).read_bytes() == (second.root / picture).read_bytes(), picture
        assert (warm.root / picture).read_bytes() == (second.root / picture).read_bytes(), picture
