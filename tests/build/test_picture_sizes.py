"""Article pictures at the sizes pages need: a copy of the fixture publication whose article picture is a
large photo with GPS coordinates in its EXIF and a rotated orientation, built twice (cold cache, warm
cache). Every width is there in WebP, upright, none wider than the original or the page needs, nothing of
the EXIF published, the pages' `img` elements describe them, and a browser picks a resized file."""

from __future__ import annotations

import html.parser
import io
import re
from pathlib import Path

import pytest
from PIL import Image
from project import SUB_PATH, assemble_publication, build_site, free_port, microsite
from static_host import served_under_sub_path

# The widest a picture takes in the layout (945 CSS px, just below 1220 px) twice, rounded down to a step.
LARGEST_NEEDED = 1600
WIDTHS = [320, 480, 640, 960, 1280, 1600]
# Stored on its side, 1200 × 2000, with EXIF orientation 6 ("rotate to show"): upright it is 2000 × 1200.
STORED = (1200, 2000)
UPRIGHT = (2000, 1200)
GPS_PLACE = "51.5136N"
PICTURE_SOURCE = "docs/de/beitraege/buehne-castelvero.png"
# The fixture's English article has a picture of its own, at the same path.
ENGLISH_PICTURE = "docs/en/beitraege/buehne-castelvero.png"
PICTURE_FOLDERS = ["beitraege", "en/beitraege"]


def photo_with_location() -> bytes:
    picture = Image.linear_gradient("L").resize(STORED).convert("RGB")
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation
    exif[0x010F] = "Camera maker " + GPS_PLACE  # Make: a text that must not be published
    exif.get_ifd(0x8825).update({1: "N", 2: (51.0, 30.0, 49.0)})  # GPSInfo: latitude
    data = io.BytesIO()
    picture.save(data, "PNG", exif=exif)
    return data.getvalue()


class Images(html.parser.HTMLParser):
    """Every `img` of a page, with its attributes, and whether it is an article card's first picture."""

    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str | None]] = []
        self.cards_seen = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if "article-cards" in (attributes.get("class") or "").split():
            self.cards_seen = 0
        if tag == "article" and "article-card" in (attributes.get("class") or "").split():
            self.cards_seen += 1
        if tag == "img":
            self.images.append(attributes | {"card": str(self.cards_seen)})


def images(page: Path) -> list[dict[str, str | None]]:
    parser = Images()
    parser.feed(page.read_text(encoding="utf-8"))
    return [image for image in parser.images if "article-" in (image.get("class") or "")]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The copy built with a cold cache and again with a warm one, under a sub-path on a free port."""
    project = assemble_publication(tmp_path_factory.mktemp("pictures") / "project")
    for picture in (PICTURE_SOURCE, ENGLISH_PICTURE):
        (project / picture).write_bytes(photo_with_location())
    port = free_port()
    site_url = f"http://127.0.0.1:{port}{SUB_PATH}"
    sites = {}
    for run in ("cold", "warm"):
        sites[run] = tmp_path_factory.mktemp(run)
        result = build_site(sites[run], site_url, config_file=project / "mkdocs.yml")
        assert result.returncode == 0, f"the {run} build failed:\n{result.stdout}\n{result.stderr}"
    return {"project": project, "port": port, **sites}


def picture_files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for folder in PICTURE_FOLDERS
        for path in sorted((site / folder).glob("buehne-castelvero*"))
    }


def test_every_width_is_published_in_webp_upright_and_no_wider_than_needed(built):
    for folder in PICTURE_FOLDERS:
        for width in WIDTHS:
            with Image.open(built["cold"] / folder / f"buehne-castelvero-{width}.webp") as variant:
                assert variant.format == "WEBP"
                assert variant.size == (width, round(UPRIGHT[1] * width / UPRIGHT[0]))
        wider = [path.name for path in (built["cold"] / folder).glob("buehne-castelvero-*.webp")]
        assert sorted(wider) == sorted(f"buehne-castelvero-{width}.webp" for width in WIDTHS)
        with Image.open(built["cold"] / folder / "buehne-castelvero.png") as fallback:
            assert fallback.format == "PNG"
            assert fallback.size == (LARGEST_NEEDED, round(UPRIGHT[1] * LARGEST_NEEDED / UPRIGHT[0]))


def test_nothing_of_the_exif_is_published(built):
    for name, data in picture_files(built["cold"]).items():
        with Image.open(io.BytesIO(data)) as published:
            assert not published.getexif(), f"{name} keeps EXIF: {dict(published.getexif())}"
        assert GPS_PLACE.encode() not in data, f"{name} keeps the EXIF's text"


def test_a_warm_cache_builds_the_same_pictures(built):
    cold, warm = picture_files(built["cold"]), picture_files(built["warm"])
    assert len(cold) == 2 * (len(WIDTHS) + 1)
    assert cold == warm
    entries = list((built["project"] / ".cache" / "pictures").iterdir())
    assert len(entries) == 1, f"the cache holds more than the one picture: {entries}"
    assert not any(path.name.startswith(".") for path in built["project"].glob("docs/**/*")), "docs/ was written"


def test_the_pages_describe_every_size(built):
    article = built["cold"] / "en/beitraege/musik-verbindet-castelvero.html"
    (header,) = [image for image in images(article) if image["class"] == "article-header__image"]
    srcset = [candidate.strip().split(" ") for candidate in header["srcset"].split(",")]
    assert srcset == [[f"buehne-castelvero-{width}.webp", f"{width}w"] for width in WIDTHS]
    assert header["src"] == "buehne-castelvero.png"
    assert (header["width"], header["height"]) == ("1600", "960")
    assert header["sizes"].endswith("calc(100vw - 32px)")
    assert header["decoding"] == "async" and header["fetchpriority"] == "high" and "loading" not in header
    cards = [image for page in built["cold"].rglob("*.html") for image in images(page) if image["card"] != "0"]
    assert {image["card"] == "1" for image in cards} == {True, False}, "no page has both a first and a later card"
    for image in cards:
        assert image["srcset"] and image["sizes"] and image["width"] == "1600" and image["decoding"] == "async"
        assert (image.get("loading") == "lazy") == (image["card"] != "1"), image


@pytest.mark.parametrize("content", [b"not a picture at all", photo_with_location()[:4000]], ids=["text", "cut"])
def test_an_unreadable_picture_is_named_at_its_line(tmp_path, content):
    project = assemble_publication(tmp_path / "project")
    (project / PICTURE_SOURCE).write_bytes(content)
    result = microsite("check-data", project=project)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    line = next(
        number
        for number, text in enumerate((project / "docs/de/beitraege/musik-verbindet-castelvero.md").open(), 1)
        if text.strip().startswith("src:")
    )
    assert re.search(
        rf"docs/de/beitraege/musik-verbindet-castelvero\.md:{line}:.*{PICTURE_SOURCE} cannot be shown: .* – save the "
        "picture again as JPEG, PNG or WebP",
        result.stdout,
    ), result.stdout
    build = build_site(tmp_path / "site", "http://127.0.0.1:8000/", config_file=project / "mkdocs.yml")
    assert build.returncode != 0 and "Traceback" not in build.stdout + build.stderr
    assert f"{PICTURE_SOURCE} cannot be shown" in build.stdout + build.stderr


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}])
def test_the_browser_picks_a_resized_picture(built, browser, viewport):
    with served_under_sub_path(built["cold"], built["port"]) as address:
        context = browser.new_context(viewport=viewport, device_scale_factor=2, service_workers="block")
        try:
            page = context.new_page()
            page.goto(f"{address}en/beitraege/musik-verbindet-castelvero.html", wait_until="load")
            shown = page.evaluate(
                """() => { const image = document.querySelector(".article-header__image");
                return {src: image.currentSrc, width: image.getBoundingClientRect().width}; }"""
            )
        finally:
            context.close()
    chosen = re.search(r"buehne-castelvero-(\d+)\.webp$", shown["src"])
    assert chosen, f"the browser showed {shown['src']}, not a resized picture"
    # Twice the place the picture takes (the screen's density), or the next larger width, or the largest.
    needed = 2 * shown["width"]
    fitting = min([width for width in WIDTHS if width >= needed] or [WIDTHS[-1]])
    assert int(chosen.group(1)) == fitting, shown
