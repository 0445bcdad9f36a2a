"""The fixture publication (tests/publication/), on which the tests run instead of on today's docs/ and
data/: configured exactly as the real publication but for its names, and naming nothing of the real
publication, so that a test that secretly reads the real site cannot pass on the fixture."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from microsite.frontmatter import split_front_matter
from microsite.languages import Languages
from project import PUBLICATION, ROOT, assemble_publication, collection_folder, publication_data


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


def real_names() -> dict[str, set[str]]:
    """What names the real publication, by kind, read from its files."""
    partnerships = publication_data("partnerships", ROOT)
    home, partners = partnerships["home_city"], [partnership["city"] for partnership in partnerships["partnerships"]]
    people = publication_data("people", ROOT)["people"]
    real_config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)
    source = ROOT / "docs" / Languages.of_project(ROOT).source / collection_folder(ROOT)
    front_matters = [split_front_matter(page.read_text(encoding="utf-8"))[0] for page in source.glob("*.md")]
    return {
        "home city": set(home["name"].values()),
        "partner cities and their regions": {
            name for city in partners for text in (city["name"], city.get("region", {})) for name in text.values()
        },
        "people (names, surnames, ids)": {
            name for person in people for name in (person["name"], person["name"].split()[-1], person["id"])
        },
        "journals of first publication": {
            front_matter["first_published"]["name"]
            for front_matter in front_matters
            if "first_published" in front_matter
        },
        "web and e-mail domains": {person["email"].partition("@")[2] for person in people}
        | {urlsplit(real_config["extra"]["publisher"]["url"]).hostname.removeprefix("www.")},
    }


def test_nothing_in_the_fixture_names_the_real_publication() -> None:
    names = real_names()
    # Every kind of name is read, so that the test looks for something of each.
    assert [kind for kind, found in names.items() if not found] == []
    found = []
    for path in sorted(PUBLICATION.rglob("*")):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace").casefold()
            found += [
                f"{path.relative_to(PUBLICATION)}: {name}"
                for kind in names.values()
                for name in sorted(kind)
                if name.casefold() in text
            ]
    assert found == []


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
