"""What mkdocs.yml makes every page load from another host, and the hosts it declares as exceptions.

Material loads from elsewhere by its settings alone, on every page:
- `theme.font` set to a font, or not set at all (Roboto is the default): the fonts from Google Fonts;
- `extra.analytics` with Google as provider: Google's tag manager script;
- `repo_url` on GitHub or a GitLab: the repository's stars and forks, from that host's API, shown in the header;
- a `mermaid` custom fence of `pymdownx.superfences` without a Mermaid script of the site's own: Mermaid,
  from unpkg.com, on every page with a diagram;
- `extra_css`, `extra_javascript`, `extra.polyfills`, `theme.logo` and `theme.favicon` naming another host.

Not readers' requests, and so not here: `extra.consent` (a cookie dialog), `extra.social` (links, with icons
inlined in the page), and the `social` and `privacy` plugins, which fetch at build time.

A deliberate exception is declared host by host, with a reason readers can be told (the privacy page shows
it where it writes `<!-- data: third-party-hosts -->`: rendering/third_party_hosts.py):

    extra:
      third_party_hosts:
        - host: player.vimeo.com
          reason: {de: …, en: …}   # or one text for every language
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import yaml

from .findings import Finding

SETTING = "third_party_hosts"
HOSTS_CHECK = "third-party-hosts"
MKDOCS_YML = "mkdocs.yml"
GOOGLE_FONTS = ("fonts.googleapis.com", "fonts.gstatic.com")
GOOGLE_ANALYTICS = "www.googletagmanager.com"
MERMAID_HOST = "unpkg.com"
# How YAML writes false (`font: false`, or `font: no`).
YAML_FALSE = frozenset({"false", "no", "off"})
HOST_LABEL_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
FONT_ADVICE = (
    "set `font: false` under `theme:` (the pages then use the reader's own fonts), or save the font files in "
    "overrides/ and name them in a stylesheet of the site"
)
EXAMPLE = "- {host: player.vimeo.com, reason: {de: …, en: …}}"


@dataclass(frozen=True)
class DeclaredHost:
    """A host that pages may load from, and why: one text, or one per language."""

    host: str
    reason: str | Mapping[str, str]
    line: int


@dataclass(frozen=True)
class SettingRequest:
    """What a setting of mkdocs.yml makes every page load, and from which hosts."""

    line: int
    hosts: tuple[str, ...]
    # What loads, and what to do instead, as the message says it.
    what: str
    advice: str

    def message(self, hosts: tuple[str, ...]) -> str:
        return (
            f"{self.what} from {' and '.join(hosts)} when a page opens, which tells {_those(hosts)} who reads the "
            f"site – {self.advice}"
        )


def declared_hosts(entries: yaml.Node | None, shown: str) -> tuple[list[DeclaredHost], list[Finding]]:
    """The exceptions `extra.third_party_hosts` declares, and a finding for each entry that is not one (no
    host, no reason)."""
    if entries is None:
        return [], []
    if not isinstance(entries, yaml.SequenceNode):
        message = f"extra.{SETTING} must be a list of hosts with their reasons – write it as: {EXAMPLE}"
        return [], [Finding(shown, _line(entries), message, HOSTS_CHECK)]
    declared, findings = [], []
    for number, entry in enumerate(entries.value, start=1):
        where = f"extra.{SETTING}, entry {number}"
        content = _plain(entry)
        if not isinstance(content, dict):
            message = f"{where}: write the host and the reason for loading from it: {EXAMPLE}"
            findings.append(Finding(shown, _line(entry), message, HOSTS_CHECK))
            continue
        host_problem = _host_problem(content.get("host"))
        if host_problem:
            findings.append(Finding(shown, _line(entry), f"{where}: {host_problem}", HOSTS_CHECK))
        elif not _has_reason(content.get("reason")):
            message = (
                f"{where}: {content['host']} has no reason – say why pages load from it, in every language "
                "(reason: {de: …, en: …}): the privacy page names it to readers"
            )
            findings.append(Finding(shown, _line(entry), message, HOSTS_CHECK))
        else:
            declared.append(DeclaredHost(content["host"], content["reason"], _line(entry)))
    return declared, findings


def setting_requests(document: yaml.Node | None, own_host: str | None) -> list[SettingRequest]:
    """Every setting of mkdocs.yml (`document`, its nodes) that makes pages load from another host, with its
    line."""
    return [request for request in _requests(document, own_host) if request.hosts]


def _requests(document: yaml.Node | None, own_host: str | None) -> Iterator[SettingRequest]:
    theme, extra = _value(document, "theme"), _value(document, "extra")
    font = _value(theme, "font")
    if font is None and theme is not None:
        what = "theme: without `font:`, Material loads the fonts Roboto and Roboto Mono"
        yield SettingRequest(_key_line(document, "theme"), GOOGLE_FONTS, what, FONT_ADVICE)
    elif font is not None and not (isinstance(font, yaml.ScalarNode) and font.value.lower() in YAML_FALSE):
        yield SettingRequest(_line(font), GOOGLE_FONTS, "theme.font: Material loads the fonts", FONT_ADVICE)
    analytics = _value(extra, "analytics")
    provider = _value(analytics, "provider")
    if isinstance(provider, yaml.ScalarNode) and provider.value == "google":
        what = "extra.analytics: Material loads Google Analytics"
        advice = "remove extra.analytics: the site promises its readers that they are not tracked"
        yield SettingRequest(_key_line(extra, "analytics"), (GOOGLE_ANALYTICS,), what, advice)
    repo_url = _value(document, "repo_url")
    repo_host = _repository_api_host(repo_url.value if isinstance(repo_url, yaml.ScalarNode) else "")
    if repo_host:
        what = "repo_url: Material's header asks for the repository's stars and forks"
        advice = "link to the repository from a page or the footer instead of setting repo_url"
        yield SettingRequest(_line(repo_url), (repo_host,), what, advice)
    scripts = _value(document, "extra_javascript")
    if _mermaid_fence(document) is not None and not any("mermaid" in path for _, path in _paths(scripts)):
        what = "markdown_extensions: the mermaid fence makes Material load Mermaid"
        advice = "save mermaid.min.js in overrides/ and name it under extra_javascript"
        yield SettingRequest(_line(_mermaid_fence(document)), (MERMAID_HOST,), what, advice)
    for setting, node in (
        ("extra_css", _value(document, "extra_css")),
        ("extra_javascript", scripts),
        ("extra.polyfills", _value(extra, "polyfills")),
        ("theme.logo", _value(theme, "logo")),
        ("theme.favicon", _value(theme, "favicon")),
    ):
        for line, path in _paths(node):
            host = other_host(path, own_host)
            if host:
                advice = "download the file into the site (overrides/) and name it by its path there"
                yield SettingRequest(line, (host,), f"{setting}: pages load {path}", advice)


def other_host(address: str, own_host: str | None) -> str | None:
    """The host an address loads from, if it is not the site's own: an http(s) address or a protocol-relative
    `//host/…`, read as a browser reads it (backslashes as slashes, spaces and control characters around it
    and tabs and line breaks in it ignored)."""
    text = address.strip("".join(chr(code) for code in range(0x21))).translate(_INSIDE).replace("\\", "/")
    scheme, colon, rest = text.partition(":")
    if colon and scheme.lower() in ("http", "https"):
        authority = rest
    elif text.startswith("//"):
        authority = text
    else:
        return None
    try:
        host = urlsplit("//" + authority.lstrip("/")).hostname
    except ValueError:
        # An address a browser cannot read either (an unclosed [ of an IPv6 host) loads nothing.
        return None
    return host if host and host != own_host else None


_INSIDE = str.maketrans("", "", "\t\n\r")


def _repository_api_host(repo_url: str) -> str | None:
    """The host Material asks for a repository's facts: GitHub's API, or the GitLab itself."""
    host = urlsplit(repo_url).hostname if repo_url else None
    if host is None:
        return None
    if host == "github.com" or host.endswith(".github.com"):
        return "api.github.com"
    return host if "gitlab" in host else None


def _mermaid_fence(document: yaml.Node | None) -> yaml.Node | None:
    """The custom fence of pymdownx.superfences that writes Mermaid diagrams, if mkdocs.yml has one."""
    extensions = _value(document, "markdown_extensions")
    for extension in extensions.value if isinstance(extensions, yaml.SequenceNode) else []:
        fences = _value(_value(extension, "pymdownx.superfences"), "custom_fences")
        for fence in fences.value if isinstance(fences, yaml.SequenceNode) else []:
            fence_class = _value(fence, "class")
            if isinstance(fence_class, yaml.ScalarNode) and fence_class.value == "mermaid":
                return fence
    return None


def _paths(node: yaml.Node | None) -> Iterator[tuple[int, str]]:
    """(line, path) of a setting that is one path or a list of them, each a text or `{path: …}`."""
    items = node.value if isinstance(node, yaml.SequenceNode) else [node] if node is not None else []
    for item in items:
        path = _value(item, "path") if isinstance(item, yaml.MappingNode) else item
        if isinstance(path, yaml.ScalarNode) and isinstance(path.value, str):
            yield _line(item), path.value


def _host_problem(host: object) -> str | None:
    """What is wrong with a declared host, if anything: it must be a host name alone, as a browser writes it."""
    if not isinstance(host, str) or not host.strip():
        return f"no host – name the host pages load from, e.g. {EXAMPLE}"
    labels = host.split(".")
    if (
        host != host.lower()
        or len(labels) < 2
        or not all(label and set(label) <= HOST_LABEL_CHARACTERS for label in labels)
    ):
        return (
            f"'{host}' is not a host name – write the host alone, in lower case, without https:// or a path, "
            "e.g. player.vimeo.com"
        )
    return None


def _has_reason(reason: object) -> bool:
    if isinstance(reason, str):
        return bool(reason.strip())
    return (
        isinstance(reason, dict)
        and bool(reason)
        and all(isinstance(text, str) and text.strip() for text in reason.values())
    )


def _plain(node: yaml.Node | None) -> object:
    """A node's content as texts, lists and mappings (a tag such as !ENV read as what it tags)."""
    if isinstance(node, yaml.MappingNode):
        return {str(name.value): _plain(value) for name, value in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item) for item in node.value]
    return node.value if isinstance(node, yaml.ScalarNode) else None


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for name, value in node.value if name.value == key), None)


def _key_line(node: yaml.Node | None, key: str) -> int:
    """The line a setting's name is written on (its value, a group of settings, begins on the next)."""
    if isinstance(node, yaml.MappingNode):
        return next((_line(name) for name, _ in node.value if name.value == key), 1)
    return 1


def _line(node: yaml.Node | None) -> int:
    return node.start_mark.line + 1 if node is not None else 1


def _those(hosts: tuple[str, ...]) -> str:
    return "that host" if len(hosts) == 1 else "those hosts"
