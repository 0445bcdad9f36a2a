"""The publication's data (`data/*.yml`): loaded, checked against `data/*.schema.json`, explained.

Every problem an editor can make becomes one line, `file:line:column: field.path: what is wrong – what
to do`, and the build stops with all of them at once; no Python traceback reaches the editor, and no
file is changed. The same check runs without a build: `python hooks/publication_data.py`.

Data is loaded in `on_config`, once per build (the i18n plugin builds its other languages with the
same config object), and kept on that config object only, so `mkdocs serve` never shows data from
an earlier build.
"""

from __future__ import annotations

import datetime
import functools
import json
import logging
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from referencing import Registry, Resource

from i18n_state import LANGUAGE_NAMES, project_languages

SCHEMA_SUFFIX = ".schema.json"
TYPE_NAMES = {
    "object": "a group of fields",
    "array": "a list (lines starting with '- ')",
    "string": "a text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "nothing",
}
# Lists of records whose ids must be unique, per data file.
RECORD_LISTS = {
    "partnerships": "partnerships",
    "timeline": "events",
    "networks": "networks",
    "recommendations": "recommendations",
    "figures": "figures",
    "people": "people",
}

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class DataError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        header = f"The publication data has {count} problem{'s' if count != 1 else ''}:"
        super().__init__("\n".join([header, *map(str, problems)]))


@dataclass
class DataFile:
    """One data file: its content and where each value (and each mapping key) was written."""

    name: str
    display_path: str
    content: Any = None
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    valid: bool = False

    def position(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        if key and path in self.key_positions:
            return self.key_positions[path]
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def problem(self, path: Path_, message: str, *, key: bool = False) -> Problem:
        line, column = self.position(path, key=key)
        return Problem(self.display_path, line, column, format_path(path), message)


@dataclass
class PublicationData:
    """The checked data, as plain mappings and lists; a file that does not exist is None.

    In the live preview, data with problems is not used at all: `problems` lists them instead.
    """

    files: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)
    # The parsed files with the line of every value, for the parity check in the same build.
    parsed: dict[str, DataFile] = field(default_factory=dict)

    def get(self, name: str) -> Any:
        return self.files.get(name)

    def records(self, name: str) -> list[dict]:
        content = self.files.get(name)
        return content[RECORD_LISTS[name]] if content else []

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


def format_path(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


# libyaml's parser where PyYAML has it (several times faster, with the same line and column marks).
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """YAML as written: dates stay text (checked by the schema), not Python dates."""


_Loader.yaml_implicit_resolvers = {
    first: [resolver for resolver in resolvers if resolver[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _construct(loader: _Loader, node: yaml.Node, path: Path_, data_file: DataFile, problems: list[Problem]) -> Any:
    data_file.positions[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key_path = (*path, str(key))
            if key in mapping:
                first_line = data_file.key_positions[key_path][0]
                problems.append(Problem(data_file.display_path, *_mark(key_node), format_path(key_path), f"the field '{key}' is written twice (first on line {first_line}) – keep one of them"))
                continue
            data_file.key_positions[key_path] = _mark(key_node)
            mapping[str(key)] = _construct(loader, value_node, key_path, data_file, problems)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [_construct(loader, item, (*path, index), data_file, problems) for index, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def parse_yaml(text: str, data_file: DataFile) -> list[Problem]:
    """Fill `data_file` from YAML text; returns the problems (syntax errors, repeated fields)."""
    problems: list[Problem] = []
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data_file.content = None if node is None else _construct(loader, node, (), data_file, problems)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(part for part in (error.context, error.problem) if part)
        problems.append(Problem(data_file.display_path, line, column, "", f"YAML syntax error: {what} – check the indentation, the colons and the quotes on this line and the one above"))
    except yaml.YAMLError as error:
        problems.append(Problem(data_file.display_path, 1, 1, "", f"YAML syntax error: {error} – check the file's structure"))
    finally:
        loader.dispose()
    return problems


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {value!r}" if value.strip() else "an empty text"
    return repr(value)


def _is_text(schema: dict) -> bool:
    return set(schema.get("properties", {})) == set(LANGUAGE_NAMES)


def explain(error: ValidationError, data_file: DataFile) -> list[Problem]:
    """A schema violation as problems an editor can act on."""
    path: Path_ = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    hint = schema.get("x-hint")
    kind = error.validator
    if kind == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        problems = []
        for name in missing:
            if _is_text(schema):
                message = f"missing {LANGUAGE_NAMES[name]} translation – add '{name}: …' with the {LANGUAGE_NAMES[name]} text"
            else:
                description = schema.get("properties", {}).get(name, {}).get("description", "")
                message = f"missing required field '{name}' – add '{name}:'" + (f" ({description})" if description else "")
            problems.append(data_file.problem(path, message))
        return problems
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        problems = []
        for name in sorted(set(error.instance) - set(allowed)):
            if _is_text(schema):
                message = f"unknown language '{name}' – texts have exactly 'de' and 'en'"
            else:
                message = f"unknown field '{name}' – remove it or correct its spelling (allowed here: {', '.join(allowed)})"
            problems.append(data_file.problem((*path, name), message, key=True))
        return problems
    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        wanted = " or ".join(TYPE_NAMES.get(name, name) for name in expected)
        message = f"expected {wanted}, found {describe(error.instance)}"
        return [data_file.problem(path, f"{message} – {hint}" if hint else message)]
    if kind == "pattern":
        if path and path[-1] in LANGUAGE_NAMES and not str(error.instance).strip():
            language = path[-1]
            return [data_file.problem(path, f"empty {LANGUAGE_NAMES[language]} translation – write the {LANGUAGE_NAMES[language]} text")]
        if not str(error.instance).strip():
            return [data_file.problem(path, "empty text – write the text or remove the field")]
        return [data_file.problem(path, f"{describe(error.instance)} is not valid – {hint or 'see the field description in the schema'}")]
    if kind in ("minimum", "maximum"):
        low, high = schema.get("minimum"), schema.get("maximum")
        bounds = f"between {low} and {high}" if low is not None and high is not None else (f"at least {low}" if kind == "minimum" else f"at most {high}")
        return [data_file.problem(path, f"{error.instance!r} is out of range: it must be {bounds}" + (f" – {hint}" if hint else ""))]
    if kind == "enum":
        options = ", ".join(map(str, error.validator_value))
        return [data_file.problem(path, f"{describe(error.instance)} is not allowed here – use one of: {options}")]
    if kind == "minItems":
        count = error.validator_value
        return [data_file.problem(path, f"the list needs at least {count} entr{'y' if count == 1 else 'ies'} – add one")]
    return [data_file.problem(path, error.message)]


def _schema_registry(schemas: dict[str, dict]) -> Registry:
    return Registry().with_resources((schema["$id"], Resource.from_contents(schema)) for schema in schemas.values())


def check_schema(data_file: DataFile, schema: dict, registry: Registry) -> list[Problem]:
    validator = Draft202012Validator(schema, registry=registry)
    problems = []
    for error in sorted(validator.iter_errors(data_file.content), key=lambda e: (list(map(str, e.absolute_path)), e.validator)):
        problems += explain(error, data_file)
    return problems


def check_schema_line(text: str, data_file: DataFile) -> list[Problem]:
    expected = f"# yaml-language-server: $schema=./{data_file.name}{SCHEMA_SUFFIX}"
    first_line = text.split("\n", 1)[0].strip()
    if first_line != expected:
        return [Problem(data_file.display_path, 1, 1, "", f"the first line must be '{expected}' – it lets editors' IDEs check this file while typing")]
    return []


def check_dates(data_file: DataFile) -> list[Problem]:
    problems = []
    for index, event in enumerate(data_file.content.get("events", [])):
        value = str(event["date"])
        parts = [int(part) for part in value.split("-")]
        try:
            datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            problems.append(data_file.problem(("events", index, "date"), f"impossible date {value!r} – there is no such {'day' if len(parts) == 3 else 'month'}; write it as YYYY, YYYY-MM or YYYY-MM-DD"))
        if "season" in event and len(parts) > 1:
            problems.append(data_file.problem(("events", index, "season"), f"a season belongs to a year alone, but the date is {value!r} – write the year only, or remove 'season'"))
    return problems


def check_unique_ids(data_file: DataFile) -> list[Problem]:
    problems = []
    list_name = RECORD_LISTS.get(data_file.name)
    first_seen: dict[str, int] = {}
    for index, record in enumerate(data_file.content.get(list_name, []) if list_name else []):
        record_id = record["id"]
        if record_id in first_seen:
            line = data_file.position((list_name, first_seen[record_id], "id"))[0]
            problems.append(data_file.problem((list_name, index, "id"), f"duplicate id {record_id!r} (first used on line {line}) – give each record its own id"))
        else:
            first_seen[record_id] = index
    return problems


def check_references(data_files: dict[str, DataFile]) -> list[Problem]:
    partnerships = data_files.get("partnerships")
    if partnerships is None or not partnerships.valid:
        return []
    known = [record["id"] for record in partnerships.content["partnerships"]]
    problems = []

    def check(data_file: DataFile, path: Path_, value: str) -> None:
        if value not in known:
            problems.append(data_file.problem(path, f"unknown partnership {value!r} – use one of the ids in {partnerships.display_path}: {', '.join(known)}"))

    timeline = data_files.get("timeline")
    if timeline is not None and timeline.valid:
        for index, event in enumerate(timeline.content["events"]):
            if "partnership" in event:
                check(timeline, ("events", index, "partnership"), event["partnership"])
    networks = data_files.get("networks")
    if networks is not None and networks.valid:
        for index, network in enumerate(networks.content["networks"]):
            for position, value in enumerate(network.get("partnerships", [])):
                check(networks, ("networks", index, "partnerships", position), value)
    return problems


def _article_sources(content: Any, path: Path_ = ()) -> list[tuple[Path_, dict]]:
    """Every `{page, passage}` source in a data file, with its path."""
    found = []
    if isinstance(content, dict):
        if set(content) == {"page", "passage"}:
            return [(path, content)]
        for key, value in content.items():
            found += _article_sources(value, (*path, key))
    elif isinstance(content, list):
        for index, value in enumerate(content):
            found += _article_sources(value, (*path, index))
    return found


def _page_text(markdown: str) -> str:
    body = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.DOTALL)
    return " ".join(body.split())


def check_sources(data_file: DataFile, docs_dir: Path, languages: list[str], page_texts: dict[Path, str | None]) -> list[Problem]:
    problems = []
    for path, source in _article_sources(data_file.content):
        for language in languages:
            page = docs_dir / language / source["page"]
            if page not in page_texts:
                page_texts[page] = _page_text(page.read_text(encoding="utf-8")) if page.is_file() else None
            text = page_texts[page]
            shown = f"docs/{language}/{source['page']}"
            if text is None:
                problems.append(data_file.problem((*path, "page"), f"the article page {shown} does not exist – name a page that exists in every language folder"))
                break
            if " ".join(source["passage"][language].split()) not in text:
                problems.append(data_file.problem((*path, "passage", language), f"this passage is not in {shown} – quote the article word for word (same quotes, dashes and spelling)"))
    return problems


def load(data_dir: Path, docs_dir: Path, languages: list[str], display_root: Path | None = None) -> PublicationData:
    """Read and check every data file; raises DataError listing every problem."""
    display_root = display_root or data_dir.parent

    def shown(path: Path) -> str:
        try:
            return path.relative_to(display_root).as_posix()
        except ValueError:
            return path.as_posix()

    problems: list[Problem] = []
    schemas: dict[str, dict] = {}
    for schema_path in sorted(data_dir.glob(f"*{SCHEMA_SUFFIX}")):
        try:
            schemas[schema_path.name.removesuffix(SCHEMA_SUFFIX)] = json.loads(schema_path.read_text(encoding="utf-8"))
        except ValueError as error:
            problems.append(Problem(shown(schema_path), 1, 1, "", f"the schema is not valid JSON: {error} – restore it from version control"))
    registry = _schema_registry(schemas)
    data_files: dict[str, DataFile] = {}
    page_texts: dict[Path, str | None] = {}
    for yaml_path in sorted([*data_dir.glob("*.yml"), *data_dir.glob("*.yaml")]):
        name = yaml_path.stem
        data_file = DataFile(name=name, display_path=shown(yaml_path))
        if name not in schemas or name == "common":
            known = ", ".join(f"{n}.yml" for n in sorted(schemas) if n != "common")
            problems.append(Problem(data_file.display_path, 1, 1, "", f"no schema {name}{SCHEMA_SUFFIX} for this file – rename it to one of: {known}"))
            continue
        try:
            text = yaml_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(data_file.display_path, 1, 1, "", f"cannot read the file: {error} – save it as UTF-8 text"))
            continue
        file_problems = check_schema_line(text, data_file)
        parse_problems = parse_yaml(text, data_file)
        file_problems += parse_problems
        if not any("YAML syntax error" in p.message for p in parse_problems):
            schema_problems = check_schema(data_file, schemas[name], registry)
            file_problems += schema_problems
            data_file.valid = not schema_problems
        if data_file.valid:
            file_problems += check_unique_ids(data_file) + check_dates(data_file)
            file_problems += check_sources(data_file, docs_dir, languages, page_texts)
        # In the order an editor reads the file.
        problems += sorted(file_problems, key=lambda problem: (problem.line, problem.column))
        data_files[name] = data_file
    problems += check_references(data_files)
    if problems:
        raise DataError(problems)
    return PublicationData(files={name: data_file.content for name, data_file in data_files.items()}, parsed=data_files)


def _languages(config: MkDocsConfig) -> list[str]:
    plugin = config.plugins.get("i18n")
    return list(plugin.build_languages) if plugin is not None else [config.theme.get("language", "en")]


def data_dir_of(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "data"


def of(config: MkDocsConfig) -> PublicationData:
    """The data loaded for this build (see on_config)."""
    data = getattr(config, "publication_data", None)
    if data is None:
        raise PluginError("mkdocs.yml: hooks/publication_data.py must be listed under 'hooks:' before the hooks that use the data.")
    return data


# The command MkDocs runs, from on_startup: the same for the whole process (serve never reloads
# hooks), so unlike anything about a build it may live here.
_command: dict[str, str] = {}
log = logging.getLogger("mkdocs.hooks.publication_data")


def on_startup(*, command: str, dirty: bool) -> None:
    _command["name"] = command


def is_preview() -> bool:
    """True under `mkdocs serve`: problems are shown as warnings and the preview goes on."""
    return _command.get("name") == "serve"


# First, so that every later hook of this build finds the data.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The i18n plugin builds the other languages with this same config object: load the data once
    # per build. (Every build, and every rebuild of the preview, starts with a new config.)
    if getattr(config, "publication_data", None) is not None:
        return config
    try:
        config.publication_data = load(data_dir_of(config), Path(config.docs_dir), _languages(config))
    except DataError as error:
        if not is_preview():
            raise PluginError(str(error)) from None
        for problem in error.problems:
            log.warning(str(problem))
        config.publication_data = PublicationData(files={}, problems=error.problems)
    return config


def main(argv: list[str]) -> int:
    """Check the data without building: exit 0 when clean, 1 on problems, 2 on usage errors."""
    if len(argv) > 1 or (argv and argv[0] in ("-h", "--help")):
        print("usage: python hooks/publication_data.py [PROJECT_DIR]", file=sys.stderr)
        return 2
    root = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent
    if not (root / "data").is_dir() or not (root / "docs").is_dir():
        print(f"{root}: no data/ and docs/ folders here – run this from the project, or name its folder", file=sys.stderr)
        return 2
    try:
        data = load(root / "data", root / "docs", project_languages(root), display_root=root)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    count = sum(len(data.records(name)) for name in RECORD_LISTS if data.get(name))
    print(f"data/: {count} records, no problems")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
