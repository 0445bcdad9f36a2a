"""The generator's interface words: the words pages are framed with, one YAML file per language in this
folder (`de.yml`, `en.yml`), as Hugo's `i18n/de.yaml` and Material's language partials keep them.

They live here, next to the code that reads them, because they belong to the generator and not to a
publication (whose texts are in `docs/` and `data/`): every project that has `hooks/` has them, and rendering,
the articles and the site output all look words up without importing one another. A build reads the files
once, when it starts (`read_words`); the parity check (`parity/interface_words.py`) holds every language the
site builds to the keys of the source language's file.

What stays code: which plural form a number takes (CLDR's rules, through babel; `COUNTED` names the rule of each
counted word), and dates, numbers, month and language names (babel).
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field, replace
from pathlib import Path

from babel import Locale

from ..data.reading import read_data_text
from ..data.yaml_positions import DataFile, parse_yaml
from ..findings import Finding
from ..languages import Languages
from ..problems import Problem

FOLDER = Path(__file__).parent
CHECK = "interface-words"
# Words with one text per plural form of a number, and which of the language's rules picks the form.
COUNTED = {"accessibility.pages": "cardinal", "date.ordinal": "ordinal"}
# Every language has this form (CLDR); babel's tags leave it out.
OTHER = "other"


def shown_path(path: Path) -> str:
    """A word file as messages name it: from the folder that holds the package ('hooks/microsite/words/en.yml')."""
    hooks = FOLDER.parent.parent
    return path.relative_to(hooks.parent).as_posix() if path.is_relative_to(hooks) else str(path)


def plural_forms(language: str, rule: str) -> list[str]:
    """The plural forms of a language's numbers by `rule` ('cardinal' or 'ordinal'), as CLDR names them."""
    locale = Locale.parse(language.replace("-", "_"))
    tags = locale.plural_form.tags if rule == "cardinal" else locale.ordinal_form.tags
    order = ["zero", "one", "two", "few", "many", OTHER]
    return [form for form in order if form in tags or form == OTHER]


def placeholders(text: str) -> set[str]:
    """The names in braces a text fills in ('{title}'); raises ValueError for a brace that opens nothing."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@dataclass(frozen=True)
class WordFile:
    """One language's words: a text per key, or for a counted word a text per plural form; with their lines."""

    language: str
    shown: str
    words: dict[str, str | dict[str, str]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)

    def line(self, key: str) -> int:
        return self.lines.get(key, 1)


@dataclass(frozen=True)
class Words:
    """The words of every language that has a readable file, what is wrong in reading them, and the source
    language, whose file every other is held to."""

    source: str
    folder: Path
    files: dict[str, WordFile]
    findings: tuple[Finding, ...] = ()

    def file_path(self, language: str) -> str:
        return shown_path(self.folder / f"{language}.yml")

    def label(self, language: str, key: str, /, **values: object) -> str:
        """The word `key` in `language`, with `values` filled in."""
        text = self._word(language, key)
        if not isinstance(text, str):
            raise self._problem(language, key, f"`{key}:` must be one text – write `{key}: …` on one line")
        return self._filled(language, key, text, values)

    def counted(self, language: str, key: str, number: int, /, **values: object) -> str:
        """The counted word `key` in the plural form `number` takes in `language` ('1 Seite', '2 Seiten',
        'January 2nd'), with `values` filled in."""
        forms = self._word(language, key)
        rule = COUNTED[key]
        locale = Locale.parse(language.replace("-", "_"))
        form = locale.plural_form(number) if rule == "cardinal" else locale.ordinal_form(number)
        if not isinstance(forms, dict) or not isinstance(forms.get(form), str):
            todo = f"give `{key}:` a `{form}:` text, for numbers such as {number}"
            raise self._problem(language, key, f"no `{form}:` form of `{key}:` – {todo}")
        return self._filled(language, key, forms[form], values)

    def _word(self, language: str, key: str) -> str | dict[str, str]:
        word_file = self.files.get(language)
        if word_file is None:
            todo = f"create it with every key of {self.file_path(self.source)}, in {Languages.name(language)}"
            raise Problem(Finding(self.file_path(language), 1, f"no interface words: {todo}", CHECK))
        if key not in word_file.words:
            message = f"no `{key}:` – add it, in {Languages.name(language)}"
            source = self.files.get(self.source)
            if source is not None and key in source.words and language != self.source:
                message += f", as in {Path(source.shown).name} line {source.line(key)}"
            raise Problem(Finding(word_file.shown, 1, message, CHECK))
        return word_file.words[key]

    def _filled(self, language: str, key: str, text: str, values: dict[str, object]) -> str:
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            given = ", ".join(f"{{{name}}}" for name in values) or "no name in braces"
            message = f"`{key}:` fills in what cannot be filled in here – use only {given}"
            raise self._problem(language, key, message) from None

    def _problem(self, language: str, key: str, message: str) -> Problem:
        word_file = self.files[language]
        return Problem(Finding(word_file.shown, word_file.line(key), message, CHECK))


def read_words(languages: Languages, folder: Path = FOLDER) -> Words:
    """The word files of `languages` in `folder`; what cannot be read or is not `key: text` is a finding.
    A language without a file is left out here: the parity check names the file to create."""
    files: dict[str, WordFile] = {}
    findings: list[Finding] = []
    for language in languages.codes:
        path = folder / f"{language}.yml"
        if path.is_file():
            word_file, found = _read_file(path, language)
            findings += found
            if word_file is not None:
                files[language] = word_file
    return Words(languages.source, folder, files, tuple(findings))


def _read_file(path: Path, language: str) -> tuple[WordFile | None, list[Finding]]:
    shown = shown_path(path)
    data_file = DataFile(name=path.stem, display_path=shown)
    text = read_data_text(path, data_file)
    if isinstance(text, Finding):
        return None, [replace(text, check=CHECK)]
    findings = [replace(finding, check=CHECK) for finding in parse_yaml(text, data_file)]
    if not data_file.parsed:
        return None, findings
    content = data_file.content
    if not isinstance(content, dict):
        message = "the file must hold `key: text` lines, one per word – write them as the other word files do"
        return None, [*findings, Finding(shown, 1, message, CHECK)]
    word_file = WordFile(language, shown)
    for key, value in content.items():
        line = data_file.position((key,), key=True)[0]
        word_file.lines[key] = line
        if key in COUNTED:
            forms = value if isinstance(value, dict) else {}
            if not forms or not all(isinstance(text, str) for text in forms.values()):
                todo = f"write one text per plural form below it (`  {OTHER}: …`), as the other word files do"
                findings.append(Finding(shown, line, f"`{key}:` is counted – {todo}", CHECK))
                continue
            word_file.words[key] = dict(forms)
            for form in forms:
                word_file.lines[f"{key}.{form}"] = data_file.position((key, form), key=True)[0]
        elif isinstance(value, str):
            word_file.words[key] = value
        else:
            todo = "write it in double quotes" if value is not None else "write the word after the colon"
            findings.append(Finding(shown, line, f"`{key}:` must be a text – {todo}", CHECK))
    return word_file, findings
