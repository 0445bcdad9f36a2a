"""Links where readers meet them: the built site, every language, theme and generated pages included.

Two layers, one report:
- lychee (lychee.py; settings in lychee.toml), offline: every href, src and srcset and every
  #fragment must resolve to a file of the site as it will be served under its sub-path. The site's
  own absolute URLs (canonical, hreflang) are remapped onto the built files, so they are checked too.
- what lychee cannot know, checked on the built HTML (checks.py): links from one language into the
  other where the page has a counterpart in its own language (language selector and hreflang links
  are exempt), e-mail links that are not valid addresses, images without alt text or with the other
  language's alt text, and the sitemap against the pages.
- links a published page must not have (javascript:, vbscript:, data:), found in the Markdown
  sources (docs/<language>/**/*.md, with their file and line) and, for what templates and data put
  there, in the built pages' content.
- requests to other hosts (third_party.py: Markdown, front matter, stylesheets, overrides/, mkdocs.yml,
  and the built pages as a net), unless mkdocs.yml declares the host; and scripts or event handlers in
  what editors write (page_scripts.py: Markdown, front matter, data, the built content).

Every finding names the built file and line, the source it comes from (Markdown page, data record or
theme template), the link text, the target and why it failed; never the temporary folder lychee read
the site in.

    python -m microsite check-links [SITE_DIR]               offline check (make check-links)
    python -m microsite check-links --external [SITE_DIR]    links to other sites, online (make check-external)

The checks on the built HTML and the Markdown sources also run after the last language is built, as
warnings, so that a strict build fails on them. Before those, in every language build, the links and
images in the Markdown are checked against that build's files and rendered headings (page_links.py),
in MkDocs' stead, with the line of each.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from ..findings import Finding
from ..languages import Languages
from ..settings import project_languages
from .checks import page_checks, project_checks, site_wide_checks
from .lychee import run_lychee
from .page_links import warn_about_page_links
from .site import Site, detect_site_url

if TYPE_CHECKING:
    from ..state import BuildState

CHECKS = {
    "broken-link": "a link, image, stylesheet or script points to a file the site does not have",
    "broken-fragment": "a #fragment names an anchor that its page does not have",
    "language-leak": "a page links into the other language although its own language has that page",
    "invalid-mailto": "an e-mail link is not a valid address",
    "missing-alt": "an image has no alt text, and is not marked as decoration",
    "untranslated-alt": "an image has the same alt text as on the other language's page",
    "third-party-request": "a page makes the browser load something from another host as it opens (a picture, "
    "video, embedded page, script, stylesheet or font; also by a setting of mkdocs.yml), which tells that host who "
    "reads it",
    "third-party-hosts": "an exception in mkdocs.yml (extra.third_party_hosts) has no host name or no reason",
    "page-script": "a <script> or an event handler (onclick=, onerror=…) in a page's Markdown, front matter or data",
    "sitemap-missing-page": "the sitemap lists a page that the site does not have",
    "page-not-in-sitemap": "a page of the site is not in the sitemap",
    "unsafe-link": "a link or image has a javascript:, vbscript: or data: address, which a browser would run or "
    "which puts a whole file into the page",
    "external-link": "a link to another site fails (online check only)",
}


def check_site(
    root: Path,
    *,
    external: bool = False,
    site_url: str | None = None,
    languages: Languages | None = None,
    project: Path | None = None,
) -> list[Finding]:
    """Every finding of the built site at `root`: lychee offline and the checks on the built HTML, or
    with `external` lychee online alone. The site's URL is read from its home page unless given; the
    project (where mkdocs.yml is) defaults to the one these hooks belong to, its languages to mkdocs.yml's.
    """
    project = project or _own_project()
    site = Site(
        root=root,
        site_url=site_url or detect_site_url(root),
        languages=languages or project_languages(project),
        project=project,
    )
    if external:
        findings = run_lychee(site, external=True)
    else:
        # lychee is a program of its own: the project's checks read the site meanwhile, on the other core.
        with ThreadPoolExecutor(max_workers=1) as pool:
            lychee = pool.submit(run_lychee, site, external=False)
            findings = project_checks(site) + lychee.result()
    return sorted(findings, key=lambda finding: (finding.file, finding.line, finding.check))


def warn_in_build(
    state: BuildState,
    kept: frozenset[str] = frozenset(),
    digests: dict[str, bytes] | None = None,
    sources: Mapping[str, bytes] | None = None,
) -> list[Finding]:
    """The checks on the built HTML and the Markdown sources (not lychee) after the last language is built,
    as warnings; the pages `kept` from the preview's build before (their paths in the site) left out of the
    checks that read each page by itself, which it returns the findings of. `digests` gives the kept pages'
    texts' digests as the build before read them, and gets every other page's read (`Site.digests`); `sources`,
    the project's files as the preview's build read them when it started (`Site.sources`)."""
    site = Site(
        root=state.site_dir,
        site_url=state.site_url,
        languages=state.languages,
        project=state.project,
        kept=kept,
        digests=digests if digests is not None else {},
        sources=sources,
    )
    by_page = page_checks(site)
    state.problems.report_all(site_wide_checks(site) + by_page)
    return by_page


def _own_project() -> Path:
    """The project whose hooks/ folder holds this package."""
    return Path(__file__).resolve().parents[3]


__all__ = ["CHECKS", "check_site", "warn_about_page_links", "warn_in_build"]
