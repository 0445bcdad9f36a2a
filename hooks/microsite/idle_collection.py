"""The preview's cyclic garbage collected while the preview is idle, not in the middle of a save's build.

A save's build in a large archive leaves Python's cycle collector one or two full collections to run (about a
quarter of a second each at 1,000 article pairs), which the editor would wait for. In the preview the collector
pauses while a build runs and collects once the build has been served for a moment. Objects without cycles are
freed at once, as ever; `mkdocs build` is left alone.
"""

from __future__ import annotations

import gc
import threading

# How long after a build ends the preview collects: by then the browser has reloaded the page it shows.
IDLE_SECONDS = 1.0


class IdleCollection:
    """The cycle collector of the preview's process: paused from a build's start until it has ended and
    `idle_seconds` have passed without another build starting."""

    def __init__(self, idle_seconds: float = IDLE_SECONDS) -> None:
        self._idle_seconds = idle_seconds
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    def build_starts(self) -> None:
        with self._lock:
            self._cancel()
            gc.disable()

    def build_ends(self) -> None:
        with self._lock:
            self._cancel()
            self._timer = threading.Timer(self._idle_seconds, self._collect)
            self._timer.daemon = True
            self._timer.start()

    def close(self) -> None:
        """The preview stops: the collector runs as usual again."""
        with self._lock:
            self._cancel()
            gc.enable()

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _collect(self) -> None:
        with self._lock:
            # A build that started meanwhile replaced or cancelled this timer: it collects after that build.
            if self._timer is not threading.current_thread():
                return
            self._timer = None
            gc.enable()
            gc.collect()
