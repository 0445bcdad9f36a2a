"""The generator's settings in mkdocs.yml, read once into one `Settings`, with the line of every value, so
that a wrong one is named by file and line. The build reads them from its config's file when it starts,
the command line from the project's; each setting's meaning is in the module that uses it:

- `plugins: i18n: languages`: the languages (languages.py);
- `extra.translation_policy`: what a lagging translation does (translation_policy.py);
- `extra.footer_pages`: the written pages every footer links (site_output/footer.py);
- `extra.publisher`: who publishes the site (publisher.py);
- `extra.third_party_hosts`: the hosts pages may load from (third_party_settings.py);
- `extra.allowed_invisible_characters`: what pasted text may hold (allowed_characters.py);
- `extra.accessibility_measurements`: the file of measured figures the accessibility statement states
  (measurements.py).

MkDocs resolves `!ENV` tags when it loads the file; this reader resolves them the same way (the first
variable set, else the default), so that the build and the command line see the same values.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml

from .allowed_characters import AllowedCharacters, allowed_characters
from .findings import Finding
from .languages import Languages, is_page_path
from .third_party_settings import DeclaredHost, declared_hosts
from .translation_policy import PolicyError, TranslationPolicy, translation_policy

MKDOCS_YML = "mkdocs.yml"
FOOTER_PAGES = "footer_pages"
FOOTER_EXAMPLE = "[legal-notice.md, privacy.md]"
MEASUREMENTS = "accessibility_measurements"
MEASUREMENTS_EXAMPLE = ".measurements/accessibility.json"


class SettingError(ValueError):
    """A setting mkdocs.yml gets wrong, or the file itself; `finding` names the line and what to write."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.text())
        self.finding = finding


@dataclass(frozen=True)
class FooterPage:
    # Below the language folders ('legal-notice.md').
    path: str
    line: int


@dataclass(frozen=True)
class Settings:
    """What mkdocs.yml sets for the generator. A setting written wrongly has its default here and a
    finding in its `…_problem(s)`, which the step that uses it reports (in the preview, the site is
    built without it)."""

    # The file as messages name it ('mkdocs.yml').
    file: str
    # The languages of the i18n plugin; None where mkdocs.yml configures none (`project_languages` says so).
    languages: Languages | None
    translation_policy: TranslationPolicy = field(default_factory=TranslationPolicy)
    translation_policy_problem: Finding | None = None
    footer_pages: tuple[FooterPage, ...] = ()
    footer_pages_problem: Finding | None = None
    # `extra.publisher` as written (publisher.py reads it, for the languages of the site).
    publisher: object = None
    third_party_hosts: tuple[DeclaredHost, ...] = ()
    third_party_host_problems: tuple[Finding, ...] = ()
    allowed_characters: AllowedCharacters = field(default_factory=AllowedCharacters)
    # The measurements file, relative to the project's folder; None where none is named.
    accessibility_measurements: PurePosixPath | None = None
    accessibility_measurements_problem: Finding | None = None
    # mkdocs.yml as YAML nodes: the lines of `extra.<key>` settings, and MkDocs' and Material's own
    # settings that third_party_settings.py checks.
    document: yaml.Node | None = field(default=None, repr=False, compare=False)

    def checked_languages(self) -> Languages:
        """The languages; SettingError where mkdocs.yml configures none."""
        if self.languages is None:
            message = "no i18n plugin with languages under 'plugins:' – add mkdocs-static-i18n with its languages"
            raise SettingError(Finding(self.file, 1, message))
        return self.languages

    def checked_translation_policy(self) -> TranslationPolicy:
        """The translation policy; PolicyError where mkdocs.yml sets it wrongly."""
        if self.translation_policy_problem is not None:
            raise PolicyError(self.translation_policy_problem)
        return self.translation_policy

    def line(self, key: str, path: tuple[str, ...] = ()) -> int:
        """The line of `extra.<key>` and, below it, of the deepest setting along `path` that is written (1
        where mkdocs.yml sets none)."""
        node = node_value(node_value(self.document, "extra"), key)
        line = node.start_mark.line + 1 if node is not None else 1
        for part in path:
            node = node_value(node, part)
            if node is None:
                break
            line = node.start_mark.line + 1
        return line


def read_settings(mkdocs_yml: Path) -> Settings:
    """The settings mkdocs.yml sets; SettingError where the file cannot be read as YAML."""
    try:
        text = mkdocs_yml.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as problem:
        raise SettingError(Finding(mkdocs_yml.name, 1, f"cannot read it ({problem})")) from None
    return _settings(text, mkdocs_yml.name)


def project_settings(project: Path) -> Settings:
    """The settings of the project in `project` (the folder of mkdocs.yml)."""
    return read_settings(project / MKDOCS_YML)


def project_languages(project: Path) -> Languages:
    """The languages mkdocs.yml's i18n plugin configures, for commands that run without a build."""
    return project_settings(project).checked_languages()


# The build reads mkdocs.yml once when it starts, and every rebuild of `mkdocs serve` again; the command line
# once a command. Each text is read once, and kept by the whole text and the environment's variables
# (a file changed in any character is another text, read anew). What callers get is frozen.
def _settings(text: str, shown: str) -> Settings:
    return _settings_of(text, shown, tuple(sorted(os.environ.items())))


@functools.lru_cache(maxsize=2)
def _settings_of(text: str, shown: str, environment: tuple[tuple[str, str], ...]) -> Settings:
    loader = MkDocsYamlLoader(text, dict(environment))
    try:
        document = loader.get_single_node()
        content = loader.construct_document(document) if document is not None else None
    except yaml.YAMLError as problem:
        raise SettingError(Finding(shown, 1, f"cannot read it ({problem})")) from None
    finally:
        loader.dispose()
    content = content if isinstance(content, Mapping) else {}
    extra = content.get("extra") if isinstance(content.get("extra"), Mapping) else {}
    extra_nodes = node_value(document, "extra")
    policy, policy_problem = translation_policy(node_value(extra_nodes, "translation_policy"), shown)
    footer_pages, footer_problem = _footer_pages(node_value(extra_nodes, FOOTER_PAGES), shown)
    hosts, host_problems = declared_hosts(node_value(extra_nodes, "third_party_hosts"), shown)
    measurements, measurements_problem = _measurements(node_value(extra_nodes, MEASUREMENTS), extra, shown)
    return Settings(
        file=shown,
        languages=_languages(content),
        translation_policy=policy,
        translation_policy_problem=policy_problem,
        footer_pages=footer_pages,
        footer_pages_problem=footer_problem,
        publisher=extra.get("publisher"),
        third_party_hosts=tuple(hosts),
        third_party_host_problems=tuple(host_problems),
        allowed_characters=allowed_characters(node_value(extra_nodes, "allowed_invisible_characters"), shown),
        accessibility_measurements=measurements,
        accessibility_measurements_problem=measurements_problem,
        document=document,
    )


class MkDocsYamlLoader(yaml.SafeLoader):
    """mkdocs.yml: `!ENV` resolved as MkDocs resolves it, in the environment given; its other tags (Python
    names for Markdown extensions) read as nothing, as their values do not matter here."""

    def __init__(self, text: str, environment: Mapping[str, str]) -> None:
        super().__init__(text)
        self.environment = environment


def _environment_value(loader: MkDocsYamlLoader, node: yaml.Node) -> object:
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`: the first variable set, typed as YAML types it;
    else the default (None without one)."""
    default, names = None, []
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode):
        children = node.value
        if len(children) > 1:
            default, children = loader.construct_object(children[-1]), children[:-1]
        names = [loader.construct_scalar(child) for child in children]
    for name in names:
        if name in loader.environment:
            value = loader.environment[name]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


MkDocsYamlLoader.add_constructor("!ENV", _environment_value)
MkDocsYamlLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
MkDocsYamlLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _languages(content: Mapping) -> Languages | None:
    plugins = content.get("plugins")
    for plugin in plugins if isinstance(plugins, list) else []:
        if isinstance(plugin, Mapping) and "i18n" in plugin:
            configured = (plugin["i18n"] or {}).get("languages") or []
            default = [language["locale"] for language in configured if language.get("default")]
            others = [language["locale"] for language in configured if not language.get("default")]
            if default or others:
                return Languages(tuple(default + others))
    return None


def _footer_pages(setting: yaml.Node | None, shown: str) -> tuple[tuple[FooterPage, ...], Finding | None]:
    """The page paths `extra.footer_pages` names; whether each is written is the build's to check."""
    if setting is None:
        return (), None
    if not isinstance(setting, yaml.SequenceNode):
        message = f"extra.{FOOTER_PAGES} must be a list of page paths – write e.g. '{FOOTER_PAGES}: {FOOTER_EXAMPLE}'"
        return (), Finding(shown, setting.start_mark.line + 1, message)
    pages = []
    for item in setting.value:
        line = item.start_mark.line + 1
        text = isinstance(item, yaml.ScalarNode) and item.tag == "tag:yaml.org,2002:str"
        if not (text and is_page_path(item.value)):
            written = item.value if isinstance(item, yaml.ScalarNode) else "a list or mapping"
            message = (
                f"extra.{FOOTER_PAGES}: '{written}' is no page path – write a path below the language folders "
                f"ending in .md, e.g. '{FOOTER_PAGES}: {FOOTER_EXAMPLE}'"
            )
            return (), Finding(shown, line, message)
        pages.append(FooterPage(item.value, line))
    return tuple(pages), None


def _measurements(setting: yaml.Node | None, extra: Mapping, shown: str) -> tuple[PurePosixPath | None, Finding | None]:
    """The measurements file `extra.accessibility_measurements` names (through `!ENV`, as CI sets it)."""
    value = extra.get(MEASUREMENTS)
    if setting is None or value is None or value == "":
        return None, None
    path = PurePosixPath(str(value))
    if not isinstance(value, str) or path.is_absolute() or ".." in path.parts or "\\" in value:
        message = (
            f"extra.{MEASUREMENTS}: '{value}' is no path inside the project – write the file's path relative "
            f"to the folder of mkdocs.yml, e.g. {MEASUREMENTS_EXAMPLE}"
        )
        return None, Finding(shown, setting.start_mark.line + 1, message)
    return path, None


def node_value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """The value of `key` in a mapping node; None if it is not a mapping or lacks the key."""
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for name, value in node.value if name.value == key), None)
