"""What every kind of page renders with: the RenderContext, the data markers any written page may hold
(record lists, the partnership map, the timeline, the latest articles), the article's card, header and
citation, the outdated notice; the pages generated from data added to the build; and the source
language's files (pictures, …) that serve its translations too. Each kind of generated page renders
its own marker in pages/, which also holds the table of every marker (pages/data_markers.py).

The HTML comes from the templates in `overrides/partials/data/` (see templates.py); each `render_*`
function builds its view model from a RenderContext and renders one of them.
"""

from ..templates import folder_templates, theme_templates
from .articles import frame_article, leave_out_table_of_contents
from .context import RenderContext
from .generated_pages import add_generated_files, give_generated_pages_their_markdown
from .page_sources import CHECKS, keep_page_fields_usable, stand_in_for_unbuildable_pages
from .partnership_map import render_partnership_map
from .picture_files import publish_picture_sizes
from .problem_boxes import note_page_source, show_problems_in_pages
from .record_lists import (
    render_contacts,
    render_key_figures,
    render_networks,
    render_partnership_cards,
    render_recommendations,
)
from .shared_files import note_source_files, share_source_files
from .timeline import event_sort_key, format_event_date, render_timeline
from .translation_notice import add_translation_notice, render_translation_notice
from .translations import Translations

__all__ = [
    "CHECKS",
    "RenderContext",
    "Translations",
    "add_generated_files",
    "add_translation_notice",
    "event_sort_key",
    "folder_templates",
    "format_event_date",
    "frame_article",
    "give_generated_pages_their_markdown",
    "keep_page_fields_usable",
    "leave_out_table_of_contents",
    "note_page_source",
    "note_source_files",
    "publish_picture_sizes",
    "render_contacts",
    "render_key_figures",
    "render_networks",
    "render_partnership_cards",
    "render_partnership_map",
    "render_recommendations",
    "render_timeline",
    "render_translation_notice",
    "share_source_files",
    "show_problems_in_pages",
    "stand_in_for_unbuildable_pages",
    "theme_templates",
]
