"""A synthetic publication for the benchmarks, from the real configuration, hooks, theme and schemas.

N article pairs (German and English) of realistic length and structure (headings with ids,
paragraphs, lists, tables, links with anchors between articles, data markers) and M partnership
records valid against the schema, with a timeline. Deterministic: the same N, M and seed give the
same files. Translations are stamped, so the corpus passes the parity check and the strict build.

Imported by run.py, with `hooks/` and `tests/` on PYTHONPATH
(`PYTHONPATH=hooks:tests .venv/bin/python tests/benchmarks/run.py`).
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from microsite.languages import Languages
from microsite.parity import mark_page, mark_records

ROOT = Path(__file__).resolve().parents[2]
# The languages the corpus is written in (WORDS, LABELS), source first.
LANGUAGES = Languages(("de", "en"))

WORDS = {
    "de": [
        "Stadt",
        "Städte",
        "Partnerschaft",
        "Austausch",
        "Klima",
        "Jugend",
        "Netzwerk",
        "Verwaltung",
        "Zusammenarbeit",
        "Bürgermeister",
        "Wandel",
        "Forschung",
        "Kultur",
        "Projekt",
        "Delegation",
    ],
    "en": [
        "city",
        "cities",
        "partnership",
        "exchange",
        "climate",
        "youth",
        "network",
        "administration",
        "cooperation",
        "mayor",
        "change",
        "research",
        "culture",
        "project",
        "delegation",
    ],
}
LABELS = {
    "de": {
        "article": "Artikel",
        "section": "Abschnitt",
        "summary": "Zusammenfassung",
        "overview": "Überblick",
        "partnerships": "Partnerschaften",
        "timeline": "Zeitleiste",
        "home": "Startseite",
    },
    "en": {
        "article": "Article",
        "section": "Section",
        "summary": "Summary",
        "overview": "Overview",
        "partnerships": "Partnerships",
        "timeline": "Timeline",
        "home": "Home",
    },
}


def sentence(rng: random.Random, language: str, length: int) -> str:
    words = [rng.choice(WORDS[language]) for _ in range(length)]
    return " ".join(words).capitalize() + "."


def article(index: int, articles: int, language: str, seed: int) -> str:
    """One article; both languages draw the same structure and numbers from the same seed."""
    rng = random.Random(seed * 100_003 + index)
    text_rng = random.Random(f"{seed}-{index}-{language}")
    label = LABELS[language]
    year = 1950 + rng.randrange(75)
    other = rng.randrange(articles)
    blocks = [
        f"---\ntitle: {label['article']} {index}\ndescription: {sentence(text_rng, language, 12)}\n---",
        f"# {label['article']} {index}",
        " ".join(sentence(text_rng, language, rng.randrange(12, 25)) for _ in range(4)) + f" {year}.",
    ]
    for part in range(1, 5):
        blocks.append(f"## {label['section']} {part} {{ #part-{part} }}")
        for _ in range(rng.randrange(2, 4)):
            blocks.append(
                " ".join(sentence(text_rng, language, rng.randrange(10, 22)) for _ in range(rng.randrange(3, 6)))
            )
        if part == 2:
            blocks.append(
                "\n".join(f"- {sentence(text_rng, language, 6)} {year + item}" for item in range(rng.randrange(3, 6)))
            )
        if part == 3:
            rows = "\n".join(f"| {year + row} | {rng.randrange(10, 999)} |" for row in range(rng.randrange(3, 6)))
            blocks.append(f"| {label['section']} | {label['article']} |\n| --- | --- |\n{rows}")
    blocks.append(f"[{label['article']} {other}, {label['section']} 2](article-{other}.md#part-2)")
    if index == 0:
        blocks.append("<!-- data: timeline -->")
    return "\n\n".join(blocks) + "\n"


def partnerships_yaml(records: int, passage: dict[str, str]) -> str:
    lines = ["# yaml-language-server: $schema=./partnerships.schema.json", "page_folder: partnerschaften", "home_city:"]
    lines += _city("Heimatstadt", "Home town", "Land", "Country", 51.5, 7.5, "  ")
    lines.append("partnerships:")
    for index in range(records):
        lines += [f"  - id: city-{index}", "    city:"]
        lines += _city(
            f"Stadt {index}",
            f"City {index}",
            "Land",
            "Country",
            30 + (index * 7) % 25,
            -120 + (index * 13) % 50,
            "      ",
        )[:]
        lines += [
            "    relation:",
            "      de: Städtepartnerschaft",
            "      en: City partnership",
            f"    since: {1950 + index % 70}",
            "    summary:",
            f"      de: Eine Partnerschaft seit {1950 + index % 70}.",
            f"      en: A partnership since {1950 + index % 70}.",
            "    focus:",
            "      - de: Austausch",
            "        en: Exchange",
            "    sources:",
            "      - page: article-0.md",
            "        passage:",
            f"          de: {passage['de']}",
            f"          en: {passage['en']}",
        ]
    return "\n".join(lines) + "\n"


def _city(
    name_de: str, name_en: str, country_de: str, country_en: str, lat: float, lon: float, indent: str
) -> list[str]:
    return [
        f"{indent}name:",
        f"{indent}  de: {name_de}",
        f"{indent}  en: {name_en}",
        f"{indent}country:",
        f"{indent}  de: {country_de}",
        f"{indent}  en: {country_en}",
        f"{indent}coordinates:",
        f"{indent}  lat: {lat}",
        f"{indent}  lon: {lon}",
        f"{indent}sources:",
        f"{indent}  - url: https://example.org/{name_en.replace(' ', '-').lower()}",
        f"{indent}    fact: coordinates",
    ]


def timeline_yaml(records: int, passage: dict[str, str]) -> str:
    lines = ["# yaml-language-server: $schema=./timeline.schema.json", "events:"]
    for index in range(records):
        title = {"de": f"Ereignis {index}", "en": f"Event {index}"}
        lines += [
            f"  - id: event-{index}",
            f'    date: "{1950 + index % 75}-{index % 12 + 1:02d}"',
            "    title:",
            f"      de: {title['de']}",
            f"      en: {title['en']}",
            f"    partnership: city-{index}",
            "    source:",
            "      page: article-0.md",
            "      passage:",
            f"        de: {passage['de']}",
            f"        en: {passage['en']}",
        ]
    return "\n".join(lines) + "\n"


def generate(destination: Path, articles: int, partnerships: int, seed: int = 1) -> Path:
    """Write the corpus into `destination` (a new folder); returns it."""
    destination.mkdir(parents=True)
    for name in ("mkdocs.yml", "lychee.toml"):
        shutil.copy(ROOT / name, destination / name)
    for folder in ("hooks", "overrides"):
        shutil.copytree(ROOT / folder, destination / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (destination / "data").mkdir()
    for schema in (ROOT / "data").glob("*.schema.json"):
        shutil.copy(schema, destination / "data" / schema.name)
    sources: dict[str, dict[str, str]] = {}
    for language in ("de", "en"):
        folder = destination / "docs" / language
        (folder / "partnerschaften").mkdir(parents=True)
        label = LABELS[language]
        for index in range(articles):
            (folder / f"article-{index}.md").write_text(article(index, articles, language, seed), encoding="utf-8")
        (folder / "index.md").write_text(
            f"---\ntitle: {label['home']}\ndescription: {label['overview']}.\n---\n\n# {label['home']}\n\n[{label['article']} 0](article-0.md)\n",
            encoding="utf-8",
        )
        (folder / "partnerschaften" / "index.md").write_text(
            f"---\ntitle: {label['partnerships']}\ndescription: {label['overview']}.\n---\n\n# {label['partnerships']}\n\n<!-- data: partnership-cards -->\n\n## {label['overview']}\n\n<!-- data: partnership-map -->\n",
            encoding="utf-8",
        )
        first = (folder / "article-0.md").read_text(encoding="utf-8").split("\n\n")[2]
        sources[language] = first.split(". ")[0] + "."
    for path in (destination / "docs" / "en").rglob("*.md"):
        mark_page(destination, path, LANGUAGES)
    (destination / "data" / "partnerships.yml").write_text(partnerships_yaml(partnerships, sources), encoding="utf-8")
    (destination / "data" / "timeline.yml").write_text(timeline_yaml(partnerships, sources), encoding="utf-8")
    # Stamped by the same command an editor runs once a translation is complete.
    for name in ("partnerships.yml", "timeline.yml"):
        mark_records(destination, destination / "data" / name, None, LANGUAGES)
    return destination
