"""The hedge on the engine: ProperDocs, the maintained drop-in fork of MkDocs 1.6, builds the same
mkdocs.yml (Material, mkdocs-static-i18n and hooks/build.py included) into the same site, byte for
byte, but for the generator tag in each page, which names the engine (make build ENGINE=properdocs)."""

from __future__ import annotations

import difflib
import importlib.util
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from project import SUB_PATH, assemble_publication, mkdocs_env
from site_model import BuiltSite

ENGINES = ("mkdocs", "properdocs")
# Material's <meta name="generator" content="mkdocs-{{ mkdocs_version }}, mkdocs-material-…">;
# ProperDocs gives templates mkdocs_version = "ProperDocs 1.6.7".
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')
# The same build date for both engines (sitemap.xml's lastmod), even when the builds straddle midnight.
BUILD_DATE = "1737676800"  # 2025-01-24
# Nothing in a build may go online: a request through a proxy-aware client ends here, refused.
NO_NETWORK = {name: "http://127.0.0.1:9" for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY")}

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("properdocs") is None,
    reason="properdocs is not installed: make setup installs it from requirements.lock",
)


def build(engine: str, project: Path, destination: Path) -> subprocess.CompletedProcess:
    """`make build ENGINE=…` in the project copy: a strict build of mkdocs.yml into destination."""
    command = [sys.executable, "-m", engine, "build", "--strict", "--config-file", "mkdocs.yml"]
    return subprocess.run(
        [*command, "--site-dir", str(destination)],
        cwd=project,
        env=mkdocs_env(SITE_URL=f"http://example.org{SUB_PATH}", SOURCE_DATE_EPOCH=BUILD_DATE, **NO_NETWORK),
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return assemble_publication(tmp_path_factory.mktemp("engines") / "project")


@pytest.fixture(scope="module")
def sites(project: Path) -> dict[str, Path]:
    """Both engines' builds of one project of the fixture publication."""
    built = {}
    for engine in ENGINES:
        result = build(engine, project, project.parent / engine)
        assert result.returncode == 0, f"{engine} build --strict failed:\n{result.stdout}\n{result.stderr}"
        built[engine] = project.parent / engine
    return built


def files(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())


def generator_lines(content: bytes) -> list[int]:
    return [number for number, line in enumerate(content.split(b"\n")) if GENERATOR.search(line)]


def difference(name: str, mkdocs_content: bytes, properdocs_content: bytes) -> str | None:
    """None where the two files are equal but for the generator tag's line; else what differs."""
    if mkdocs_content == properdocs_content:
        return None
    mkdocs_lines, properdocs_lines = mkdocs_content.split(b"\n"), properdocs_content.split(b"\n")
    tags = generator_lines(mkdocs_content)
    if len(tags) == 1 and tags == generator_lines(properdocs_content) and len(mkdocs_lines) == len(properdocs_lines):
        del mkdocs_lines[tags[0]], properdocs_lines[tags[0]]
        if mkdocs_lines == properdocs_lines:
            return None
    if b"\0" in mkdocs_content + properdocs_content:
        return f"{name}: the bytes differ"
    shown = difflib.unified_diff(
        mkdocs_content.decode("utf-8", "replace").splitlines(),
        properdocs_content.decode("utf-8", "replace").splitlines(),
        f"mkdocs/{name}",
        f"properdocs/{name}",
        lineterm="",
        n=1,
    )
    return "\n".join(list(shown)[:40]) or f"{name}: the bytes differ"


def test_both_engines_build_the_same_files(sites: dict[str, Path]) -> None:
    names = files(sites["mkdocs"])
    assert "index.html" in names and "en/index.html" in names and "sitemap.xml" in names
    assert files(sites["properdocs"]) == names


def test_every_file_is_byte_identical_but_for_the_generator_tag(sites: dict[str, Path]) -> None:
    differences = []
    for name in files(sites["mkdocs"]):
        other = sites["properdocs"] / name
        if other.is_file():
            found = difference(name, (sites["mkdocs"] / name).read_bytes(), other.read_bytes())
            if found is not None:
                differences.append(found)
    assert not differences, "the engines' sites differ beyond the generator tag:\n\n" + "\n\n".join(differences[:5])


@pytest.mark.parametrize("engine", ENGINES)
def test_each_page_names_the_engine_that_built_it(project: Path, sites: dict[str, Path], engine: str) -> None:
    # Material writes "mkdocs-{mkdocs_version}, mkdocs-material-…"; ProperDocs' mkdocs_version is "ProperDocs 1.6.7".
    expected = {"mkdocs": f"mkdocs-{version('mkdocs')}, ", "properdocs": f"mkdocs-ProperDocs {version('properdocs')}, "}
    # The redirects at old addresses are not rendered by the theme, and name no engine.
    redirects = BuiltSite(root=sites[engine], site_url="", log="", project=project).redirect_paths()
    pages = sorted(
        page for page in sites[engine].rglob("*.html") if page.relative_to(sites[engine]).as_posix() not in redirects
    )
    assert pages
    for page in pages:
        tags = [tag.decode("utf-8") for tag in GENERATOR.findall(page.read_bytes())]
        shown = page.relative_to(sites[engine]).as_posix()
        assert len(tags) == 1 and tags[0].startswith(expected[engine]), (shown, tags)
