"""Debian's Chromium driven by Playwright, for the browser tests: where it is, how it is started, and
axe-core's verdict on a page. Never `playwright install`, which downloads a browser."""

from __future__ import annotations

import os
import time
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from project import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = ROOT / "tests" / "node_modules" / "axe-core" / "axe.min.js"
# Every violation of a page's Content-Security-Policy, as the browser reports it to the document: an init
# script of the browser context (`context.add_init_script`), read with `policy_violations`.
RECORD_POLICY_VIOLATIONS = """
window.__policyViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__policyViolations.push(`${event.violatedDirective} refused ${event.blockedURI || "inline"}: ${event.sample}`);
});
"""


def policy_violations(page) -> list[str]:
    """What the page's Content-Security-Policy refused since the page was loaded."""
    return page.evaluate("window.__policyViolations")


def missing_tool(message: str) -> None:
    """Skip with a visible reason locally; in CI a missing tool is a failure."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def axe_result(page) -> dict:
    """axe-core's result on the page as it is now: its `violations`, and `testEngine` (its version)."""
    if not AXE.exists():
        missing_tool(f"axe-core not found at {AXE}: run 'make setup' (needs npm) to install it")
    # Evaluated through the browser's debugging protocol, not added as a <script>: the page's
    # Content-Security-Policy refuses any script the site did not write, axe-core's too. Once a document: a page
    # read again (laid out at another width) keeps it, and its half megabyte is not parsed twice.
    if page.evaluate("typeof axe === 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")


def violation_lines(result: dict) -> list[str]:
    """Every violation of an axe-core result, one line each."""
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} – {[node['target'] for node in violation['nodes']]}"
        for violation in result["violations"]
    ]


def axe_violations(page) -> list[str]:
    """Every axe-core violation on the page as it is now, one line each."""
    return violation_lines(axe_result(page))


# How long no request may be in flight before a page counts as done with the network. Longer than the 200 ms
# after which a page's script may still ask for something (tests/browser/test_network_quiet.py opens such a
# page), and half of the fixed 500 ms Playwright's `networkidle` waits on every page.
QUIET_SECONDS = 0.25
# How often the requests in flight are looked at: Playwright hands its events to this process only while it
# waits in one of its calls.
QUIET_POLL_MS = 20
# The quiet is counted on the page's own clock too: a timer set in the page when the quiet starts, which starts
# again whenever the page has taken in a request (a resource entry of its performance timeline) or its script has
# done something the quiet waits for (PAGE_WORK). The timer's mark is kept under a symbol, out of the page's names.
START_PAGE_CLOCK = """([mark, milliseconds]) => {
  const clock = Symbol.for("tests.quietClock");
  const work = window[Symbol.for("tests.pageWork")];
  const [setTimer, clearTimer] = work ? work.untracked : [setTimeout, clearTimeout];
  if (window[clock]) window[clock].observer.disconnect();
  const timer = {mark, passed: false, observer: null, id: null};
  timer.start = () => {
    clearTimer(timer.id);
    timer.passed = false;
    timer.id = setTimer(() => { timer.passed = true; }, milliseconds);
  };
  timer.observer = new PerformanceObserver(timer.start);
  timer.observer.observe({type: "resource"});
  window[clock] = timer;
  timer.start();
}"""
# Whether the page's timer with `mark` has fired and nothing of PAGE_WORK is pending; null if the page holds no
# such timer (a new document).
PAGE_CLOCK_PASSED = """(mark) => {
  const timer = window[Symbol.for("tests.quietClock")];
  if (timer === undefined || timer.mark !== mark) return null;
  const work = window[Symbol.for("tests.pageWork")];
  return timer.passed && (work === undefined || work.pending.size === 0);
}"""
# The longest timer of a page's script that the quiet waits for: what a script sets for longer is not the page
# arriving. Far more than QUIET_SECONDS, so that a timer set for 200 ms is waited for however late it runs.
SHORT_TIMER_MS = 1000
# What a page's script has set going that the quiet waits for, whatever the clocks say: its timers and intervals
# of up to SHORT_TIMER_MS (rxjs, which Material's scripts use, sets its delays as intervals and clears each once it
# has run), and its requests by `fetch` and XMLHttpRequest until they are answered. A busy machine can hold a page's
# script back between two of its steps for longer than any quiet, and this process can hear of a request the page
# has made after the page's clock has passed; neither can pass what the page has been seen to set going. Each one
# that ends starts the page's clock again, as its script may go on from there. An init script of the page, run
# before the page's own scripts; the page's clock sets its timer with the functions it wrapped.
PAGE_WORK = """(() => {
  const key = Symbol.for("tests.pageWork");
  if (window[key]) return;
  const pending = new Set();
  const untracked = [window.setTimeout, window.clearTimeout, window.setInterval, window.clearInterval];
  const [setTimer, clearTimer, setRepeating, clearRepeating] = untracked;
  const [fetchUntracked, sendUntracked] = [window.fetch, XMLHttpRequest.prototype.send];
  window[key] = {pending, untracked};
  const ended = (token) => {
    pending.delete(token);
    window[Symbol.for("tests.quietClock")]?.start();
  };
  const short = (handler, delay) => typeof handler === "function" && Number(delay ?? 0) <= SHORT_TIMER_MS;
  // An interval stays pending after it has run, until it is cleared.
  const tracked = (set, once) => function (handler, delay, ...rest) {
    if (!short(handler, delay)) return set.call(this, handler, delay, ...rest);
    const id = set.call(this, function (...given) {
      try { return handler.apply(this, given); } finally { ended(once ? id : null); }
    }, delay, ...rest);
    pending.add(id);
    return id;
  };
  window.setTimeout = tracked(setTimer, true);
  window.setInterval = tracked(setRepeating, false);
  window.clearTimeout = function (id) { pending.delete(id); return clearTimer.call(this, id); };
  window.clearInterval = function (id) { pending.delete(id); return clearRepeating.call(this, id); };
  window.fetch = function (...given) {
    const token = Symbol("fetch");
    pending.add(token);
    try {
      const answer = fetchUntracked.apply(this, given);
      answer.then(() => ended(token), () => ended(token));
      return answer;
    } catch (error) { ended(token); throw error; }
  };
  XMLHttpRequest.prototype.send = function (...given) {
    const token = Symbol("XMLHttpRequest");
    pending.add(token);
    this.addEventListener("loadend", () => ended(token), {once: true});
    try { return sendUntracked.apply(this, given); } catch (error) { ended(token); throw error; }
  };
})();""".replace("SHORT_TIMER_MS", str(SHORT_TIMER_MS))
# The pages given PAGE_WORK: a page keeps its init scripts for every document it opens after.
PAGES_TRACKING_WORK: weakref.WeakSet = weakref.WeakSet()


def track_page_work(page) -> None:
    """Gives each document the page opens from now on PAGE_WORK, once a page."""
    if page not in PAGES_TRACKING_WORK:
        page.add_init_script(script=PAGE_WORK)
        PAGES_TRACKING_WORK.add(page)


class NetworkWatch:
    """The requests in flight in a page, from the watch's start until `stop`: Playwright's `networkidle`
    for a page already open too (after a scroll that loads pictures), with a shorter quiet."""

    def __init__(self, page) -> None:
        self.page = page
        self.in_flight: set = set()
        self.last_change = time.monotonic()
        # The moment the page's clock was last started for: the quiet's start, or the last change after it.
        self.page_clock_for: float | None = None
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)

    def _started(self, request) -> None:
        self.in_flight.add(request)
        self.last_change = time.monotonic()

    def _ended(self, request) -> None:
        self.in_flight.discard(request)
        self.last_change = time.monotonic()

    def quiet_since(self, start: float) -> bool:
        """Whether no request has been in flight for QUIET_SECONDS, counted from `start` at the earliest, by
        this process's clock and by the page's."""
        quiet_from = max(self.last_change, start)
        if self.page_clock_for != quiet_from:
            self._start_page_clock(quiet_from)
            return False
        if self.in_flight or time.monotonic() - quiet_from < QUIET_SECONDS:
            return False
        return self._page_clock_passed()

    def _start_page_clock(self, quiet_from: float) -> None:
        try:
            self.page.evaluate(START_PAGE_CLOCK, [quiet_from, QUIET_SECONDS * 1000])
        except PlaywrightError:
            return  # the page is between two documents: its clock is started in the next one
        self.page_clock_for = quiet_from

    def _page_clock_passed(self) -> bool:
        try:
            passed = self.page.evaluate(PAGE_CLOCK_PASSED, self.page_clock_for)
        except PlaywrightError:
            passed = None
        if passed is None:
            self.page_clock_for = None
        return bool(passed)

    def wait_until_quiet(self, timeout: float = 30) -> None:
        """Returns once no request has been in flight for QUIET_SECONDS, counted from this call at the
        earliest: what the page does next has that long to ask for something."""
        wait_until_all_quiet([(self, time.monotonic())], timeout)

    def stop(self) -> None:
        self.page.remove_listener("request", self._started)
        self.page.remove_listener("requestfinished", self._ended)
        self.page.remove_listener("requestfailed", self._ended)


def wait_until_all_quiet(watches_and_starts: list[tuple[NetworkWatch, float]], timeout: float) -> None:
    """Returns once each watch's page has had no request in flight for QUIET_SECONDS, counted from the start
    given with it at the earliest. The pages wait side by side: while Playwright waits in any page's call, it
    hands this process the events of all of them."""
    deadline = time.monotonic() + timeout
    waiting = watches_and_starts
    while waiting := [(watch, start) for watch, start in waiting if not watch.quiet_since(start)]:
        assert time.monotonic() < deadline, f"requests still in flight after {timeout} s: " + ", ".join(
            f"{watch.page.url}: {request.url}" for watch, _ in waiting for request in watch.in_flight
        )
        waiting[0][0].page.wait_for_timeout(QUIET_POLL_MS)


def open_quietly(page, url: str, *, timeout: float = 30) -> None:
    """Opens `url` in `page` and returns once it has loaded and no request has been in flight for
    QUIET_SECONDS: for tests of what a page requests, its scripts' later requests (the search index, its
    stemmer) included."""
    track_page_work(page)
    watch = NetworkWatch(page)
    try:
        page.goto(url, wait_until="load", timeout=timeout * 1000)
        watch.wait_until_quiet(timeout)
    finally:
        watch.stop()


def open_all_quietly(
    pages_and_addresses: list[tuple], *, timeout: float = 30, once_committed: Callable[[], None] | None = None
) -> None:
    """Opens each page at its address, all at once, and returns once each has loaded and no request has been
    in flight in it for QUIET_SECONDS: open_quietly for several pages, whose waits for the network overlap
    instead of adding up. Each page's own requests count for it alone. `once_committed` is called once every
    page has begun to arrive (to let go of pages a host holds)."""
    for page, _ in pages_and_addresses:
        track_page_work(page)
    watches = [NetworkWatch(page) for page, _ in pages_and_addresses]
    try:
        for page, address in pages_and_addresses:
            page.goto(address, wait_until="commit", timeout=timeout * 1000)
        if once_committed is not None:
            once_committed()
        loaded = []
        for (page, _), watch in zip(pages_and_addresses, watches, strict=True):
            page.wait_for_load_state("load", timeout=timeout * 1000)
            loaded.append((watch, time.monotonic()))
        wait_until_all_quiet(loaded, timeout)
    finally:
        for watch in watches:
            watch.stop()


def resize_all_quietly(pages: list, viewport: dict, *, timeout: float = 30) -> None:
    """Lays each open page out at the viewport's size, and returns once no request has been in flight in any of
    them for QUIET_SECONDS since: what each asks for at that size (pictures of another size) included, and its
    scripts have had that long to follow the new size."""
    watches = [NetworkWatch(page) for page in pages]
    try:
        for page in pages:
            page.set_viewport_size(viewport)
        resized = time.monotonic()
        wait_until_all_quiet([(watch, resized) for watch in watches], timeout)
    finally:
        for watch in watches:
            watch.stop()
