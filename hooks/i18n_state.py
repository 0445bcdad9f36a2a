"""What the i18n plugin knows about the build in progress, for the other hooks.

mkdocs-static-i18n builds the whole site once per language: the default language into the site root,
then, from its own `on_post_build`, every other language into `<locale>/`. Every hook event but
startup/shutdown/serve therefore runs once per language.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError


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
    return "" if language == default_language(config) else f"{language}/"


def language_of_url(config: MkDocsConfig, url: str) -> str:
    """The language a site-relative URL belongs to, from its first path segment."""
    for language in languages(config):
        if language != default_language(config) and url.startswith(f"{language}/"):
            return language
    return default_language(config)


def is_last_language_build(config: MkDocsConfig) -> bool:
    """True in `on_post_build` of the outermost build, once every language has been written.

    The plugin builds the other languages inside its own `on_post_build` (priority -100) and sets
    `building` while it does; a hook running after it in the outer build sees it cleared again.
    """
    return not _plugin(config).building
