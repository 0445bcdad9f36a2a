"""The generator's own settings in mkdocs.yml (under `extra:`), read with the line of every value, so
that a wrong one is named by file and line, for the build and for the commands that run without it."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import yaml

from .findings import Finding
from .languages import mkdocs_yml_document


class SettingError(ValueError):
    """A setting mkdocs.yml gets wrong; `finding` names the line and what to write."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.text())
        self.finding = finding


def extra_setting(mkdocs_yml: Path, key: str, error: type[SettingError] = SettingError) -> yaml.Node | None:
    """The YAML node of `extra.<key>` (None where mkdocs.yml sets none); `error` if the file cannot be read."""
    try:
        document = mkdocs_yml_document(mkdocs_yml.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as problem:
        raise error(Finding(mkdocs_yml.name, 1, f"cannot read it ({problem})")) from None
    return _value(_value(document, "extra"), key)


def setting_line(mkdocs_yml: Path, key: str, path: tuple[str, ...] = ()) -> int:
    """The line of `extra.<key>` and, below it, of the deepest setting along `path` that is written (1 where
    mkdocs.yml sets none, or cannot be read)."""
    try:
        node = extra_setting(mkdocs_yml, key)
    except SettingError:
        return 1
    line = node.start_mark.line + 1 if node is not None else 1
    for part in path:
        node = _value(node, part)
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """The value of `key` in a mapping node; None if it is not a mapping or lacks the key."""
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for name, value in node.value if name.value == key), None)


def is_page_path(value: object) -> bool:
    """A Markdown page's path below the language folders: relative, ending in .md, no '.' or '..'."""
    if not isinstance(value, str):
        return False
    parts = PurePosixPath(value).parts
    return value.endswith(".md") and not value.startswith("/") and all(part not in (".", "..") for part in parts)
