"""The Jinja templates that write the HTML of data markers: `overrides/partials/data/*.html`.

They are found where the theme finds its own templates (the project's overrides/ first, then Material),
like the partials Material's own hooks render. Autoescaping is on: a template escapes every data string
it writes, so the view models hold plain text.

The output is embedded in Markdown, so whitespace is part of the result: a block tag takes its line's
indentation and newline with it (lstrip_blocks, trim_blocks), and a template's last newline is kept,
so that every template writes whole lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# Below a template folder (overrides/, or the theme's own).
FOLDER = "partials/data"


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
    )


def theme_templates(config: MkDocsConfig) -> jinja2.Environment:
    """The templates of the build: searched like the theme's, in its custom_dir first."""
    return template_environment(config.theme.get_env().loader)


def folder_templates(folders: Sequence[Path]) -> jinja2.Environment:
    """The templates in these folders (such as the project's overrides/), for rendering without a build."""
    return template_environment(jinja2.FileSystemLoader([str(folder) for folder in folders]))
