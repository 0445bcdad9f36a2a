"""The Content-Security-Policy of a page, without a build: what it allows, which inline scripts it names by
their hash, and where it goes in the page."""

from __future__ import annotations

from microsite.site_output.content_security import (
    allowing_added_scripts,
    content_security_policy,
    inline_scripts,
    page_policy,
    script_hash,
    with_policy,
)

# The example of the CSP specification (Level 3, "hash-source"): this script and its hash.
SPEC_SCRIPT = "alert('Hello, world.');"
SPEC_HASH = "sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng="

THEME_SCRIPTS = ['__md_scope=new URL(".",location)', "var target=document.getElementById(location.hash.slice(1))"]


def directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (directive.split() for directive in policy.split(";"))}


def element(policy: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">'


def page(head: str = "", body: str = "") -> str:
    return (
        f'<!doctype html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n{head}</head>\n<body>{body}</body></html>'
    )


def test_a_script_is_named_by_the_hash_the_specification_gives_it() -> None:
    assert script_hash(SPEC_SCRIPT) == SPEC_HASH


def test_the_policy_allows_the_sites_own_origin_and_the_hashes_and_nothing_inline_or_evaluated() -> None:
    policy = directives(content_security_policy([SPEC_HASH]))
    assert policy["script-src"] == ["'self'", f"'{SPEC_HASH}'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"] and policy["frame-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
    every_source = [source for sources in policy.values() for source in sources]
    assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "https:", "http:"} & set(every_source)


def test_a_declared_host_is_allowed_besides_the_site_and_may_be_framed() -> None:
    policy = directives(content_security_policy([], allowed_hosts=["https://maps.example.org"]))
    assert policy["img-src"] == ["'self'", "https://maps.example.org", "data:"]
    assert policy["frame-src"] == ["https://maps.example.org"]
    assert policy["object-src"] == ["'none'"]


def test_a_page_with_two_inline_scripts_of_the_theme_names_both_and_no_data_script() -> None:
    html = page(
        head=f"<script>{THEME_SCRIPTS[0]}</script>\n"
        '<script type="application/ld+json">{"@type": "WebPage"}</script>\n',
        body=f'<script id="__config" type="application/json">{{"base": "."}}</script><script>{THEME_SCRIPTS[1]}</script>'
        '<script src="assets/bundle.js"></script>',
    )
    assert inline_scripts(html) == THEME_SCRIPTS
    script_sources = directives(page_policy(html, set(THEME_SCRIPTS)))["script-src"]
    assert script_sources == ["'self'", *sorted(f"'{script_hash(script)}'" for script in THEME_SCRIPTS)]


def test_a_script_that_slipped_into_the_content_gets_no_hash() -> None:
    html = page(head=f"<script>{THEME_SCRIPTS[0]}</script>", body=f"<article><script>{SPEC_SCRIPT}</script></article>")
    script_sources = directives(page_policy(html, set(THEME_SCRIPTS)))["script-src"]
    assert script_sources == ["'self'", f"'{script_hash(THEME_SCRIPTS[0])}'"]


def test_the_policy_stands_right_after_the_character_encoding_before_any_script_or_stylesheet() -> None:
    html = page(head='<link rel="stylesheet" href="site.css">\n<script>x()</script>\n')
    placed = with_policy(html, "default-src 'self'", element)
    assert placed.index('<meta charset="utf-8">') < placed.index("Content-Security-Policy") < placed.index("<link")
    assert placed.replace(element("default-src 'self'"), "") == html


def test_a_page_with_a_policy_gets_it_replaced_not_a_second_one() -> None:
    html = with_policy(page(), "default-src 'none'", element)
    assert with_policy(html, "default-src 'self'", element).count("Content-Security-Policy") == 1
    assert "'none'" not in with_policy(html, "default-src 'self'", element)


def test_a_head_end_written_inside_a_script_does_not_end_the_head() -> None:
    # A script before the character encoding: the policy must still follow the encoding, found after it.
    html = (
        '<!doctype html>\n<html>\n<head>\n<script>document.title = "</head>"</script>\n<meta charset="utf-8">\n'
        '<link rel="stylesheet" href="site.css">\n</head>\n<body><p>Text</p></body></html>'
    )
    placed = with_policy(html, "default-src 'self'", element)
    assert placed.index('<meta charset="utf-8">') < placed.index("Content-Security-Policy") < placed.index("<link")


def test_a_text_without_a_head_is_left_as_it_is() -> None:
    assert with_policy("<urlset></urlset>", "default-src 'self'", element) == "<urlset></urlset>"


def test_the_preview_allows_the_script_it_adds_to_a_page_and_no_other() -> None:
    html = with_policy(
        page(body="<script>theme()</script>"), content_security_policy([script_hash("theme()")]), element
    )
    served = html.replace("</body>", "<script>livereload(1, 2)</script></body>")
    script_sources = directives(inline_policy(allowing_added_scripts(html, served, element)))["script-src"]
    assert sorted(script_sources) == sorted(
        ["'self'", f"'{script_hash('theme()')}'", f"'{script_hash('livereload(1, 2)')}'"]
    )


def inline_policy(html: str) -> str:
    start = html.index('content="') + len('content="')
    return html[start : html.index('"', start)]
