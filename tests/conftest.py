"""Shared fixtures: the fixture publication (tests/publication/) assembled once with the generator, its
site built with --strict under a sub-path and served there on 127.0.0.1, and Debian's Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS, missing_tool
from project import SUB_PATH, assemble_publication, build_site, free_port
from site_model import BuiltSite
from static_host import served_under_sub_path


@pytest.fixture(scope="session")
def publication_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture publication assembled into a project, once: to read and to build, never to change (a
    test that changes a project assembles its own)."""
    return assemble_publication(tmp_path_factory.mktemp("publication") / "project")


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, publication_project: Path, site_port: int) -> BuiltSite:
    destination = tmp_path_factory.mktemp("site")
    site_url = f"http://127.0.0.1:{site_port}{SUB_PATH}"
    result = build_site(destination, site_url, config_file=publication_project / "mkdocs.yml")
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return BuiltSite(
        root=destination, site_url=site_url, log=result.stdout + result.stderr, project=publication_project
    )


@pytest.fixture(scope="session")
def served_site(built_site: BuiltSite, site_port: int) -> Iterator[str]:
    with served_under_sub_path(built_site.root, site_port) as address:
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
