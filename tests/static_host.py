"""The built site served on 127.0.0.1 under the site's sub-path: as files alone, or as a static host
serves it, where every missing address, in any folder, is answered with the site's root 404.html and
status 404, as GitHub Pages and most static hosts do; or with each page held part-way until the test lets it go, as
a slow network delivers it."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
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


# How long a held page waits at most for its release: a test that fails before it lets its pages go does not leave
# the host's threads waiting for ever.
HOLD_LIMIT_SECONDS = 60


@dataclass
class PageHold:
    """Where each HTML page is held (`at`: the byte offset in the page), and whether the held pages are let go."""

    at: Callable[[bytes], int]
    released: threading.Event = field(default_factory=threading.Event)

    def hold(self) -> None:
        """Every page asked for from now on is held until `release`."""
        self.released.clear()

    def release(self) -> None:
        """Sends the rest of every held page, and of every page asked for until the next `hold`."""
        self.released.set()


class HeldPageHandler(SubPathHandler):
    """…and sends each HTML page in two parts, the first up to the offset its `hold` finds in the page, the rest once
    the hold is released: the browser parses and paints the first part while the rest is on its way, as on a slow
    network. A subclass sets `hold`."""

    hold: PageHold

    def do_GET(self) -> None:
        page = Path(self.translate_path(self.path))
        if page.suffix != ".html" or not page.is_file():
            super().do_GET()
            return
        body = page.read_bytes()
        cut = self.hold.at(body)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[:cut])
        self.wfile.flush()
        self.hold.released.wait(HOLD_LIMIT_SECONDS)
        self.wfile.write(body[cut:])


@contextlib.contextmanager
def served_holding_pages(site: Path, port: int, hold: PageHold) -> Iterator[str]:
    """The site's address while its files are served on `port`, each HTML page held where `hold` says until it is
    released (HeldPageHandler)."""
    handler_class = type("HeldPages", (HeldPageHandler,), {"hold": hold})
    with _served(site, port, handler_class) as address:
        yield address


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
