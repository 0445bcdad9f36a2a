"""A synthetic publication for the benchmarks, from the real configuration, hooks, theme and schemas.

N article pairs (German and English) of about 1,200 words each (headings with ids, paragraphs, lists,
tables, links with anchors between articles, data markers), 25 partnership records valid against the
schema, a timeline, the people who write the articles, and the topics they are filed under.
Deterministic: the same N, partnerships and seed give the same files. Translations and records are
stamped, so the corpus passes the parity check and the strict build.

The articles are a collection: `docs/<lang>/artikel/<slug>.md` with date, authors and topics (ids
in `data/people.yml` and `data/articles.yml`), an index page with the article-index marker, and the
latest articles on the home page.

`stock_project` makes of a corpus the same pages for MkDocs, Material and mkdocs-static-i18n alone.

Imported by the benchmarks, with `hooks/`, `tests/` and `tests/benchmarks/` on PYTHONPATH.
"""

from __future__ import annotations

import datetime
import os
import random
import shutil
from pathlib import Path

import yaml
from microsite.languages import Languages
from microsite.parity import mark_page, mark_records
from microsite.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]
# Where the configuration, hooks, theme and schemas come from: this checkout, or BENCH_SOURCE (another
# checkout, e.g. `git worktree add /tmp/before HEAD~3`, to compare).
SOURCE = Path(os.environ.get("BENCH_SOURCE") or ROOT)
# The languages the corpus is written in (WORDS, LABELS), source first.
LANGUAGES = Languages(("de", "en"))
PARTNERSHIPS = 25
# The article collection's folder, and where its topics and authors get their pages.
ARTICLE_FOLDER = "artikel"

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
        "articles": "Artikel",
        "section": "Abschnitt",
        "summary": "Zusammenfassung",
        "overview": "Überblick",
        "partnerships": "Partnerschaften",
        "timeline": "Zeitleiste",
        "home": "Startseite",
        "latest": "Neueste Artikel",
        "all": "Alle Artikel",
        "image": "Eine Straße in der Stadt",
    },
    "en": {
        "article": "Article",
        "articles": "Articles",
        "section": "Section",
        "summary": "Summary",
        "overview": "Overview",
        "partnerships": "Partnerships",
        "timeline": "Timeline",
        "home": "Home",
        "latest": "Latest articles",
        "all": "All articles",
        "image": "A street in the city",
    },
}
# Topics (id, German name, English name): names that differ between the languages.
TOPICS = [
    ("klima", "Klima", "Climate"),
    ("jugend", "Jugend", "Youth"),
    ("wirtschaft", "Wirtschaft", "Economy"),
    ("kultur", "Kulturaustausch", "Cultural exchange"),
    ("sicherheit", "Sicherheit", "Security"),
    ("verwaltung", "Verwaltung", "Administration"),
    ("wissenschaft", "Wissenschaft", "Science"),
    ("netzwerke", "Netzwerke", "Networks"),
    ("migration", "Migration und Teilhabe", "Migration and participation"),
    ("mobilitaet", "Mobilität", "Mobility"),
]
# Authors (id, name, German role, English role).
PEOPLE = [
    (
        f"autor-{index}",
        f"Autorin {index}",
        f"Referentin {index} für Städtediplomatie",
        f"Urban diplomacy officer {index}",
    )
    for index in range(8)
]
FIRST_DATE = datetime.date(2012, 1, 5)
IMAGE = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"><rect width="16" height="9" fill="#3f51b5"/></svg>\n'
)


def sentence(rng: random.Random, language: str, length: int) -> str:
    words = [rng.choice(WORDS[language]) for _ in range(length)]
    return " ".join(words).capitalize() + "."


def slug(index: int) -> str:
    return f"beitrag-{index}"


def front_matter(index: int, language: str, rng: random.Random, text_rng: random.Random) -> str:
    """The article's front matter: title and lead in its language; date, authors and topics the same in both."""
    label = LABELS[language]
    lines = [f"title: {label['article']} {index}", f"description: {sentence(text_rng, language, 12)}"]
    published = FIRST_DATE + datetime.timedelta(days=3 * index + rng.randrange(3))
    lines.append(f"date: {published.isoformat()}")
    if index % 7 == 3:
        lines.append(f"updated: {(published + datetime.timedelta(days=30)).isoformat()}")
    authors = rng.sample([person[0] for person in PEOPLE], rng.randrange(1, 3))
    lines += ["authors:", *(f"  - {author}" for author in authors)]
    if index % 4 == 1:
        lines += [
            "first_published:",
            "  name: Internationale Politik",
            f"  date: {(published - datetime.timedelta(days=10)).isoformat()}",
            f"  url: https://example.org/ip/{slug(index)}",
        ]
    topics = rng.sample([topic[0] for topic in TOPICS], rng.randrange(1, 4))
    lines += ["topics:", *(f"  - {topic}" for topic in topics)]
    if index % 5 == 2:
        lines += ["image:", "  src: bilder/strasse.svg", f"  alt: {label['image']} {index}"]
    return "\n".join(lines)


def article(index: int, articles: int, language: str, seed: int) -> str:
    """One article (about 1,200 words); both languages draw the same structure and numbers from one seed."""
    rng = random.Random(seed * 100_003 + index)
    text_rng = random.Random(f"{seed}-{index}-{language}")
    label = LABELS[language]
    year = 1950 + rng.randrange(75)
    other = rng.randrange(articles)
    blocks = [
        f"---\n{front_matter(index, language, rng, text_rng)}\n---",
        f"# {label['article']} {index}",
        " ".join(sentence(text_rng, language, rng.randrange(12, 25)) for _ in range(4)) + f" {year}.",
    ]
    for part in range(1, 6):
        blocks.append(f"## {label['section']} {part} {{ #part-{part} }}")
        for _ in range(rng.randrange(3, 5)):
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
    blocks.append(f"[{label['article']} {other}, {label['section']} 2]({slug(other)}.md#part-2)")
    if index == 0:
        blocks.append("<!-- data: timeline -->")
    return "\n\n".join(blocks) + "\n"


def partnerships_yaml(records: int, passage: dict[str, str], source_page: str) -> str:
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
        )
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
            f"      - page: {source_page}",
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


def timeline_yaml(records: int, passage: dict[str, str], source_page: str) -> str:
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
            *source_lines(source_page, passage),
        ]
    return "\n".join(lines) + "\n"


def source_lines(source_page: str, passage: dict[str, str]) -> list[str]:
    """A record's `source:`, the passage of the article it quotes."""
    return [
        "    source:",
        f"      page: {source_page}",
        "      passage:",
        f"        de: {passage['de']}",
        f"        en: {passage['en']}",
    ]


def people_yaml(passage: dict[str, str], source_page: str) -> str:
    lines = ["# yaml-language-server: $schema=./people.schema.json", "people:"]
    for person_id, name, role_de, role_en in PEOPLE:
        lines += [
            f"  - id: {person_id}",
            f"    name: {name}",
            "    role:",
            f"      de: {role_de}",
            f"      en: {role_en}",
            "    contact: author",
            f"    email: {person_id}@example.org",
            *source_lines(source_page, passage),
        ]
    return "\n".join(lines) + "\n"


def articles_yaml() -> str:
    lines = [
        "# yaml-language-server: $schema=./articles.schema.json",
        f"page_folder: {ARTICLE_FOLDER}",
        "per_page: 20",
        "on_home_page: 3",
        f"topic_folder: {ARTICLE_FOLDER}/themen",
        f"author_folder: {ARTICLE_FOLDER}/autoren",
        "topics:",
    ]
    for topic_id, name_de, name_en in TOPICS:
        lines += [f"  - id: {topic_id}", "    name:", f"      de: {name_de}", f"      en: {name_en}"]
    return "\n".join(lines) + "\n"


def home_page(language: str) -> str:
    label = LABELS[language]
    return (
        f"---\ntitle: {label['home']}\ndescription: {label['overview']}.\n---\n\n# {label['home']}\n\n"
        f"## {label['latest']}\n\n<!-- data: latest-articles -->\n\n[{label['all']}]({ARTICLE_FOLDER}/index.md)\n"
    )


def article_index_page(language: str) -> str:
    label = LABELS[language]
    return (
        f"---\ntitle: {label['articles']}\ndescription: {label['all']}.\nnav_order: 10\n---\n\n"
        f"# {label['articles']}\n\n<!-- data: article-index -->\n"
    )


def footer_pages(source: Path) -> list[str]:
    """The written pages the source's mkdocs.yml names for every page's footer (legal notice, privacy):
    the build refuses a name without its page, so the corpus writes each."""
    return [page.path for page in read_settings(source / "mkdocs.yml").footer_pages]


def footer_page(number: int, language: str, seed: int) -> str:
    rng = random.Random(seed * 1_000 + number)
    title = sentence(rng, language, 2).removesuffix(".")
    return f"---\ntitle: {title}\n---\n\n# {title}\n\n{sentence(rng, language, 14)}\n"


def partnerships_page(language: str) -> str:
    label = LABELS[language]
    return (
        f"---\ntitle: {label['partnerships']}\ndescription: {label['overview']}.\nnav_order: 20\n---\n\n"
        f"# {label['partnerships']}\n\n<!-- data: partnership-cards -->\n\n## {label['overview']}\n\n"
        "<!-- data: partnership-map -->\n"
    )


def generate(
    destination: Path, articles: int, partnerships: int = PARTNERSHIPS, seed: int = 1, source: Path = SOURCE
) -> Path:
    """Write the corpus into `destination` (a new folder), with `source`'s configuration; returns it."""
    destination.mkdir(parents=True)
    for name in ("mkdocs.yml", "lychee.toml"):
        shutil.copy(source / name, destination / name)
    for folder in ("hooks", "overrides"):
        shutil.copytree(source / folder, destination / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (destination / "data").mkdir()
    for schema in (source / "data").glob("*.schema.json"):
        shutil.copy(schema, destination / "data" / schema.name)
    source_page = f"{ARTICLE_FOLDER}/{slug(0)}.md"
    passages: dict[str, str] = {}
    for language in LANGUAGES.codes:
        folder = destination / "docs" / language
        (folder / "partnerschaften").mkdir(parents=True)
        (folder / ARTICLE_FOLDER / "bilder").mkdir(parents=True)
        for index in range(articles):
            text = article(index, articles, language, seed)
            (folder / ARTICLE_FOLDER / f"{slug(index)}.md").write_text(text, encoding="utf-8")
        (folder / ARTICLE_FOLDER / "index.md").write_text(article_index_page(language), encoding="utf-8")
        (folder / ARTICLE_FOLDER / "bilder" / "strasse.svg").write_text(IMAGE, encoding="utf-8")
        (folder / "index.md").write_text(home_page(language), encoding="utf-8")
        (folder / "partnerschaften" / "index.md").write_text(partnerships_page(language), encoding="utf-8")
        for number, page in enumerate(footer_pages(source)):
            (folder / page).parent.mkdir(parents=True, exist_ok=True)
            (folder / page).write_text(footer_page(number, language, seed), encoding="utf-8")
        first = (folder / source_page).read_text(encoding="utf-8").split("\n\n")[2]
        passages[language] = first.split(". ")[0] + "."
    for path in (destination / "docs" / LANGUAGES.codes[1]).rglob("*.md"):
        mark_page(destination, path, LANGUAGES)
    data = {
        "partnerships.yml": partnerships_yaml(partnerships, passages, source_page),
        "timeline.yml": timeline_yaml(partnerships, passages, source_page),
        "people.yml": people_yaml(passages, source_page),
        "articles.yml": articles_yaml(),
    }
    for name, text in data.items():
        (destination / "data" / name).write_text(text, encoding="utf-8")
        # Stamped by the same command an editor runs once a translation is complete.
        mark_records(destination, destination / "data" / name, None, LANGUAGES)
    return destination


class _Env:
    """An `!ENV` value of mkdocs.yml, kept as written."""

    def __init__(self, value: object) -> None:
        self.value = value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_constructor(
    "!ENV",
    lambda loader, node: _Env(
        loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else loader.construct_scalar(node)
    ),
)
_Dumper.add_representer(
    _Env,
    lambda dumper, env: (
        dumper.represent_sequence("!ENV", env.value, flow_style=True)
        if isinstance(env.value, list)
        else dumper.represent_scalar("!ENV", env.value)
    ),
)
# The plugins a user of MkDocs, Material and mkdocs-static-i18n has.
STOCK_PLUGINS = ("search", "i18n")


def _plugin_name(entry: str | dict) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def stock_config(config: dict) -> dict:
    """The project's mkdocs.yml without anything of the project's own.

    No hooks, theme overrides, stylesheets or scripts, watched folders, Markdown extensions of the
    project's package, or plugins other than search and i18n; the i18n plugin's own defaults for
    reconfiguring search and the theme.
    """
    stock = {
        key: value for key, value in config.items() if key not in ("hooks", "watch", "extra_css", "extra_javascript")
    }
    stock["theme"] = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    stock["markdown_extensions"] = [
        entry for entry in config.get("markdown_extensions", []) if not _plugin_name(entry).startswith("microsite")
    ]
    plugins = []
    for entry in config.get("plugins", []):
        if _plugin_name(entry) not in STOCK_PLUGINS:
            continue
        if _plugin_name(entry) == "i18n":
            options = {key: value for key, value in entry["i18n"].items() if not key.startswith("reconfigure_")}
            entry = {"i18n": options}
        plugins.append(entry)
    stock["plugins"] = plugins
    return stock


def stock_project(project: Path, destination: Path) -> Path:
    """The corpus's pages for MkDocs + Material + mkdocs-static-i18n alone, as a user of those tools has them.

    The same Markdown (data markers stay HTML comments) with `stock_config`: the articles are in the
    automatic navigation, and search is the i18n plugin's default (one index merged from both languages).
    """
    destination.mkdir(parents=True)
    shutil.copytree(project / "docs", destination / "docs")
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    (destination / "mkdocs.yml").write_text(
        yaml.dump(stock_config(config), Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return destination
