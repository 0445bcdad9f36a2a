"""What the generator takes from MkDocs' preview server (`mkdocs serve`'s LiveReloadServer): the reload script
it writes into each page (whose hash the page's Content-Security-Policy must name), and how it looks for saved
files and when it builds after one."""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from typing import Any

from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingEmitter


def with_reload_script_allowed(server: Any, allow: Callable[[str, str], str]) -> Any:
    """The preview's server, whose reload script (which MkDocs writes into each page as it serves it, with
    the time of the build and of the request in it) is allowed by `allow(page, page_with_script)`."""
    inject = server._inject_js_into_html

    def injected(content: bytes, epoch: int) -> bytes:
        page = content.decode("utf-8", errors="surrogateescape")
        served = inject(content, epoch).decode("utf-8", errors="surrogateescape")
        return allow(page, served).encode("utf-8", errors="surrogateescape")

    server._inject_js_into_html = injected
    return server


# How often the preview's server looks for saved files: MkDocs polls every 0.5 s, a quarter of a second of
# waiting on average before a save is noticed. Polling every 0.25 s halves that, and costs a process 2 % of a core
# more at 1,000 article pairs (5 % instead of 3 %, measured idle); inotify would cost nothing, but sees no save on
# the network and container-shared folders that polling sees.
SAVE_POLLING_SECONDS = 0.25


# How long the server waits after noticing a save for further changes before it builds (MkDocs waits 0.1 s, for
# the other files of an editor's save): a poll reports every change it found at once, so the rest of a save that
# one poll saw comes within milliseconds, and a part saved after that poll is seen only by the next, a quarter of
# a second later, which no wait shorter than the polling interval would catch.
QUIET_BEFORE_BUILD_SECONDS = 0.02


def poll_for_saves(
    server: Any, seconds: float = SAVE_POLLING_SECONDS, quiet_seconds: float = QUIET_BEFORE_BUILD_SECONDS
) -> None:
    """The preview's server, before it starts, looks for saved files every `seconds`, except while it builds,
    and builds `quiet_seconds` after the last change it noticed: its observer replaced by one polling that often,
    watching every path the old one watched (as many times).

    A build and a walk over every watched file would share one process (and Python runs one thread at a time):
    each poll, about a hundredth of a second at 1,000 article pairs, would make the build wait. The first poll
    after a build compares the files with the poll before it, and so notices every save made while it ran."""
    watched = dict(server._watched_paths)
    for path, count in watched.items():
        for _ in range(count):
            server.unwatch(path)
    idle = threading.Event()
    idle.set()
    server.observer = BaseObserver(functools.partial(_PollingBetweenBuilds, idle=idle), timeout=seconds)
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)
    server.build_delay = quiet_seconds
    build = server.builder

    def build_without_polling(*args: Any, **kwargs: Any) -> None:
        idle.clear()
        try:
            build(*args, **kwargs)
        finally:
            idle.set()

    server.builder = build_without_polling


class _PollingBetweenBuilds(PollingEmitter):
    """A watched folder polled at every whole multiple of `timeout` seconds (of the monotonic clock) while `idle`
    is set, and at once when it is set again.

    Polls on a fixed grid, not `timeout` after the poll at a build's end, come at a moment unrelated to when the
    last build ended, as they did before builds paused them: an editor's save waits half an interval on average."""

    def __init__(self, *args: Any, idle: threading.Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._idle = idle

    def queue_events(self, timeout: float) -> None:
        if self.stopped_event.wait(timeout - time.monotonic() % timeout):
            return
        # Waiting in steps of `timeout`, so that the preview stops even while a build runs.
        while not self._idle.wait(timeout):
            if self.stopped_event.is_set():
                return
        super().queue_events(0)
