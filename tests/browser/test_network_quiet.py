"""The wait of the tests that check what a page requests (chromium.open_quietly, and open_all_quietly for
several pages at once): it returns sooner than Playwright's `networkidle`, but still sees what a page's script
asks for a while after the page has loaded, and what that answer leads to, and what its timers of up to a second
lead to, however busy the machine."""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium import open_all_quietly, open_quietly
from project import free_port
from static_host import served_under_sub_path

pytestmark = pytest.mark.browser

# A page that asks for one file 200 ms after it has loaded and, once that has come, for another 200 ms later.
LATE_ASKING_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Late requests</title></head>
<body><script>
window.addEventListener("load", () => setTimeout(async () => {
  await (await fetch("first.txt")).text();
  setTimeout(() => fetch("second.txt"), 200);
}, 200));
</script></body></html>
"""
# The late page, with its script busy from 50 ms after loading for 400 ms: its timers fire late, as on a busy
# machine, past the quiet counted by the test process's clock alone.
BUSY_LATE_ASKING_PAGE = LATE_ASKING_PAGE.replace(
    "</script>",
    """window.addEventListener("load", () => setTimeout(() => {
  const until = performance.now() + 400;
  while (performance.now() < until);
}, 50));
</script>""",
)
# Pages that ask for a file once a timer of their script has run: longer than the quiet, but short enough to be
# waited for (as a timer, and as an interval that ticks three times and is cleared, as rxjs runs its delays), and
# too long for that.
TIMER_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A timer</title></head>
<body><script>
window.addEventListener("load", () => setTimeout(() => fetch("first.txt"), 700));
</script></body></html>
"""
INTERVAL_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>An interval</title></head>
<body><script>
let ticks = 0;
const interval = setInterval(() => {
  ticks += 1;
  if (ticks === 3) { clearInterval(interval); fetch("first.txt"); }
}, 300);
</script></body></html>
"""
LONG_TIMER_PAGE = TIMER_PAGE.replace(", 700)", ", 3000)")
# A page that asks for nothing after it has loaded: opened together with the late one, its quiet comes first.
QUIET_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>No late requests</title></head><body></body></html>
"""


@pytest.mark.parametrize("page_text", [LATE_ASKING_PAGE, BUSY_LATE_ASKING_PAGE], ids=["idle", "busy"])
def test_requests_a_page_makes_200_ms_after_loading_are_seen_and_answered(
    browser, tmp_path: Path, page_text: str
) -> None:
    (tmp_path / "late.html").write_text(page_text, encoding="utf-8")
    for name in ("first.txt", "second.txt"):
        (tmp_path / name).write_text(name, encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    requested, answered = [], []
    page.on("request", lambda request: requested.append(request.url.rsplit("/", 1)[-1]))
    page.on("requestfinished", lambda request: answered.append(request.url.rsplit("/", 1)[-1]))
    with served_under_sub_path(tmp_path, free_port()) as address:
        open_quietly(page, address + "late.html")
        seen_when_done = (list(requested), list(answered))
    context.close()
    assert seen_when_done == (["late.html", "first.txt", "second.txt"], ["late.html", "first.txt", "second.txt"])


@pytest.mark.parametrize("page_text", [TIMER_PAGE, INTERVAL_PAGE], ids=["timer", "interval"])
def test_a_request_a_timer_of_up_to_a_second_leads_to_is_waited_for(browser, tmp_path: Path, page_text: str) -> None:
    assert requested_when_quiet(browser, tmp_path, page_text) == ["late.html", "first.txt"]


def test_a_timer_of_longer_than_a_second_does_not_hold_the_wait(browser, tmp_path: Path) -> None:
    assert requested_when_quiet(browser, tmp_path, LONG_TIMER_PAGE) == ["late.html"]


def requested_when_quiet(browser, tmp_path: Path, page_text: str) -> list[str]:
    """What the page requested by the time open_quietly returned, served as late.html next to first.txt."""
    (tmp_path / "late.html").write_text(page_text, encoding="utf-8")
    (tmp_path / "first.txt").write_text("first", encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url.rsplit("/", 1)[-1]))
    with served_under_sub_path(tmp_path, free_port()) as address:
        open_quietly(page, address + "late.html")
        requested_when_done = list(requested)
    context.close()
    return requested_when_done


def test_opened_together_each_page_waits_for_its_own_late_requests(browser, tmp_path: Path) -> None:
    (tmp_path / "late.html").write_text(LATE_ASKING_PAGE, encoding="utf-8")
    (tmp_path / "quiet.html").write_text(QUIET_PAGE, encoding="utf-8")
    for name in ("first.txt", "second.txt"):
        (tmp_path / name).write_text(name, encoding="utf-8")
    context = browser.new_context()
    names = ["quiet.html", "late.html", "quiet.html"]
    pages = [context.new_page() for _ in names]
    requested: list[list[str]] = [[] for _ in names]
    for page, seen in zip(pages, requested, strict=True):
        page.on("requestfinished", lambda request, seen=seen: seen.append(request.url.rsplit("/", 1)[-1]))
    with served_under_sub_path(tmp_path, free_port()) as address:
        open_all_quietly([(page, address + name) for page, name in zip(pages, names, strict=True)])
        answered_when_done = [list(seen) for seen in requested]
    context.close()
    assert answered_when_done == [["quiet.html"], ["late.html", "first.txt", "second.txt"], ["quiet.html"]]
