"""No script but the site's own: a `<script>` (inline or from any address, the site's own included) or an
event handler attribute (`onclick=`, `onerror=`…, on any element, in any letter case) written in a page's
Markdown, its front matter or a data file is refused.

The site's scripts come from the theme and overrides/, where they are reviewed as code; what editors
write is text and pictures. A script in a page could track readers or change what the page says, and
the Content-Security-Policy would block it anyway.

The built pages' content is checked too, for what reaches it some other way (attributes written with
Markdown's `{ … }`, a template of the data); what was found in the page's own sources is not reported twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..findings import Finding
from .html_scan import Element
from .markdown_sources import markdown_links
from .site import Site
from .written_html import data_texts, front_matter_texts

CHECK = "page-script"
ADVICE = (
    "the site runs only its own scripts, from the theme and overrides/ – remove it; to show a video or map, link to it"
)


@dataclass(frozen=True)
class PageScript:
    line: int
    # What it is, as a message names it: `script → https://…`, `onclick= on <div>`.
    what: str

    def message(self) -> str:
        return f"{self.what}: {ADVICE}"


def page_scripts(elements: list[Element]) -> list[PageScript]:
    """The scripts and event handlers among a page's elements, in the order written."""
    found = []
    for element in elements:
        if element.tag == "script":
            source = element.attrs.get("src", "").strip()
            found.append(PageScript(element.line, f"script → {source}" if source else "script"))
        found += [PageScript(element.line, f"{name}= on <{element.tag}>") for name in element.event_handlers()]
    return found


def scripts_in_markdown(text: str) -> list[PageScript]:
    """The scripts and event handlers in a Markdown page's raw HTML (its code not counted)."""
    if "<" not in text:
        return []
    return page_scripts(markdown_links(text).elements)


def check_page_scripts(site: Site) -> list[Finding]:
    """Scripts in every language's Markdown and front matter, in the data, and in the built pages' content."""
    findings, reported = [], set()
    for shown, text in site.markdown_sources:
        for script in scripts_in_markdown(text):
            findings.append(Finding(shown, script.line, script.message(), CHECK))
            reported.add((shown, script.what))
        for written in front_matter_texts(shown, text):
            for script in page_scripts(written.elements):
                findings.append(written.finding_at(script.message(), CHECK))
                reported.add((shown, script.what))
    for written in data_texts(site.project):
        findings += [written.finding_at(script.message(), CHECK) for script in page_scripts(written.elements)]
    for page in site.checked_pages:
        source = site.source_of(page)
        for script in page_scripts(site.content_elements(page)):
            if (source, script.what) not in reported:
                findings.append(Finding(page, script.line, script.message(), CHECK, source=source))
    return findings
