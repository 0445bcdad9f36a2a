"""Data rendered into pages: data markers in Markdown, and the pages generated from data; and the
source language's files (pictures, …) that serve its translations too.

The HTML comes from the templates in `overrides/partials/data/` (see templates.py); each `render_*`
function builds its view model from a RenderContext and renders one of them.
"""

from ..templates import folder_templates, theme_templates
from .articles import frame_article, leave_out_table_of_contents
from .context import RenderContext
from .data_markers import RENDERERS, render_markers, render_problems
from .footer import link_footer_pages
from .generated_pages import add_generated_files, give_generated_pages_their_markdown
from .page_sources import CHECKS, keep_page_fields_usable, stand_in_for_unbuildable_pages
from .partnership_map import render_partnership_map
from .partnership_page import render_partnership
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
from .translation_status import link_status_page, render_translation_status
from .translations import Translations

__all__ = [
    "CHECKS",
    "RENDERERS",
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
    "link_footer_pages",
    "link_status_page",
    "note_page_source",
    "note_source_files",
    "publish_picture_sizes",
    "render_contacts",
    "render_key_figures",
    "render_markers",
    "render_networks",
    "render_partnership",
    "render_partnership_cards",
    "render_partnership_map",
    "render_problems",
    "render_recommendations",
    "render_timeline",
    "render_translation_notice",
    "render_translation_status",
    "share_source_files",
    "show_problems_in_pages",
    "stand_in_for_unbuildable_pages",
    "theme_templates",
]
