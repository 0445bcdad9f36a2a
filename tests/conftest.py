"""Shared fixtures: the site built with --strict under a sub-path, and served there on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator

import pytest
from microsite.measurements import sources_fingerprint
from project import ROOT, SUB_PATH, build_site, free_port
from site_model import BuiltSite
from static_host import SubPathHandler


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> BuiltSite:
    destination = tmp_path_factory.mktemp("site")
    site_url = f"http://127.0.0.1:{site_port}{SUB_PATH}"
    sources = sources_fingerprint(ROOT)
    result = build_site(destination, site_url)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return BuiltSite(root=destination, site_url=site_url, log=result.stdout + result.stderr, sources=sources)


@pytest.fixture(scope="session")
def served_site(built_site: BuiltSite, site_port: int) -> Iterator[str]:
    handler = functools.partial(SubPathHandler, directory=str(built_site.root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", site_port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield built_site.site_url
    finally:
        server.shutdown()
        server.server_close()
