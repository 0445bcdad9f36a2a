"""The Jinja templates that write the HTML of data markers: `overrides/partials/data/*.html`; and what
the process keeps of every template environment's work from one build to the next.

They are found where the theme finds its own templates (the project's overrides/ first, then Material),
like the partials Material's own hooks render. Autoescaping is on: a template escapes every data string
it writes, so the view models hold plain text.

The output is embedded in Markdown, so whitespace is part of the result: a block tag takes its line's
indentation and newline with it (lstrip_blocks, trim_blocks), and a template's last newline is kept,
so that every template writes whole lines.

**What every build would do again, each template's compilation and the list of the theme's files, is
kept for the process**, because it is what a build of a small site spends most of its time on: every
build makes new Jinja environments of the theme (MkDocs one per language build, Material's search one
for each word it translates, this module one per build for the data), and each compiled Material's
templates and the data templates anew, and listed Material's 14,000 files (its icons among them) to
find the few it copies: the largest part of a rebuild of `mkdocs serve` on a small site
(tests/benchmarks/README.md). MkDocs makes each of them with `Theme.get_env`, which upstream/mkdocs.py hands to
`theme_environment` here:

- `COMPILED` keeps the compiled code of every template by its name, its file and the settings of the
  environment that compiled it (those that change the code: delimiters, whitespace, autoescaping,
  extensions, filters and tests), with a checksum of its source, as Jinja's `BytecodeCache` does. A
  template whose source differs in any character is compiled again, and replaces it;
- `LISTINGS` keeps the names of the files below each folder of the theme with the identity and the
  modification time of every directory in it: a file added, removed or renamed anywhere in it changes a
  directory's time, and the folder is listed again. A folder changed in the second before it was listed
  is not kept (a file system's clock may not tick between two changes that close together). Hidden
  files and folders are not listed, as MkDocs never copies them: Material's 14,000 icons are in one.

Neither is state of one build that another could see: what a later build gets from them is exactly
what compiling the same source or listing the same folders would give it (templates, their globals and
everything they render are made anew in each environment from the code), so nothing of them shows in
the output. They hold one entry per template file and per folder, and nothing else.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import CodeType
from typing import TYPE_CHECKING

import jinja2
from jinja2.bccache import Bucket
from jinja2.loaders import split_template_path

from .symbolic_links import followable

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# Below a template folder (overrides/, or the theme's own).
FOLDER = "partials/data"


class CompiledTemplates(jinja2.BytecodeCache):
    """The compiled code of templates, kept while their source stays the same (see the module's docstring)."""

    def __init__(self) -> None:
        # (the compiling environment's settings, template name, file) → (source checksum, code)
        self._code: dict[tuple[str, str, str | None], tuple[str, CodeType]] = {}

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None, source: str) -> Bucket:
        # Jinja's own key is the name and file only: two environments that compile the same file
        # differently (the theme's, without autoescaping, and the data's) must not share its code.
        checksum = hashlib.sha256(source.encode("utf-8")).hexdigest()
        bucket = Bucket(environment, (compile_settings(environment), name, filename), checksum)
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self._code.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self._code.clear()


class FolderListings:
    """The names of the files below folders, as Jinja's FileSystemLoader lists them but for hidden ones,
    kept while no directory in them changes (see the module's docstring)."""

    # A directory whose time is closer than this to the listing is not trusted to show the next change.
    SETTLED_SECONDS = 1.0

    def __init__(self) -> None:
        # (folder, whether symbolic links are followed) → (each directory's identity and time, the names)
        self._listings: dict[tuple[str, bool], tuple[dict[str, tuple | None], tuple[str, ...]]] = {}

    def names(self, folder: str, followlinks: bool) -> list[str]:
        key = (folder, followlinks)
        kept = self._listings.get(key)
        if kept is not None and all(_directory_state(path) == state for path, state in kept[0].items()):
            return list(kept[1])
        # Whatever changes from now on has a later time than this, and is seen at the next call.
        settled = (time.time() - self.SETTLED_SECONDS) * 1e9
        directories, names = _listed(folder, followlinks)
        if all(state is not None and state[2] < settled for state in directories.values()):
            self._listings[key] = (directories, tuple(names))
        else:
            self._listings.pop(key, None)
        return names


def _listed(folder: str, followlinks: bool) -> tuple[dict[str, tuple | None], list[str]]:
    """Each directory below `folder` (and itself) with its state, and the names of the files in them as
    Jinja's FileSystemLoader.list_templates gives them ('partials/footer.html'), leaving out hidden files
    and folders (a name that starts with '.'): MkDocs lists a theme's files only to copy them, and never
    copies a hidden one (add_files_from_theme); Material's `.icons` are 14,000 files its templates include
    by name."""
    directories = {folder: _directory_state(folder)}
    names = set()
    for path, folders, files in os.walk(folder, followlinks=followlinks):
        folders[:] = [name for name in folders if not name.startswith(".")]
        directories[path] = _directory_state(path)
        for file in files:
            if not file.startswith("."):
                name = os.path.join(path, file)[len(folder) :].strip(os.path.sep).replace(os.path.sep, "/")
                names.add(name.removeprefix("./"))
    return directories, sorted(names)


def _directory_state(path: str) -> tuple[int, int, int] | None:
    """Which directory is at `path` (device, inode) and when its entries last changed; None if none is."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_dev, status.st_ino, status.st_mtime_ns)


class ThemeFolders(jinja2.FileSystemLoader):
    """The loader MkDocs makes for the theme (the same folders, searched the same way), listing their
    files but the hidden ones from LISTINGS, and loading a template only from inside its folder: one that
    is a refused symbolic link (symbolic_links.py) is passed over, as if the folder did not have it."""

    def list_templates(self) -> list[str]:
        return sorted({name for folder in self.searchpath for name in LISTINGS.names(folder, self.followlinks)})

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for folder in self.searchpath:
            candidate = Path(folder, *pieces)
            if candidate.is_file() and followable(candidate, Path(folder)):
                return jinja2.FileSystemLoader(folder, self.encoding).get_source(environment, template)
        raise jinja2.TemplateNotFound(template)


def compile_settings(environment: jinja2.Environment) -> str:
    """What of an environment goes into a template's compiled code besides its source: the lexer's
    delimiters and whitespace rules, autoescaping, finalize, optimizing, async, the extensions, the
    filters and tests (which the compiler looks up, and applies to constants), and the policies."""
    settings = (
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
        environment.autoescape,
        environment.finalize,
        environment.optimized,
        environment.is_async,
        sorted(environment.extensions),
        # The i18n extension compiles `{% trans %}` by this setting (absent without it).
        getattr(environment, "newstyle_gettext", None),
        sorted(environment.filters.items()),
        sorted(environment.tests.items()),
        sorted(environment.policies.items()),
    )
    return repr(settings)


# The process's only caches (see the module's docstring for why they may outlive a build).
COMPILED = CompiledTemplates()
LISTINGS = FolderListings()


def template_environment(loader: jinja2.BaseLoader) -> jinja2.Environment:
    return jinja2.Environment(
        loader=loader,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # A name missing from a view model is an error, not an empty string in the page.
        undefined=jinja2.StrictUndefined,
        # A build reads each template once; `mkdocs serve` starts a new build, with new templates.
        auto_reload=False,
        bytecode_cache=COMPILED,
    )


def theme_environment(environment: jinja2.Environment) -> jinja2.Environment:
    """An environment of the theme as MkDocs makes it, with its templates' code taken from COMPILED where
    their source is unchanged, and its folders' files listed from LISTINGS."""
    loader = environment.loader
    if type(loader) is jinja2.FileSystemLoader:
        environment.loader = ThemeFolders(loader.searchpath, encoding=loader.encoding, followlinks=loader.followlinks)
    environment.bytecode_cache = COMPILED
    return environment


def theme_templates(config: MkDocsConfig) -> jinja2.Environment:
    """The templates of the build: searched like the theme's, in its custom_dir first."""
    return template_environment(config.theme.get_env().loader)


def folder_templates(folders: Sequence[Path]) -> jinja2.Environment:
    """The templates in these folders (such as the project's overrides/), for rendering without a build."""
    return template_environment(jinja2.FileSystemLoader([str(folder) for folder in folders]))
