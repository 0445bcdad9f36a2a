"""What a lagging translation does to the build, set per state in mkdocs.yml under
`extra.translation_policy`.

- `outdated`: the source changed after the translation was brought in line. `notice` (default): the
  page is published with a notice to its readers, and the finding is a warning; `error`: the strict
  build fails, as a structural difference does.
- `missing`: a source page or data text has no translation. `stand-in` (default): readers of the other
  language get a page in their language that leads to the original, and a data text is shown in its
  source language, marked so; `error`: the build fails.
- `status_page`: where each language's translation status page is generated, below its folder.

Structural drift in a translation whose stamp says it is current is an error under every policy.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from .findings import Finding
from .languages import is_page_path

KEY = "translation_policy"
CHOICES = {"outdated": ("notice", "error"), "missing": ("stand-in", "error")}
DEFAULTS = ("notice", "stand-in", "translations.md")


@dataclass(frozen=True)
class TranslationPolicy:
    outdated: str = DEFAULTS[0]
    missing: str = DEFAULTS[1]
    status_page: str = DEFAULTS[2]

    @property
    def tolerates_outdated(self) -> bool:
        return self.outdated == "notice"

    @property
    def tolerates_missing(self) -> bool:
        return self.missing == "stand-in"

    def describe(self) -> str:
        """One line for editors and CI: the policy in force."""
        outdated = "published with a notice (warning)" if self.tolerates_outdated else "fails the build (error)"
        missing = "stand-in page / source text shown (warning)" if self.tolerates_missing else "fails the build (error)"
        return f"Translation policy (mkdocs.yml, extra.{KEY}): outdated → {outdated}; missing → {missing}"


class PolicyError(ValueError):
    """The policy mkdocs.yml sets wrongly, for the steps that stop on it; `finding` names the line and what to
    write."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.text())
        self.finding = finding


def translation_policy(setting: yaml.Node | None, shown: str) -> tuple[TranslationPolicy, Finding | None]:
    """The policy `extra.translation_policy` sets (the defaults where it sets none), and what is wrong with
    it (the defaults then)."""
    if setting is None:
        return TranslationPolicy(), None
    line = setting.start_mark.line + 1
    if not isinstance(setting, yaml.MappingNode):
        return TranslationPolicy(), Finding(
            shown, line, f"extra.{KEY} must be a mapping – write e.g. 'outdated: notice' below it"
        )
    values = {key.value: value for key, value in setting.value}
    allowed = (*CHOICES, "status_page")
    for key, value in setting.value:
        if key.value not in allowed:
            message = f"extra.{KEY}: unknown setting '{key.value}' – use {', '.join(allowed)}"
            return TranslationPolicy(), Finding(shown, key.start_mark.line + 1, message)
        choices = CHOICES.get(key.value)
        if choices is not None and value.value not in choices:
            message = f"extra.{KEY}.{key.value}: '{value.value}' is not a policy – write {' or '.join(choices)}"
            return TranslationPolicy(), Finding(shown, value.start_mark.line + 1, message)
    status_page = values.get("status_page")
    if status_page is not None and not is_page_path(status_page.value):
        message = (
            f"extra.{KEY}.status_page: '{status_page.value}' is no page path – "
            "write a path below the language folders ending in .md, e.g. translations.md"
        )
        return TranslationPolicy(), Finding(shown, status_page.start_mark.line + 1, message)
    policy = TranslationPolicy(
        *(values[key].value if key in values else default for key, default in zip(allowed, DEFAULTS, strict=True))
    )
    return policy, None
