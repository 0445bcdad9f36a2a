"""The preview's server looks for saved files more often than MkDocs' default (upstream/livereload.py
`poll_for_saves`, from the hook's `on_serve`), and still notices a save in every folder it watched; it does not
look while it builds, and notices a save made meanwhile once the build ends."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from microsite.upstream import poll_for_saves
from microsite.upstream.livereload import QUIET_BEFORE_BUILD_SECONDS, SAVE_POLLING_SECONDS
from mkdocs.livereload import LiveReloadServer


def noticed_save(server: LiveReloadServer, saved: Path) -> bool:
    """Whether the running server wants a rebuild within two seconds of `saved` being written."""
    saved.write_text("gespeichert\n", encoding="utf-8")
    deadline = time.monotonic() + 2
    with server._rebuild_cond:
        return server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=max(0, deadline - time.monotonic()))


@contextmanager
def watching(tmp_path: Path, build: Callable[[], None]) -> Iterator[tuple[LiveReloadServer, Path]]:
    """A preview server that builds with `build`, watching a new docs/ folder with the project's polling, once
    it has taken its first look (which later ones are compared with), until the block ends."""
    docs = tmp_path / "docs"
    docs.mkdir()
    server = LiveReloadServer(builder=build, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    server.watch(str(docs))
    poll_for_saves(server)
    server.observer.start()
    try:
        until_watching(server, docs)
        yield server, docs
    finally:
        server.observer.stop()
        server.observer.join(timeout=5)


def until_watching(server: LiveReloadServer, folder: Path, seconds: float = 30) -> None:
    """Saves a file in `folder` again and again until the server notices (the observer's first look, taken as
    its thread starts, may come after a save on a busy machine), then forgets that it did."""
    deadline = time.monotonic() + seconds
    probe = folder / "erster-blick.md"
    while not noticed_save(server, probe):
        assert time.monotonic() < deadline, f"the server noticed no save in {folder} within {seconds} s"
    server._want_rebuild = False


def test_the_server_polls_more_often_and_notices_a_save_in_every_watched_folder(tmp_path: Path) -> None:
    docs, theme = tmp_path / "docs", tmp_path / "overrides"
    docs.mkdir()
    theme.mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    # Not bound to a port: MkDocs binds when it serves.
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    for path in (docs, config, theme, docs):
        server.watch(str(path))

    poll_for_saves(server)

    assert server.observer.timeout == SAVE_POLLING_SECONDS < 0.5
    # MkDocs waits 0.1 s after a change for more before it builds; a poll reports all it found at once.
    assert server.build_delay == QUIET_BEFORE_BUILD_SECONDS < 0.1
    # Watched twice, docs/ needs two unwatches before it is no longer watched, as with MkDocs' own observer.
    assert server._watched_paths == {str(docs): 2, str(config): 1, str(theme): 1}
    server.observer.start()
    until_watching(server, docs)
    try:
        for saved in (docs / "seite.md", config, theme / "main.html"):
            server._want_rebuild = False
            assert noticed_save(server, saved), f"a save of {saved.name} went unnoticed"
    finally:
        server.observer.stop()
        server.observer.join()


def test_a_save_made_while_the_server_builds_is_noticed_when_the_build_ends(tmp_path: Path) -> None:
    noticed_while_building = []

    def build() -> None:
        (docs / "seite.md").write_text("gespeichert\n", encoding="utf-8")
        time.sleep(4 * SAVE_POLLING_SECONDS)
        noticed_while_building.append(server._want_rebuild)

    with watching(tmp_path, build) as (server, docs):
        server.builder()
        # Four polls' time passed while it built, and none looked (the build would have waited for them).
        assert noticed_while_building == [False]
        with server._rebuild_cond:
            assert server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=2), "the save went unnoticed"


def test_the_preview_stops_while_it_builds(tmp_path: Path) -> None:
    stopped_while_building = []

    def build() -> None:
        # By now the observer waits for the build to end; stopping waits for it (a hung preview if it never came).
        time.sleep(2 * SAVE_POLLING_SECONDS)
        stopping = threading.Thread(target=server.observer.stop, daemon=True)
        stopping.start()
        stopping.join(timeout=2)
        stopped_while_building.append(not stopping.is_alive())

    with watching(tmp_path, build) as (server, _):
        server.builder()
        server.observer.join(timeout=2)
        assert stopped_while_building == [True]
        assert not server.observer.is_alive()
