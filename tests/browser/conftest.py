"""One Chromium for every browser test: Playwright's sync API runs one instance per process."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS, missing_tool


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if not CHROMIUM.exists():
        missing_tool(
            f"Chromium not found at {CHROMIUM}: browser tests skipped "
            "(install it with 'apt-get install -y chromium', as .ci/run does)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
