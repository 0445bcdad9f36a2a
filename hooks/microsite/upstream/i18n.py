"""What the generator takes from mkdocs-static-i18n: which languages are built, which one is being built
now, whether the last language build is done, each language's site name and description, its gathered
search entries, and its build of a further language (which another process may do instead). The plugin
builds the whole site once per language, the source language into the site root, then every other one
into `<code>/` from inside its own `on_post_build` (priority -100)."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ..languages import Languages
from .mkdocs import BuildError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files


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


def gathered_search_entries(config: MkDocsConfig) -> list[dict]:
    """The search entries the plugin has gathered from the language builds so far (each build's added in its
    `on_post_build`), which it merges into the search index once every language is built."""
    return _i18n(config).search_entries


def build_further_language(config: MkDocsConfig, language: str) -> None:
    """Builds `language` as the plugin builds a language after the first, from inside its `on_post_build`:
    the plugin set to that language and marked as building the further languages, the site folder not
    cleaned, MkDocs' per-build messages left out. For a process of its own that builds nothing else."""
    import mkdocs.utils
    from mkdocs.commands.build import build
    from mkdocs_static_i18n.utils import I18nLoggingFilter

    plugin = _i18n(config)
    plugin.current_language = language
    plugin.building = True
    mkdocs.utils.clean_directory = lambda folder: folder
    repeated = I18nLoggingFilter()
    repeated.filtered_prefixes.update(("Documentation built in", "Building documentation to directory"))
    logging.getLogger("mkdocs.commands.build").addFilter(repeated)
    build(config)


@contextlib.contextmanager
def languages_built_elsewhere(config: MkDocsConfig, built_elsewhere: Callable[[str], None]) -> Iterator[None]:
    """While it lasts, the plugin's build of each further language (in its `on_post_build`) is
    `built_elsewhere(language)` instead, which takes in that language's build done elsewhere."""
    import mkdocs_static_i18n.plugin

    build = mkdocs_static_i18n.plugin.build

    def take_in(config: MkDocsConfig, *, dirty: bool = False) -> None:
        built_elsewhere(current_language(config))

    mkdocs_static_i18n.plugin.build = take_in
    try:
        yield
    finally:
        mkdocs_static_i18n.plugin.build = build


def reconfigure_for_current_language(config: MkDocsConfig) -> None:
    """What the plugin's `on_config` does to the settings for the language now being built, without its
    message: after a further language's build, the one process's settings are that language's."""
    _i18n(config).reconfigure_mkdocs_config(config)


def builds_dirty() -> bool:
    """Whether the plugin builds the further languages with MkDocs' `--dirty` (it reads the command line)."""
    return "--dirty" in sys.argv or "--dirtyreload" in sys.argv


def file_at(files: Files, src_uri: str) -> File | None:
    """The file the plugin's lookup in a language build's `files` finds for `src_uri` ('de/x.md'): for a path in
    the language built or the source language its first choice is the file of exactly that path, found here
    without the plugin's path arithmetic (the articles' neighbours and the kept pages' links are thousands of
    lookups a build); any other path as the plugin finds it."""
    plugin = getattr(files, "plugin", None)
    if plugin is None or src_uri.split("/", 1)[0] in (plugin.current_language, plugin.default_language):
        found = files.src_uris.get(src_uri)
        if found is not None:
            return found
    return files.get_file_from_path(src_uri)


class LocalizedFiles:
    """Each language's Files as the plugin's `reconfigure_files` made them the last time, for a later build of the
    same process (the preview's next) that gives it the same files with the same settings: a new `File` for each
    of the thousands of an archive's files is most of that step, and a save adds, removes or renames none.

    Kept by everything the plugin reads (each file's paths, address, inclusion and content; the languages, the
    folders, the directory-URL setting), so that what a build gets is what the plugin would make. Each build gets
    copies of the kept files (MkDocs and the hooks set a file's page and inclusion), with their alternates copied
    alike. A result the plugin logged a warning for is not kept: a build that reuses it would not log it."""

    def __init__(self) -> None:
        self._made: dict[str, tuple[tuple, type, list[File]]] = {}

    def use_in(self, config: MkDocsConfig) -> None:
        """The plugin of the build `config` makes its files through this."""
        plugin = _i18n(config)
        make = plugin.reconfigure_files

        def reconfigure_files(files: Files, mkdocs_config: MkDocsConfig) -> Files:
            language = plugin.current_language
            key = _localizing_key(plugin, files, mkdocs_config)
            made = self._made.pop(language, None)
            if made is not None and made[0] == key:
                self._made[language] = made
                return made[1](plugin, _copied(made[2]))
            warnings = _WarningCount()
            logging.getLogger("mkdocs").addHandler(warnings)
            try:
                localized = make(files, mkdocs_config)
            finally:
                logging.getLogger("mkdocs").removeHandler(warnings)
            if not warnings.count:
                self._made[language] = (key, type(localized), _copied(list(localized)))
            return localized

        plugin.reconfigure_files = reconfigure_files


class _WarningCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _localizing_key(plugin: Any, files: Files, config: MkDocsConfig) -> tuple:
    """Everything the plugin's `reconfigure_files` reads: the same key, the same files made."""
    settings = (
        plugin.current_language,
        plugin.default_language,
        tuple(plugin.all_languages),
        tuple(plugin.build_languages),
        plugin.config.fallback_to_default,
        plugin.config.docs_structure,
        config.docs_dir,
        config.site_dir,
        config.use_directory_urls,
    )
    # A file's own fields (its paths, folders, inclusion, content and what was set or worked out of them) are all
    # it holds: what the plugin reads of it is made of them.
    return settings, tuple((type(file), sorted(vars(file).items())) for file in files)


def _copied(files: list[File]) -> list[File]:
    """A copy of each file, and of each of its alternates (a file among `files` copied once)."""
    copies: dict[int, File] = {}

    def copy_of(file: File) -> File:
        made = copies.get(id(file))
        if made is None:
            made = copies[id(file)] = object.__new__(type(file))
            made.__dict__.update(vars(file))
            alternates = getattr(file, "alternates", None)
            if alternates is not None:
                made.alternates = {language: copy_of(alternate) for language, alternate in alternates.items()}
        return made

    return [copy_of(file) for file in files]
