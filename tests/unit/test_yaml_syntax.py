"""YAML syntax errors in plain words: each common mistake gets its own message and place, the same with
PyYAML's C reader (what the checks use) and its Python reader, whose words for the error differ; and a
page's front matter gets the same messages, under the check id `front-matter`."""

from __future__ import annotations

import pytest
import yaml
from microsite.data.yaml_positions import PlainLoader
from microsite.data.yaml_syntax import explain
from microsite.rendering.page_sources import front_matter_problem

NO_COLON = (
    "this line has no ':' – write a field as 'name: value'; if it goes on the text of the line above, indent it "
    "more than that field's name, or put the whole text in quotes"
)
# (the YAML, the line and column to be named, the message)
MISTAKES = {
    "tab": ("people:\n  - id: a\n\tname: x\n", (3, 1), "this line is indented with a tab – replace the tab with spaces (YAML indents with spaces only)"),
    "colon in a text": ("title: Stadt: Land\n", (1, 13), "the text has ': ' in it, which YAML reads as a new field – put the text in quotes: title: \"Stadt: Land\""),
    "colon in a text with quotes": ('people:\n  - role: Er sagt "ja": gut\n', (2, 23), "the text has ': ' in it, which YAML reads as a new field – put the text in quotes: role: 'Er sagt \"ja\": gut'"),
    "field indented less than its siblings": ("people:\n  - id: a\n    name: x\n   role: y\n", (4, 4), "'role:' is indented 3 spaces, unlike the fields it belongs with – indent it like 'name:' on line 3 (4 spaces)"),
    "field between two levels": ("city:\n  name: x\n country: y\n", (3, 2), "'country:' is indented 1 space, unlike the fields it belongs with – indent it like 'name:' on line 2 (2 spaces), or like 'city:' on line 1 (0 spaces)"),
    "field indented more than one with a value": ("title: x\n  description: y\n", (2, 3), "'description:' is indented more than 'title:' on line 1, which has its value already – indent it like that field (0 spaces)"),
    "field indented like the record's dash": ("people:\n  - id: a\n    name: x\n  role: y\n", (4, 3), "'role:' is indented like the '- ' that begins the record on line 2, not like the record's fields – indent it like 'name:' on line 3 (4 spaces); or, if it begins a new record, write '- ' before it"),
    "field among list items": ("topics:\n  - a\n  name: x\n", (3, 3), "'name:' stands among the items of the list that begins on line 2 – begin it with '- ' like them, or, if it is a field of its own, write it above the list"),
    "list item among fields": ("title: x\n- y\n", (2, 1), "a list item ('- …') among fields – a list belongs under a field of its own ('name:' on the line above, the items indented below it); or, if this is a field, remove the '- '"),
    "unclosed quote": ('title: "Stadt\ndescription: y\n', (1, 8), 'the quote (") that opens this text is never closed – end the text with " on its line'),
    "unclosed quote before a quoted text": ("title: 'Stadt\ndescription: 'y'\n", (1, 8), "the quote (') that opens this text is never closed – end the text with ' on its line"),
    "unclosed bracket": ("topics: [a, b\nname: x\n", (1, 9), "the list opened with '[' here is not closed – end it with ']' on its line"),
    "text after its closing quote": ('title: "Stadt" Land\n', (1, 16), "the text goes on after its closing quote – put the whole text in quotes, with the other kind of quotes inside: title: '\"Stadt\" Land'"),
    "line without a colon": ("title: x\ndescription y\nother: z\n", (2, 1), NO_COLON),
    "text going on unindented": ("title: Stadt\nund Land\nother: z\n", (2, 1), NO_COLON),
    "first line without a colon": ("title\ndescription: x\n", (1, 1), NO_COLON),
    "reserved first character": ("title: @stadt\n", (1, 8), 'a text cannot begin with @ in YAML – put the text in quotes: title: "@stadt"'),
    "reserved first character of a list item": ("topics:\n  - `a`\n", (2, 5), 'a text cannot begin with ` in YAML – put the text in quotes: - "`a`"'),
    "text beginning with an asterisk": ("title: *Wichtig* sagt er\n", (1, 8), 'a text cannot begin with * in YAML – put the text in quotes: title: "*Wichtig* sagt er"'),
    "second document": ("a: 1\n---\nb: 2\n", (2, 1), "a '---' line in the middle: YAML would begin another document here – remove the line"),
}  # fmt: skip


@pytest.mark.parametrize("loader", [PlainLoader, yaml.SafeLoader], ids=["C reader", "Python reader"])
@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_each_common_mistake_gets_its_message_and_place(mistake: str, loader: type) -> None:
    text, place, message = MISTAKES[mistake]
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        yaml.load(text, Loader=loader)
    problem = explain(raised.value, text)
    assert ((problem.line, problem.column), problem.message) == (place, message)


def test_what_is_none_of_them_keeps_the_readers_words_at_the_end() -> None:
    text = "a: [b, c: d]\n: e\n"
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        yaml.load(text, Loader=PlainLoader)
    message = explain(raised.value, text).message
    assert message.startswith("this line cannot be read – check the indentation, the colons and the quotes")
    assert message.endswith(f"(YAML: {' '.join(filter(None, (raised.value.context, raised.value.problem)))})")


PAGE = "docs/de/seite.md"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: Stadt: Land\n---\n\n# Text\n", f"{PAGE}:2:13: [front-matter] {MISTAKES['colon in a text'][2]}"),
        ("---\ntitle: x\n\tdescription: y\n---\n\nText\n", f"{PAGE}:3:1: [front-matter] {MISTAKES['tab'][2]}"),
        (
            "---\ntitle: Seite\n\n# Seite\n",
            f"{PAGE}:1:1: [front-matter] the front matter has no closing '---' line – add it below the last field",
        ),
        (
            "---\n- title\n---\n\nText\n",
            f"{PAGE}:2:1: [front-matter] the front matter must be fields, one a line ('title: …') – write each as "
            "'name: value'",
        ),
    ],
    ids=["colon", "tab", "unclosed", "not fields"],
)
def test_a_pages_front_matter_gets_the_same_messages_on_the_pages_lines(text: str, expected: str) -> None:
    problem = front_matter_problem(text, PAGE)
    assert problem is not None and problem.text() == expected


def test_a_page_with_a_good_front_matter_or_none_has_no_problem() -> None:
    assert front_matter_problem("---\ntitle: Seite\n---\n\n# Seite\n", PAGE) is None
    assert front_matter_problem("# Seite\n\n---\n\nText\n", PAGE) is None
    # MkDocs reads a field written twice (the last one counts): the page can be built as it is.
    assert front_matter_problem("---\nnav_order: 1\nnav_order: 2\n---\n\n# Seite\n", PAGE) is None
