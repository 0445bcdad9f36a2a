"""The built site served on 127.0.0.1 under the site's sub-path: as files alone, or as a static host
serves it, where every missing address, in any folder, is answered with the site's root 404.html and
status 404, as GitHub Pages and most static hosts do."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

from microsite.upstream import ERROR_PAGE
from project import SUB_PATH, build_site, free_port


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site directory under SUB_PATH only, like a static host serving a project site."""

    def translate_path(self, path: str) -> str:
        url_path = path.split("?", 1)[0].split("#", 1)[0]
        if not url_path.startswith(SUB_PATH):
            return str(Path(self.directory) / "\0outside-the-site")
        return super().translate_path("/" + url_path[len(SUB_PATH) :])

    def send_head(self):
        # An address outside the sub-path (the browser's own /favicon.ico) is missing, as on the host: the
        # standard handler would try to open the path above, which no file can have, and print a traceback.
        if not self.path.startswith(SUB_PATH):
            self.send_error(404)
            return None
        return super().send_head()

    def log_message(self, format: str, *args) -> None:
        pass


class RootErrorPageHandler(SubPathHandler):
    """…and answers a missing address, in any folder, with the root 404.html and status 404."""

    def do_GET(self) -> None:
        target = Path(self.translate_path(self.path))
        if (target / "index.html" if target.is_dir() else target).is_file():
            super().do_GET()
            return
        body = (Path(self.directory) / ERROR_PAGE).read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def served_under_sub_path(site: Path, port: int) -> Iterator[str]:
    """The site's address while its files are served on `port` (the one its site_url names, or for a build
    several test processes serve, each one's own)."""
    with _served(site, port, SubPathHandler) as address:
        yield address


@contextlib.contextmanager
def built_and_served_like_github_pages(project: Path, site: Path) -> Iterator[str]:
    """The project built strictly into `site`, for a free port under SUB_PATH, and its address while it is
    served there like GitHub Pages."""
    port = free_port()
    result = build_site(site, f"http://127.0.0.1:{port}{SUB_PATH}", config_file=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    with served_like_github_pages(site, port) as address:
        yield address


@contextlib.contextmanager
def served_like_github_pages(site: Path, port: int) -> Iterator[str]:
    """The site's address while it is served with the root 404.html for every missing address; `port` is
    the one its site_url names."""
    with _served(site, port, RootErrorPageHandler) as address:
        yield address


@contextlib.contextmanager
def _served(site: Path, port: int, handler_class: type[SubPathHandler]) -> Iterator[str]:
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}{SUB_PATH}"
    finally:
        server.shutdown()
        server.server_close()
