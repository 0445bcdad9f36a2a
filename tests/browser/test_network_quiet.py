"""The wait of the tests that check what a page requests (chromium.open_quietly): it returns sooner than
Playwright's `networkidle`, but still sees what a page's script asks for a while after the page has loaded,
and what that answer leads to."""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium import open_quietly
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


def test_requests_a_page_makes_200_ms_after_loading_are_seen_and_answered(browser, tmp_path: Path) -> None:
    (tmp_path / "late.html").write_text(LATE_ASKING_PAGE, encoding="utf-8")
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
