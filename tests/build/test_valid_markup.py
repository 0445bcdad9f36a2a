"""The Nu Html Checker (vnu-jar, from tests/package.json) on every page of the fixture site, served over HTTP
as readers get it: only the theme's messages listed below, each with its reason, are accepted; any other
error, warning or note fails the test with the page, its line and the checker's words.

Served, not read from disk: the checker compares each page's Content-Security-Policy with the resources
it loads, and a page read from a file has no origin of its own, so `'self'` would allow nothing. One Java
process checks every page (the checker takes seconds to start). Where Java or the checker is missing the
test is skipped with a line saying so, except under CI=true, where that fails (.ci/run installs Java).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from chromium import missing_tool
from project import ROOT
from site_model import BuiltSite

VNU = ROOT / "tests" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Every page of the fixture site is checked in about five seconds; this only keeps a hung checker from
# hanging the suite.
TIMEOUT_SECONDS = 300


@dataclass(frozen=True)
class KnownMessage:
    """A message of the checker that the project accepts: what it says, about which markup, and why."""

    says: str
    markup: str
    reason: str

    def matches(self, message: dict) -> bool:
        # The checker's highlight may take in the white space before the element.
        return bool(re.search(self.says, message["message"]) and re.search(self.markup, highlighted(message).strip()))


KNOWN_MESSAGES = (
    KnownMessage(
        says=r"^Attribute “autocomplete” is only allowed when the input type is",
        markup=r'^<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"',
        reason="Material's base template marks its drawer and search toggles, two checkboxes, autocomplete=off "
        "so that a browser going back does not restore them open; the checker allows it on text fields only.",
    ),
    KnownMessage(
        says=r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
        markup=r'^<label class="md-nav__title" for="__toc">$',
        reason="Material's table of contents labels the toggle `__toc`, which its navigation renders only for a "
        "page with an entry of its own: not for a section's index page (navigation.indexes), nor for an article, "
        "which the navigation leaves out (it lists the index).",
    ),
    KnownMessage(
        says=r"^Inline script violates Content Security Policy",
        markup=r'^<script (id="__config" )?type="application/(ld\+)?json">$',
        reason="A data block (the page's JSON-LD, Material's configuration) is no script: browsers never run it, "
        "so the policy does not apply to it. The browser tests record every violation Chromium reports.",
    ),
    KnownMessage(
        says=r"^Bad value “” for attribute “tabindex” on element “label”",
        markup=r'^<label class="md-nav__link ?( md-nav__link--active)?" for="__nav_[\d_]+" id="__nav_[\d_]+_label" '
        r'tabindex="">$',
        reason="With navigation.tabs, Material's nav-item.html gives a section's label (a tab's entry in the phone's "
        'drawer) `tabindex` "0" only below the top level and an empty value at it; a browser reads an empty '
        "tabindex as none, so the label is not focusable and its section's link is.",
    ),
    KnownMessage(
        says=r"^Trailing slash on void elements has no effect",
        markup=r"^<br />$",
        reason="Python-Markdown writes a line break (a trailing backslash) as `<br />`: harmless, it has no "
        "attribute that the slash could run into.",
    ),
)


def highlighted(message: dict) -> str:
    """The markup the message is about: the highlighted part of its extract."""
    extract, start = message.get("extract", ""), message.get("hiliteStart", 0)
    return extract[start : start + message.get("hiliteLength", 0)]


def checker_messages(addresses: list[str]) -> list[dict]:
    """The Nu Html Checker's messages on the pages at `addresses`, from one Java process."""
    java = shutil.which("java")
    if java is None:
        missing_tool("Java not found: the markup check is skipped (apt-get install -y default-jre-headless)")
    if not VNU.exists():
        missing_tool(f"vnu-jar not found at {VNU}: run 'make setup' (needs npm) to install it")
    # The checker refuses addresses on this machine unless told otherwise; the pages are on 127.0.0.1.
    command = [java, "-Dnu.validator.servlet.allow-forbidden-hosts=true", "-jar", str(VNU)]
    command += ["--format", "json", "--stdout", "--exit-zero-always", *addresses]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"the Nu Html Checker did not finish within {TIMEOUT_SECONDS} s") from None
    assert result.returncode == 0, f"the Nu Html Checker failed:\n{result.stdout}\n{result.stderr}"
    return json.loads(result.stdout)["messages"]


def is_problem(message: dict) -> bool:
    """Every error, warning and note the project has not accepted by name."""
    return not any(known.matches(message) for known in KNOWN_MESSAGES)


def described(message: dict, address: str, root: Path) -> str:
    page = message.get("url", "").removeprefix(address)
    line = message.get("lastLine", "?")
    kind = message.get("subType", message["type"])
    return f"{root / page}:{line}: {kind}: {message['message']} – {highlighted(message)!r}"


def test_the_checker_finds_nothing_but_the_listed_theme_messages(built_site: BuiltSite, served_site: str) -> None:
    pages = built_site.html_files()
    messages = checker_messages([served_site + page for page in pages])
    problems = [described(message, served_site, built_site.root) for message in messages if is_problem(message)]
    assert not problems, f"the Nu Html Checker on {len(pages)} pages:\n" + "\n".join(problems)
