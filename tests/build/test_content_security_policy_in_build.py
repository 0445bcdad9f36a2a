"""Every HTML file of the built fixture site has its Content-Security-Policy, first in its head, naming
every inline script of the page by its hash; the pages no reader navigates to (redirects at old
addresses) included. (That the browser finds no violation: tests/browser/.)"""

from __future__ import annotations

from microsite.site_output.content_security import inline_scripts, script_hash
from site_model import BuiltSite


def test_every_html_file_has_one_policy_before_anything_it_governs(built_site: BuiltSite) -> None:
    assert built_site.redirect_paths(), "the fixture publication has no old address: nothing tests its redirect"
    for path in built_site.html_files():
        elements = built_site.html(path).elements
        policies = [element for element in elements if element.attrs.get("http-equiv") == "Content-Security-Policy"]
        assert len(policies) == 1, f"{path}: {len(policies)} policies"
        governed = [element for element in elements if element.tag in ("script", "link", "style", "img", "iframe")]
        assert not governed or elements.index(policies[0]) < elements.index(governed[0]), path


def test_every_inline_script_of_a_built_page_is_named_by_its_hash(built_site: BuiltSite) -> None:
    pages_with_scripts = 0
    for path in built_site.html_files():
        page_html = (built_site.root / path).read_text(encoding="utf-8")
        policy = built_site.html(path).find("meta", **{"http-equiv": "Content-Security-Policy"}).attrs["content"]
        script_sources = next(d.split()[1:] for d in policy.split(";") if d.split()[0] == "script-src")
        expected = {f"'{script_hash(script)}'" for script in inline_scripts(page_html)}
        assert set(script_sources) == {"'self'"} | expected, path
        pages_with_scripts += bool(expected)
    assert pages_with_scripts == len(built_site.page_paths())
