"""Benchmark tool, not part of the site: a hook that writes every page's final Markdown (after the
project's hooks) with its front matter into $DUMP_MARKDOWN_TO, so that the same corpus can be built
without the project's hooks."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority


@event_priority(-1000)
def on_page_markdown(markdown, *, page, config, files):
    target = Path(os.environ["DUMP_MARKDOWN_TO"]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    meta = {key: value for key, value in page.meta.items() if key != "translated_from"}
    target.write_text(f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n{markdown}", encoding="utf-8")
    return markdown
