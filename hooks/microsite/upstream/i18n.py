"""What the generator takes from mkdocs-static-i18n: which languages are built, which one is being built
now, whether the last language build is done, and each language's site name and description. The plugin
builds the whole site once per language, the source language into the site root, then every other one
into `<code>/` from inside its own `on_post_build` (priority -100)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..languages import Languages
from .mkdocs import BuildError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def _i18n(config: MkDocsConfig) -> Any:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise BuildError("mkdocs.yml: the hooks need the 'i18n' plugin (mkdocs-static-i18n) under 'plugins:'.")
    return plugin


def built_languages(config: MkDocsConfig) -> Languages:
    """The languages this build makes, the one built into the site root first."""
    return Languages(tuple(_i18n(config).build_languages))


def current_language(config: MkDocsConfig) -> str:
    return _i18n(config).current_language


def language_display_name(config: MkDocsConfig, language: str) -> str:
    """The language's name in the selector, as mkdocs.yml gives it ('Deutsch')."""
    return _i18n(config).get_language_config(language).name


def is_last_language_build(config: MkDocsConfig) -> bool:
    """True in `on_post_build` of the outermost build, once every language has been written.

    The plugin builds the other languages inside its own `on_post_build` (priority -100) and sets
    `building` while it does; a hook running after it in the outer build sees it cleared again.
    """
    return not _i18n(config).building


def language_site_name(config: MkDocsConfig, language: str) -> str:
    """The site's name in a language, as mkdocs.yml gives it among the i18n plugin's languages
    ('Strong Cities'); the top-level `site_name` where the language gives none."""
    return _i18n(config).get_language_config(language).site_name or _configured(config, "site_name")


def language_site_description(config: MkDocsConfig, language: str) -> str | None:
    """The site's description in a language, like `language_site_name`."""
    return _i18n(config).get_language_config(language).site_description or _configured(config, "site_description")


def _configured(config: MkDocsConfig, key: str) -> Any:
    """A top-level setting as mkdocs.yml gives it: the plugin overwrites it in each language build
    and keeps the original (from the first language that overrides it) in `original_configs`."""
    return (getattr(_i18n(config), "original_configs", None) or {}).get(key, config[key])
