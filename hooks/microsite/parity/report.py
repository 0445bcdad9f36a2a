"""What the parity check can report, and the differences editors declare as intended.

A declaration names check ids: `parity_ignore: [number]` in a page's front matter, `<!-- parity-ignore:
number -->` on the line before a block, `# parity-ignore: identical-translation` at the end of a YAML
line. A finding it covers is not reported; a declaration that covers nothing is reported itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..findings import Finding

CHECKS = {
    "unreadable-page": "a page cannot be read: it is not saved as UTF-8, or is no readable file",
    "missing-translation": "a source page has no translation",
    "orphan-translation": "a translation has no source page",
    "invisible-character": "a page's file name has an invisible character in it",
    "front-matter-keys": "front matter keys differ",
    "heading-structure": "headings differ in number, order or level",
    "heading-id": "an explicit heading id differs",
    "block-structure": "paragraphs, lists, list items, tables, block quotes or admonitions differ in number",
    "code-block": "a code block differs",
    "image": "an image is missing on one side, or shows another file than the source's",
    "image-file": "an image of a translation has its file in neither the translation's folder nor the source's",
    "data-marker": "data markers differ",
    "internal-link": "links to pages of the site differ",
    "external-link": "links to other sites differ",
    "mailto": "e-mail links differ",
    "number": "numbers differ between corresponding blocks",
    "untracked-translation": "a translation does not record which source it was made from",
    "outdated": "the source changed since the translation was last brought in line",
    "data-translation": "a data text lacks a language or is empty",
    "identical-translation": "a data text is the same in both languages without being declared so",
    "untranslated-block": "a block of a translation is its source's block, copied unchanged",
    "wrong-language": "a block or data text is in another of the publication's languages than its page or key",
    "unused-exemption": "a declared difference that no longer matches anything",
    "interface-words": "an interface word of a language the site builds is missing, left over or unreadable",
}


@dataclass
class Exemption:
    """One check declared as an intended difference, on `line`; `used` once it covered a finding."""

    check: str
    line: int
    used: bool = False


def declared_checks(declaration: str) -> list[str]:
    """The check ids of one declaration, separated by commas or spaces."""
    return re.split(r"[,\s]+", declaration.strip())


class Report:
    """Collects findings, leaving out those a declaration covers, and each finding once."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        # A source page is checked with each of its translations: what is found on it is found again.
        self._seen: set[Finding] = set()

    def add(self, finding: Finding, exemptions: Iterable[Exemption] = ()) -> None:
        for exemption in exemptions:
            if exemption.check == finding.check:
                exemption.used = True
                return
        if finding not in self._seen:
            self._seen.add(finding)
            self.findings.append(finding)
