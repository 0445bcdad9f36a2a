"""`extra.footer_pages` in mkdocs.yml: the written pages every footer links. A wrong setting is named at
its line in mkdocs.yml, with what to write."""

from __future__ import annotations

from pathlib import Path

import pytest
from microsite.findings import Finding
from microsite.settings import SettingError, project_settings
from microsite.site_output.footer import missing_footer_page

MKDOCS_YML = """\
site_name: Test
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
extra:
  generator: false
{setting}
"""


def project(tmp_path: Path, setting: str, pages: tuple[str, ...] = ("legal.md", "about/privacy.md")) -> Path:
    for page in pages:
        (tmp_path / "docs" / "xx" / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / "xx" / page).write_text("# A page\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML.format(setting=setting), encoding="utf-8")
    return tmp_path


def footer_pages(root: Path) -> tuple[str, ...]:
    assert footer_problem(root) is None
    return tuple(page.path for page in project_settings(root).footer_pages)


def footer_problem(root: Path) -> Finding | None:
    return missing_footer_page(project_settings(root), root / "docs" / "xx")


def test_the_named_pages_in_their_order(tmp_path: Path) -> None:
    root = project(tmp_path, "  footer_pages: [about/privacy.md, legal.md]")
    assert footer_pages(root) == ("about/privacy.md", "legal.md")


def test_no_setting_names_no_page(tmp_path: Path) -> None:
    assert footer_pages(project(tmp_path, "")) == ()


@pytest.mark.parametrize(
    ("setting", "line", "says"),
    [
        (
            "  footer_pages: legal.md",
            5,
            "extra.footer_pages must be a list of page paths – write e.g. 'footer_pages: [",
        ),
        ("  footer_pages:\n    - legal.md\n    - legal.html", 7, "'legal.html' is no page path"),
        ("  footer_pages: [../legal.md]", 5, "'../legal.md' is no page path"),
        ("  footer_pages: [/legal.md]", 5, "'/legal.md' is no page path"),
        ("  footer_pages: [12]", 5, "'12' is no page path"),
        ("  footer_pages: [{legal: legal.md}]", 5, "'a list or mapping' is no page path"),
        (
            "  footer_pages:\n    - legal.md\n    - imprint.md",
            7,
            "there is no page docs/xx/imprint.md – name a page written in docs/xx/, or remove it from the list",
        ),
    ],
)
def test_a_wrong_setting_is_named_at_its_line_with_what_to_write(
    tmp_path: Path, setting: str, line: int, says: str
) -> None:
    finding = footer_problem(project(tmp_path, setting))
    assert finding is not None
    assert (finding.file, finding.line) == ("mkdocs.yml", line)
    assert says in finding.text()


def test_a_mkdocs_yml_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    root = project(tmp_path, "  footer_pages: [legal.md")
    with pytest.raises(SettingError, match=r"^mkdocs\.yml:1: cannot read it"):
        project_settings(root)
