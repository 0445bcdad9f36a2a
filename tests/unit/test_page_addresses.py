"""A page's address, which the process keeps from one build to the next: each build gets the address its own
settings give, as MkDocs makes it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from microsite.addresses import page_url
from microsite.languages import Languages
from mkdocs.structure.files import File

LANGUAGES = Languages(("de", "en"))


@pytest.mark.parametrize("path", ["artikel/hafen.md", "index.md", "artikel/index.md", "themen/wasser stadt.md"])
def test_a_build_gets_the_address_of_its_own_directory_url_setting(path: str) -> None:
    # One process, as the preview runs: builds with and without directory URLs, in turns, ask for the same page.
    for use_directory_urls in (True, False, True, False):
        config = SimpleNamespace(site_url="https://example.org/", use_directory_urls=use_directory_urls)
        made_by_mkdocs = File(path, "/docs", "/site", use_directory_urls=use_directory_urls).url.removeprefix("./")
        assert page_url(config, LANGUAGES, "en", path) == f"https://example.org/en/{made_by_mkdocs}"
        assert page_url(config, LANGUAGES, "de", path) == f"https://example.org/{made_by_mkdocs}"
