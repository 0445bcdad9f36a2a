"""Translation parity on images: an image is reported as an image, at its line, never as block structure;
an image whose file is in neither language folder is named with where the file goes; a localized image
has the source's file name in the translation's folder.

The fixture's pages (tests/fixtures/parity/) show one image, whose file is next to the German page only.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from microsite.parity import mark_page
from parity_project import DE, EN, LANGUAGES, SOURCE, TRANSLATION, findings_of, line_of, make_project, replaced, stamp

IMAGE = "![An image](bild.png)"
IMAGE_DE = "![Ein Bild](bild.png)"


def project_with(tmp_path: Path, translation: str = TRANSLATION) -> Path:
    return make_project(tmp_path / "project", translation=translation)


def line_in_translation(translation: str, needle: str) -> int:
    """The line of `needle` in the translation as the project holds it: stamped."""
    return line_of(stamp(translation, ""), needle)


def test_an_image_next_to_the_source_page_serves_the_translation(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    assert not (project / "docs" / "en" / "bild.png").exists()
    assert findings_of(project) == []


def test_an_image_whose_file_is_in_neither_language_is_named_with_its_line(tmp_path: Path) -> None:
    translation = replaced(IMAGE, f"Text before it.\n{IMAGE}")
    project = project_with(tmp_path, translation)
    (project / "docs" / "de" / "bild.png").unlink()
    assert findings_of(project) == [
        f"{EN}:{line_in_translation(translation, IMAGE)}: [image-file] there is no file for image 'bild.png': neither "
        "docs/en/bild.png nor docs/de/bild.png – put the file next to the source page, at docs/de/bild.png (it then "
        "serves every language), or correct the path"
    ]


def test_an_image_linked_out_of_the_project_has_no_file(tmp_path: Path) -> None:
    project = project_with(tmp_path)
    picture = project / "docs" / "de" / "bild.png"
    outside = tmp_path / "outside.png"
    picture.rename(outside)
    picture.symlink_to(outside)
    assert [finding.split(" [")[1].split("]")[0] for finding in findings_of(project)] == ["image-file"]


def test_a_localized_image_has_the_source_file_name(tmp_path: Path) -> None:
    # The English version under the same name: it serves English, and parity has nothing to say.
    project = project_with(tmp_path)
    (project / "docs" / "en" / "bild.png").write_bytes(b"the English version")
    assert findings_of(project) == []

    # Under another name, it is a different image, named at its line with what to do.
    translation = replaced(IMAGE, "![An image](bild-en.png)")
    project = make_project(tmp_path / "renamed", translation=translation)
    (project / "docs" / "en" / "bild-en.png").write_bytes(b"the English version")
    assert findings_of(project) == [
        f"{EN}:{line_in_translation(translation, 'bild-en.png')}: [image] image 'bild-en.png' here is 'bild.png' in "
        f"{DE}:24 – use the same file name: the file next to the source page serves every language, and a version "
        "for this language goes under the same name into docs/en/bild.png"
    ]

    # Or declared as intended.
    declared = translation.replace(
        "![An image](bild-en.png)", "<!-- parity-ignore: image -->\n![An image](bild-en.png)"
    )
    project = make_project(tmp_path / "declared", translation=declared)
    (project / "docs" / "en" / "bild-en.png").write_bytes(b"the English version")
    assert findings_of(project) == []


def test_a_paragraph_of_images_left_out_is_a_missing_image_not_block_structure(tmp_path: Path) -> None:
    translation = replaced(f"{IMAGE}\n\n", "")
    assert findings_of(project_with(tmp_path, translation)) == [
        f"{EN}:{line_in_translation(translation, '```text')}: [image] image 'bild.png' in {DE}:24 is missing here – "
        "add the image, with alt text in this language"
    ]


def test_an_image_added_in_a_paragraph_of_its_own_is_an_image_too(tmp_path: Path) -> None:
    translation = replaced("> A quote.", "![Another image](bild.png)\n\n> A quote.")
    assert findings_of(project_with(tmp_path, translation)) == [
        f"{EN}:{line_in_translation(translation, 'Another image')}: [image] image 'bild.png' here is not in {DE} – "
        f"remove it here, or add it to {DE} too"
    ]


def test_an_image_in_a_paragraph_of_text_is_named_at_its_own_line(tmp_path: Path) -> None:
    paragraph = next(line for line in TRANSLATION.splitlines() if line.startswith("A paragraph"))
    translation = replaced(paragraph, f"{paragraph}\nSee ![a map](karte.png).")
    project = project_with(tmp_path, translation)
    (project / "docs" / "de" / "karte.png").write_bytes(b"a map")
    assert findings_of(project) == [
        f"{EN}:{line_in_translation(translation, 'See ![a map]')}: [image] image 'karte.png' here is not in {DE} – "
        f"remove it here, or add it to {DE} too"
    ]


def test_a_decorative_image_left_out_is_a_missing_image_too(tmp_path: Path) -> None:
    decoration = '![](linie.png){ role="presentation" }'
    source = SOURCE.replace(IMAGE_DE, f"{IMAGE_DE}\n\n{decoration}")
    project = make_project(tmp_path / "project", source=source)
    assert findings_of(project) == [
        f"{EN}:{line_in_translation(TRANSLATION, '```text')}: [image] image 'linie.png' in {DE}:26 is missing here – "
        "add the image, with alt text in this language"
    ]


def test_a_translation_whose_image_has_no_file_is_not_recorded_as_translated(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", stamped=False)
    (project / "docs" / "de" / "bild.png").unlink()
    before = (project / EN).read_bytes()
    with pytest.raises(ValueError, match=r"\[image-file\] there is no file for image 'bild.png'"):
        mark_page(project, project / EN, LANGUAGES)
    assert (project / EN).read_bytes() == before
