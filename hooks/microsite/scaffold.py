"""Starting points for editors: a new article in every language, a new partnership record.

    python -m microsite new-article SLUG --title "Titel" --description "Ein Satz." --author ID --topics a,b
    python -m microsite new-partnership ID

Neither ever overwrites anything: an existing page or id, or a malformed name, is refused with a
message and exit status 2, and nothing is written.

What they create is meant to be finished by the editor, and the checks say what is left:
- new-article writes the source-language page and a copy of it in every other language folder, to
  translate; until translated and recorded (`make translated`), `make check` reports each copy as
  `untracked-translation`. With data/articles.yml, the page is an article of the collection
  (`docs/<language>/<page_folder>/<slug>.md`) dated today, by the author named, on the topics named,
  and appears in the index, on its author's and its topics' pages and in the feeds at the next build.
  Without topics it is on no topic page, and the data check warns until it has some.
- new-partnership adds a record with every required field empty; the data check lists each field to
  fill in, with its line.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import yaml

from .languages import Languages
from .pasted_text import invisible_character_problem
from .settings import project_languages

NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Refused(Exception):
    """The command would overwrite something or was given a malformed name: nothing was written."""


def check_name(kind: str, name: str, example: str) -> None:
    if NAME.match(name):
        return
    invisible = invisible_character_problem(name, kind, f"type the {kind} again, e.g. '{example}'")
    if invisible is not None:
        raise Refused(invisible)
    rule = "use lowercase letters, digits and single hyphens (no umlauts, spaces or capitals)"
    raise Refused(f"'{name}' is not a valid {kind}: {rule}, e.g. '{example}'")


def yaml_text(value: str) -> str:
    """A one-line YAML string, quoted as needed."""
    return yaml.safe_dump(value, allow_unicode=True, default_style=None, width=10_000).removesuffix("\n...\n").strip()


def new_article(
    project: Path,
    slug: str,
    title: str,
    description: str,
    author: str = "",
    topics: tuple[str, ...] = (),
    today: datetime.date | None = None,
) -> list[Path]:
    check_name("page name", slug, "city-networks")
    languages = project_languages(project)
    if not title.strip() or not description.strip():
        source = Languages.name(languages.source)
        raise Refused(f"give the {source} title and description: make new-article SLUG=… TITLE='…' DESCRIPTION='…'")
    folder = _collection_folder(project)
    targets = [project / "docs" / language / folder / f"{slug}.md" for language in languages.codes]
    existing = [path.relative_to(project).as_posix() for path in targets if path.exists()]
    if existing:
        verb = "exists" if len(existing) == 1 else "exist"
        raise Refused(f"{', '.join(existing)} already {verb} – choose another name; nothing was written")
    fields = [f"title: {yaml_text(title)}", f"description: {yaml_text(description)}"]
    if folder:
        _check_author(project, author)
        _check_topics(project, topics)
        day = (today or datetime.date.today()).isoformat()
        fields += [f"date: {day}", f"authors: [{author}]", f"topics: [{', '.join(topics)}]"]
    elif topics:
        raise Refused("topics belong to articles, and this project has no data/articles.yml – leave out TOPICS")
    page = "---\n" + "\n".join(fields) + f"\n---\n\n# {title}\n"
    for path in targets:
        path.parent.mkdir(parents=True, exist_ok=True)
        # The translations start as a copy of the source: the parity check reports them until translated.
        path.write_text(page, encoding="utf-8")
    return targets


def _read_data(project: Path, name: str) -> dict | None:
    path = project / "data" / f"{name}.yml"
    if not path.exists():
        return None
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise Refused(f"data/{name}.yml cannot be read ({error}) – fix it first (make check-data)") from None
    if not isinstance(content, dict):
        raise Refused(f"data/{name}.yml is not a set of fields – fix it first (make check-data)")
    return content


def _collection_folder(project: Path) -> str:
    """The article collection's folder below each language folder; '' without data/articles.yml."""
    settings = _read_data(project, "articles")
    if settings is None:
        return ""
    folder = settings.get("page_folder")
    if not isinstance(folder, str) or not all(NAME.match(part) for part in folder.split("/")):
        raise Refused("data/articles.yml has no valid 'page_folder:' – fix it first (make check-data)")
    return folder


def _check_author(project: Path, author: str) -> None:
    people = (_read_data(project, "people") or {}).get("people") or []
    ids = [person.get("id") for person in people if isinstance(person, dict) and person.get("id")]
    if author not in ids:
        choices = ", ".join(ids) or "none yet: add the author to data/people.yml first"
        given = f"'{author}' is not in data/people.yml" if author else "name the author"
        raise Refused(f"{given}: make new-article … AUTHOR=<id> with an id from data/people.yml ({choices})")


def topic_ids(project: Path) -> list[str]:
    """The ids of the topics in data/articles.yml, in its order."""
    topics = (_read_data(project, "articles") or {}).get("topics") or []
    return [topic.get("id") for topic in topics if isinstance(topic, dict) and topic.get("id")]


def no_topics_note(project: Path) -> str:
    """What an editor who named no topics should know: an article without them is on no topic page."""
    if _read_data(project, "articles") is None:
        return ""
    known = ", ".join(topic_ids(project)) or "none yet: add one to data/articles.yml first"
    return (
        "note: the article has no topics, so no topic page lists it – write ids from data/articles.yml into its "
        f"'topics: []' in every language ({known}), or name them next time: make new-article … TOPICS=a,b"
    )


def _check_topics(project: Path, topics: tuple[str, ...]) -> None:
    known = topic_ids(project)
    unknown = [topic for topic in topics if topic not in known]
    if unknown:
        names = ", ".join(f"'{topic}'" for topic in unknown)
        verb = "is" if len(unknown) == 1 else "are"
        choices = ", ".join(known) or "none yet"
        raise Refused(
            f"{names} {verb} not in data/articles.yml: make new-article … TOPICS=<id>,<id> with ids from "
            f"data/articles.yml ({choices}); a new topic goes there first, with its id and its name in every language"
        )


def partnership_record(partnership_id: str, languages: Languages) -> list[str]:
    """The lines of a new record in data/partnerships.yml: every field there, every text empty."""

    def text(indent: int) -> list[str]:
        return [" " * indent + f'{language}: ""' for language in languages.codes]

    return [
        f"  - id: {partnership_id}",
        "    city:",
        *(line for field in ("name", "region", "country") for line in (f"      {field}:", *text(8))),
        "      coordinates:",
        "        lat:",
        "        lon:",
        "      sources:",
        '        - url: ""',
        "          fact: region, country and coordinates",
        *(line for field in ("relation", "summary") for line in (f"    {field}:", *text(6))),
        "    focus: []",
        "    projects: []",
        "    sources:",
        '      - page: ""',
        "        passage:",
        *text(10),
    ]


def _partnership_list(text: str) -> yaml.SequenceNode:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise Refused(f"data/partnerships.yml cannot be read ({error}) – fix it first (make check-data)") from None
    entries = root.value if isinstance(root, yaml.MappingNode) else []
    sequence = next((value for key, value in entries if key.value == "partnerships"), None)
    if not isinstance(sequence, yaml.SequenceNode):
        raise Refused("data/partnerships.yml has no 'partnerships:' list to add to – fix it first (make check-data)")
    return sequence


def new_partnership(project: Path, partnership_id: str) -> Path:
    check_name("partnership id", partnership_id, "partner-city")
    path = project / "data" / "partnerships.yml"
    text = path.read_text(encoding="utf-8")
    sequence = _partnership_list(text)
    records = [item for item in sequence.value if isinstance(item, yaml.MappingNode)]
    ids = [value.value for item in records for key, value in item.value if key.value == "id"]
    if partnership_id in ids:
        todo = "choose another id; nothing was written"
        raise Refused(f"data/partnerships.yml already has a partnership '{partnership_id}' – {todo}")
    lines = text.split("\n")
    # After the list's last line with content, so that comments or keys that follow stay where they are.
    end = sequence.end_mark.line
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    lines[end:end] = ["", *partnership_record(partnership_id, project_languages(project))]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
