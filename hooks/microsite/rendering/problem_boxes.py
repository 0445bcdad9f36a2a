"""What the live preview shows of a build's problems on its pages (problems.py): which files each page
shows, and the box at the top of a page whose files have problems, in the page's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import upstream
from ..findings import Finding
from ..templates import FOLDER

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from ..state import BuildState


def note_page_source(state: BuildState, page: Page) -> None:
    """The page shows its own Markdown (a generated page's is no file, and shows what its markers read)."""
    state.problems.page_shows(upstream.page_file_path(page), f"docs/{upstream.page_source(page)}")


def show_problems_in_pages(state: BuildState) -> None:
    """Once every language is built: each page's problems at the top of its text (the live preview only)."""

    def box(page: str, findings: list[Finding]) -> str:
        language = state.languages.of_path(page)
        return state.templates.get_template(f"{FOLDER}/page-problems.html").render(
            label=lambda key, **values: state.words.label(language, key, **values),
            problems=[finding.text() for finding in findings],
        )

    state.problems.show_in_pages(state.site_dir, box)
