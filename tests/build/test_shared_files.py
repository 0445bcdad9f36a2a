"""A picture placed once, next to the source-language page, serves every language: on a copy of the project
with a page pair (and an article pair) that this test writes, the strict build passes, the translation's
site has the picture at the same path with the same bytes, and its `<img>` finds it; a localized picture
of the same name wins for its language; the link check and the sitemaps stay clean; nothing is written
into docs/.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zlib
from pathlib import Path

import pytest
from microsite.link_check import check_site
from microsite.link_check.checks import check_alt_texts
from microsite.link_check.site import Site
from microsite.settings import project_languages
from PIL import Image
from project import SUB_PATH, assemble_publication, build_site, collection_folder, microsite, person_ids
from site_model import parse_html

SITE_URL = f"http://127.0.0.1:8000{SUB_PATH}"
PAGE = "bilder.md"
SOURCE_PAGE = """---
title: Bilder aus dem Hafen
description: Der Hafen der Stadt in Bildern.
---

# Bilder aus dem Hafen

Am Abend liegen die Schiffe ruhig im alten Hafen, und die Kräne stehen still.

![Schiffe im Hafen am Abend, dahinter zwei stille Kräne](bilder/hafen.png)

Die Karte zeigt, wo die Fähren zwischen beiden Ufern des Flusses fahren.

![Karte des Hafens mit den Fährlinien zwischen beiden Ufern](bilder/karte.png)

![](bilder/linie.png){ role="presentation" }
"""
TRANSLATION = """---
title: Pictures of the harbour
description: The city's harbour in pictures.
---

# Pictures of the harbour

In the evening the ships lie quietly in the old harbour, and the cranes stand still.

![Ships in the harbour in the evening, two still cranes behind them](bilder/hafen.png)

The map shows where the ferries run between both banks of the river.

![Map of the harbour with the ferry lines between both banks](bilder/karte.png)

![](bilder/linie.png){ role="presentation" }
"""
ARTICLE = """---
title: {title}
description: {description}
date: 2025-03-14
authors: [{author}]
image: {{src: bilder/faehre.png, alt: {alt}}}
---

# {title}

{text}
"""
ARTICLE_TEXTS = {
    "de": {
        "title": "Die neue Fähre",
        "description": "Seit März fährt eine neue Fähre über den Fluss.",
        "alt": "Die neue Fähre legt am Ufer an",
        "text": "Die neue Fähre bringt jeden Morgen viele Menschen zur Arbeit auf die andere Seite des Flusses.",
    },
    "en": {
        "title": "The new ferry",
        "description": "Since March a new ferry has been crossing the river.",
        "alt": "The new ferry docks at the bank",
        "text": "Every morning the new ferry takes many people to work on the other side of the river.",
    },
}


def png(red: int, green: int, blue: int) -> bytes:
    """A small real PNG of one colour: each picture of the test is told apart by its bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes((red, green, blue)) * 8 for _ in range(5))
    header = struct.pack(">IIBBBBB", 8, 5, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


HARBOUR, MAP, MAP_EN, LINE, FERRY = png(20, 60, 120), png(200, 180, 40), png(40, 180, 200), png(9, 9, 9), png(1, 2, 3)


def write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with the page pair and the article pair; the pictures in docs/de/ only, but for the map,
    which has an English version of the same name."""
    project = assemble_publication(tmp_path_factory.mktemp("shared") / "project")
    docs, folder = project / "docs", collection_folder(project)
    write(docs / "de" / PAGE, SOURCE_PAGE)
    write(docs / "en" / PAGE, TRANSLATION)
    for name, picture in [("hafen.png", HARBOUR), ("karte.png", MAP), ("linie.png", LINE)]:
        write(docs / "de" / "bilder" / name, picture)
    write(docs / "en" / "bilder" / "karte.png", MAP_EN)
    author = person_ids(project)[0]
    for language, texts in ARTICLE_TEXTS.items():
        write(docs / language / folder / "faehre.md", ARTICLE.format(author=author, **texts))
    write(docs / "de" / folder / "bilder" / "faehre.png", FERRY)
    stamped = microsite("translated", f"docs/en/{PAGE}", f"docs/en/{folder}/faehre.md", project=project)
    assert stamped.returncode == 0, stamped.stdout + stamped.stderr
    return project


@pytest.fixture(scope="module")
def built(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs_before = snapshot(project / "docs")
    site = tmp_path_factory.mktemp("shared-site")
    result = build_site(site, SITE_URL, config_file=project / "mkdocs.yml")
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    assert snapshot(project / "docs") == docs_before, "the build changed docs/"
    return site


def pixels(picture: bytes) -> tuple[tuple[int, int], bytes]:
    with Image.open(io.BytesIO(picture)) as image:
        return image.size, image.convert("RGB").tobytes()


def image_file(site: Path, page: str, alt: str) -> bytes:
    """The bytes of the file that the built page's image with this alt text loads."""
    image = parse_html((site / page).read_text(encoding="utf-8")).find("img", alt=alt)
    assert image is not None, f"{page}: no image with the alt text {alt!r}"
    return (site / posixpath.normpath(posixpath.join(posixpath.dirname(page), image.attrs["src"]))).read_bytes()


def test_a_picture_next_to_the_source_page_serves_the_translation(built: Path) -> None:
    assert (built / "en" / "bilder" / "hafen.png").read_bytes() == HARBOUR
    assert image_file(built, "en/bilder.html", "Ships in the harbour in the evening, two still cranes behind them") == (
        HARBOUR
    )
    assert image_file(built, "bilder.html", "Schiffe im Hafen am Abend, dahinter zwei stille Kräne") == HARBOUR
    assert image_file(built, "en/bilder.html", "") == LINE


def test_a_localized_picture_wins_for_its_language(built: Path) -> None:
    assert image_file(built, "en/bilder.html", "Map of the harbour with the ferry lines between both banks") == MAP_EN
    assert image_file(built, "bilder.html", "Karte des Hafens mit den Fährlinien zwischen beiden Ufern") == MAP


def test_an_articles_picture_next_to_its_source_serves_the_translation(project: Path, built: Path) -> None:
    article = f"en/{collection_folder(project)}/faehre.html"
    # An article's picture is published re-encoded without metadata (articles/pictures.py): the same pixels.
    assert pixels(image_file(built, article, ARTICLE_TEXTS["en"]["alt"])) == pixels(FERRY)
    preview = parse_html((built / article).read_text(encoding="utf-8")).find("meta", property="og:image")
    assert preview is not None
    # The link preview is a crop of that picture, written for the translation too (site_output/link_previews.py).
    assert preview.attrs["content"] == f"{SITE_URL}en/{collection_folder(project)}/faehre.preview.jpg"
    assert (built / f"en/{collection_folder(project)}/faehre.preview.jpg").is_file()


def test_the_link_check_and_the_sitemaps_stay_clean(project: Path, built: Path) -> None:
    assert check_site(built, site_url=SITE_URL, project=project) == []


def test_a_shared_picture_with_the_source_alt_text_is_untranslated(project: Path, built: Path) -> None:
    """The same file in every language: the alt text must be translated, as for any picture of both."""
    page = built / "en" / "bilder.html"
    original = page.read_text(encoding="utf-8")
    german, english = "Schiffe im Hafen am Abend, dahinter zwei stille Kräne", "Ships in the harbour in the evening"
    try:
        page.write_text(original.replace(english + ", two still cranes behind them", german), encoding="utf-8")
        site = Site(root=built, site_url=SITE_URL, languages=project_languages(project), project=project)
        found = [(finding.file, finding.check) for finding in check_alt_texts(site)]
    finally:
        page.write_text(original, encoding="utf-8")
    assert found == [("bilder.html", "untranslated-alt"), ("en/bilder.html", "untranslated-alt")]
