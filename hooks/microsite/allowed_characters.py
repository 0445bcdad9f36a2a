"""The invisible characters a publication needs in its texts, declared in mkdocs.yml with a reason:

```yaml
extra:
  allowed_invisible_characters:
    - character: U+200F
      reason: the partners' Arabic names are quoted with a right-to-left mark after them
```

A declared character is no finding anywhere in the publication (front matter, data, page texts): one
place to see, review and remove what the publication lets through (pasted_text.py says which characters
are reported, and which joiners never are). A wrong entry is a finding of its own and allows nothing.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

import yaml

from .findings import Finding
from .pasted_text import HIDDEN, character_name

KEY = "allowed_invisible_characters"
EXAMPLE = "- {character: U+200F, reason: …}"
CODE = re.compile(r"U\+([0-9A-Fa-f]{4,6})")


@dataclass(frozen=True)
class AllowedCharacters:
    characters: frozenset[str] = frozenset()
    # What is wrong with the setting, one finding per wrong entry.
    findings: tuple[Finding, ...] = ()


def allowed_characters(setting: yaml.Node | None, shown: str) -> AllowedCharacters:
    """The characters `extra.allowed_invisible_characters` allows (none where it sets nothing), and what is
    wrong with the setting."""
    if setting is None:
        return AllowedCharacters()
    if not isinstance(setting, yaml.SequenceNode):
        message = f"extra.{KEY} must be a list, one entry a character – write each as '{EXAMPLE}'"
        return AllowedCharacters(findings=(Finding(shown, setting.start_mark.line + 1, message),))
    characters, findings = set(), []
    for entry in setting.value:
        character, problem = _entry(entry)
        if problem is None:
            characters.add(character)
        else:
            findings.append(Finding(shown, entry.start_mark.line + 1, f"extra.{KEY}: {problem}"))
    return AllowedCharacters(frozenset(characters), tuple(findings))


def _entry(entry: yaml.Node) -> tuple[str, str | None]:
    """The character an entry allows, and what is wrong with the entry (None if nothing)."""
    fields = {key.value: value for key, value in entry.value} if isinstance(entry, yaml.MappingNode) else None
    if fields is None or set(fields) - {"character", "reason"}:
        return "", f"each entry has a 'character' and a 'reason' – write it as '{EXAMPLE}'"
    written = fields.get("character")
    code = CODE.fullmatch(written.value.strip()) if isinstance(written, yaml.ScalarNode) else None
    if code is None:
        return "", "write the character as its code point, e.g. 'character: U+200F', as the finding names it"
    character = chr(int(code.group(1), 16)) if int(code.group(1), 16) <= sys.maxunicode else ""
    if not character or character not in HIDDEN:
        return "", f"{written.value.strip()} is never reported as invisible – remove the entry"
    reason = fields.get("reason")
    if not (isinstance(reason, yaml.ScalarNode) and reason.value.strip()):
        return "", f"{character_name(character)} has no reason – add 'reason: …', why the publication's texts need it"
    return character, None
