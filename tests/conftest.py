"""Shared fixtures: the fixture publication (tests/publication/) assembled once with the generator and its
site built with --strict under a sub-path, both once for every test process of a run; the site served there on
127.0.0.1 by each process; and Debian's Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS, missing_tool
from project import free_port
from shared_build import fixture_build
from site_model import BuiltSite
from static_host import served_under_sub_path


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The fixture publication built strictly for the sub-path, once for every test process of the run
    (shared_build.py): to read, serve and copy, never to change (`site_copy` is a copy a test may change)."""
    return fixture_build(tmp_path_factory)


@pytest.fixture(scope="session")
def publication_project(built_site: BuiltSite) -> Path:
    """The fixture publication assembled into a project, the one `built_site` was built from: to read and to
    build, never to change (a test that changes a project assembles its own)."""
    return built_site.project


@pytest.fixture(scope="session")
def served_site(built_site: BuiltSite) -> Iterator[str]:
    """The built site's address while this process serves it, on a port of its own."""
    with served_under_sub_path(built_site.root, free_port()) as address:
        yield address


@pytest.fixture(scope="session")
def browser() -> Iterator:
    """One Chromium for every browser test: Playwright's sync API runs one instance per process."""
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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The modules marked `long_module` first, the rest in their order: make test gives each worker a whole
    module (--dist loadscope, --no-loadscope-reorder), and a long one started last keeps its worker busy
    while the other has nothing left to do."""
    items.sort(key=lambda item: item.get_closest_marker("long_module") is None)
