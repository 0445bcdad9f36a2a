"""What the i18n plugin knows about the languages, for the hooks and the commands built on them.

mkdocs-static-i18n builds the whole site once per language: the default language into the site root,
then, from its own `on_post_build`, every other language into `<locale>/`. Every hook event but
startup/shutdown/serve therefore runs once per language.

The functions taking a config answer for the build in progress; `project_languages` reads the same
languages from mkdocs.yml for the commands that run without a build (checks, scaffolding).
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

LANGUAGE_NAMES = {"de": "German", "en": "English"}


def project_languages(root: Path) -> list[str]:
    """The languages of mkdocs.yml's i18n plugin, source (default) language first."""

    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses tags such as !ENV that only MkDocs knows; their values do not matter here.
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader) or {}
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = plugin["i18n"].get("languages", [])
            default = [lang["locale"] for lang in languages if lang.get("default")]
            return default + [lang["locale"] for lang in languages if not lang.get("default")]
    raise ValueError(f"{root / 'mkdocs.yml'}: no i18n plugin with languages")


def root_in(languages: list[str], language: str) -> str:
    """A language's folder in the site (languages: default first): '' or 'en/'."""
    return "" if language == languages[0] else f"{language}/"


def language_in(languages: list[str], url: str) -> str:
    """The language a site-relative URL belongs to, from its first path segment."""
    first = url.split("/", 1)[0]
    return first if first in languages[1:] else languages[0]


def _plugin(config: MkDocsConfig):
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("mkdocs.yml: the hooks need the 'i18n' plugin (mkdocs-static-i18n) under 'plugins:'.")
    return plugin


def current_language(config: MkDocsConfig) -> str:
    return _plugin(config).current_language


def default_language(config: MkDocsConfig) -> str:
    return _plugin(config).default_language


def languages(config: MkDocsConfig) -> list[str]:
    """The built languages, default language first."""
    return list(_plugin(config).build_languages)


def language_name(config: MkDocsConfig, language: str) -> str:
    return _plugin(config).get_language_config(language).name


def language_root(config: MkDocsConfig, language: str) -> str:
    """The language's folder in the site, relative to the site root: '' or 'en/'."""
    return root_in(languages(config), language)


def language_of_url(config: MkDocsConfig, url: str) -> str:
    return language_in(languages(config), url)


def is_last_language_build(config: MkDocsConfig) -> bool:
    """True in `on_post_build` of the outermost build, once every language has been written.

    The plugin builds the other languages inside its own `on_post_build` (priority -100) and sets
    `building` while it does; a hook running after it in the outer build sees it cleared again.
    """
    return not _plugin(config).building
