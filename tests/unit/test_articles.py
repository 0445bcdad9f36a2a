"""The article collection's front matter: each mistake an editor can make gets one exact message
with file:line, and a collection is read in the order readers see it.

Each folder of tests/fixtures/articles/ is one case: `de.md` (and `en.md` where the translation
matters) become `docs/<language>/texts/<name>`, where `name` is in the file `name` or `article.md`;
`expected.txt` holds the findings, one per line. The data here is made up.
"""

from __future__ import annotations

import datetime
import io
import shutil
from pathlib import Path

import pytest
from microsite.articles import read_collection
from microsite.languages import Languages
from PIL import Image

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
CASES = sorted(path.name for path in FIXTURES.iterdir() if path.is_dir())
LANGUAGES = Languages(("de", "en"))
FOLDER = "texts"
DATA = {
    "articles": {
        "page_folder": FOLDER,
        "per_page": 2,
        "on_home_page": 3,
        "topic_folder": f"{FOLDER}/on",
        "author_folder": f"{FOLDER}/by",
        "topics": [{"id": "climate", "name": {"de": "Klima", "en": "Climate"}}],
    },
    "people": {"people": [{"id": "writer", "name": "A Writer", "role": {"de": "Rolle", "en": "Role"}}]},
}


def project_with(tmp_path: Path, case: str) -> Path:
    name = (
        (FIXTURES / case / "name").read_text(encoding="utf-8").strip()
        if (FIXTURES / case / "name").exists()
        else "article.md"
    )
    for language in LANGUAGES.codes:
        source = FIXTURES / case / f"{language}.md"
        if source.exists():
            target = tmp_path / "docs" / language / FOLDER / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    return tmp_path


def messages(project: Path) -> list[str]:
    _, findings = read_collection(project / "docs", LANGUAGES, DATA, project)
    return [str(finding) for finding in findings]


def errors(project: Path) -> list[str]:
    _, findings = read_collection(project / "docs", LANGUAGES, DATA, project)
    return [str(finding) for finding in findings if finding.is_error]


@pytest.mark.parametrize("case", CASES)
def test_each_mistake_gets_its_exact_message(tmp_path: Path, case: str) -> None:
    expected_file = FIXTURES / case / "expected.txt"
    expected = expected_file.read_text(encoding="utf-8").splitlines() if expected_file.exists() else []
    assert messages(project_with(tmp_path, case)) == expected


def write_article(project: Path, language: str, slug: str, day: str, **fields: str) -> None:
    extra = "".join(f"{key}: {value}\n" for key, value in fields.items())
    path = project / "docs" / language / FOLDER / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"---\ntitle: T {slug}\ndescription: D.\ndate: {day}\nauthors: [writer]\n{extra}---\n\n# T\n\n" + "word " * 401,
        encoding="utf-8",
    )


def test_articles_are_newest_first_paged_and_linked_to_their_neighbours(tmp_path: Path) -> None:
    for slug, day in [("middle", "2025-02-01"), ("oldest", "2024-05-05"), ("newest", "2025-03-01")]:
        write_article(tmp_path, "de", slug, day, topics="[climate]" if slug != "middle" else "[]")
    collection, findings = read_collection(tmp_path / "docs", LANGUAGES, DATA, tmp_path)
    # The article without topics is read like the others; the data check warns about it.
    assert [(finding.file, finding.level) for finding in findings] == [(f"docs/de/{FOLDER}/middle.md", "warning")]
    articles = collection.of("de")
    assert [article.slug for article in articles] == ["newest", "middle", "oldest"]
    assert articles[0].date == datetime.date(2025, 3, 1)
    # 402 words at 200 a minute.
    assert articles[0].reading_minutes == 3
    assert [[article.slug for article in page] for page in collection.index_pages("de")] == [
        ["newest", "middle"],
        ["oldest"],
    ]
    assert [article.slug for article in collection.with_topic("de", "climate")] == ["newest", "oldest"]
    older, newer = collection.neighbours(articles[1])
    assert (older.slug, newer.slug) == ("oldest", "newest")
    assert collection.neighbours(articles[0])[1] is None
    assert collection.of("en") == []


def test_the_navigation_leaves_out_every_page_of_the_collection_but_its_index(tmp_path: Path) -> None:
    collection, _ = read_collection(tmp_path / "docs", LANGUAGES, DATA, tmp_path)
    listed_elsewhere = [
        f"{FOLDER}/an-article.md",
        f"{FOLDER}/2.md",
        f"{FOLDER}/on/climate.md",
        f"{FOLDER}/by/writer.md",
    ]
    in_navigation = [f"{FOLDER}/index.md", "index.md", f"{FOLDER}-other/page.md", "other/page.md"]
    assert [path for path in listed_elsewhere + in_navigation if collection.listed_elsewhere(path)] == listed_elsewhere


def png(shade: int) -> bytes:
    """A small picture the build reads (it refuses a file that is no picture)."""
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (shade, shade, shade)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_an_articles_picture_next_to_its_source_serves_every_language(tmp_path: Path) -> None:
    project = tmp_path / "project"
    for language, alt in [("de", "Der Hafen"), ("en", "The harbour")]:
        write_article(project, language, "harbour", "2025-01-24", image=f"{{src: bilder/hafen.png, alt: {alt}}}")
    picture = project / "docs" / "de" / FOLDER / "bilder" / "hafen.png"
    picture.parent.mkdir()
    picture.write_bytes(png(1))
    assert errors(project) == []

    # A localized picture of the same name serves its language, but not the source.
    localized = project / "docs" / "en" / FOLDER / "bilder" / "hafen.png"
    localized.parent.mkdir()
    localized.write_bytes(png(2))
    picture.unlink()
    assert errors(project) == [
        f"docs/de/{FOLDER}/harbour.md:6:14: image.src: there is no picture docs/de/{FOLDER}/bilder/hafen.png – "
        "put it there, or correct the path"
    ]

    # In neither folder, or reached through a link out of the project: the translation is told where it goes.
    localized.unlink()
    outside = tmp_path / "outside.png"
    outside.write_bytes(png(3))
    picture.symlink_to(outside)
    assert errors(project)[1] == (
        f"docs/en/{FOLDER}/harbour.md:6:14: image.src: there is no picture docs/en/{FOLDER}/bilder/hafen.png, nor "
        f"docs/de/{FOLDER}/bilder/hafen.png – put it next to the German article, at "
        f"docs/de/{FOLDER}/bilder/hafen.png (it then serves every language), or correct the path"
    )
