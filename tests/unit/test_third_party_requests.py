"""No request to another host, no script but the site's own, checked without a build: every element and
CSS construct that makes a browser load from another host as a page opens, in the Markdown, its front
matter, the stylesheets and templates, and mkdocs.yml's theme settings; the exceptions mkdocs.yml
declares; scripts and event handlers in Markdown, front matter and data. Each with its exact message,
file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from microsite.link_check.css_scan import CssAddress, css_addresses
from microsite.link_check.page_scripts import check_page_scripts
from microsite.link_check.site import Site
from microsite.link_check.third_party import check_third_party_requests
from microsite.settings import project_settings
from project import PUBLICATION
from site_model import LANGUAGES

FILE = "download the file into the site (next to the page) and show that"
THEME = "download the file into the site (overrides/) and name it by its path there"
EMBED = "link to the page instead of embedding it: a picture that links to the video or map"
SCRIPT = (
    "the site runs only its own scripts, from the theme and overrides/ – remove it; to show a video or map, link to it"
)
FONTS = (
    "set `font: false` under `theme:` (the pages then use the reader's own fonts), or save the font files in "
    "overrides/ and name them in a stylesheet of the site"
)
OWN = "https://example.org/"


def loads(what: str, address: str, host: str, advice: str = FILE) -> str:
    return (
        f"[third-party-request] {what} → {address}: the browser loads it from {host} when the page opens, "
        f"which tells {host} who reads the page – {advice}"
    )


PAGE = """---
title: Seite
---
# Überschrift

Ein ![Hafen](https://bilder.example.com/hafen.jpg) im Absatz und ein [Link](https://link.example.com/).

<IFRAME SRC="https://www.youtube.com/embed/abc" title="Film"></IFRAME>

<img src=//pixel.example.org/p.gif alt=Punkt>

<picture><source srcset="https://pic.example.com/a.webp 1x, https://pic.example.com/b.webp 2x"><img src="a.jpg" alt="A"></picture>

<video src="https://media.example.com/v.mp4" poster="https://poster.example.com/p.jpg">
<track src="https://subs.example.com/de.vtt"></video>

<audio src='https://media.example.com/a.mp3'></audio> <object data="https://obj.example.com/x.pdf"></object> <embed src="https://map.example.com/m">

<link rel="stylesheet" href="https://css.example.com/s.css"> <link rel="alternate" href="https://alt.example.com/"> <link rel=canonical href=https://canon.example.com/>

<input type="image" src="https://button.example.com/b.png" alt="Los"> <input type="text" src="https://nothing.example.com/">

<svg><image href="https://svg.example.com/i.png"/><use xlink:href="https://svg2.example.com/s.svg#a"/></svg>

<div style="background: url('https://bg.example.com/b.png')">Hintergrund</div>

<style>
.a { color: red }
.b { background: URL(https://style.example.com/a.png) }
</style>

<img src="https://example.org/own.png" alt="Eigenes"> <img src="https:\\\\slash.example.com/x.png" alt="Schräg">

`<img src="https://code.example.com/x.png">`

    <iframe src="https://indented.example.com/"></iframe>
"""


def site_of(project: Path) -> Site:
    (project / "site").mkdir(exist_ok=True)
    return Site(root=project / "site", site_url=OWN, languages=LANGUAGES, project=project)


def project_with(tmp_path: Path, files: dict[str, str], mkdocs_yml: str | None = None) -> Path:
    """A project with the fixture publication's mkdocs.yml (or `mkdocs_yml`) and these files."""
    project = tmp_path / "project"
    project.mkdir()
    if mkdocs_yml is None:
        shutil.copy(PUBLICATION / "mkdocs.yml", project / "mkdocs.yml")
    else:
        (project / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    for name, content in files.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return project


def requests(project: Path) -> list[str]:
    return [finding.text() for finding in check_third_party_requests(site_of(project))]


def scripts(project: Path) -> list[str]:
    return [finding.text() for finding in check_page_scripts(site_of(project))]


def test_every_element_that_loads_from_another_host(tmp_path: Path) -> None:
    page = f"docs/{LANGUAGES.source}/seite.md"
    assert requests(project_with(tmp_path, {page: PAGE})) == [
        f"{page}:6: " + loads("image “Hafen”", "https://bilder.example.com/hafen.jpg", "bilder.example.com"),
        f"{page}:8: " + loads("embedded page", "https://www.youtube.com/embed/abc", "www.youtube.com", EMBED),
        f"{page}:10: " + loads("image “Punkt”", "//pixel.example.org/p.gif", "pixel.example.org"),
        # A srcset's candidates from one host: named once.
        f"{page}:12: " + loads("media source", "https://pic.example.com/a.webp", "pic.example.com"),
        f"{page}:14: " + loads("video", "https://media.example.com/v.mp4", "media.example.com"),
        f"{page}:14: " + loads("video", "https://poster.example.com/p.jpg", "poster.example.com"),
        f"{page}:15: " + loads("subtitles", "https://subs.example.com/de.vtt", "subs.example.com"),
        f"{page}:17: " + loads("audio", "https://media.example.com/a.mp3", "media.example.com"),
        f"{page}:17: " + loads("embedded object", "https://obj.example.com/x.pdf", "obj.example.com", EMBED),
        f"{page}:17: " + loads("embedded object", "https://map.example.com/m", "map.example.com", EMBED),
        f"{page}:19: " + loads("stylesheet or link", "https://css.example.com/s.css", "css.example.com"),
        f"{page}:21: " + loads("image button", "https://button.example.com/b.png", "button.example.com"),
        f"{page}:23: " + loads("image", "https://svg.example.com/i.png", "svg.example.com"),
        f"{page}:23: " + loads("<use> element", "https://svg2.example.com/s.svg#a", "svg2.example.com"),
        f"{page}:25: " + loads("inline style of <div> element", "https://bg.example.com/b.png", "bg.example.com"),
        f"{page}:29: " + loads("<style> element", "https://style.example.com/a.png", "style.example.com"),
        # A browser reads backslashes in an http(s) address as slashes.
        f"{page}:32: " + loads("image “Schräg”", "https:\\\\slash.example.com/x.png", "slash.example.com"),
    ]


def test_a_declared_host_is_not_reported_and_a_declaration_needs_a_host_and_a_reason(tmp_path: Path) -> None:
    mkdocs_yml = (PUBLICATION / "mkdocs.yml").read_text(encoding="utf-8")
    declared = (
        "extra:\n  third_party_hosts:\n"
        "    - host: www.youtube.com\n      reason: {de: Der Film, en: The film}\n"
        "    - host: bilder.example.com\n"
        "    - host: https://pic.example.com/\n      reason: Bilder\n"
    )
    assert mkdocs_yml.count("extra:\n") == 1
    mkdocs_yml = mkdocs_yml.replace("extra:\n", declared)
    line = mkdocs_yml.split("\n").index("    - host: bilder.example.com") + 1
    page = f"docs/{LANGUAGES.source}/seite.md"
    found = requests(project_with(tmp_path, {page: PAGE}, mkdocs_yml))
    assert found[:2] == [
        f"mkdocs.yml:{line}: [third-party-hosts] extra.third_party_hosts, entry 2: bilder.example.com has no reason "
        "– say why pages load from it, in every language (reason: {de: …, en: …}): the privacy page names it to "
        "readers",
        f"mkdocs.yml:{line + 1}: [third-party-hosts] extra.third_party_hosts, entry 3: 'https://pic.example.com/' is "
        "not a host name – write the host alone, in lower case, without https:// or a path, e.g. player.vimeo.com",
    ]
    assert not any("www.youtube.com" in finding for finding in found)
    assert any("bilder.example.com when the page opens" in finding for finding in found)
    # What every page's Content-Security-Policy allows, and the privacy page names.
    assert [host.host for host in project_settings(tmp_path / "project").third_party_hosts] == ["www.youtube.com"]


THEME_SETTINGS = """site_name: X
site_url: https://example.org/
repo_url: https://github.com/someone/something
theme:
  name: material
  logo: https://logo.example.com/logo.svg
extra:
  analytics:
    provider: google
    property: G-XXXX
extra_css:
  - assets/site.css
  - https://css.example.com/x.css
extra_javascript:
  - path: //js.example.com/y.js
    type: module
markdown_extensions:
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
"""


def test_theme_settings_that_load_from_another_host(tmp_path: Path) -> None:
    site = "which tells that host who reads the site"
    assert requests(project_with(tmp_path, {}, THEME_SETTINGS)) == [
        "mkdocs.yml:4: [third-party-request] theme: without `font:`, Material loads the fonts Roboto and Roboto Mono "
        f"from fonts.googleapis.com and fonts.gstatic.com when a page opens, which tells those hosts who reads the "
        f"site – {FONTS}",
        "mkdocs.yml:8: [third-party-request] extra.analytics: Material loads Google Analytics from "
        f"www.googletagmanager.com when a page opens, {site} – remove extra.analytics: the site promises its "
        "readers that they are not tracked",
        "mkdocs.yml:3: [third-party-request] repo_url: Material's header asks for the repository's stars and forks "
        f"from api.github.com when a page opens, {site} – link to the repository from a page or the footer instead "
        "of setting repo_url",
        "mkdocs.yml:20: [third-party-request] markdown_extensions: the mermaid fence makes Material load Mermaid from "
        f"unpkg.com when a page opens, {site} – save mermaid.min.js in overrides/ and name it under extra_javascript",
        f"mkdocs.yml:13: [third-party-request] extra_css: pages load https://css.example.com/x.css from "
        f"css.example.com when a page opens, {site} – {THEME}",
        f"mkdocs.yml:15: [third-party-request] extra_javascript: pages load //js.example.com/y.js from "
        f"js.example.com when a page opens, {site} – {THEME}",
        f"mkdocs.yml:6: [third-party-request] theme.logo: pages load https://logo.example.com/logo.svg from "
        f"logo.example.com when a page opens, {site} – {THEME}",
    ]


@pytest.mark.parametrize("font", ["{text: Inter}", "Inter"])
def test_a_web_font_is_reported_at_its_line(tmp_path: Path, font: str) -> None:
    mkdocs_yml = (PUBLICATION / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  font: false\n" in mkdocs_yml
    mkdocs_yml = mkdocs_yml.replace("  font: false\n", f"  font: {font}\n")
    line = mkdocs_yml.split("\n").index(f"  font: {font}") + 1
    assert requests(project_with(tmp_path, {}, mkdocs_yml)) == [
        f"mkdocs.yml:{line}: [third-party-request] theme.font: Material loads the fonts from fonts.googleapis.com "
        f"and fonts.gstatic.com when a page opens, which tells those hosts who reads the site – {FONTS}"
    ]


def test_templates_and_stylesheets(tmp_path: Path) -> None:
    files = {
        "overrides/main.html": (
            '{% extends "base.html" %}\n{% block libs %}\n<script src="{{ base_url }}/own.js"></script>\n'
            '<script src="https://cdn.example.net/lib.js"></script>\n'
            '<link rel="preconnect" href="https://fonts.example.com">\n{% endblock %}\n'
        ),
        "overrides/assets/extra.css": '/* url(https://comment.example.com/) */\n@import "https://import.example.com/x.css";\n',
        f"docs/{LANGUAGES.source}/assets/page.css": "\n\n@font-face { src: url(//font.example.com/f.woff2) }\n",
    }
    assert requests(project_with(tmp_path, files)) == [
        f"docs/{LANGUAGES.source}/assets/page.css:3: "
        + loads("stylesheet", "//font.example.com/f.woff2", "font.example.com"),
        "overrides/assets/extra.css:2: "
        + loads("stylesheet", "https://import.example.com/x.css", "import.example.com", THEME),
        "overrides/main.html:4: " + loads("script", "https://cdn.example.net/lib.js", "cdn.example.net", THEME),
        "overrides/main.html:5: "
        + loads("stylesheet or link", "https://fonts.example.com", "fonts.example.com", THEME),
    ]


def test_css_addresses() -> None:
    css = (
        '@import "https://a.example/x.css";\n/* url(https://comment.example/) */\n'
        ".a{background:URL( 'b.png' ); content: \"url(https://string.example/)\"; x: my-url(c)}\n"
        "@import url(//d.example/y.css) screen;\n"
    )
    assert css_addresses(css) == [
        CssAddress(0, "https://a.example/x.css"),
        CssAddress(2, "b.png"),
        CssAddress(3, "//d.example/y.css"),
    ]


def test_scripts_and_event_handlers_in_markdown_front_matter_and_data(tmp_path: Path) -> None:
    source, translation = LANGUAGES.source, LANGUAGES.translations[0]
    files = {
        f"docs/{source}/seite.md": (
            "---\ntitle: Titel</title><script>alert(1)</script>\n"
            'description: "<img src=x onerror=alert(2)>"\n---\n# Titel\n\n'
            "<script>track()</script>\n\n<div ONCLICK='go()'>Klick</div>\n\n"
            "Text <script src='https://cdn.example.net/x.js'></script> und <span onmouseover=x()>hier</span>.\n\n"
            "`<script>code</script>`\n"
        ),
        f"docs/{translation}/seite.md": "# Title\n\n<a href='https://example.org/' onclick=\"t()\">site</a>\n",
        "data/networks.yml": "networks:\n  - id: net\n    name:\n      de: Netz\n      en: \"Net <b onclick='x()'>x</b>\"\n",
    }
    page, other = f"docs/{source}/seite.md", f"docs/{translation}/seite.md"
    assert scripts(project_with(tmp_path, files)) == [
        f"{page}:7: [page-script] script: {SCRIPT}",
        f"{page}:9: [page-script] onclick= on <div>: {SCRIPT}",
        f"{page}:11: [page-script] script → https://cdn.example.net/x.js: {SCRIPT}",
        f"{page}:11: [page-script] onmouseover= on <span>: {SCRIPT}",
        f"{page}:2:8: [page-script] title: script: {SCRIPT}",
        f"{page}:3:14: [page-script] description: onerror= on <img>: {SCRIPT}",
        f"{other}:3: [page-script] onclick= on <a>: {SCRIPT}",
        f"data/networks.yml:5:11: [page-script] networks, record 1 ('net'), name.en: onclick= on <b>: {SCRIPT}",
    ]
    # A script from another host is the script's finding alone; so is it in the front matter.
    assert requests(tmp_path / "project") == []


def test_front_matter_that_loads_from_another_host(tmp_path: Path) -> None:
    page = f"docs/{LANGUAGES.source}/seite.md"
    text = '---\ntitle: Titel\ndescription: \'Mit <img src="https://pixel.example.com/p.gif" alt="">\'\n---\n# Titel\n'
    assert requests(project_with(tmp_path, {page: text})) == [
        f"{page}:3:14: [third-party-request] description: "
        + loads("image", "https://pixel.example.com/p.gif", "pixel.example.com").removeprefix("[third-party-request] ")
    ]


def test_a_page_saved_again_between_two_checks_in_one_process_is_checked_as_it_is_now(tmp_path: Path) -> None:
    """The checks keep what they parsed of each Markdown page and each built page by its text (a rebuild of
    the preview parses only the pages saved since the last): a page with another text is read again."""
    markdown, built = f"docs/{LANGUAGES.source}/seite.md", "site/seite.html"

    def save(source_host: str, built_host: str) -> None:
        (project / markdown).write_text(f"![Bild](https://{source_host}/x.png)\n", encoding="utf-8")
        page = f'<html><body><article><img src="https://{built_host}/y.png" alt="Bild"></article></body></html>'
        (project / built).write_text(page, encoding="utf-8")

    # The first page of a folder is read whole (Site.stands_for_template); the others by their content.
    first_page = "<html><body><article><p>Start</p></article></body></html>"
    project = project_with(tmp_path, {markdown: "", "site/a.html": first_page, built: ""})
    save("one.example.com", "three.example.com")
    first = " ".join(requests(project))
    save("two.example.com", "four.example.com")
    second = " ".join(requests(project))
    assert "one.example.com" in first and "three.example.com" in first, first
    assert "two.example.com" in second and "four.example.com" in second, second
    assert "one.example.com" not in second and "three.example.com" not in second, second


def test_the_same_page_text_is_reported_at_each_path_and_by_the_site_s_own_host(tmp_path: Path) -> None:
    """What the check found in a Markdown page is kept by the page's text, its path and the site's host: the
    same text in two files is reported in each, and not where the site itself is on the host it loads from."""
    page, twin = f"docs/{LANGUAGES.source}/seite.md", f"docs/{LANGUAGES.source}/zwilling.md"
    text = '---\ntitle: Titel\ndescription: \'<img src="https://pixel.example.com/p.gif" alt="">\'\n---\n![Bild](https://pixel.example.com/x.png)\n'
    project = project_with(tmp_path, {page: text, twin: text})
    found = " ".join(requests(project))
    assert f"{page}:3:14:" in found and f"{twin}:3:14:" in found, found
    assert f"{page}:5:" in found and f"{twin}:5:" in found, found
    on_that_host = Site(
        root=project / "site", site_url="https://pixel.example.com/", languages=LANGUAGES, project=project
    )
    assert check_third_party_requests(on_that_host) == []
