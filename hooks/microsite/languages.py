"""The publication's languages: which one is the source, where each lives in the site, what a page
is called in another language.

The first language is the source and is built into the site root; every other language is a
translation, built into `<code>/` with the same relative paths. This is the one place that knows it:
the build, the checks and the tests all ask a `Languages`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError


@dataclass(frozen=True)
class Languages:
    """Language codes, source (default) language first."""

    codes: tuple[str, ...]

    @property
    def source(self) -> str:
        return self.codes[0]

    @property
    def translations(self) -> tuple[str, ...]:
        return self.codes[1:]

    def root(self, language: str) -> str:
        """The language's folder in the site: '' for the source language, else 'en/'."""
        return "" if language == self.source else f"{language}/"

    def of_path(self, site_path: str) -> str:
        """The language a site-relative path belongs to, from its first folder."""
        first = site_path.split("/", 1)[0]
        return first if first in self.translations else self.source

    def counterpart(self, site_path: str, language: str) -> str:
        """The same page in another language: the same path below that language's folder."""
        return self.root(language) + site_path.removeprefix(self.root(self.of_path(site_path)))

    @staticmethod
    def name(language: str) -> str:
        """The language's English name, for messages to editors ('German')."""
        try:
            return Locale.parse(language).get_display_name("en") or language
        except (ValueError, UnknownLocaleError):
            return language

    @classmethod
    def of_project(cls, root: Path) -> Languages:
        """The languages of mkdocs.yml's i18n plugin, for commands that run without a build."""
        configured = _i18n_languages(root / "mkdocs.yml")
        default = [language["locale"] for language in configured if language.get("default")]
        others = [language["locale"] for language in configured if not language.get("default")]
        return cls(tuple(default + others))


class MkDocsYamlLoader(yaml.SafeLoader):
    """mkdocs.yml with its MkDocs-only tags (!ENV, …) read as nothing: their values do not matter here."""


MkDocsYamlLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


# A build reads mkdocs.yml for its languages and for several settings, and every rebuild of `mkdocs serve`
# again: each text is parsed once, and kept by the whole text (a file changed in any character is another
# text, parsed anew). What callers get is only read.
@functools.lru_cache(maxsize=2)
def mkdocs_yml_document(text: str) -> yaml.Node | None:
    """mkdocs.yml's text as YAML nodes, with the line of every value."""
    return yaml.compose(text, Loader=MkDocsYamlLoader)


@functools.lru_cache(maxsize=2)
def _mkdocs_yml_content(text: str) -> object:
    return yaml.load(text, Loader=MkDocsYamlLoader)


def _i18n_languages(mkdocs_yml: Path) -> list[dict]:
    try:
        config = _mkdocs_yml_content(mkdocs_yml.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ValueError(f"{mkdocs_yml}: cannot read it ({error})") from None
    for plugin in config.get("plugins", []) if isinstance(config, dict) else []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = (plugin["i18n"] or {}).get("languages") or []
            if languages:
                return languages
    raise ValueError(f"{mkdocs_yml}: no i18n plugin with languages under 'plugins:'")
