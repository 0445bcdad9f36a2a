"""Loading every data file of a publication, and the checked data as the build uses it."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from ..content_cache import KeptResults, content_key
from ..findings import Finding, plural
from ..languages import Languages
from ..symbolic_links import followable
from .checks import (
    RECORD_LISTS,
    SCHEMA_SUFFIX,
    PageTexts,
    check_dates,
    check_hidden_characters,
    check_references,
    check_schema_line,
    check_sources,
    check_unique_ids,
)
from .explain import explain
from .reading import read_data_text
from .yaml_positions import DataFile, FieldPath, parse_yaml


class DataError(Exception):
    """The data has findings: the message lists every one of them, one per line."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        header = f"The publication data has {plural(len(findings), 'problem')}:"
        super().__init__("\n".join([header, *map(str, findings)]))


@dataclass
class PublicationData:
    """The checked data, as plain mappings and lists; a file that does not exist is None.

    In the live preview, a file that cannot be used as it is (it cannot be read, breaks its schema, or
    names records that do not exist) is left out, as if it did not exist: `unusable` names it, and
    `findings` lists every problem of every file.
    """

    files: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    # The parsed files with the line of every value, for the parity check in the same build.
    parsed: dict[str, DataFile] = field(default_factory=dict)
    # Name → the file as editors know it ('data/timeline.yml'), for each file left out in the preview.
    unusable: dict[str, str] = field(default_factory=dict)

    def get(self, name: str) -> Any:
        return self.files.get(name)

    def findings_of(self, name: str) -> list[Finding]:
        """The problems of one file left out in the preview."""
        shown = self.unusable.get(name)
        return [finding for finding in self.findings if finding.file == shown]

    def records(self, name: str) -> list[dict]:
        content = self.files.get(name)
        return content[RECORD_LISTS[name]] if content else []

    def record_count(self) -> int:
        return sum(len(self.records(name)) for name in RECORD_LISTS if self.get(name))

    @functools.cached_property
    def _partnerships_by_id(self) -> dict[str, dict]:
        return {record["id"]: record for record in self.records("partnerships")}

    def partnership(self, partnership_id: str) -> dict | None:
        return self._partnerships_by_id.get(partnership_id)

    @functools.cached_property
    def _events_by_partnership(self) -> dict[str, list[dict]]:
        grouped: dict[str, list[dict]] = {}
        for event in self.records("timeline"):
            if "partnership" in event:
                grouped.setdefault(event["partnership"], []).append(event)
        return grouped

    def events_of(self, partnership_id: str) -> list[dict]:
        """The timeline's events of one partnership, in the order of the file."""
        return self._events_by_partnership.get(partnership_id, [])


# What the schema says of a data file, kept for the process (CONTRIBUTING.md, "What a process keeps between
# builds"): the preview checks every data file again at every save, which barely ever changes one. Kept by
# everything that makes it: the file's text, name and how it is shown, every schema's text (one may name
# another), the languages; the findings, and the paths of the values they name.
SchemaCheck = tuple[list[Finding], frozenset[FieldPath]]
CHECKED_AGAINST_SCHEMAS: KeptResults[SchemaCheck] = KeptResults(size=64, copy=lambda check: (list(check[0]), check[1]))


class _Loading:
    """One run of `load`: the schemas, the article pages' texts and the findings so far."""

    def __init__(
        self, data_dir: Path, docs_dir: Path, languages: Languages, display_root: Path, allowed: frozenset[str]
    ) -> None:
        self.data_dir, self.languages, self.display_root = data_dir, languages, display_root
        # The invisible characters the publication allows in its texts (allowed_characters.py).
        self.allowed = allowed
        self.pages = PageTexts(docs_dir)
        self.findings: list[Finding] = []
        # Files whose content can be used despite their findings: those only misquote an article.
        self.usable: set[str] = set()
        # Each schema's text as read, by name, for what is kept by it.
        self.schema_texts: dict[str, str] = {}
        self.schemas = self.read_schemas()
        resources = ((schema["$id"], Resource.from_contents(schema)) for schema in self.schemas.values())
        self.registry = Registry().with_resources(resources)

    def shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.display_root).as_posix()
        except ValueError:
            return path.as_posix()

    def read_schemas(self) -> dict[str, dict]:
        schemas = {}
        for schema_path in sorted(self.data_dir.glob(f"*{SCHEMA_SUFFIX}")):
            name = schema_path.name.removesuffix(SCHEMA_SUFFIX)
            try:
                text = schema_path.read_text(encoding="utf-8")
                schemas[name] = json.loads(text)
                self.schema_texts[name] = text
            except (OSError, ValueError) as error:
                message = f"the schema is not valid JSON: {error} – restore it from version control"
                self.findings.append(Finding(self.shown(schema_path), 1, message, column=1))
        return schemas

    def read(self, yaml_path: Path) -> DataFile | None:
        """One data file, checked; its findings are added in the order an editor reads the file. None for
        a file that is no data file of the publication (no schema of its name)."""
        data_file = DataFile(name=yaml_path.stem, display_path=self.shown(yaml_path))
        if data_file.name not in self.schemas or data_file.name == "common":
            known = ", ".join(f"{name}.yml" for name in sorted(self.schemas) if name != "common")
            message = f"no schema {data_file.name}{SCHEMA_SUFFIX} for this file – rename it to one of: {known}"
            self.findings.append(data_file.file_finding(message))
            return None
        text = read_data_text(yaml_path, data_file)
        if isinstance(text, Finding):
            self.findings.append(text)
            return data_file
        file_findings = check_schema_line(text, data_file) + self.check(text, data_file)
        self.findings += sorted(file_findings, key=lambda finding: (finding.line, finding.column or 0))
        return data_file

    def check(self, text: str, data_file: DataFile) -> list[Finding]:
        findings = parse_yaml(text, data_file)
        if not data_file.parsed:
            return findings
        schema_parts = [part for name in sorted(self.schema_texts) for part in (name, self.schema_texts[name])]
        key = content_key(text, data_file.name, data_file.display_path, *self.languages.codes, "", *schema_parts)
        schema_findings, named = CHECKED_AGAINST_SCHEMAS.get(key, lambda: self.check_schema(data_file))
        hidden = check_hidden_characters(data_file, self.allowed, named)
        data_file.valid = not schema_findings
        if not data_file.valid:
            return findings + schema_findings + hidden
        structure = findings + check_unique_ids(data_file) + check_dates(data_file)
        if not structure:
            self.usable.add(data_file.name)
        # Like a misquoted passage, a text with a hidden character can be shown while it is corrected.
        return structure + hidden + check_sources(data_file, self.languages, self.pages)

    def check_schema(self, data_file: DataFile) -> SchemaCheck:
        """The findings of the file's schema, in the order of the values they name, and those values' paths."""
        validator = Draft202012Validator(self.schemas[data_file.name], registry=self.registry)
        errors = sorted(
            validator.iter_errors(data_file.content), key=lambda e: (list(map(str, e.absolute_path)), e.validator)
        )
        findings = [finding for error in errors for finding in explain(error, data_file, self.languages)]
        return findings, frozenset(tuple(error.absolute_path) for error in errors)


def load(
    data_dir: Path,
    docs_dir: Path,
    languages: Languages,
    display_root: Path | None = None,
    allowed: frozenset[str] = frozenset(),
) -> PublicationData:
    """Read and check every data file; raises DataError listing every finding. `allowed`: the invisible
    characters the publication allows in its texts (allowed_characters.py)."""
    data = load_usable(data_dir, docs_dir, languages, display_root, allowed)
    if data.findings:
        raise DataError(data.findings)
    return data


def load_usable(
    data_dir: Path,
    docs_dir: Path,
    languages: Languages,
    display_root: Path | None = None,
    allowed: frozenset[str] = frozenset(),
) -> PublicationData:
    """Read and check every data file, for the live preview: the files that can be used despite their
    findings, and every finding. A file that names records of another that does not exist cannot be."""
    loading = _Loading(data_dir, docs_dir, languages, display_root or data_dir.parent, allowed)
    data_files = {}
    for yaml_path in sorted([*data_dir.glob("*.yml"), *data_dir.glob("*.yaml")]):
        if not followable(yaml_path, data_dir):
            continue  # a refused symbolic link, named by symbolic_links.py
        data_file = loading.read(yaml_path)
        if data_file is not None:
            data_files[data_file.name] = data_file
    references = check_references(data_files)
    loading.findings += references
    referring = {finding.file for finding in references}
    unusable = {
        name
        for name, data_file in data_files.items()
        if name not in loading.usable or data_file.display_path in referring
    }
    return PublicationData(
        files={name: data_file.content for name, data_file in data_files.items() if name not in unusable},
        findings=loading.findings,
        parsed={name: data_file for name, data_file in data_files.items() if name not in unusable},
        unusable={name: data_files[name].display_path for name in sorted(unusable)},
    )
