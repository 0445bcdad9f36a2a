"""Links and images in the Markdown, checked in every language build: the strict build fails on each
broken one, naming its file and line, its text, its target and what to do, and MkDocs' own messages
(no line, no fix) are not printed; a build without --strict (the preview's) shows the same as warnings
and goes on. Every class MkDocs' own validation reported is still caught.

The test writes its own page pair (stamped with the `translated` command, so that parity has nothing
to say), a page to link to, a picture and a draft into a copy of the project; every expectation comes
from those files.
"""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

import pytest
from microsite.settings import project_languages
from project import assemble_publication, build_site, microsite

PAGE = "zz-link-check.md"
TARGET = "zz-link-target.md"
PICTURE = "zz-picture.png"
DRAFT = ".zz-draft.md"

TARGET_TEXT = """---
title: Link target
---

# Link target

## Erster Abschnitt

Text.

## Zweiter Abschnitt

Text.
"""

# The same links in both languages (parity compares them), in every place Markdown has for them: each
# broken one is marked with the check id it must get, at the end of its line.
LINKS = f"""
[Working]({TARGET}) and [a section]({TARGET}#zweiter-abschnitt) and [reference][good] and ![Picture]({PICTURE}).

- [Missing page](zz-link-targte.md) <!-- broken-link -->

| Column | Other |
| --- | --- |
| x | [Missing heading]({TARGET}#dritter-abschnitt) | <!-- broken-fragment -->

<!-- parity-ignore: image-file -->
!!! note "Note"

    ![Missing picture](zz-pictrue.png) <!-- broken-link -->

A [broken reference][bad] in a paragraph <!-- broken-link -->
that goes on, [to itself](#nowhere) <!-- broken-fragment -->
and on [without its file name](zz-link-target) <!-- broken-link -->
and [from the root](/{TARGET}) <!-- broken-link -->
and [to a draft]({DRAFT}). <!-- broken-link -->

[good]: {TARGET}
[bad]: zz-nothing.md
"""
TEXTS = {
    "source": "---\ntitle: Linkprüfung\n---\n\n# Linkprüfung\n\nDiese Seite prüft, wohin ihre Links führen.\n",
    "translation": "---\ntitle: Link check\n---\n\n# Link check\n\nThis page checks where its links lead.\n",
}


def png() -> bytes:
    """A picture of one white pixel."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\xff\xff\xff"))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = assemble_publication(tmp_path_factory.mktemp("project"))
    languages = project_languages(project)
    for language, text in ((languages.source, TEXTS["source"]), (languages.translations[0], TEXTS["translation"])):
        folder = project / "docs" / language
        for name in (PAGE, TARGET, PICTURE, DRAFT):
            assert not (folder / name).exists(), f"the test's {name} would replace the project's own"
        (folder / PAGE).write_text(text + LINKS, encoding="utf-8")
        (folder / TARGET).write_text(TARGET_TEXT, encoding="utf-8")
        (folder / PICTURE).write_bytes(png())
    # A draft in the source language only: its missing translation is what the policy tolerates.
    (project / "docs" / languages.source / DRAFT).write_text(TARGET_TEXT, encoding="utf-8")
    translations = [f"docs/{language}/{name}" for language in languages.translations for name in (PAGE, TARGET)]
    stamped = microsite("translated", "--project", str(project), *translations, project=project)
    assert stamped.returncode == 0, stamped.stdout + stamped.stderr
    return project


def build(project: Path, site: Path, *, strict: bool) -> tuple[int, str]:
    result = build_site(site, "http://127.0.0.1:8000/", project / "mkdocs.yml", strict=strict)
    return result.returncode, result.stdout + result.stderr


def marked_lines(project: Path, language: str) -> dict[int, str]:
    """Line → check id of each broken link the page marks."""
    text = (project / "docs" / language / PAGE).read_text(encoding="utf-8")
    return {
        number: match["check"]
        for number, line in enumerate(text.splitlines(), start=1)
        if (match := re.search(r"<!-- (?P<check>[a-z-]+) -->$", line))
    }


def link_findings(output: str, shown: str) -> dict[int, str]:
    """Line → check id of each link finding the log names on the page."""
    pattern = rf"WARNING +- +{re.escape(shown)}:(?P<line>\d+): \[(?P<check>broken-link|broken-fragment)\] "
    return {int(match["line"]): match["check"] for match in re.finditer(pattern, output)}


def test_the_strict_build_fails_on_each_broken_link_naming_line_text_target_and_fix(
    project: Path, tmp_path: Path
) -> None:
    returncode, output = build(project, tmp_path / "site", strict=True)
    assert returncode != 0 and "Traceback" not in output, output
    assert "Doc file" not in output, output
    languages = project_languages(project)
    for language in languages.codes:
        assert link_findings(output, f"docs/{language}/{PAGE}") == marked_lines(project, language), output
    # Nothing else made it fail: every warning is one of the broken links'.
    warnings = [line for line in output.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == sum(len(marked_lines(project, language)) for language in languages.codes), output
    page = f"docs/{languages.source}/{PAGE}"
    text = (project / "docs" / languages.source / PAGE).read_text(encoding="utf-8")
    lines = {part: text[: text.index(part)].count("\n") + 1 for part in ("[Missing", "![Missing", "[bad]:", "[broken")}
    assert (
        f"{page}:{lines['[Missing'] + 4}: [broken-fragment] link “Missing heading” → {TARGET}#dritter-abschnitt: "
        f"docs/{languages.source}/{TARGET} has no heading #dritter-abschnitt – link to one of its headings "
        "(nearest first): #erster-abschnitt, #zweiter-abschnitt, #link-target"
    ) in output
    assert (
        f"{page}:{lines['[Missing']}: [broken-link] link “Missing page” → zz-link-targte.md: there is no page "
        f"docs/{languages.source}/zz-link-targte.md – correct the link, or add the page (nearest pages: {TARGET}, "
    ) in output
    assert (
        f"{page}:{lines['![Missing']}: [broken-link] image “Missing picture” → zz-pictrue.png: there is no file "
        f"docs/{languages.source}/zz-pictrue.png – correct the address, or add the image (nearest files: {PICTURE}"
    ) in output
    assert (
        f"{page}:{lines['[broken']}: [broken-link] link “broken reference” → zz-nothing.md ([bad] on line "
        f"{lines['[bad]:']}): there is no page docs/{languages.source}/zz-nothing.md – correct the link, or add "
        "the page (nearest pages: "
    ) in output


def test_without_strict_the_same_findings_are_warnings_and_the_site_is_built(project: Path, tmp_path: Path) -> None:
    returncode, output = build(project, tmp_path / "site", strict=False)
    assert returncode == 0 and "Doc file" not in output, output
    for language in project_languages(project).codes:
        assert link_findings(output, f"docs/{language}/{PAGE}") == marked_lines(project, language), output
    assert (tmp_path / "site" / PAGE.replace(".md", ".html")).is_file()
