"""Invisible characters that make a text display differently from what it is (bidirectional controls,
zero-width characters): which are reported, which joiners are not, the message with the character's name
and column, the publication's own allowances (mkdocs.yml, `extra.allowed_invisible_characters`), a page's
front matter and Markdown as the build reads them, and `make check-data` on a copy of the fixture
publication. The data and articles' findings in files are fixtures too
(tests/fixtures/data/invisible-character-in-text, tests/fixtures/articles/invisible-characters-in-texts);
the strict build in tests/build/test_pasted_text_in_build.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from microsite.allowed_characters import AllowedCharacters
from microsite.pasted_text import HIDDEN, character_name, hidden_character_problem, hidden_characters
from microsite.rendering.page_sources import HIDDEN_CHARACTER, hidden_characters_in_page, page_problems
from microsite.settings import read_settings
from mkdocs.structure.files import File
from project import assemble_publication, microsite, publication_data

RLO, PDF, RLM, ZWSP, ZWNJ, ZWJ, SHY, NBSP = (
    "\u202e",
    "\u202c",
    "\u200f",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u00ad",
    "\u00a0",
)
TODO = (
    "it is invisible, and makes the text display differently from what it is "
    "(where the text needs it: extra.allowed_invisible_characters in mkdocs.yml)"
)
PAGE = "docs/de/seite.md"


@pytest.mark.parametrize("character", list(HIDDEN), ids=character_name)
def test_each_bidirectional_control_and_zero_width_character_is_named_where_it_is(character: str) -> None:
    text = f"Die Partner{character}stadt"
    assert hidden_characters(text) == [len("Die Partner")]
    assert hidden_character_problem(text, hidden_characters(text)) == (
        f"the text has an invisible character, {character_name(character)}, after 'Die Partner' – delete it: {TODO}"
    )


def test_soft_hyphens_and_non_breaking_spaces_are_typography_not_hidden_characters() -> None:
    assert hidden_characters(f"Städte{SHY}partner{NBSP}schaft") == []


def test_several_are_counted_and_the_first_is_named_with_the_visible_text_before_it() -> None:
    text = f"{ZWSP}Eine sehr lange Überschrift über {RLO}ttatsdnetraP{PDF}"
    found = hidden_characters(text)
    assert found == [0, text.index(RLO), text.index(PDF)]
    assert hidden_character_problem(text, found).startswith(
        "the text has 3 invisible characters, the first U+200B ZERO WIDTH SPACE, at its beginning – delete them"
    )
    assert hidden_character_problem(text, found[1:]).startswith(
        "the text has 2 invisible characters, the first U+202E RIGHT-TO-LEFT OVERRIDE, "
        "after '…ge Überschrift über ' – delete them"
    )


@pytest.mark.parametrize(
    "text",
    [
        f"\U0001f469{ZWJ}\U0001f52c",  # woman scientist: two pictographs
        f"\U0001f3f3\ufe0f{ZWJ}\U0001f308",  # rainbow flag: after the emoji presentation selector
        f"\U0001f9d1\U0001f3fd{ZWJ}\U0001f680",  # astronaut with a skin tone
        f"\u0645\u06cc{ZWNJ}\u062e\u0648\u0627\u0647\u0645",  # Persian, a non-joiner between two letters
        f"\u0915\u094d{ZWJ}\u0937",  # Devanagari, a joiner after a virama
    ],
    ids=["emoji", "emoji-presentation", "skin-tone", "persian", "devanagari"],
)
def test_a_joiner_that_an_emoji_or_a_script_needs_is_not_reported(text: str) -> None:
    assert hidden_characters(f"Wort {text} Wort") == []


@pytest.mark.parametrize(
    "text",
    [f"Auf{ZWNJ}lage", f"a{ZWJ}b", f"\U0001f469{ZWJ}a", f"\u062e{ZWNJ}\u0915", f"{ZWJ}\U0001f52c", f"\u062e{ZWJ}"],
    ids=["latin-non-joiner", "latin-joiner", "emoji-letter", "two-scripts", "at-the-beginning", "at-the-end"],
)
def test_a_joiner_anywhere_else_is_reported(text: str) -> None:
    assert len(hidden_characters(text)) == 1


def test_a_character_the_publication_allows_is_not_reported_and_the_others_are() -> None:
    text = f"\u05e9\u05dc\u05d5\u05dd{RLM} und{ZWSP}"
    assert hidden_characters(text, frozenset(RLM)) == [len(text) - 1]


def write_mkdocs_yml(project: Path, setting: str) -> Path:
    mkdocs_yml = project / "mkdocs.yml"
    mkdocs_yml.write_text(f"site_name: Test\nextra:\n  allowed_invisible_characters:\n{setting}", encoding="utf-8")
    return mkdocs_yml


def allowed_characters(mkdocs_yml: Path) -> AllowedCharacters:
    return read_settings(mkdocs_yml).allowed_characters


def test_mkdocs_yml_allows_a_character_with_a_reason(tmp_path: Path) -> None:
    setting = "    - character: U+200F\n      reason: Hebrew names end with a right-to-left mark\n"
    allowed = allowed_characters(write_mkdocs_yml(tmp_path, setting))
    assert (allowed.characters, allowed.findings) == (frozenset(RLM), ())
    assert allowed_characters(write_mkdocs_yml(tmp_path, "    []\n")).characters == frozenset()


@pytest.mark.parametrize(
    ("setting", "line", "message"),
    [
        (
            "    - character: U+200F\n      reason: Hebrew names\n    - character: U+202E\n",
            6,
            "U+202E RIGHT-TO-LEFT OVERRIDE has no reason – add 'reason: …', why the publication's texts need it",
        ),
        (
            "    - character: U+00AD\n      reason: hyphenation\n",
            4,
            "U+00AD is never reported as invisible – remove the entry",
        ),
        (
            "    - character: '\u200f'\n      reason: Hebrew names\n",
            4,
            "write the character as its code point, e.g. 'character: U+200F', as the finding names it",
        ),
        (
            "    - U+200F\n",
            4,
            "each entry has a 'character' and a 'reason' – write it as '- {character: U+200F, reason: …}'",
        ),
        (
            "    U+200F\n",
            4,
            "must be a list, one entry a character – write each as '- {character: U+200F, reason: …}'",
        ),
    ],
    ids=["no-reason", "never-reported", "not-a-code-point", "no-fields", "not-a-list"],
)
def test_a_wrong_allowance_is_a_finding_at_its_line_and_allows_nothing(
    tmp_path: Path, setting: str, line: int, message: str
) -> None:
    allowed = allowed_characters(write_mkdocs_yml(tmp_path, setting))
    assert "\u202e" not in allowed.characters
    separator = " " if message.startswith("must") else ": "
    assert [finding.text() for finding in allowed.findings] == [
        f"mkdocs.yml:{line}: extra.allowed_invisible_characters{separator}{message}"
    ]


def test_a_page_is_named_for_each_text_of_its_front_matter_and_each_line_with_a_bidirectional_override() -> None:
    text = (
        f"---\ntitle: Part{ZWSP}ner\ndescription: Ein Satz.\n---\n\n# Partner\n\n"
        f"Zitat: „\u05e9\u05dc\u05d5\u05dd{RLM}“, Auf{ZWNJ}lage.\n\nDer Code `a {RLO}b{PDF}` ist umgedreht.\n"
    )
    assert [finding.text() for finding in hidden_characters_in_page(text, PAGE, frozenset(), article=False)] == [
        f"{PAGE}:2:12: [{HIDDEN_CHARACTER}] title: the text has an invisible character, U+200B ZERO WIDTH SPACE, "
        f"after 'Part' – delete it: {TODO}",
        f"{PAGE}:10:13: [{HIDDEN_CHARACTER}] the text has 2 invisible characters, the first U+202E RIGHT-TO-LEFT "
        "OVERRIDE, after 'Der Code `a ' – delete them: they are invisible, and make the text display differently "
        "from what it is (where the text needs it: extra.allowed_invisible_characters in mkdocs.yml)",
    ]
    # An article's front matter is the collection's to check; a page without front matter starts at line 1.
    assert [finding.line for finding in hidden_characters_in_page(text, PAGE, frozenset(), article=True)] == [10]
    assert [
        finding.location() for finding in hidden_characters_in_page(f"a{RLO}b", PAGE, frozenset(), article=False)
    ] == [f"{PAGE}:1:2"]
    assert hidden_characters_in_page(text, PAGE, frozenset(ZWSP + RLO + PDF), article=False) == []


def test_a_page_checked_again_in_the_same_process_shows_what_its_text_holds_now(tmp_path: Path) -> None:
    """The preview's next rebuild checks every page again, with what the process kept of the pages' checks."""
    (tmp_path / "de").mkdir()
    page = File("de/partner.md", str(tmp_path), str(tmp_path / "site"), True)
    source = tmp_path / "de" / "partner.md"

    def findings(allowed: frozenset[str] = frozenset(), *, article: bool = False) -> list[str]:
        unbuildable, found = page_problems(page, allowed, article=article)
        assert unbuildable is None
        return [finding.location() for finding in found]

    source.write_text(f"---\ntitle: Part{ZWSP}ner\n---\n\nDer Code `a {RLO}b`.\n", encoding="utf-8")
    assert findings() == findings() == ["docs/de/partner.md:2:12", "docs/de/partner.md:5:13"]
    assert findings(article=True) == ["docs/de/partner.md:5:13"]
    assert findings(frozenset(ZWSP)) == ["docs/de/partner.md:5:13"]
    source.write_text(f"---\ntitle: Partner\n---\n\nDer Code `a {RLO}b`.\n", encoding="utf-8")
    assert findings() == ["docs/de/partner.md:5:13"]
    source.write_text("---\ntitle: Partner\n---\n\nDer Code.\n", encoding="utf-8")
    assert findings() == []


def test_check_data_fails_on_a_bidirectional_override_in_a_data_text_until_mkdocs_yml_allows_it(
    tmp_path: Path,
) -> None:
    project = assemble_publication(tmp_path / "project")
    data = project / "data" / "partnerships.yml"
    record = publication_data("partnerships", project)["partnerships"][0]
    summary = record["summary"]["de"]
    first_word = summary.split()[0]
    written = data.read_text(encoding="utf-8")
    data.write_text(written.replace(summary, summary.replace(first_word, first_word + RLO, 1), 1), encoding="utf-8")
    at = written.index(summary)
    line, column = written.count("\n", 0, at) + 1, at - written.rfind("\n", 0, at) + len(first_word)
    result = microsite("check-data", "--project", str(project))
    assert (result.returncode, result.stdout.splitlines()) == (
        1,
        [
            f"data/partnerships.yml:{line}:{column}: partnerships, record 1 ('{record['id']}'), summary.de: the text "
            f"has an invisible character, U+202E RIGHT-TO-LEFT OVERRIDE, after '{first_word}' – delete it: {TODO}"
        ],
    )
    mkdocs_yml = project / "mkdocs.yml"
    config = mkdocs_yml.read_text(encoding="utf-8")
    assert "\nextra:\n" in config
    allowance = "  allowed_invisible_characters:\n    - {character: U+202E, reason: a quotation turned around}\n"
    mkdocs_yml.write_text(config.replace("\nextra:\n", "\nextra:\n" + allowance, 1), encoding="utf-8")
    allowed = microsite("check-data", "--project", str(project))
    assert (allowed.returncode, allowed.stdout) == (0, ""), allowed.stderr
