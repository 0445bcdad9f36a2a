"""The real publication, this repository's mkdocs.yml, docs/ and data/ as they are today, whatever they
hold: every check of `make check` passes (the data check, translation parity without an error, the
strict build, the link check), and axe-core finds nothing on any page of its site, on a desktop and on
a phone. That run's figures are recorded for the publication's accessibility statement
(microsite.measurements).

Nothing here expects anything of the publication's content: editors add to it every month. What the
generator does is tested on the fixture publication (tests/publication/), never on this one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from chromium import (
    RECORD_POLICY_VIOLATIONS,
    axe_result,
    open_all_quietly,
    policy_violations,
    resize_all_quietly,
    violation_lines,
)
from microsite.measurements import file_to_record, record_axe, sources_fingerprint
from project import ROOT, SUB_PATH, Run, build_site, free_port, microsite
from site_model import BuiltSite
from static_host import served_under_sub_path

pytestmark = pytest.mark.long_module

# As the browser tests open pages.
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
# How many pages are opened together, each tab of one browser context per viewport going from page to page (as one
# tab did, with the context's cache): their waits for the network overlap, and axe-core then reads each in turn.
PAGES_AT_ONCE = 4


@dataclass(frozen=True)
class RealBuild:
    result: Run
    site: BuiltSite
    port: int
    # The fingerprint of the sources built (microsite.measurements), taken before the build.
    sources: str


@pytest.fixture(scope="module")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> RealBuild:
    """The strict build of the real publication into a temporary folder (never site/), under a sub-path."""
    port = free_port()
    site_url = f"http://127.0.0.1:{port}{SUB_PATH}"
    sources = sources_fingerprint(ROOT)
    destination = tmp_path_factory.mktemp("real-site")
    result = build_site(destination, site_url, config_file=ROOT / "mkdocs.yml")
    site = BuiltSite(root=destination, site_url=site_url, log=result.stdout + result.stderr, project=ROOT)
    return RealBuild(result, site, port, sources)


def built(build: RealBuild) -> BuiltSite:
    assert build.result.returncode == 0, f"mkdocs build --strict failed:\n{build.site.log}"
    return build.site


def test_the_data_check_passes() -> None:
    result = microsite("check-data", project=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_parity_finds_no_error() -> None:
    """Warnings are allowed: the translation policy publishes a lagging translation with a notice."""
    result = microsite("parity", "--format", "json", project=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    errors = [finding for finding in json.loads(result.stdout) if finding["level"] == "error"]
    assert errors == []


def test_the_strict_build_succeeds(real_build: RealBuild) -> None:
    assert built(real_build).page_paths()


def test_the_link_check_passes(real_build: RealBuild) -> None:
    result = microsite("check-links", str(built(real_build).root), project=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.browser
def test_axe_finds_nothing_on_any_page_and_its_figures_are_recorded(browser, real_build: RealBuild) -> None:
    """Every page the theme rendered, the error pages included, in each viewport: axe-core finds nothing,
    no request goes to another host and the page's Content-Security-Policy refuses nothing. The axe
    figures are recorded before the verdict, so that the statement states what was found."""
    site = built(real_build)
    pages = site.page_paths()
    found: dict[str, dict[str, dict]] = {page: {} for page in pages}
    problems: list[str] = []
    versions: set[str] = set()
    first_viewport, *other_viewports = VIEWPORTS.items()
    with served_under_sub_path(site.root, real_build.port) as address:
        context = browser.new_context(viewport=first_viewport[1], service_workers="block")
        context.add_init_script(script=RECORD_POLICY_VIOLATIONS)
        tabs = [context.new_page() for _ in range(PAGES_AT_ONCE)]
        requested: list[list[str]] = [[] for _ in tabs]
        for tab, urls in zip(tabs, requested, strict=True):
            tab.on("request", lambda request, urls=urls: urls.append(request.url))
        for start in range(0, len(pages), PAGES_AT_ONCE):
            batch = list(zip(pages[start : start + PAGES_AT_ONCE], tabs, requested, strict=False))
            for _, tab, urls in batch:
                urls.clear()
                tab.set_viewport_size(first_viewport[1])
            open_all_quietly([(tab, address + page) for page, tab, _ in batch])
            problems += _axe_problems(batch, first_viewport[0], found, versions)
            # One load serves every viewport: the page laid out again at the next width, with whatever it asks
            # for there (pictures of another size), as a reader turning a tablet sees it.
            for viewport_name, viewport in other_viewports:
                resize_all_quietly([tab for _, tab, _ in batch], viewport)
                problems += _axe_problems(batch, viewport_name, found, versions)
            for page, tab, urls in batch:
                # The readers' promise: no request to another host, nothing the page's policy refuses.
                problems += [f"{page}: request to another host: {url}" for url in urls if not _own(url, address)]
                problems += [f"{page}: policy refused {violation}" for violation in policy_violations(tab)]
        context.close()
    measurements = file_to_record(ROOT)
    if measurements is not None:
        record_axe(
            measurements,
            version=", ".join(sorted(versions)),
            sources=real_build.sources,
            found={page: list(violations.values()) for page, violations in found.items()},
        )
    assert not problems, "\n".join(problems)


def _axe_problems(
    batch: list[tuple[str, object, list[str]]], viewport_name: str, found: dict, versions: set[str]
) -> list[str]:
    """axe-core's violations on each page of the batch as it is laid out now, one line each; each violation
    is noted in `found` under its page, once, and axe-core's version in `versions`."""
    problems = []
    for page, tab, _ in batch:
        result = axe_result(tab)
        versions.add(result["testEngine"]["version"])
        for violation in result["violations"]:
            found[page].setdefault(violation["id"], violation)
        problems += [f"{page} ({viewport_name}): {line}" for line in violation_lines(result)]
    return problems


def _own(url: str, address: str) -> bool:
    """Whether the browser asked the site's own host (or nothing of the network: data:, blob:)."""
    own = urlsplit(address)
    return url.startswith(("data:", "blob:")) or urlsplit(url)[:2] == own[:2]
