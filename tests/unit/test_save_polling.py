"""The preview's server looks for saved files more often than MkDocs' default (upstream/mkdocs.py
`poll_for_saves`, from the hook's `on_serve`), and still notices a save in every folder it watched."""

from __future__ import annotations

import time
from pathlib import Path

from microsite.upstream import poll_for_saves
from microsite.upstream.mkdocs import SAVE_POLLING_SECONDS
from mkdocs.livereload import LiveReloadServer


def noticed_save(server: LiveReloadServer, saved: Path) -> bool:
    """Whether the running server wants a rebuild within two seconds of `saved` being written."""
    saved.write_text("gespeichert\n", encoding="utf-8")
    deadline = time.monotonic() + 2
    with server._rebuild_cond:
        return server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=max(0, deadline - time.monotonic()))


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
    # Watched twice, docs/ needs two unwatches before it is no longer watched, as with MkDocs' own observer.
    assert server._watched_paths == {str(docs): 2, str(config): 1, str(theme): 1}
    server.observer.start()
    # Each folder's first look, which later ones are compared with, is taken as the observer starts.
    time.sleep(0.5)
    try:
        for saved in (docs / "seite.md", config, theme / "main.html"):
            server._want_rebuild = False
            assert noticed_save(server, saved), f"a save of {saved.name} went unnoticed"
    finally:
        server.observer.stop()
        server.observer.join()
