"""The Content-Security-Policy at work in Chromium: what slips into a page past the checks does not run,
while the theme's own scripts do; and the preview (`make serve`) still reloads under it.

(That no page of the built site violates its policy, and that search and the language selector work
under it: tests/browser/test_browser.py.)
"""

from __future__ import annotations

import pytest
from chromium import RECORD_POLICY_VIOLATIONS, open_quietly, policy_violations
from microsite.upstream import with_content_prefix
from preview_server import make_serve
from site_model import BuiltSite

pytestmark = pytest.mark.browser

# What the checks refuse, as if it had slipped past them into a page's content: an inline script, an
# inline event handler, and a script from another host (127.0.0.2: never reached, the policy refuses it
# before any request).
SLIPPED_IN = (
    '<script>window.slipped = "inline script";</script>'
    "<svg onload=\"window.slipped = 'event handler'\"></svg>"
    '<script src="http://127.0.0.2:9/tracker.js"></script>'
)


def test_a_script_that_slipped_into_a_page_does_not_run_and_the_themes_own_do(
    browser, built_site: BuiltSite, served_site: str
) -> None:
    page_html = (built_site.root / "index.html").read_text(encoding="utf-8")
    context = browser.new_context(service_workers="block")
    try:
        context.add_init_script(script=RECORD_POLICY_VIOLATIONS)
        answered, refused_requests = [], []
        context.on("requestfinished", lambda request: answered.append(request.url))
        context.on("requestfailed", lambda request: refused_requests.append((request.url, request.failure)))
        context.route(
            served_site + "index.html",
            lambda route: route.fulfill(content_type="text/html", body=with_content_prefix(page_html, SLIPPED_IN)),
        )
        page = context.new_page()
        open_quietly(page, served_site + "index.html")
        assert page.evaluate("window.slipped") is None
        refused = policy_violations(page)
        assert sorted(violation.split()[0] for violation in refused) == [
            "script-src-attr",
            "script-src-elem",
            "script-src-elem",
        ], refused
        assert not [url for url in answered if url.startswith("http://127.0.0.2")]
        assert refused_requests == [("http://127.0.0.2:9/tracker.js", "csp")], refused_requests
        # Material's inline script (hashed) defines its storage helpers, its bundle (a file) starts the search.
        assert page.evaluate("typeof __md_get") == "function"
        page.locator(".md-search__input").click()
        assert page.locator(".md-search__input").evaluate("input => document.activeElement === input")
    finally:
        context.close()


def test_the_preview_reloads_a_page_under_its_policy(browser, tmp_path) -> None:
    with make_serve(tmp_path) as preview:
        context = browser.new_context(service_workers="block")
        try:
            context.add_init_script(script=RECORD_POLICY_VIOLATIONS)
            page = context.new_page()
            console = []
            page.on("console", lambda message: console.append(message.text))
            # Not "networkidle": the reload script keeps a request open until the next build.
            page.goto(preview.url("impressum.html"), wait_until="load")
            assert page.locator('head > meta[http-equiv="Content-Security-Policy"]').count() == 1
            assert "Enabled live reload" in console, console
            legal_notice = preview.project / "docs" / "de" / "impressum.md"
            original = legal_notice.read_text(encoding="utf-8")
            preview.save(
                lambda: legal_notice.write_text(original + "\nNeu gespeichert: Wasserturm.\n", encoding="utf-8")
            )
            page.get_by_text("Neu gespeichert: Wasserturm.").wait_for(timeout=10_000)
            assert not policy_violations(page), policy_violations(page)
        finally:
            context.close()
