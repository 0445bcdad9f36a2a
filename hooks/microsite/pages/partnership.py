"""One page per partnership (data/partnerships.yml) in every language, at `<page_folder>/<id>.html`; its
marker renders the record (rendering/partnership_page.py)."""

from __future__ import annotations

from ..language_texts import in_language
from ..publication import GeneratedPage, Publication
from .markdown import page_markdown


def partnership_pages(state: Publication) -> dict[str, GeneratedPage]:
    partnerships_file = state.data.get("partnerships")
    if partnerships_file is None:
        return {}
    folder, source = partnerships_file["page_folder"], state.languages.source
    return {
        f"{language}/{folder}/{record['id']}.md": GeneratedPage(
            page_markdown(
                in_language(record["city"]["name"], language, source).text,
                in_language(record["summary"], language, source).text,
                f"partnership {record['id']}",
            ),
            "data/partnerships.yml – delete the file (edit the data instead) or give the partnership another id",
        )
        for language in state.languages.codes
        for record in partnerships_file["partnerships"]
    }
