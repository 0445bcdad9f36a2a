"""The build, in the order MkDocs runs it: the only hook in mkdocs.yml.

Each event hands the build's state to one step of the `microsite` package (hooks/microsite/), which
does the work. mkdocs-static-i18n builds the whole site once per language, running every event but
startup and shutdown once per language, and builds the languages after the first from inside its own
`on_post_build` (priority -100). Priorities here place each step before or after that plugin:
higher runs earlier.

Every event is `guarded`: under `mkdocs serve` a problem that no step expected is reported like any
other (microsite/problems.py) and the preview goes on, and `mkdocs build` stops on it with its message,
not a traceback.

MkDocs loads this file once per process (`mkdocs serve` never reloads it): after editing the Python
code, restart the preview.
"""

from __future__ import annotations

import functools

from microsite import language_processes, link_check, parity, problems, rendering, site_output, symbolic_links
from microsite.assemble import start_build
from microsite.idle_collection import IdleCollection
from microsite.kept_pages import KeptPages
from microsite.pages.data_markers import render_markers
from microsite.state import BuildState
from microsite.upstream import poll_for_saves
from mkdocs.plugins import CombinedEvent, event_priority

# The command (build or serve) holds for the whole process; `_build` is the build in progress,
# replaced at the start of every build (each build has a new config object).
_command = "build"
_build: BuildState | None = None
# The preview's pages kept from its last build, for the next (`mkdocs serve` only, for the whole process).
_kept: KeptPages | None = None
# The preview's cycle collector, paused while it builds (`mkdocs serve` only, for the whole process).
_idle: IdleCollection | None = None


def guarded(event):
    """The event, with what it raises reported in the preview (which goes on with the event's input as it
    was) or, in a build, turned into a message without a traceback."""

    @functools.wraps(event)
    def run(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except Exception as error:
            return problems.recover(_build and _build.problems, error, event.__name__, args)

    return run


def on_startup(*, command, dirty):
    global _command, _kept, _idle
    _command = command
    problems.quiet_upstream_log()
    if command == "serve" and _kept is None:
        _kept = KeptPages(lambda: _build)
        _idle = IdleCollection()


# MkDocs keeps this module, one per mkdocs.yml, for as long as the process runs: a process that builds
# several projects (a test session) would otherwise keep every project's last build in memory.
def on_shutdown():
    global _build, _kept, _idle
    _build = None
    if _kept is not None:
        _kept.close()
        _kept = None
    if _idle is not None:
        _idle.close()
        _idle = None


# First: every later step of this build finds the data loaded and checked.
@event_priority(100)
@guarded
def on_config(config):
    global _build
    if _idle is not None:
        _idle.build_starts()
    if _kept is not None:
        _kept.start(config)
    _build = start_build(_build, config, preview=_command == "serve")
    if _kept is not None:
        _kept.plan(_build)
        _build.take_back, _build.search_entry = _kept.take_back, _kept.search_entry


@guarded
def on_pre_build(*, config):
    language_processes.build_into_own_folder(_build)
    # The preview: before MkDocs cleans the site folder, what the build before left there is moved aside.
    if _kept is not None:
        _kept.set_aside(_build)
    site_output.set_feed_links(_build.config, _build.publication, _build.language)
    site_output.link_status_page(_build)
    site_output.link_footer_pages(_build)


# Before the i18n plugin (-100), so that it localizes the generated pages like written ones, and while the
# Files still hold the source language's files, which the plugin leaves out of a translation's build.
# First, what a refused symbolic link leads to is left out (the preview's case: a build stopped already).
@event_priority(0)
@guarded
def _files_before_i18n(files, *, config):
    symbolic_links.leave_out_of_files(_build.refused_links, _build.config, files)
    rendering.note_source_files(_build, files)
    return rendering.add_generated_files(_build, files)


# After the i18n plugin (-100), which made this language's Files: a source-language file that the
# translation has no file of its own for serves the translation too, and each article picture is
# published at the sizes pages need. Before the navigation and any link validation look for files.
@event_priority(-105)
@guarded
def _files_after_i18n(files, *, config):
    files = rendering.share_source_files(_build, files)
    return rendering.publish_picture_sizes(_build, files)


# MkDocs runs each of them at its own priority (a hook has one function per event name).
on_files = CombinedEvent(_files_before_i18n, _files_after_i18n)


# After the i18n plugin (-100), which rebuilds the Files and keeps only this language's navigation;
# before MkDocs reads any page.
@event_priority(-105)
@guarded
def on_nav(nav, *, config, files):
    rendering.give_generated_pages_their_markdown(_build, files)
    rendering.stand_in_for_unbuildable_pages(_build, files)
    _build.navigation[_build.language] = nav
    # The site folder is cleaned, this language's files and pages are made (the sitemap of a further language
    # lists them): the further languages start elsewhere.
    language_processes.start_further_languages(_build, files)


# Every page has been read (front matter included), none rendered yet.
@guarded
def on_env(env, *, config, files):
    site_output.prepare_page_titles(files)
    site_output.order_navigation(_build)
    site_output.link_collection_pages(_build, files)
    site_output.note_theme_environment(_build, env)
    _build.files_to_check[_build.language] = files


@guarded
def on_page_markdown(markdown, *, page, config, files):
    rendering.note_page_source(_build, page)
    rendering.keep_page_fields_usable(_build, page)
    rendering.leave_out_table_of_contents(_build, markdown, page)
    markdown = render_markers(_build, markdown, page, files)
    markdown = rendering.frame_article(_build, markdown, page, files)
    return rendering.add_translation_notice(_build, markdown, page, files)


@guarded
def on_page_context(context, *, page, config, nav):
    site_output.set_page_alternates(_build, page)
    context = site_output.add_page_metadata(_build, context, page)
    site_output.note_theme_scripts(_build, context, page.file.dest_uri)
    return context


# Last of every plugin's (the i18n plugin's is -100): the policy hashes the scripts of the finished page.
@event_priority(-110)
@guarded
def on_post_page(output, *, page, config):
    output = site_output.point_search_at_language(_build, output)
    return site_output.add_content_security_policy(_build, output, page.file.dest_uri)


@guarded
def on_template_context(context, *, template_name, config):
    site_output.set_error_page_alternates(_build, template_name)
    site_output.set_error_page_parts(_build, template_name)
    context = site_output.add_error_page_metadata(_build, context, template_name)
    site_output.note_theme_scripts(_build, context, template_name)
    return context


# Last, so that every other step has finished the page before it may be moved.
@event_priority(-100)
@guarded
def on_post_template(output_content, *, template_name, config):
    page = site_output.point_search_at_language(_build, output_content)
    page = site_output.add_content_security_policy(_build, page, template_name)
    return site_output.place_error_page(_build, page, template_name)


# `mkdocs serve` only, once its first build is done and before it serves it: what an editor's first save
# would otherwise wait for is loaded while they read the page, and saves are looked for more often.
@guarded
def on_serve(server, *, config, builder):
    parity.load_model_meanwhile()
    poll_for_saves(server)
    return site_output.allow_reload_script(server, lambda: _build)


# After the i18n plugin (-100), whose last language build writes the merged sitemap and search index.
# The links in the Markdown of each language build, once its pages are rendered: the first language's
# are checked here in the build of the next, which the plugin runs from inside the first.
@event_priority(-110)
@guarded
def on_post_build(*, config):
    link_check.warn_about_page_links(_build)
    if _build.is_last_language_build():
        try:
            # Each on its own, so that the preview writes the problems into the pages whatever happens before.
            for finish in (site_output.finish_site, _check_built_site):
                guarded(finish)(_build)
            if _kept is not None:
                _kept.hold_pages_with_problems(_build)
            rendering.show_problems_in_pages(_build)
            if _kept is not None:
                _kept.finish(_build)
            language_processes.stop_further_languages(_build)
        finally:
            if _idle is not None:
                _idle.build_ends()


def _check_built_site(state: BuildState) -> None:
    """The checks of the built site; in the preview, of the pages rendered again (the others keep theirs)."""
    language_processes.take_in_scanned_pages(state)
    if _kept is None:
        link_check.warn_in_build(state)
    else:
        _kept.check_built_site(state, link_check.warn_in_build)


# A build that failed leaves no process of a further language running, nor its folder; in the preview,
# nothing to keep, so that the next build renders every page.
def on_build_error(*, error):
    if _build is not None:
        language_processes.stop_further_languages(_build, failed=True)
    if _kept is not None:
        _kept.forget("the build before failed")
    if _idle is not None:
        _idle.build_ends()
