"""A Content-Security-Policy on every page: whatever slips past the checks into a page cannot run in the
browser, and the page loads nothing from another host.

The policy is a `<meta http-equiv>` element early in each page's head (a meta policy governs only what
follows it). Scripts may come from the site's own files (`'self'`) and, inline, only as the theme writes
them: the theme's inline scripts are its templates under `partials/javascripts/` (Material's, and any
the project's overrides/ add there), rendered with the page's own context. Each inline script of the
finished page that is one of those gets its hash into the policy; any other inline script (from
Markdown, front matter or data, where the checks refuse it) gets none, and the browser refuses to run it.
Hashing every inline script of the finished page instead would allow exactly what the policy is there
to stop.

Scripts whose type is no script a browser runs (`application/json`, `application/ld+json`) need no hash.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from .. import upstream
from ..templates import FOLDER
from ..third_party_settings import DeclaredHost

if TYPE_CHECKING:
    import jinja2

    from ..state import BuildState

# What the browser runs as a script (HTML's "JavaScript MIME type essence matches", "module", "importmap");
# a script of any other type is data.
SCRIPT_TYPES = frozenset(
    {"", "module", "importmap"}
    | {
        f"{prefix}/{name}"
        for prefix in ("application", "text")
        for name in ("ecmascript", "javascript", "x-ecmascript", "x-javascript")
    }
    | {f"text/javascript1.{minor}" for minor in range(6)}
    | {"application/x-javascript", "text/jscript", "text/livescript"}
)
POLICY_HEADER = "content-security-policy"


def content_security_policy(script_hashes: Iterable[str] = (), allowed_hosts: Iterable[str] = ()) -> str:
    """The policy of a page whose own inline scripts have `script_hashes` ('sha256-…'), loading from
    the site's origin and from `allowed_hosts` (origins such as 'https://maps.example.org') only."""
    own = ["'self'", *sorted(set(allowed_hosts))]
    directives = {
        # Anything not named below: the site's own origin.
        "default-src": own,
        "script-src": [*own, *(f"'{digest}'" for digest in sorted(set(script_hashes)))],
        # Material's stylesheets are files; its script sets sizes through the style object, which no
        # policy governs. No inline style is needed.
        "style-src": own,
        # Material's icons are SVG data: addresses in its stylesheet (CSS masks, loaded as images).
        "img-src": [*own, "data:"],
        "font-src": own,
        "media-src": own,
        # The search index, the preview's reload requests.
        "connect-src": own,
        # Material's search runs in a worker loaded from the site.
        "worker-src": own,
        "frame-src": own[1:] or ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def script_hash(script: str) -> str:
    """What a policy names an inline script by: the SHA-256 of its text as the page holds it, UTF-8."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def inline_scripts(page_html: str) -> list[str]:
    """The text of every inline script of the page that a browser would run, in order."""
    return _read(page_html).scripts


def note_theme_environment(state: BuildState, environment: jinja2.Environment) -> None:
    """The environment MkDocs renders this language build's pages with, which renders the theme's scripts, and
    the names of those scripts' templates, listed once for the build's pages."""
    state.theme_environment = environment
    state.theme_script_templates = upstream.theme_script_templates(state.config)


def note_theme_scripts(state: BuildState, context: dict[str, Any], rendered: str) -> None:
    """Before the page (or template) `rendered` is rendered: the inline scripts the theme would write in it."""
    if not rendered.endswith(".html"):  # a template of another kind (sitemap.xml) writes no page
        return
    context = upstream.theme_script_context(state.config, context)
    theme_scripts = set()
    for name in state.theme_script_templates:
        script_html = state.theme_environment.get_template(name).render(context)
        # Most pages get the same text from a template: its scripts are read once a build.
        if script_html not in state.theme_script_texts:
            state.theme_script_texts[script_html] = inline_scripts(script_html)
        theme_scripts.update(state.theme_script_texts[script_html])
    state.theme_scripts[rendered] = theme_scripts


def add_content_security_policy(state: BuildState, page_html: str, rendered: str) -> str:
    """The finished page with its policy: the hashes of the inline scripts in it that the theme wrote."""
    if not rendered.endswith(".html"):
        # A template of another kind (sitemap.xml) writes no page: its text, thousands of entries, is not read.
        return page_html
    policy = page_policy(
        page_html, state.theme_scripts.pop(rendered, set()), allowed_sources(state.settings.third_party_hosts)
    )
    return with_policy(page_html, policy, _policy_element(state))


def page_policy(page_html: str, theme_scripts: set[str], allowed_hosts: Iterable[str] = ()) -> str:
    """The policy of a finished page: its inline scripts that are among `theme_scripts` may run.

    Which of the theme's scripts the page holds is asked of the text, not of a parse of the whole page
    (which cost a quarter of a rebuild): a theme script is known text, written whole between its tags. A
    hash allows only a script of exactly that text, so one named that the page does not run (its text
    inside a longer script, or in a data script) allows nothing but the theme's own code; a script that
    slipped into the content is never among the theme's, whatever the page holds."""
    own = [script for script in theme_scripts if f">{script}</script>" in page_html]
    return content_security_policy(map(script_hash, own), allowed_hosts)


def add_policy_to_written_page(state: BuildState, page_html: str) -> str:
    """A page the build writes without the theme (a redirect at an old address): no inline script is its own."""
    policy = content_security_policy(allowed_hosts=allowed_sources(state.settings.third_party_hosts))
    return with_policy(page_html, policy, _policy_element(state))


def allowed_sources(declared: Iterable[DeclaredHost]) -> list[str]:
    """The origins of the other hosts mkdocs.yml declares as exceptions (`extra.third_party_hosts`): over
    https only, as the check reports a host whatever its scheme."""
    return [f"https://{host.host}" for host in declared]


def with_policy(page_html: str, policy: str, element: Callable[[str], str]) -> str:
    """The page with `element(policy)` in its head, in place of any policy it has, or else right after its
    character encoding (or its head's start): before anything a policy governs. A text without a head is
    no page, and stays as it is."""
    page = _read(page_html, head_only=True)
    if page.policy_span is None and page.policy_place is None:
        return page_html
    start, end = page.policy_span or (page.policy_place, page.policy_place)
    return page_html[:start] + element(policy) + page_html[end:]


def allowing_added_scripts(before: str, after: str, element: Callable[[str], str]) -> str:
    """`after`, which is `before` with inline scripts added (the preview's reload script), with their hashes
    added to the policy `before` has; unchanged if it has none."""
    page = _read(after)
    if page.policy is None:
        return after
    added = Counter(page.scripts) - Counter(inline_scripts(before))
    directives = [directive.strip() for directive in page.policy.split(";")]
    hashes = " ".join(f"'{script_hash(script)}'" for script in added)
    policy = "; ".join(
        f"{directive} {hashes}" if directive.split()[:1] == ["script-src"] and hashes else directive
        for directive in directives
    )
    return with_policy(after, policy, element)


def allow_reload_script(server: Any, current_build: Callable[[], BuildState]) -> Any:
    """The preview's server, serving each page with a policy that also allows the reload script it adds."""
    return upstream.with_reload_script_allowed(
        server, lambda page, served: allowing_added_scripts(page, served, _policy_element(current_build()))
    )


def _policy_element(state: BuildState) -> Callable[[str], str]:
    template = state.templates.get_template(f"{FOLDER}/content-security-policy.html")
    return lambda policy: template.render(policy=policy).strip()


# How much of a page is parsed at a time when only its head is wanted.
HEAD_CHUNK = 8192


def _read(page_html: str, *, head_only: bool = False) -> _PageReader:
    """The page read whole; or, `head_only`, up to the end of its head, where the policy stands: first up to
    the text `</head>` (the end of any page the theme writes), then on a chunk at a time if that was no end
    tag (it stood inside a script, say)."""
    reader = _PageReader(page_html)
    if not head_only:
        reader.feed(page_html)
    else:
        head_end = page_html.find("</head>")
        read = len(page_html) if head_end == -1 else head_end + len("</head>")
        reader.feed(page_html[:read])
        for start in range(read, len(page_html), HEAD_CHUNK):
            if reader.head_read:
                break
            reader.feed(page_html[start : start + HEAD_CHUNK])
    reader.close()
    return reader


@dataclass
class _Script:
    executable: bool
    text: list[str] = field(default_factory=list)


class _PageReader(HTMLParser):
    """The page's inline scripts, and where its policy stands or is to go (offsets in the page's text)."""

    def __init__(self, page_html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_html = page_html
        # Where each line starts, as far as the parse has needed (HTMLParser counts lines by "\n" alone).
        self.line_starts = [0]
        self.scripts: list[str] = []
        self.script: _Script | None = None
        self.in_head = False
        self.head_read = False
        self.policy: str | None = None
        self.policy_span: tuple[int, int] | None = None
        # After the <head> start tag, then after its character encoding if it declares one; None without a head.
        self.policy_place: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "script":
            executable = "src" not in values and values.get("type", "").strip().lower() in SCRIPT_TYPES
            self.script = _Script(executable)
        elif self.head_read:
            # What follows the head is no place for a policy, however the page was fed to the parser.
            return
        elif tag == "head":
            self.in_head = True
            self.policy_place = self._end_of_tag()
        elif tag == "body":
            self.head_read = True
        elif tag == "meta" and self.in_head:
            if "charset" in values:
                self.policy_place = self._end_of_tag()
            elif values.get("http-equiv", "").lower() == POLICY_HEADER and self.policy_span is None:
                self.policy = values.get("content", "")
                self.policy_span = (self._offset(), self._end_of_tag())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.script is not None:
            if self.script.executable:
                self.scripts.append("".join(self.script.text))
            self.script = None
        elif tag == "head":
            self.in_head = False
            self.head_read = True

    def _offset(self) -> int:
        line, column = self.getpos()
        while len(self.line_starts) < line:
            self.line_starts.append(self.page_html.index("\n", self.line_starts[-1]) + 1)
        return self.line_starts[line - 1] + column

    def _end_of_tag(self) -> int:
        text = self.get_starttag_text() or ""
        return self._offset() + len(text)
