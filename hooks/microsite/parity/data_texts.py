"""The texts of the data files (`data/*.yml`), in every language.

A text is a mapping whose keys are language codes of the project (`{de: …, en: …}`): it must have
every language, none empty, differ between them unless declared the same (names), and each must be
in its key's language where that can be told surely (see text_language.py). Whether each record's
translations follow its source is data_records.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..data.yaml_positions import DataFile, FieldPath, format_path, parse_yaml
from ..findings import Finding
from ..languages import Languages
from ..symbolic_links import followable
from ..translation_policy import TranslationPolicy
from .data_records import check_record_stamp, is_text, record_lists
from .report import Exemption, Report, declared_checks
from .status import RecordTranslation, State
from .text_language import judged_words, language_of

YAML_IGNORE = re.compile(r"#\s*parity-ignore:\s*(?P<checks>[a-z, -]+?)\s*$")
# Why a declaration on a data line covers nothing, by the check it declares.
UNUSED_REASONS = {"wrong-language": "its text is not surely in another language than its key's"}


def check_data(
    root: Path,
    languages: Languages,
    report: Report,
    parsed: dict[str, DataFile] | None = None,
    *,
    judge_languages: bool = True,
    policy: TranslationPolicy | None = None,
    records: list[RecordTranslation] | None = None,
) -> list[str]:
    """Checks every data file; returns the files read. `parsed`: files the build has parsed already.

    `judge_languages`: whether to tell each text's language, which loads the identifier's model.
    `records`: where each record's translations stand is added to it.
    """
    policy = policy or TranslationPolicy()
    records = [] if records is None else records
    checked = []
    for path in sorted(path for path in (root / "data").glob("*.yml") if followable(path, root / "data")):
        shown = path.relative_to(root).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # a file that cannot be read is the data check's to report, as syntax errors are
        data_file = (parsed or {}).get(path.stem)
        if data_file is None:
            data_file = DataFile(name=path.stem, display_path=shown)
            if parse_yaml(text, data_file):
                continue  # syntax errors are the data check's to report
        checked.append(shown)
        judging = _Judging(languages, judge_languages, policy)
        records += _check_data_file(root, data_file, yaml_exemptions(text), judging, report)
    return checked


def yaml_exemptions(text: str) -> dict[int, list[Exemption]]:
    """Line → every check the `# parity-ignore: …` at its end declares."""
    exemptions = {}
    for number, line in enumerate(text.split("\n"), start=1):
        match = YAML_IGNORE.search(line)
        if match:
            exemptions[number] = [Exemption(check, number) for check in declared_checks(match["checks"])]
    return exemptions


@dataclass(frozen=True)
class _Judging:
    """The publication's languages, whether each text's language is told, and what a lag is."""

    languages: Languages
    judge_languages: bool
    policy: TranslationPolicy


def _check_data_file(
    root: Path, data_file: DataFile, exemptions: dict[int, list[Exemption]], judging: _Judging, report: Report
) -> list[RecordTranslation]:
    _DataTexts(data_file, judging, exemptions, report).check(data_file.content, ())
    records = []
    for record_path, record in record_lists(data_file.content):
        state, change = check_record_stamp(
            root, data_file, record_path, record, judging.languages, judging.policy, report
        )
        for language in judging.languages.translations:
            missing = tuple(format_path(path, record) for path in missing_texts(record, language, judging.languages))
            records.append(
                RecordTranslation(
                    data_file.display_path,
                    str(record["id"]),
                    language,
                    State.MISSING if missing else state,
                    change,
                    missing,
                )
            )
    for exemption in (exemption for declared in exemptions.values() for exemption in declared):
        # Where languages are not told (the build), a declared wrong language is neither used nor unused.
        if exemption.used or (exemption.check == "wrong-language" and not judging.judge_languages):
            continue
        reason = UNUSED_REASONS.get(exemption.check, "its texts differ between languages")
        message = (
            f"this line declares '{exemption.check}', but {reason} – "
            f"remove the '# parity-ignore: {exemption.check}' comment"
        )
        report.add(Finding(data_file.display_path, exemption.line, message, "unused-exemption"))
    return records


def missing_texts(content: Any, language: str, languages: Languages, path: FieldPath = ()) -> list[FieldPath]:
    """The field paths of the texts in `content` that lack `language` (absent, null or blank)."""
    if isinstance(content, dict) and is_text(content, languages):
        value = content.get(language)
        return [] if isinstance(value, str) and value.strip() else [path]
    if isinstance(content, dict):
        return [
            found for key, value in content.items() for found in missing_texts(value, language, languages, (*path, key))
        ]
    if isinstance(content, list):
        return [
            found
            for index, value in enumerate(content)
            for found in missing_texts(value, language, languages, (*path, index))
        ]
    return []


def _finding(data_file: DataFile, path: FieldPath, check: str, message: str) -> Finding:
    line, _ = data_file.position(path)
    return Finding(data_file.display_path, line, message, check)


class _DataTexts:
    """Walks one data file's content to its texts, and checks each."""

    def __init__(
        self, data_file: DataFile, judging: _Judging, exemptions: dict[int, list[Exemption]], report: Report
    ) -> None:
        self.data_file, self.exemptions, self.report = data_file, exemptions, report
        self.languages, self.judge_languages = judging.languages, judging.judge_languages
        self.policy = judging.policy

    def check(self, content: Any, path: FieldPath) -> None:
        if isinstance(content, dict) and is_text(content, self.languages):
            self.check_languages(content, path)
            if not self.check_identical(content, path) and self.judge_languages:
                self.check_text_languages(content, path)
        elif isinstance(content, dict):
            for key, value in content.items():
                self.check(value, (*path, key))
        elif isinstance(content, list):
            for index, value in enumerate(content):
                self.check(value, (*path, index))

    def check_languages(self, text: dict, path: FieldPath) -> None:
        """Every language there and not empty."""
        for language in self.languages.codes:
            value = text.get(language)
            if isinstance(value, str) and value.strip():
                continue
            # An empty text is pointed at; a missing one at the field that lacks it.
            if language in text:
                line = self.data_file.position((*path, language))[0]
            else:
                line = self.data_file.position(path, key=True)[0]
            message = (
                f"{format_path(path, self.data_file.content)}: the {Languages.name(language)} text is "
                f"{'missing' if value is None else 'empty'} – write it ('{language}: …')"
            )
            # A translation not written yet is shown in the source language, marked so (where the policy
            # lets it); an empty text is a mistake.
            tolerated = value is None and language != self.languages.source and self.policy.tolerates_missing
            level = "warning" if tolerated else "error"
            self.report.add(Finding(self.data_file.display_path, line, message, "data-translation", level=level))

    def check_identical(self, text: dict, path: FieldPath) -> bool:
        """The same text in every language, unless declared on the line of the first or the last language.

        Whether it is the same: such a text is a name, or reported as one, not as in a wrong language."""
        values = [text.get(language) for language in self.languages.codes]
        if not all(isinstance(value, str) and value.strip() for value in values) or len(set(values)) != 1:
            return False
        last = (*path, self.languages.codes[-1])
        lines = (self.data_file.position(last)[0], self.data_file.position((*path, self.languages.source))[0])
        declared = [exemption for line in lines for exemption in self.exemptions.get(line, [])]
        message = (
            f"{format_path(path, self.data_file.content)}: '{values[0]}' is the same in every language – translate it, "
            "or if it is a name, "
            "declare it with '# parity-ignore: identical-translation' at the end of this line"
        )
        finding = _finding(self.data_file, last, "identical-translation", message)
        self.report.add(finding, [e for e in declared if e.check == "identical-translation"])
        return True

    def check_text_languages(self, text: dict, path: FieldPath) -> None:
        """Each language's text surely in that language, or declared otherwise on its line."""
        for key, value in text.items():
            found = language_of(judged_words(value), self.languages.codes) if isinstance(value, str) else None
            if found in (None, key):
                continue
            line = self.data_file.position((*path, key))[0]
            message = (
                f"{format_path((*path, key), self.data_file.content)}: this text is in {Languages.name(found)}, not in "
                f"{Languages.name(key)} – "
                f"write it in {Languages.name(key)}; if it is meant to stay so (a name, a quotation), "
                "declare it with '# parity-ignore: wrong-language' at the end of this line"
            )
            declared = [e for e in self.exemptions.get(line, []) if e.check == "wrong-language"]
            self.report.add(Finding(self.data_file.display_path, line, message, "wrong-language"), declared)
