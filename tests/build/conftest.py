"""Fixtures shared by the build tests: a copy of the built site that a test may change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from site_model import BuiltSite


@pytest.fixture
def site_copy(built_site: BuiltSite, tmp_path: Path) -> BuiltSite:
    root = tmp_path / "site"
    shutil.copytree(built_site.root, root)
    return BuiltSite(root=root, site_url=built_site.site_url, log="", project=built_site.project)
