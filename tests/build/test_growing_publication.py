"""The publication grows the way the editors' guide (EDITING.md) says, and stays publishable.

A copy of this repository's publication as an editor's clone has it (docs/, data/, mkdocs.yml, the
generator, the Makefile and the environment) grows by a topic and a person (written into data/ by hand,
as the guide says), three articles (`make new-article … TOPICS=…`, then written in German and
translated), and a partnership (`make new-partnership`, then filled in); the translations are recorded
with `make translated`. Then `make check` (the data, translation parity, the strict build and the link
check, as CI runs them) passes, and the new pages are there in both languages.

Nothing here depends on what the publication holds today, only on its settings (the article folder);
whatever it holds, it must go on building as it grows. Its names are the first that are free in it (the
publication may hold an article of the same name one day).
"""

from __future__ import annotations

import datetime
import itertools
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from microsite.scaffold import yaml_text
from project import as_editors_clone, copy_project, mkdocs_env

TOPIC, PERSON, PARTNERSHIP = "zz-wachstum", "zz-erika-beispiel", "zz-neustadt"
ARTICLES = {
    "zz-erster-beitrag": {
        "de": (
            "Ein neuer Anfang für den Austausch",
            "Die Stadt plant einen neuen Austausch mit einer Partnerstadt im Norden.",
            "Im kommenden Jahr sollen zum ersten Mal zwanzig Auszubildende aus beiden Städten für vier Wochen in "
            "den Betrieben der anderen Stadt arbeiten. Sie wohnen in Gastfamilien und lernen die Sprache vor Ort.\n\n"
            "Erika Beispiel ist Referentin für Städtepartnerschaften und betreut das neue Programm.",
        ),
        "en": (
            "A new start for the exchange",
            "The city is planning a new exchange with a partner city in the north.",
            "Next year, for the first time, twenty apprentices from both cities are to work for four weeks in the "
            "businesses of the other city. They live with host families and learn the language on site.\n\n"
            "Erika Beispiel is City Partnerships Officer and looks after the new programme.",
        ),
    },
    "zz-zweiter-beitrag": {
        "de": (
            "Was die Auszubildenden berichten",
            "Nach den ersten Wochen erzählen die Teilnehmenden von ihren Erfahrungen.",
            "Die meisten Teilnehmenden waren überrascht, wie ähnlich die Arbeit in beiden Städten ist. Schwieriger "
            "als erwartet war für viele der Alltag in einer fremden Sprache, vor allem am Telefon.",
        ),
        "en": (
            "What the apprentices report",
            "After the first weeks, the participants talk about their experiences.",
            "Most participants were surprised how similar the work is in both cities. For many, everyday life in "
            "a foreign language was harder than expected, especially on the phone.",
        ),
    },
    "zz-dritter-beitrag": {
        "de": (
            "Neustadt wird Partnerstadt",
            "Der Rat hat eine neue Städtepartnerschaft beschlossen.",
            "Mit großer Mehrheit hat der Rat beschlossen, eine Städtepartnerschaft mit Neustadt einzugehen. Beide "
            "Städte wollen vor allem in der beruflichen Bildung und beim Klimaschutz zusammenarbeiten.",
        ),
        "en": (
            "Neustadt becomes a partner city",
            "The council has decided on a new city partnership.",
            "By a large majority, the council decided to enter into a city partnership with Neustadt. Both cities "
            "want to cooperate above all in vocational training and climate protection.",
        ),
    },
}
# The sentences the data quote from the articles, word for word.
PERSON_PASSAGE = {language: texts[2].split("\n\n")[1] for language, texts in ARTICLES["zz-erster-beitrag"].items()}
PARTNERSHIP_PASSAGE = {language: texts[2] for language, texts in ARTICLES["zz-dritter-beitrag"].items()}


def make(project: Path, *arguments: str) -> str:
    """A make target in the clone, as an editor runs it; its output, after checking that it succeeded."""
    result = subprocess.run(
        ["make", "--no-print-directory", *arguments], cwd=project, env=mkdocs_env(), capture_output=True, text=True
    )
    assert result.returncode == 0, f"make {' '.join(arguments)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


def append_record(project: Path, data_file: str, record: str) -> None:
    """A record written at the end of a data file's list, as an editor adds one by hand."""
    path = project / "data" / data_file
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + record, encoding="utf-8")


def write_article(path: Path, title: str, description: str, body: str) -> None:
    """The article's title, lead and text, written into the front matter the scaffold made."""
    text = path.read_text(encoding="utf-8")
    front_matter = text.split("\n---\n", 1)[0].removeprefix("---\n")
    written = {"title": f"title: {yaml_text(title)}", "description": f"description: {yaml_text(description)}"}
    fields = [written.get(line.split(":", 1)[0], line) for line in front_matter.split("\n")]
    path.write_text("---\n" + "\n".join(fields) + f"\n---\n\n# {title}\n\n{body}\n", encoding="utf-8")


@dataclass(frozen=True)
class Grown:
    """The grown clone, and the suffix that makes the names of what it grew by free in it."""

    project: Path
    suffix: str

    def name(self, base: str) -> str:
        return base + self.suffix

    @property
    def slugs(self) -> list[str]:
        return [self.name(slug) for slug in ARTICLES]


def free_suffix(project: Path, folder: str) -> str:
    """'' if no article, topic, person or partnership of the publication has one of the names used here;
    else the first '-N' that makes them all free."""
    data = {name: yaml.safe_load((project / "data" / f"{name}.yml").read_text(encoding="utf-8")) for name in
            ("articles", "people", "partnerships")}  # fmt: skip
    ids = {record["id"] for name, key in (("articles", "topics"), ("people", "people"), ("partnerships", "partnerships"))
           for record in data[name][key]}  # fmt: skip
    for suffix in itertools.chain([""], (f"-{number}" for number in itertools.count(2))):
        names = [base + suffix for base in (TOPIC, PERSON, PARTNERSHIP)]
        files = [
            project / "docs" / language / folder / f"{slug}{suffix}.md"
            for slug in ARTICLES
            for language in ("de", "en")
        ]
        if not (set(names) & ids) and not any(file.exists() for file in files):
            return suffix
    raise AssertionError("unreachable")


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Grown:
    project = as_editors_clone(copy_project(tmp_path_factory.mktemp("grown") / "project"))
    folder = yaml.safe_load((project / "data" / "articles.yml").read_text(encoding="utf-8"))["page_folder"]
    grown = Grown(project, free_suffix(project, folder))
    topic, person, partnership = grown.name(TOPIC), grown.name(PERSON), grown.name(PARTNERSHIP)
    # A topic and a person, by hand: the guide's "Ein neues Thema tragen Sie in data/articles.yml ein …".
    append_record(
        project,
        "articles.yml",
        f"  - id: {topic}\n    name:\n      de: Berufliche Bildung\n      en: Vocational training\n",
    )
    append_record(
        project,
        "people.yml",
        f"  - id: {person}\n    name: Erika Beispiel\n    role:\n      de: Referentin für Städtepartnerschaften\n"
        "      en: City Partnerships Officer\n    contact: editor\n    email: erika.beispiel@example.org\n"
        f"    source:\n      page: {folder}/{grown.name('zz-erster-beitrag')}.md\n      passage:\n"
        f"        de: {PERSON_PASSAGE['de']}\n        en: {PERSON_PASSAGE['en']}\n",
    )
    # Three articles, each started with the scaffold and written in both languages.
    for slug, texts in zip(grown.slugs, ARTICLES.values()):
        title, description, _ = texts["de"]
        make(project, "new-article", f"SLUG={slug}", f"TITLE={title}", f"DESCRIPTION={description}",
             f"AUTHOR={person}", f"TOPICS={topic}")  # fmt: skip
        for language, (title, description, body) in texts.items():
            write_article(project / "docs" / language / folder / f"{slug}.md", title, description, body)
    # A partnership, started with the scaffold and filled in.
    make(project, "new-partnership", f"ID={partnership}")
    partnerships = project / "data" / "partnerships.yml"
    text = partnerships.read_text(encoding="utf-8")
    skeleton_start = text.index(f"  - id: {partnership}\n")
    partnerships.write_text(
        text[:skeleton_start]
        + f"""  - id: {partnership}
    city:
      name:
        de: Neustadt
        en: Neustadt  # parity-ignore: identical-translation
      country:
        de: Dänemark
        en: Denmark
      coordinates:
        lat: 55.4
        lon: 10.4
      sources:
        - url: "https://example.org/neustadt"
          fact: country and coordinates
    relation:
      de: Städtepartnerschaft
      en: City partnership
    since: {datetime.date.today().year}
    summary:
      de: Die jüngste Partnerschaft der Stadt, vor allem für berufliche Bildung und Klimaschutz.
      en: The city's newest partnership, above all for vocational training and climate protection.
    focus:
      - de: Berufliche Bildung
        en: Vocational training
    projects: []
    sources:
      - page: {folder}/{grown.name("zz-dritter-beitrag")}.md
        passage:
          de: {PARTNERSHIP_PASSAGE["de"]}
          en: {PARTNERSHIP_PASSAGE["en"]}
""",
        encoding="utf-8",
    )
    translations = [f"docs/en/{folder}/{slug}.md" for slug in grown.slugs]
    translations += [f"data/articles.yml#{topic}", f"data/people.yml#{person}", f"data/partnerships.yml#{partnership}"]
    make(project, "translated", f"FILES={' '.join(translations)}")
    return grown


def test_a_publication_grown_as_the_guide_says_passes_every_check_of_ci(grown: Grown) -> None:
    output = make(grown.project, "check", "SITE_DIR=site")
    assert "Traceback" not in output, output


def test_the_grown_publication_has_its_new_pages_in_both_languages(grown: Grown) -> None:
    project = grown.project
    make(project, "build", "SITE_DIR=site")
    folder = yaml.safe_load((project / "data" / "articles.yml").read_text(encoding="utf-8"))
    partnerships = yaml.safe_load((project / "data" / "partnerships.yml").read_text(encoding="utf-8"))["page_folder"]
    for root in ("", "en/"):
        pages = [f"{folder['page_folder']}/{slug}.html" for slug in grown.slugs]
        pages += [
            f"{folder['topic_folder']}/{grown.name(TOPIC)}.html",
            f"{folder['author_folder']}/{grown.name(PERSON)}.html",
        ]
        pages += [f"{partnerships}/{grown.name(PARTNERSHIP)}.html"]
        for page in pages:
            assert (project / "site" / root / page).is_file(), root + page
