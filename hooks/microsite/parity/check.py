"""Translation parity: keeps every translation in step with its source, pages and data.

The default language (German) is the source; every other language folder holds translations with the
same relative paths. Pages are compared as parsed Markdown (markdown-it-py): page sets, front matter
keys, headings and explicit ids, block counts, code, images, data markers, links and numbers; data
texts must have every language, and a translation identical to its source must be declared.

Outdated translations: a translation records `translated_from: <hash>` of its source (front matter
for pages, a field for data records), written only by the explicit `mark-translated` command. The
hash works in any clone; where git history is there, it also tells what changed since.

Intended differences are declared where they are: `parity_ignore: [check-id, …]` in a page's front
matter, `<!-- parity-ignore: check-id -->` on the line before a block, `# parity-ignore: check-id`
at the end of a YAML line. A declaration that suppresses nothing is itself reported.

    python hooks/translation_parity.py [check] [--format text|json|github] [--summary FILE] [PROJECT]
    python hooks/translation_parity.py mark-translated PATH[#RECORD-ID] ...

Exit status: 0 in parity, 1 on findings, 2 on usage or internal errors. `check` changes no file.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from ..data.yaml_positions import DataFile, PlainLoader, format_path, parse_yaml
from ..findings import Finding as SharedFinding
from ..findings import Subject, Summary
from ..languages import Languages


def Finding(file: str, line: int, check: str, message: str, counterpart: str = "") -> SharedFinding:
    return SharedFinding(file, line, message, check, counterpart=counterpart)


def project_languages(root):
    return list(Languages.of_project(root).codes)


class _Names(dict):
    def get(self, language, default=None):
        return Languages.name(language)

    def __getitem__(self, language):
        return Languages.name(language)


LANGUAGE_NAMES = _Names(de="German", en="English")

CHECKS = {
    "missing-translation": "a source page has no translation",
    "orphan-translation": "a translation has no source page",
    "front-matter-keys": "front matter keys differ",
    "heading-structure": "headings differ in number, order or level",
    "heading-id": "an explicit heading id differs",
    "block-structure": "paragraphs, lists, list items, tables, block quotes or admonitions differ in number",
    "code-block": "a code block differs",
    "image": "an image is missing on one side",
    "data-marker": "data markers differ",
    "internal-link": "links to pages of the site differ",
    "external-link": "links to other sites differ",
    "mailto": "e-mail links differ",
    "number": "numbers differ between corresponding blocks",
    "untracked-translation": "a translation does not record which source it was made from",
    "outdated": "the source changed since the translation was last brought in line",
    "data-translation": "a data text lacks a language or is empty",
    "identical-translation": "a data text is the same in both languages without being declared so",
    "unused-exemption": "a declared difference that no longer matches anything",
}
STAMP_KEY = "translated_from"
IGNORE_KEY = "parity_ignore"
META_KEYS = {STAMP_KEY, IGNORE_KEY}
INLINE_IGNORE = re.compile(r"^<!--\s*parity-ignore:\s*(?P<checks>[a-z, -]+?)\s*-->\s*$")
YAML_IGNORE = re.compile(r"#\s*parity-ignore:\s*(?P<checks>[a-z, -]+?)\s*$")
DATA_MARKER = re.compile(r"<!--\s*data\s*:(.*?)-->", re.DOTALL)
HEADING_ID = re.compile(r"\{[^}]*#(?P<id>[A-Za-z][\w-]*)[^}]*\}\s*$")
NUMBER = re.compile(r"\d+(?:[.,]\d{3})*(?:[.,]\d+)?")
BLOCK_KINDS = {
    "paragraph_open": "paragraph",
    "bullet_list_open": "bulleted list",
    "ordered_list_open": "numbered list",
    "list_item_open": "list item",
    "table_open": "table",
    "tr_open": "table row",
    "blockquote_open": "block quote",
    "admonition_open": "admonition",
    "dl_open": "definition list",
}
log = logging.getLogger("mkdocs.hooks.microsite")


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    check: str
    message: str
    counterpart: str = ""

    def text(self) -> str:
        return f"{self.file}:{self.line}: [{self.check}] {self.message}"

    def github(self) -> str:
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.file},line={self.line},title=[{self.check}]::{message}"


@functools.cache
def markdown_parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(admon_plugin).use(deflist_plugin)


def plain_numbers(text: str) -> Counter:
    """Numbers in a text, thousands separators and decimal marks of either language made alike."""
    numbers = Counter()
    for match in NUMBER.findall(text):
        numbers[re.sub(r"[.,](?=\d{3}\b)", "", match).replace(",", ".")] += 1
    return numbers


@dataclass
class Block:
    """A top-level block of a page, with what its inline content holds."""

    kind: str
    line: int
    heading_level: int = 0
    heading_text: str = ""
    heading_id: str | None = None
    code: str | None = None
    marker: str | None = None
    internal_links: Counter = field(default_factory=Counter)
    external_links: Counter = field(default_factory=Counter)
    mailto: Counter = field(default_factory=Counter)
    images: Counter = field(default_factory=Counter)
    numbers: Counter = field(default_factory=Counter)
    counts: Counter = field(default_factory=Counter)
    ignore: dict[str, int] = field(default_factory=dict)


@dataclass
class Exemption:
    check: str
    line: int
    used: bool = False


@dataclass
class Page:
    path: Path
    shown: str
    text: str
    front_matter: dict
    blocks: list[Block]
    counts: Counter
    page_exemptions: list[Exemption]
    inline_exemptions: list[Exemption]


def _inline_details(block: Block, token: Token) -> None:
    for child in token.children or []:
        if child.type == "link_open":
            href = str(child.attrs.get("href", ""))
            if href.startswith("mailto:"):
                block.mailto[href] += 1
            elif re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("//"):
                block.external_links[href] += 1
            elif href and not href.startswith("#"):
                block.internal_links[href.split("#", 1)[0]] += 1
        elif child.type == "image":
            block.images[str(child.attrs.get("src", ""))] += 1
        elif child.type == "text":
            block.numbers += plain_numbers(child.content)


def parse_page(path: Path, shown: str) -> Page:
    text = path.read_text(encoding="utf-8")
    tokens = markdown_parser().parse(text)
    front_matter: dict = {}
    blocks: list[Block] = []
    counts: Counter = Counter()
    pending: dict[str, int] = {}
    inline_exemptions: list[Exemption] = []
    depth = 0
    current: Block | None = None
    for token in tokens:
        line = token.map[0] + 1 if token.map else (current.line if current else 1)
        if token.type == "front_matter":
            try:
                loaded = yaml.load(token.content, Loader=PlainLoader)
            except yaml.YAMLError:
                loaded = None
            front_matter = loaded if isinstance(loaded, dict) else {}
            continue
        # Paragraphs of tight list items are hidden: they are not paragraphs a writer made.
        counted = token.type in BLOCK_KINDS and not token.hidden
        if counted:
            counts[BLOCK_KINDS[token.type]] += 1
        if depth == 0 and token.nesting >= 0:
            if token.type == "html_block":
                ignore = INLINE_IGNORE.match(token.content.strip())
                if ignore:
                    for check in re.split(r"[,\s]+", ignore["checks"].strip()):
                        pending[check] = line
                        inline_exemptions.append(Exemption(check, line))
                    continue
            kind = token.type.removesuffix("_open")
            current = Block(kind=kind, line=line, ignore=pending)
            pending = {}
            blocks.append(current)
            if counted:
                current.counts[BLOCK_KINDS[token.type]] += 1
            if token.type == "heading_open":
                current.heading_level = int(token.tag[1:])
            elif token.type in ("fence", "code_block"):
                current.code = token.content
            elif token.type == "html_block":
                marker = DATA_MARKER.search(token.content)
                current.marker = " ".join(marker.group(1).split()) if marker else None
        elif counted and current is not None:
            current.counts[BLOCK_KINDS[token.type]] += 1
        if token.type == "inline" and current is not None:
            if current.kind == "heading" and not current.heading_text:
                heading_id = HEADING_ID.search(token.content)
                current.heading_id = heading_id["id"] if heading_id else None
                current.heading_text = HEADING_ID.sub("", token.content).strip()
            _inline_details(current, token)
        if token.type in ("fence", "code_block") and current is not None and current.code is None:
            current.code = token.content
        depth += token.nesting
    page_exemptions = (
        [Exemption(str(check), 1) for check in (front_matter.get(IGNORE_KEY) or [])]
        if isinstance(front_matter.get(IGNORE_KEY, []), list)
        else []
    )
    return Page(path, shown, text, front_matter, blocks, counts, page_exemptions, inline_exemptions)


def fingerprint(text: str) -> str:
    """A short hash of a text, insensitive to trailing spaces and line-ending style."""
    normal = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").strip().split("\n"))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


STAMP_LINE = re.compile(rf"^{STAMP_KEY}:.*\n", flags=re.MULTILINE)


def own_fingerprint(translation_text: str) -> str:
    """The translation's fingerprint, leaving out its own stamp."""
    return fingerprint(STAMP_LINE.sub("", translation_text, count=1))


def page_stamp(source_text: str, translation_text: str) -> str:
    """What mark-translated records: the source's fingerprint and the verified translation's."""
    return f"{fingerprint(source_text)}:{own_fingerprint(translation_text)}"


def stamped_source(stamp: object) -> str:
    return str(stamp).split(":", 1)[0]


def verified_unchanged(source_text: str, translation_text: str) -> bool:
    """Both files are byte for byte the pair that mark-translated verified (and found in parity)."""
    match = re.search(
        rf"^{STAMP_KEY}:\s*\"?([0-9a-f]{{12}}):([0-9a-f]{{12}})\"?\s*$", translation_text, flags=re.MULTILINE
    )
    return (
        match is not None
        and match.group(1) == fingerprint(source_text)
        and match.group(2) == own_fingerprint(translation_text)
    )


class Report:
    """Collects findings, honouring the declared exemptions."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def add(self, finding: Finding, exemptions: list[Exemption] = ()) -> None:
        for exemption in exemptions:
            if exemption.check == finding.check:
                exemption.used = True
                return
        self.findings.append(finding)


def block_exemptions(page: Page, block: Block | None) -> list[Exemption]:
    exemptions = list(page.page_exemptions)
    if block is not None:
        exemptions += [e for e in page.inline_exemptions if e.check in block.ignore and block.ignore[e.check] == e.line]
    return exemptions


def compare_pages(source: Page, translation: Page, report: Report) -> None:
    where = translation.shown
    other = source.shown

    def add(check: str, line: int, message: str, block: Block | None = None, source_block: Block | None = None) -> None:
        exemptions = block_exemptions(translation, block) + (
            block_exemptions(source, source_block) if source_block else []
        )
        report.add(Finding(where, line, check, message, other), exemptions)

    # Front matter: the same keys (values are translated; the translation's own metadata aside).
    source_keys = set(source.front_matter) - META_KEYS
    translation_keys = set(translation.front_matter) - META_KEYS
    for key in sorted(source_keys - translation_keys):
        add(
            "front-matter-keys",
            1,
            f"front matter lacks '{key}', which {other} has – add '{key}:' with the translated value",
        )
    for key in sorted(translation_keys - source_keys):
        add("front-matter-keys", 1, f"front matter has '{key}', which {other} lacks – remove it here or add it there")

    # Headings: same number, order and levels; explicit ids equal.
    source_headings = [b for b in source.blocks if b.kind == "heading"]
    translation_headings = [b for b in translation.blocks if b.kind == "heading"]
    for index, (a, b) in enumerate(zip(source_headings, translation_headings), start=1):
        if a.heading_level != b.heading_level:
            add(
                "heading-structure",
                b.line,
                f"heading {index} is level {b.heading_level} here but level {a.heading_level} in {other}:{a.line} ('{a.heading_text}') – use the same level",
                b,
                a,
            )
        elif a.heading_id != b.heading_id:
            add(
                "heading-id",
                b.line,
                f"heading {index} has id {b.heading_id!r} here but {a.heading_id!r} in {other}:{a.line} – use the same explicit id, so that links to it work in both languages",
                b,
                a,
            )
    if len(source_headings) != len(translation_headings):
        extra = translation_headings[len(source_headings)] if len(translation_headings) > len(source_headings) else None
        missing = (
            source_headings[len(translation_headings)] if len(source_headings) > len(translation_headings) else None
        )
        line = extra.line if extra else (translation_headings[-1].line if translation_headings else 1)
        detail = (
            f"'{missing.heading_text}' ({other}:{missing.line}) has no counterpart here"
            if missing
            else f"'{extra.heading_text}' has no counterpart in {other}"
        )
        add(
            "heading-structure",
            line,
            f"{len(translation_headings)} headings here, {len(source_headings)} in {other}: {detail} – translate or remove headings so that both match",
            extra,
        )

    # Block counts, with the first place where the sequences part.
    kinds = [b.kind for b in source.blocks], [b.kind for b in translation.blocks]
    aligned = kinds[0] == kinds[1]
    if source.counts != translation.counts or not aligned:
        pairs_in_order = zip(source.blocks, translation.blocks)
        first = next(
            (i for i, (a, b) in enumerate(pairs_in_order) if a.kind != b.kind or a.counts != b.counts),
            min(len(kinds[0]), len(kinds[1])),
        )
        line = (
            translation.blocks[first].line
            if first < len(translation.blocks)
            else (translation.blocks[-1].line if translation.blocks else 1)
        )
        source_line = source.blocks[first].line if first < len(source.blocks) else None
        differences = [
            f"{translation.counts[kind]} {kind}{'s' if translation.counts[kind] != 1 else ''} here, {source.counts[kind]} there"
            for kind in sorted(set(source.counts) | set(translation.counts))
            if source.counts[kind] != translation.counts[kind]
        ]
        at = f" (from {other}:{source_line} on)" if source_line else ""
        detail = "; ".join(differences) if differences else "the blocks come in another order"
        add(
            "block-structure",
            line,
            f"the structure differs from {other}{at}: {detail} – give the translation the same paragraphs, lists, tables, quotes and admonitions",
            translation.blocks[first] if first < len(translation.blocks) else None,
        )

    # Code, images and data markers: in order, on the whole page.
    for check, attribute, noun in (("code-block", "code", "code block"), ("data-marker", "marker", "data marker")):
        a_items = [b for b in source.blocks if getattr(b, attribute) is not None]
        b_items = [b for b in translation.blocks if getattr(b, attribute) is not None]
        for a, b in zip(a_items, b_items):
            if getattr(a, attribute) != getattr(b, attribute):
                add(
                    check,
                    b.line,
                    f"this {noun} differs from the one in {other}:{a.line} – {noun}s must be identical in every language",
                    b,
                    a,
                )
        if len(a_items) != len(b_items):
            line = b_items[len(a_items)].line if len(b_items) > len(a_items) else (b_items[-1].line if b_items else 1)
            add(check, line, f"{len(b_items)} {noun}s here, {len(a_items)} in {other} – copy them unchanged", None)

    # Links, images and numbers: block by block where the blocks line up, else over the page.
    pairs = (
        list(zip(source.blocks, translation.blocks))
        if aligned
        else [(_merged(source.blocks, source.blocks[0].line if source.blocks else 1), _merged(translation.blocks, 1))]
    )
    for a, b in pairs:
        compare_counters(
            add, "image", a.images, b.images, a, b, other, "image", "add the image, with alt text in this language"
        )
        compare_counters(
            add,
            "internal-link",
            a.internal_links,
            b.internal_links,
            a,
            b,
            other,
            "link to",
            "link to the same page (the path is the same in every language)",
        )
        compare_counters(
            add,
            "external-link",
            a.external_links,
            b.external_links,
            a,
            b,
            other,
            "link to",
            "use the same address, or declare a localized one with <!-- parity-ignore: external-link -->",
        )
        compare_counters(add, "mailto", a.mailto, b.mailto, a, b, other, "e-mail link", "use the same address")
        if a.code is None and b.code is None and a.numbers != b.numbers:
            only_source = sorted((a.numbers - b.numbers).elements())
            only_here = sorted((b.numbers - a.numbers).elements())
            parts = ([f"{', '.join(only_source)} in {other}:{a.line} but not here"] if only_source else []) + (
                [f"{', '.join(only_here)} here but not there"] if only_here else []
            )
            add("number", b.line, f"numbers differ: {'; '.join(parts)} – check the figures, years and dates", b, a)


def _merged(blocks: list[Block], line: int) -> Block:
    merged = Block(kind="page", line=line)
    for block in blocks:
        for attribute in ("internal_links", "external_links", "mailto", "images", "numbers"):
            getattr(merged, attribute).update(getattr(block, attribute))
    return merged


def compare_counters(
    add, check: str, source: Counter, translation: Counter, a: Block, b: Block, other: str, noun: str, todo: str
) -> None:
    for target in sorted((source - translation).elements()):
        add(check, b.line, f"{noun} '{target}' in {other}:{a.line} is missing here – {todo}", b, a)
    for target in sorted((translation - source).elements()):
        add(check, b.line, f"{noun} '{target}' here is not in {other}:{a.line} – {todo}", b, a)


# --- Outdated translations ---------------------------------------------------------------------


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def earlier_version(root: Path, relative: str, stamp: str, matches) -> str | None:
    """The text of `relative` as of the commit where `matches(text, stamp)` held, from git history."""
    commits = _git(root, "log", "--format=%H", "--", relative)
    for commit in (commits or "").split():
        text = _git(root, "show", f"{commit}:{relative}")
        if text is not None and matches(text, stamp):
            return text
    return None


def describe_page_change(root: Path, source: Page, stamp: str) -> str:
    relative = source.path.relative_to(root).as_posix()
    old_text = earlier_version(root, relative, stamp, lambda text, s: fingerprint(text) == s)
    if old_text is None:
        return "what changed cannot be shown: the version it was translated from is not in this clone's git history (a shallow clone?); compare by hand"
    old_chunks = {chunk for _, chunk in text_chunks(old_text)}
    changed = [line for line, chunk in text_chunks(source.text) if chunk not in old_chunks]
    if not changed:
        return "only text was removed or moved"
    shown = ", ".join(f"{source.shown}:{line}" for line in changed[:8]) + (" …" if len(changed) > 8 else "")
    return f"new or changed since: {shown}"


def text_chunks(text: str) -> list[tuple[int, str]]:
    """(first line, text) of every run of non-blank lines."""
    chunks, start, current = [], 0, []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line.rstrip())
        elif current:
            chunks.append((start, "\n".join(current)))
            current = []
    if current:
        chunks.append((start, "\n".join(current)))
    return chunks


def check_outdated(root: Path, source: Page, translation: Page, report: Report) -> None:
    stamp = translation.front_matter.get(STAMP_KEY)
    command = f"make translated FILES='{translation.shown}'"
    if stamp is None:
        report.add(
            Finding(
                translation.shown,
                1,
                "untracked-translation",
                f"no '{STAMP_KEY}' in the front matter, so changes to {source.shown} cannot be noticed – once this translation matches it, run: {command}",
                source.shown,
            ),
            translation.page_exemptions,
        )
        return
    if stamped_source(stamp) != fingerprint(source.text):
        change = describe_page_change(root, source, stamped_source(stamp))
        report.add(
            Finding(
                translation.shown,
                1,
                "outdated",
                f"{source.shown} changed since this translation was brought in line ({change}) – update the translation, then run: {command}",
                source.shown,
            ),
            translation.page_exemptions,
        )


# --- Data -----------------------------------------------------------------------------------------


def record_lists(content: Any) -> list[tuple[tuple, dict]]:
    """(path, record) of every record with an id in a data file."""
    found = []
    if isinstance(content, dict):
        for key, value in content.items():
            if isinstance(value, list):
                found += [
                    ((key, index), item) for index, item in enumerate(value) if isinstance(item, dict) and "id" in item
                ]
    return found


def source_texts(content: Any, source_language: str) -> list[str]:
    """The source-language strings of a record, in document order."""
    if isinstance(content, dict):
        if (
            source_language in content
            and all(isinstance(v, str) for v in content.values())
            and set(content) <= set(LANGUAGE_NAMES)
        ):
            return [content[source_language]]
        return [
            text for key, value in content.items() if key != STAMP_KEY for text in source_texts(value, source_language)
        ]
    if isinstance(content, list):
        return [text for value in content for text in source_texts(value, source_language)]
    return []


def record_fingerprint(record: dict, source_language: str) -> str:
    return fingerprint("\n\u241e\n".join(source_texts(record, source_language)))


def check_data(root: Path, languages: list[str], report: Report, parsed: dict | None = None) -> list[str]:
    """Checks every data file; returns the files read. `parsed`: files the build has parsed already."""
    source_language = languages[0]
    checked = []
    for path in sorted((root / "data").glob("*.yml")):
        shown = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        data_file = (parsed or {}).get(path.stem)
        if data_file is None:
            data_file = DataFile(name=path.stem, display_path=shown)
            if parse_yaml(text, data_file):
                continue  # syntax errors are the data check's to report
        checked.append(shown)
        exemptions = yaml_exemptions(lines)
        check_texts(data_file, data_file.content, (), languages, lines, exemptions, report)
        for record_path, record in record_lists(data_file.content):
            check_record_stamp(root, data_file, record_path, record, source_language, report)
        for exemption in exemptions.values():
            if not exemption.used:
                report.add(
                    Finding(
                        shown,
                        exemption.line,
                        "unused-exemption",
                        f"this line declares '{exemption.check}', but its texts differ between languages – remove the '# parity-ignore: {exemption.check}' comment",
                    )
                )
    return checked


def yaml_exemptions(lines: list[str]) -> dict[int, Exemption]:
    exemptions = {}
    for number, line in enumerate(lines, start=1):
        match = YAML_IGNORE.search(line)
        if match:
            for check in re.split(r"[,\s]+", match["checks"].strip()):
                exemptions[number] = Exemption(check, number)
    return exemptions


def check_texts(
    data_file,
    content: Any,
    path: tuple,
    languages: list[str],
    lines: list[str],
    exemptions: dict[int, Exemption],
    report: Report,
) -> None:
    if isinstance(content, dict):
        if set(content) & set(languages) and set(content) <= set(LANGUAGE_NAMES):
            for language in languages:
                value = content.get(language)
                if not isinstance(value, str) or not value.strip():
                    # An empty text is pointed at; a missing one at the field that lacks it.
                    line = (
                        data_file.position((*path, language))[0]
                        if language in content
                        else data_file.position(path, key=True)[0]
                    )
                    report.add(
                        Finding(
                            data_file.display_path,
                            line,
                            "data-translation",
                            f"{format_path(path)}: the {LANGUAGE_NAMES.get(language, language)} text is {'missing' if value is None else 'empty'} – write it ('{language}: …')",
                        )
                    )
            values = [content.get(language) for language in languages]
            if all(isinstance(v, str) and v.strip() for v in values) and len(set(values)) == 1:
                line = data_file.position((*path, languages[-1]))[0]
                declared = [
                    exemptions[n] for n in (line, data_file.position((*path, languages[0]))[0]) if n in exemptions
                ]
                report.add(
                    data_file_finding(
                        data_file,
                        (*path, languages[-1]),
                        "identical-translation",
                        f"{format_path(path)}: '{values[0]}' is the same in every language – translate it, or if it is a name, declare it with '# parity-ignore: identical-translation' at the end of this line",
                    ),
                    [e for e in declared if e.check == "identical-translation"],
                )
            return
        for key, value in content.items():
            check_texts(data_file, value, (*path, key), languages, lines, exemptions, report)
    elif isinstance(content, list):
        for index, value in enumerate(content):
            check_texts(data_file, value, (*path, index), languages, lines, exemptions, report)


def data_file_finding(data_file, path: tuple, check: str, message: str) -> Finding:
    line, _ = data_file.position(path)
    return Finding(data_file.display_path, line, check, message)


def check_record_stamp(
    root: Path, data_file, record_path: tuple, record: dict, source_language: str, report: Report
) -> None:
    name = f"{format_path(record_path)} ('{record['id']}')"
    command = f"make translated FILES='{data_file.display_path}#{record['id']}'"
    stamp = record.get(STAMP_KEY)
    if stamp is None:
        report.add(
            data_file_finding(
                data_file,
                (*record_path, "id"),
                "untracked-translation",
                f"{name} has no '{STAMP_KEY}', so changes to its {LANGUAGE_NAMES.get(source_language)} texts cannot be noticed – once its translations match, run: {command}",
            )
        )
        return
    if stamp != record_fingerprint(record, source_language):
        change = describe_record_change(root, data_file, record, str(stamp), source_language)
        report.add(
            data_file_finding(
                data_file,
                (*record_path, STAMP_KEY),
                "outdated",
                f"{name}: its {LANGUAGE_NAMES.get(source_language)} text changed since the translation was brought in line ({change}) – update the other languages, then run: {command}",
            )
        )


def describe_record_change(root: Path, data_file, record: dict, stamp: str, source_language: str) -> str:
    def old_record(text: str) -> dict | None:
        try:
            content = yaml.load(text, Loader=PlainLoader)
        except yaml.YAMLError:
            return None
        return next((r for _, r in record_lists(content) if r.get("id") == record["id"]), None)

    old_text = earlier_version(
        root,
        data_file.display_path,
        stamp,
        lambda text, s: (r := old_record(text)) is not None and record_fingerprint(r, source_language) == s,
    )
    if old_text is None:
        return "what changed cannot be shown: that version is not in this clone's git history (a shallow clone?)"
    old = source_texts(old_record(old_text), source_language)
    new = source_texts(record, source_language)
    changed = [text for text in new if text not in old]
    return "now: " + "; ".join(f"'{text}'" for text in changed[:3]) if changed else "texts removed or reordered"


# --- The whole project ----------------------------------------------------------------------------


@dataclass
class PairStatus:
    source: str
    translation: str
    findings: int


def check_project(
    root: Path, languages: list[str] | None = None, *, trust_verified: bool = False, parsed_data: dict | None = None
) -> tuple[list[Finding], list[PairStatus], list[str]]:
    """Every finding in the project, the status of every page pair, and the data files read.

    With `trust_verified` (the build hook), a pair that is byte for byte what mark-translated
    verified is not compared again; `make parity` and `make check` always compare every pair.
    """
    languages = languages or project_languages(root)
    source_language, targets = languages[0], languages[1:]
    report = Report()
    statuses: list[PairStatus] = []
    docs = root / "docs"
    source_pages = {
        path.relative_to(docs / source_language).as_posix() for path in (docs / source_language).rglob("*.md")
    }
    for language in targets:
        translated = {path.relative_to(docs / language).as_posix() for path in (docs / language).rglob("*.md")}
        for relative in sorted(source_pages - translated):
            report.add(
                Finding(
                    f"docs/{source_language}/{relative}",
                    1,
                    "missing-translation",
                    f"no {LANGUAGE_NAMES.get(language, language)} translation: create docs/{language}/{relative} (same file name)",
                    f"docs/{language}/{relative}",
                )
            )
        for relative in sorted(translated - source_pages):
            report.add(
                Finding(
                    f"docs/{language}/{relative}",
                    1,
                    "orphan-translation",
                    f"no source docs/{source_language}/{relative}: rename this file to match its source, or delete it if the source was removed",
                    f"docs/{source_language}/{relative}",
                )
            )
        for relative in sorted(source_pages & translated):
            before = len(report.findings)
            source_path, translation_path = docs / source_language / relative, docs / language / relative
            if trust_verified and verified_unchanged(
                source_path.read_text(encoding="utf-8"), translation_path.read_text(encoding="utf-8")
            ):
                statuses.append(PairStatus(f"docs/{source_language}/{relative}", f"docs/{language}/{relative}", 0))
                continue
            source = parse_page(docs / source_language / relative, f"docs/{source_language}/{relative}")
            translation = parse_page(docs / language / relative, f"docs/{language}/{relative}")
            compare_pages(source, translation, report)
            check_outdated(root, source, translation, report)
            for page in (source, translation):
                for exemption in page.page_exemptions + page.inline_exemptions:
                    if not exemption.used:
                        report.add(
                            Finding(
                                page.shown,
                                exemption.line,
                                "unused-exemption",
                                f"'{exemption.check}' is declared here but nothing differs – remove the declaration",
                            )
                        )
            statuses.append(PairStatus(source.shown, translation.shown, len(report.findings) - before))
    data_files = check_data(root, languages, report, parsed_data) if (root / "data").is_dir() else []
    return report.findings, statuses, data_files


def summary(statuses: list[PairStatus], data_files: list[str]) -> Summary:
    """For a CI job: per page pair and data file, its status and findings."""
    subjects = [
        Subject(status.source, f"`{status.translation}`", (status.source, status.translation)) for status in statuses
    ]
    subjects += [Subject(shown, "(every language)", (shown,)) for shown in data_files]
    return Summary("Translation parity", "pages and data files", ("page", "translation"), "in parity", subjects)


# --- Updating the metadata (explicit, separate from the check) -----------------------------------


def mark_page(root: Path, translation: Path, languages: list[str]) -> str:
    docs = root / "docs"
    relative = translation.resolve().relative_to(docs.resolve())
    language, rest = relative.parts[0], Path(*relative.parts[1:])
    if language == languages[0] or language not in languages:
        raise ValueError(f"{translation}: not a translation – name a page below docs/{'/, docs/'.join(languages[1:])}/")
    source = docs / languages[0] / rest
    if not source.is_file():
        raise ValueError(f"{translation}: its source docs/{languages[0]}/{rest.as_posix()} does not exist")
    text = translation.read_text(encoding="utf-8")
    report = Report()
    shown = translation.relative_to(root).as_posix()
    compare_pages(parse_page(source, f"docs/{languages[0]}/{rest.as_posix()}"), parse_page(translation, shown), report)
    if report.findings:
        raise ValueError(
            f"{shown} is not in step with its source yet, so it is not recorded as translated:\n"
            + "\n".join(f.text() for f in report.findings)
        )
    stamp = page_stamp(source.read_text(encoding="utf-8"), text)
    match = re.match(r"\A---\n(.*?\n)---\n", text, flags=re.DOTALL)
    if match is None:
        raise ValueError(f"{translation}: no front matter to record the source in – add one (---, title: …, ---)")
    front = match.group(1)
    # Quoted: a fingerprint of digits only would otherwise be read back as a number.
    if re.search(rf"^{STAMP_KEY}:.*$", front, flags=re.MULTILINE):
        front = re.sub(rf"^{STAMP_KEY}:.*$", f'{STAMP_KEY}: "{stamp}"', front, flags=re.MULTILINE)
    else:
        front += f'{STAMP_KEY}: "{stamp}"\n'
    translation.write_text(f"---\n{front}---\n" + text[match.end() :], encoding="utf-8")
    return f"{translation.relative_to(root).as_posix()}: {STAMP_KEY}: {stamp}"


def mark_records(root: Path, data_path: Path, record_id: str | None, languages: list[str]) -> list[str]:
    text = data_path.read_text(encoding="utf-8")
    data_file = DataFile(name=data_path.stem, display_path=data_path.relative_to(root).as_posix())
    problems = parse_yaml(text, data_file)
    if problems:
        raise ValueError(str(problems[0]))
    records = [(path, record) for path, record in record_lists(data_file.content) if record_id in (None, record["id"])]
    if not records:
        raise ValueError(f"{data_file.display_path}: no record with id '{record_id}'")
    lines = text.split("\n")
    done = []
    # Bottom up, so that inserted lines do not move the records still to do.
    for path, record in sorted(records, key=lambda item: -data_file.position((*item[0], "id"))[0]):
        stamp = record_fingerprint(record, languages[0])
        if STAMP_KEY in record:
            line = data_file.position((*path, STAMP_KEY))[0] - 1
            lines[line] = re.sub(rf"({STAMP_KEY}:\s*).*$", rf'\g<1>"{stamp}"', lines[line])
        else:
            id_line, id_column = data_file.position((*path, "id"), key=True)
            lines.insert(id_line, " " * (id_column - 1) + f'{STAMP_KEY}: "{stamp}"')
        done.append(f"{data_file.display_path}#{record['id']}: {STAMP_KEY}: {stamp}")
    data_path.write_text("\n".join(lines), encoding="utf-8")
    return list(reversed(done))


def warn_in_build(state) -> None:
    """The same findings as warnings, once per build: the preview shows drift, --strict fails on it."""
    if not state.is_first_language_build():
        return
    # The configured languages, not the built ones: a one-language preview still compares with German.
    findings, _, _ = check_project(state.project, trust_verified=True, parsed_data=state.data.parsed)
    for finding in findings:
        log.warning(finding.text())
