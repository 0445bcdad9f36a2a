"""Starting points for editors: a new article in both languages, a new partnership record.

    python -m microsite new-article SLUG --title "Titel" --description "Ein Satz."
    python -m microsite new-partnership ID

Neither ever overwrites anything: an existing page or id, or a malformed name, is refused with a
message and exit status 2, and nothing is written.

What they create is meant to be finished by the editor, and the checks say what is left:
- new-article writes the German page and an English copy to translate; until it is translated and
  recorded (`make translated`), `make check` reports it as `untracked-translation`.
- new-partnership adds a record with every required field empty; the data check lists each field
  to fill in, with its line.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .languages import Languages

NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Refused(Exception):
    """The command would overwrite something or was given a malformed name: nothing was written."""


def check_name(kind: str, name: str, example: str) -> None:
    if not NAME.match(name):
        raise Refused(
            f"'{name}' is not a valid {kind}: use lowercase letters, digits and single hyphens (no umlauts, spaces or capitals), e.g. '{example}'"
        )


def yaml_text(value: str) -> str:
    """A one-line YAML string, quoted as needed."""
    return yaml.safe_dump(value, allow_unicode=True, default_style=None, width=10_000).removesuffix("\n...\n").strip()


def new_article(project: Path, slug: str, title: str, description: str) -> list[Path]:
    check_name("page name", slug, "klima-partnerschaften")
    if not title.strip() or not description.strip():
        raise Refused("give the German title and description: make new-article SLUG=… TITLE='…' DESCRIPTION='…'")
    languages = Languages.of_project(project).codes
    targets = [project / "docs" / language / f"{slug}.md" for language in languages]
    existing = [path for path in targets if path.exists()]
    if existing:
        raise Refused(
            f"{', '.join(p.relative_to(project).as_posix() for p in existing)} already exist{'s' if len(existing) == 1 else ''} – choose another name; nothing was written"
        )
    page = f"---\ntitle: {yaml_text(title)}\ndescription: {yaml_text(description)}\n---\n\n# {title}\n"
    for path in targets:
        path.parent.mkdir(parents=True, exist_ok=True)
        # The translations start as a copy of the source: the parity check reports them until translated.
        path.write_text(page, encoding="utf-8")
    return targets


PARTNERSHIP = """\
  - id: {id}
    city:
      name:
        de: ""
        en: ""
      region:
        de: ""
        en: ""
      country:
        de: ""
        en: ""
      coordinates:
        lat:
        lon:
      sources:
        - url: ""
          fact: region, country and coordinates
    relation:
      de: ""
      en: ""
    summary:
      de: ""
      en: ""
    focus: []
    projects: []
    sources:
      - page: ""
        passage:
          de: ""
          en: ""
"""


def new_partnership(project: Path, partnership_id: str) -> Path:
    check_name("partnership id", partnership_id, "partner-city")
    path = project / "data" / "partnerships.yml"
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise Refused(f"data/partnerships.yml cannot be read ({error}) – fix it first (make check-data)") from None
    sequence = next(
        (
            value
            for key, value in (root.value if isinstance(root, yaml.MappingNode) else [])
            if key.value == "partnerships"
        ),
        None,
    )
    if not isinstance(sequence, yaml.SequenceNode):
        raise Refused("data/partnerships.yml has no 'partnerships:' list to add to – fix it first (make check-data)")
    ids = [
        value.value
        for item in sequence.value
        if isinstance(item, yaml.MappingNode)
        for key, value in item.value
        if key.value == "id"
    ]
    if partnership_id in ids:
        raise Refused(
            f"data/partnerships.yml already has a partnership '{partnership_id}' – choose another id; nothing was written"
        )
    lines = text.split("\n")
    # After the list's last line with content, so that comments or keys that follow stay where they are.
    end = sequence.end_mark.line
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    lines[end:end] = ["", *PARTNERSHIP.format(id=partnership_id).rstrip("\n").split("\n")]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
