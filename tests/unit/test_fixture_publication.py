"""The fixture publication (tests/publication/), on which the tests run instead of on today's docs/ and
data/: configured exactly as the real publication but for its names. Its folders and pages are named
unlike the real site's (`beitraege/`, `partnerstaedte/`, `chronik.md`), so that a test that secretly reads
the real site fails on it. (Whether its texts name anything of the real publication is not tested here:
that would read today's docs/ and data/, and fail when the publication grows into a name the fixture
happens to use.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from project import PUBLICATION, ROOT, assemble_publication


class ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data, with each `!ENV` tag kept as its variable and default (MkDocs would
    put the environment's value there), so that two files compare by what they say."""


def _environment_value(loader: ConfigLoader, node: yaml.Node) -> tuple:
    if isinstance(node, yaml.SequenceNode):
        return ("!ENV", *loader.construct_sequence(node))
    return ("!ENV", loader.construct_scalar(node))


ConfigLoader.add_constructor("!ENV", _environment_value)


def configuration_without_names(mkdocs_yml: Path) -> dict:
    """The configuration with the publication's names taken out: the site name, each language's site
    name and description, and the publisher."""
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=ConfigLoader)
    del config["site_name"], config["extra"]["publisher"]
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for language in plugin["i18n"]["languages"]:
                del language["site_name"], language["site_description"]
    return config


def test_the_fixture_is_configured_as_the_real_publication_but_for_its_names() -> None:
    real, fixture = ROOT / "mkdocs.yml", PUBLICATION / "mkdocs.yml"
    assert configuration_without_names(fixture) == configuration_without_names(real)


def files_below(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_an_assembled_project_is_the_generator_with_the_publication(tmp_path: Path) -> None:
    publication = shutil.copytree(PUBLICATION, tmp_path / "publication")
    # A schema in a publication's data is not the publication's to set: the generator's is used.
    (publication / "data" / "figures.schema.json").write_text("{}", encoding="utf-8")
    project = assemble_publication(tmp_path / "project", publication)
    assert (project / "mkdocs.yml").read_bytes() == (PUBLICATION / "mkdocs.yml").read_bytes()
    assert files_below(project / "docs") == files_below(PUBLICATION / "docs")
    for part in ("hooks", "overrides"):
        assert files_below(project / part) == files_below(ROOT / part)
    assert (project / "lychee.toml").read_bytes() == (ROOT / "lychee.toml").read_bytes()
    schemas = {path.name: path.read_bytes() for path in (ROOT / "data").glob("*.schema.json")}
    data = {path.name: path.read_bytes() for path in (PUBLICATION / "data").glob("*.yml")}
    assert files_below(project / "data") == {**schemas, **data}
