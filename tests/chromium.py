"""Debian's Chromium driven by Playwright, for the browser tests: where it is, how it is started, and
axe-core's verdict on a page. Never `playwright install`, which downloads a browser."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from project import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = ROOT / "tests" / "node_modules" / "axe-core" / "axe.min.js"
# Every violation of a page's Content-Security-Policy, as the browser reports it to the document: an init
# script of the browser context (`context.add_init_script`), read with `policy_violations`.
RECORD_POLICY_VIOLATIONS = """
window.__policyViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__policyViolations.push(`${event.violatedDirective} refused ${event.blockedURI || "inline"}: ${event.sample}`);
});
"""


def policy_violations(page) -> list[str]:
    """What the page's Content-Security-Policy refused since the page was loaded."""
    return page.evaluate("window.__policyViolations")


def missing_tool(message: str) -> None:
    """Skip with a visible reason locally; in CI a missing tool is a failure."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def axe_result(page) -> dict:
    """axe-core's result on the page as it is now: its `violations`, and `testEngine` (its version)."""
    if not AXE.exists():
        missing_tool(f"axe-core not found at {AXE}: run 'make setup' (needs npm) to install it")
    # Evaluated through the browser's debugging protocol, not added as a <script>: the page's
    # Content-Security-Policy refuses any script the site did not write, axe-core's too.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")


def violation_lines(result: dict) -> list[str]:
    """Every violation of an axe-core result, one line each."""
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} – {[node['target'] for node in violation['nodes']]}"
        for violation in result["violations"]
    ]


def axe_violations(page) -> list[str]:
    """Every axe-core violation on the page as it is now, one line each."""
    return violation_lines(axe_result(page))
