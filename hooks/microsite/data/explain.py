"""A schema violation (jsonschema's ValidationError) as findings an editor can act on.

Each kind of violation gets its own wording: what was expected, what was found, what to write. A
schema may add an `x-hint` to a field, which is appended as the thing to do, and an `x-name`, what the
value is called in a message ("id", "address").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jsonschema.exceptions import ValidationError

from ..findings import Finding
from ..languages import Languages
from ..pasted_text import first_invisible, invisible_character_problem
from .yaml_positions import DataFile, FieldPath

TYPE_NAMES = {
    "object": "a group of fields",
    "array": "a list (lines starting with '- ')",
    "string": "a text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "nothing",
}

# The most of a value a message quotes: enough to recognise it.
QUOTED_LENGTH = 60


def describe(value: Any) -> str:
    """A value as an editor would name it: "the text '19x78'", "nothing", "a list"."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {shortened(value)!r}" if value.strip() else "an empty text"
    return shortened(repr(value))


def shortened(text: str) -> str:
    """A value quoted in a message: its beginning, if it is long (a whole paragraph, a pasted list)."""
    return text if len(text) <= QUOTED_LENGTH else text[: QUOTED_LENGTH - 1] + "…"


class _Violation:
    """One ValidationError with what every explanation needs."""

    def __init__(self, error: ValidationError, data_file: DataFile, languages: Languages) -> None:
        self.error, self.data_file, self.languages = error, data_file, languages
        self.path: FieldPath = tuple(error.absolute_path)
        self.schema = error.schema if isinstance(error.schema, dict) else {}
        self.hint = self.schema.get("x-hint")

    def is_text(self) -> bool:
        """The schema is a bilingual text: one field per language, nothing else."""
        return set(self.schema.get("properties", {})) == set(self.languages.codes)

    def finding(
        self, message: str, path: FieldPath | None = None, *, key: bool = False, character: str | None = None
    ) -> Finding:
        return self.data_file.finding(self.path if path is None else path, message, key=key, character=character)

    def with_hint(self, message: str) -> str:
        return f"{message} – {self.hint}" if self.hint else message


def _required(v: _Violation) -> list[Finding]:
    findings = []
    for name in (name for name in v.error.validator_value if name not in v.error.instance):
        if v.is_text():
            language = Languages.name(name)
            # Only the source language is required of a text: the others are translations, which may follow.
            message = f"missing {language} text, which every text needs – add '{name}: …' with the {language} text"
        else:
            description = v.schema.get("properties", {}).get(name, {}).get("description", "")
            message = f"missing required field '{name}' – add '{name}:'" + (f" ({description})" if description else "")
        findings.append(v.finding(message))
    return findings


def _additional_properties(v: _Violation) -> list[Finding]:
    allowed = sorted(v.schema.get("properties", {}))
    findings = []
    for name in sorted(set(v.error.instance) - set(allowed)):
        if v.is_text():
            codes = " and ".join(f"'{code}'" for code in v.languages.codes)
            message = f"unknown language '{name}' – texts have exactly {codes}"
        else:
            message = f"unknown field '{name}' – remove it or correct its spelling (allowed here: {', '.join(allowed)})"
        findings.append(v.finding(message, (*v.path, name), key=True))
    return findings


def _type(v: _Violation) -> list[Finding]:
    expected = v.error.validator_value if isinstance(v.error.validator_value, list) else [v.error.validator_value]
    wanted = " or ".join(TYPE_NAMES.get(name, name) for name in expected)
    return [v.finding(v.with_hint(f"expected {wanted}, found {describe(v.error.instance)}"))]


def _pattern(v: _Violation) -> list[Finding]:
    empty = not str(v.error.instance).strip()
    if empty and v.path and v.path[-1] in v.languages.codes:
        language = Languages.name(str(v.path[-1]))
        return [v.finding(f"empty {language} translation – write the {language} text")]
    if empty:
        return [v.finding("empty text – write the text or remove the field")]
    # Pasted into a name, an invisible character makes it differ from the same name typed: say which
    # one and where, since the value looks right.
    invisible = first_invisible(str(v.error.instance))
    if invisible is not None:
        what = v.schema.get("x-name", "value")
        problem = invisible_character_problem(str(v.error.instance), what, f"retype the {what}")
        return [v.finding(str(problem), character=str(v.error.instance)[invisible])]
    todo = v.hint or "see the field description in the schema"
    return [v.finding(f"{describe(v.error.instance)} is not valid – {todo}")]


def _range(v: _Violation) -> list[Finding]:
    low, high = v.schema.get("minimum"), v.schema.get("maximum")
    if low is not None and high is not None:
        bounds = f"between {low} and {high}"
    else:
        bounds = f"at least {low}" if v.error.validator == "minimum" else f"at most {high}"
    return [v.finding(v.with_hint(f"{describe(v.error.instance)} is out of range: it must be {bounds}"))]


def _enum(v: _Violation) -> list[Finding]:
    options = ", ".join(map(str, v.error.validator_value))
    return [v.finding(f"{describe(v.error.instance)} is not allowed here – use one of: {options}")]


def _min_items(v: _Violation) -> list[Finding]:
    count = v.error.validator_value
    return [v.finding(f"the list needs at least {count} entr{'y' if count == 1 else 'ies'} – add one")]


EXPLANATIONS: dict[str, Callable[[_Violation], list[Finding]]] = {
    "required": _required,
    "additionalProperties": _additional_properties,
    "type": _type,
    "pattern": _pattern,
    "minimum": _range,
    "maximum": _range,
    "enum": _enum,
    "minItems": _min_items,
}


def explain(error: ValidationError, data_file: DataFile, languages: Languages) -> list[Finding]:
    violation = _Violation(error, data_file, languages)
    explanation = EXPLANATIONS.get(str(error.validator))
    return explanation(violation) if explanation else [violation.finding(error.message)]
