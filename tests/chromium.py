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


def missing_tool(message: str) -> None:
    """Skip with a visible reason locally; in CI a missing tool is a failure."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def axe_violations(page) -> list[str]:
    """Every axe-core violation on the page as it is now, one line each."""
    if not AXE.exists():
        missing_tool(f"axe-core not found at {AXE}: run 'make setup' (needs npm) to install it")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} – {[node['target'] for node in violation['nodes']]}"
        for violation in result["violations"]
    ]
