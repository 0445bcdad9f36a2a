"""The generator's settings in mkdocs.yml, read once for the build and the command line alike: `!ENV` as
MkDocs resolves it, and a wrong setting named at its line with what to write."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest
from microsite.settings import SettingError, read_settings

MKDOCS_YML = """\
site_name: Test
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
extra:
  publisher:
    name: Die Stadt
    url: https://example.org/
{setting}
plugins:
  - i18n:
      build_only_locale: !ENV [BUILD_ONLY_LOCALE, null]
      languages:
        - locale: en
          name: English
        - locale: de
          default: true
          name: Deutsch
"""


def mkdocs_yml(tmp_path: Path, setting: str = "") -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text(MKDOCS_YML.format(setting=setting), encoding="utf-8")
    return path


def test_the_settings_and_the_lines_they_are_written_on(tmp_path: Path) -> None:
    settings = read_settings(mkdocs_yml(tmp_path, "  footer_pages: [legal.md]"))
    assert settings.languages.codes == ("de", "en")
    assert settings.publisher == {"name": "Die Stadt", "url": "https://example.org/"}
    assert settings.line("publisher", ("url",)) == 9
    assert [(page.path, page.line) for page in settings.footer_pages] == [("legal.md", 10)]
    assert settings.accessibility_measurements is None


def test_the_measurements_file_is_named_through_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = mkdocs_yml(tmp_path, "  accessibility_measurements: !ENV [ACCESSIBILITY_MEASUREMENTS, null]")
    monkeypatch.delenv("ACCESSIBILITY_MEASUREMENTS", raising=False)
    assert read_settings(path).accessibility_measurements is None
    monkeypatch.setenv("ACCESSIBILITY_MEASUREMENTS", ".measurements/accessibility.json")
    assert read_settings(path).accessibility_measurements == PurePosixPath(".measurements/accessibility.json")


@pytest.mark.parametrize("written", ["/tmp/accessibility.json", "../accessibility.json"])
def test_a_measurements_file_outside_the_project_is_named_at_its_line(tmp_path: Path, written: str) -> None:
    settings = read_settings(mkdocs_yml(tmp_path, f"  accessibility_measurements: {written}"))
    assert settings.accessibility_measurements is None
    assert settings.accessibility_measurements_problem.text() == (
        f"mkdocs.yml:10: extra.accessibility_measurements: '{written}' is no path inside the project – write the "
        "file's path relative to the folder of mkdocs.yml, e.g. .measurements/accessibility.json"
    )


def test_no_languages_and_no_yaml_are_named(tmp_path: Path) -> None:
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: Test\n", encoding="utf-8")
    with pytest.raises(SettingError, match=r"^mkdocs\.yml:1: no i18n plugin with languages under 'plugins:'"):
        read_settings(path).checked_languages()
    path.write_text("site_name: [Test\n", encoding="utf-8")
    with pytest.raises(SettingError, match=r"^mkdocs\.yml:1: cannot read it"):
        read_settings(path)
