"""The preview's guardrail (issue 23): after any sequence of an editor's saves in `make serve`, the site it
serves is the site a fresh full build makes of the same sources.

One real `make serve` on a copy of the fixture publication per seed. A seeded random sequence of the
actions editors take (an article's text edited in both languages or in one, its title edited, a data text
edited, a page's front matter edited, an article added in both languages and recorded as translated, one
renamed with its old address kept, one deleted), each save awaited by the rebuild line in the preview's
log. Then the preview's site folder is compared, file by file and byte for byte, with a strict build of a
copy of the same sources made in the test process for the preview's address, and every page, the search
index, the feeds and the sitemaps are fetched from the preview. The preview renders again only the pages
an edit touches (kept_pages.py): an edit of an article's body text must have kept pages (unless a file was
saved while the build before ran), and the sequence ends with the edits that keep pages, so that a page
kept wrongly is not made right by a later full rebuild before the comparison.

A build with a warm cache is held to the same rule (the same bytes as a cold one) by
tests/build/test_picture_sizes.py (test_a_warm_cache_builds_the_same_pictures) and
tests/build/test_link_previews.py (test_builds_with_and_without_the_cache_draw_the_same_bytes); what one
process keeps from build to build by tests/build/test_rebuild_caches.py.
"""

from __future__ import annotations

import datetime
import difflib
import filecmp
import json
import random
import re
import string
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from microsite.settings import project_languages
from microsite.upstream import content_span
from preview_server import Preview, make_serve
from project import PROJECT_PARTS, build_site, collection_folder, copy_parts, microsite, person_ids, publication_data

pytestmark = pytest.mark.long_module

# Two fixed seeds: each run makes the same two sequences, and a failure names the seed and its actions.
SEEDS = [23, 1991]
# Where the preview's server makes its site folder (MkDocs' `serve` builds into a new temporary folder).
SERVER_TEMP = "server-temp"
# How many differences a failure shows (the first, in the order of the files' names).
SHOWN = 12
# The keys under which the data quotes the articles word for word (data/*.schema.json): left as they are.
QUOTING = ("source", "sources", "passage")
# The files the test also fetches over HTTP, besides every page: what the preview builds from every page.
INDEXES = ("search/search_index.json", "feed.xml", "en/feed.xml", "sitemap.xml", "en/sitemap.xml")
# What the preview logs at every rebuild (kept_pages.py): how many of its pages it rendered again, and why.
REBUILT = re.compile(r"rebuilt (\d+) of (\d+) pages: (.*)")
SAVED_DURING_BUILD = "a file was saved while the build before ran"


@dataclass
class Sequence:
    """The editor's actions in the preview's project, drawn from `rng`: what each one did, in order."""

    preview: Preview
    rng: random.Random
    # Where the preview's server makes its site folder.
    server_temp: Path
    done: list[str] = field(default_factory=list)
    # What the preview logged for the last save.
    last_log: str = ""
    # Whether a save kept pages from the build before.
    kept_pages: bool = False
    # The articles this sequence added and has not deleted (slugs): the others are quoted by the data and
    # linked from other pages, so that removing them would be a mistake the preview shows, not an edit.
    added: list[str] = field(default_factory=list)

    @property
    def project(self) -> Path:
        return self.preview.project

    def word(self) -> str:
        """A new word, of letters only (a digit would be a number that the translation lacks)."""
        return "".join(self.rng.choice(string.ascii_lowercase) for _ in range(7))

    def article_path(self, language: str, slug: str) -> Path:
        return self.project / "docs" / language / collection_folder(self.project) / f"{slug}.md"

    def articles(self) -> list[str]:
        source = project_languages(self.project).source
        folder = self.article_path(source, "index").parent
        return sorted(path.stem for path in folder.glob("*.md") if path.name != "index.md")

    def save(self, action: str, change: Callable[[], None]) -> None:
        self.done.append(action)
        log = self.preview.save(change)
        assert "Traceback" not in log, self.failure(log)
        self.last_log = log

    def assert_some_pages_kept(self) -> bool:
        """The last save rendered fewer pages than the site has: an edit of the body text of an article,
        which its neighbours, its lists and its translation show, but not the other pages. Unless a file
        was saved while the build before ran (an article added: its files, then its translation record).
        Whether it kept pages."""
        rebuilds = REBUILT.findall(self.last_log)
        assert rebuilds, self.failure(f"no rebuild line in the log:\n{self.last_log}")
        rendered, total, reason = rebuilds[-1]
        if reason == SAVED_DURING_BUILD:
            return False
        assert int(rendered) < int(total), self.failure(f"rebuilt {rendered} of {total} pages: {reason}")
        self.kept_pages = True
        return True

    def article_files(self) -> dict[Path, int]:
        """Every article's BibTeX file and link-preview picture in the preview's site folder, with its inode: a
        file the preview moves back from the build before keeps its inode, one written again has another."""
        (served,) = self.server_temp.glob("mkdocs_*")
        return {path: path.stat().st_ino for pattern in ("*.bib", "*.preview.*") for path in served.rglob(pattern)}

    def failure(self, detail: str) -> str:
        return f"after {' → '.join(self.done)}:\n{detail}"

    def edit_text(self) -> None:
        """A paragraph more at the end of an article, in both languages (its passages quoted by the data stay)."""
        slug = self.rng.choice(self.articles())
        name = self.word().capitalize()
        paragraphs = {"de": f"Nachtrag: {name} meldet sich.", "en": f"Postscript: {name} writes in."}
        edits = {}
        for language in project_languages(self.project).codes:
            path = self.article_path(language, slug)
            edits[path] = path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{paragraphs[language]}\n"
        files = self.article_files()
        self.save(f"edit the text of {slug}", write_all(edits))
        if self.assert_some_pages_kept():
            # What another article's citation and card show did not change: the build before's are kept.
            others = {path: inode for path, inode in files.items() if path.name.split(".")[0] != slug}
            rewritten = sorted(path.name for path, inode in others.items() if path.stat().st_ino != inode)
            assert others and rewritten == [], self.failure(f"files of other articles written again: {rewritten}")

    def edit_text_in_one_language(self) -> None:
        """A sentence more in an article of the source language only: its translation now lags, which its
        page shows in a notice, and the status pages."""
        language = project_languages(self.project).source
        path = self.article_path(language, self.rng.choice(self.articles()))
        sentence = {"de": "Nachtrag: {} meldet sich.", "en": "Postscript: {} writes in."}[language]
        text = path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{sentence.format(self.word().capitalize())}\n"
        self.save(f"edit the text of {self.relative(path)} alone", write(path, text))
        self.assert_some_pages_kept()

    def edit_title(self) -> None:
        """An article's title, in its front matter and in its heading."""
        language = self.rng.choice(project_languages(self.project).codes)
        path = self.article_path(language, self.rng.choice(self.articles()))
        text = path.read_text(encoding="utf-8")
        head, body = split_front_matter(text)
        title = front_matter(text)["title"]
        new = f"{title} {self.word().capitalize()}"
        head = replace_line(head, "title:", f"title: {json.dumps(new, ensure_ascii=False)}")
        body = body.replace(f"\n# {title}\n", f"\n# {new}\n", 1)
        self.save(f"edit the title of {self.relative(path)}", write(path, head + body))

    def edit_data(self) -> None:
        """A word more in one text of a data file (not a passage quoted from an article)."""
        files = sorted(path for path in (self.project / "data").glob("*.yml"))
        texts = [(path, end) for path in files for end in data_texts(path, project_languages(self.project).codes)]
        path, end = self.rng.choice(texts)
        text = path.read_text(encoding="utf-8")
        edited = text[:end] + f" {self.word()}" + text[end:]
        self.save(f"edit a text of {self.relative(path)}", write(path, edited))

    def edit_front_matter(self) -> None:
        """An article's topics (one more) or its date of update, in both languages; or a page's description."""
        choice = self.rng.choice(["topics", "updated", "description"])
        languages = project_languages(self.project).codes
        if choice == "description":
            pages = sorted((self.project / "docs" / self.rng.choice(languages)).glob("*.md"))
            path = self.rng.choice([page for page in pages if "\ndescription: " in page.read_text(encoding="utf-8")])
            head, body = split_front_matter(path.read_text(encoding="utf-8"))
            description = front_matter(head + body)["description"]
            line = f"description: {json.dumps(f'{description} {self.word().capitalize()}.', ensure_ascii=False)}"
            self.save(
                f"edit the description of {self.relative(path)}",
                write(path, replace_line(head, "description:", line) + body),
            )
            return
        slug = self.rng.choice(self.articles())
        paths = [self.article_path(language, slug) for language in languages]
        fields = front_matter(paths[0].read_text(encoding="utf-8"))
        topics = [topic["id"] for topic in publication_data("articles", self.project)["topics"]]
        more = [topic for topic in topics if topic not in fields["topics"]]
        if choice == "topics" and more:
            line = f"topics: [{', '.join([*fields['topics'], self.rng.choice(more)])}]"
            key = "topics:"
        else:
            choice = "updated"
            latest = fields.get("updated", fields["date"])
            line = f"updated: {latest + datetime.timedelta(days=self.rng.randint(1, 30))}"
            key = "updated:" if "updated" in fields else "date:"
        edits = {}
        for path in paths:
            head, body = split_front_matter(path.read_text(encoding="utf-8"))
            if key == "date:":
                date_line = next(line for line in head.split("\n") if line.startswith("date:"))
                line_here = f"{date_line}\n{line}"
            else:
                line_here = line
            edits[path] = replace_line(head, key, line_here) + body
        self.save(f"edit the {choice} of {slug}", write_all(edits))

    def add_article(self) -> None:
        """A new article in both languages, with the header the editors' guide shows, recorded as translated."""
        slug = f"{self.word()}-{self.word()}"
        name = self.word().capitalize()
        date = datetime.date(2024, 1, 1) + datetime.timedelta(days=self.rng.randint(0, 700))
        author = self.rng.choice(person_ids(self.project))
        topic = self.rng.choice([topic["id"] for topic in publication_data("articles", self.project)["topics"]])
        words = {
            "de": (
                f"Neues aus {name}",
                f"Was {name} mit seinen Partnern vorhat.",
                f"Dieser Beitrag erzählt von {name} und seinen Partnerstädten.",
            ),
            "en": (
                f"News from {name}",
                f"What {name} plans with its partners.",
                f"This article tells of {name} and its partner towns.",
            ),
        }
        languages = project_languages(self.project)
        edits = {}
        for language in languages.codes:
            title, description, paragraph = words[language]
            edits[self.article_path(language, slug)] = (
                f"---\ntitle: {title}\ndescription: {description}\ndate: {date}\nauthors: [{author}]\n"
                f"topics: [{topic}]\n---\n\n# {title}\n\n{paragraph}\n"
            )
        translations = [
            self.relative(self.article_path(language, slug))
            for language in languages.codes
            if language != languages.source
        ]

        def add_and_record() -> None:
            write_all(edits)()
            recorded = microsite("translated", *translations, project=self.project)
            assert recorded.returncode == 0, recorded.stdout + recorded.stderr

        self.save(f"add the article {slug}", add_and_record)
        self.added.append(slug)

    def rename_article(self) -> None:
        """An added article renamed, in both languages, its old address kept under `moved_from`."""
        old = self.rng.choice(self.added)
        new = f"{old}-{self.word()}"
        edits: dict[Path, str | None] = {}
        for language in project_languages(self.project).codes:
            head, body = split_front_matter(self.article_path(language, old).read_text(encoding="utf-8"))
            edits[self.article_path(language, new)] = (
                head.replace("\n---\n", f"\nmoved_from: [{old}.md]\n---\n", 1) + body
            )
            edits[self.article_path(language, old)] = None
        self.save(f"rename the article {old} to {new}", write_all(edits))
        self.added[self.added.index(old)] = new

    def delete_article(self) -> None:
        slug = self.rng.choice(self.added)
        edits = {self.article_path(language, slug): None for language in project_languages(self.project).codes}
        self.save(f"delete the article {slug}", write_all(edits))
        self.added.remove(slug)

    def relative(self, path: Path) -> str:
        return path.relative_to(self.project).as_posix()


ACTIONS = {
    "text": Sequence.edit_text,
    "text in one language": Sequence.edit_text_in_one_language,
    "title": Sequence.edit_title,
    "data": Sequence.edit_data,
    "front matter": Sequence.edit_front_matter,
    "add": Sequence.add_article,
    "rename": Sequence.rename_article,
    "delete": Sequence.delete_article,
}

# The actions after which the preview keeps pages from the build before (body text, a data text).
KEEPING_PAGES = ["text", "text in one language", "data"]


def actions_in_order(rng: random.Random) -> list[str]:
    """Every action once, in a random order, but the one article added before it is renamed, and renamed
    before it is deleted; then the actions that keep pages once more, in a random order: a page the preview
    kept that a fresh build makes otherwise would be made right again by a later action that renders every
    page, before the sites are compared."""
    order = list(ACTIONS)
    rng.shuffle(order)
    places = sorted(order.index(action) for action in ("add", "rename", "delete"))
    for place, action in zip(places, ["add", "rename", "delete"], strict=True):
        order[place] = action
    return order + rng.sample(KEEPING_PAGES, len(KEEPING_PAGES))


def split_front_matter(text: str) -> tuple[str, str]:
    """The page's front matter with its two lines of dashes, and the rest."""
    end = text.index("\n---\n", 4) + len("\n---\n")
    return text[:end], text[end:]


def front_matter(text: str) -> dict:
    return yaml.safe_load(split_front_matter(text)[0].strip("-\n"))


def replace_line(head: str, key: str, line: str) -> str:
    """The front matter with its line starting with `key` replaced by `line`."""
    lines = head.split("\n")
    place = next(number for number, old in enumerate(lines) if old.startswith(key))
    lines[place] = line
    return "\n".join(lines)


def data_texts(path: Path, languages: tuple[str, ...]) -> list[int]:
    """Where each one-line plain text in a language ends in a data file (character offsets), the passages
    quoted from the articles (under QUOTING) left out: they must stay word for word; and so the texts
    declared the same in every language (a `# parity-ignore` comment on their line, which PyYAML drops)."""
    ends = []
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()

    def walk(node: yaml.Node, under_source: bool) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(value, yaml.ScalarNode):
                    one_line = value.start_mark.line == value.end_mark.line and value.style is None
                    exempt = "# parity-ignore" in lines[value.end_mark.line]
                    if key.value in languages and one_line and not under_source and not exempt:
                        ends.append(value.end_mark.index)
                else:
                    walk(value, under_source or key.value in QUOTING)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, under_source)

    walk(yaml.compose(text, Loader=yaml.SafeLoader), False)
    return ends


def write(path: Path, text: str) -> Callable[[], None]:
    return lambda: path.write_text(text, encoding="utf-8")


def write_all(texts: dict[Path, str | None]) -> Callable[[], None]:
    """Saving each file with its text, or deleting it (None)."""

    def save() -> None:
        for path, text in texts.items():
            if text is None:
                path.unlink()
            else:
                path.write_text(text, encoding="utf-8")

    return save


def files_of(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def differences(served: Path, fresh: Path) -> list[str]:
    """Each file the two sites do not have alike: only in one, or with other bytes (the first lines that
    differ, for a text)."""
    ours, theirs = files_of(served), files_of(fresh)
    _, mismatch, errors = filecmp.cmpfiles(served, fresh, sorted(ours & theirs), shallow=False)
    found = [f"{name}: only in the preview" for name in sorted(ours - theirs)]
    found += [f"{name}: not in the preview" for name in sorted(theirs - ours)]
    for name in sorted(mismatch + errors):
        try:
            lines = [(site / name).read_text(encoding="utf-8").splitlines() for site in (served, fresh)]
        except UnicodeDecodeError:
            found.append(f"{name}: other bytes")
            continue
        diff = difflib.unified_diff(*lines, "preview", "fresh build", n=0, lineterm="")
        found.append(f"{name}:\n" + "\n".join(line[:300] for line in list(diff)[:8]))
    return found


# No proxy: the fetches run while the fresh build in this process changes its environment, which urllib's
# default opener reads for proxies at every request.
LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetched(preview: Preview, names: set[str]) -> dict[str, tuple[int, bytes]]:
    """What the preview answers for each name: the HTTP status and the body."""
    answers = {}
    for name in names:
        try:
            with LOCAL.open(preview.url(name), timeout=10) as response:
                answers[name] = response.status, response.read()
        except urllib.error.HTTPError as error:
            answers[name] = error.code, b""
    return answers


def served_differences(answers: dict[str, tuple[int, bytes]], fresh: Path) -> list[str]:
    """What the preview answered for each name, against the fresh build: a page is served if and only if
    the build has it, with the same content. The preview's server adds its reload script to every page, and
    our hook the script's hash to the page's policy (on_serve): so a page is compared by its content
    (Material's <article>), and the search index, feeds and sitemaps byte for byte."""
    found = []
    for name, (status, body) in sorted(answers.items()):
        if not (fresh / name).is_file():
            if status != 404:
                found.append(f"{name}: served (HTTP {status}), but not in the fresh build")
            continue
        built = (fresh / name).read_bytes()
        if status != 200:
            found.append(f"{name}: HTTP {status}")
        elif name.endswith(".html"):
            page, expected = body.decode("utf-8"), built.decode("utf-8")
            shown, meant = content_span(page), content_span(expected)
            if (shown and page[shown[0] : shown[1]]) != (meant and expected[meant[0] : meant[1]]):
                found.append(f"{name}: its content differs from the fresh build's")
        elif body != built:
            found.append(f"{name}: other bytes than the fresh build's")
    return found


def pages_of(site: Path) -> set[str]:
    return {name for name in files_of(site) if name.endswith(".html")}


@pytest.mark.parametrize("seed", SEEDS)
def test_after_any_sequence_of_saves_the_preview_serves_what_a_full_build_makes(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    server_temp = tmp_path / SERVER_TEMP
    server_temp.mkdir()
    with make_serve(tmp_path, TMPDIR=str(server_temp)) as preview:
        sequence = Sequence(preview, rng, server_temp)
        for action in actions_in_order(rng):
            ACTIONS[action](sequence)
        (served,) = server_temp.glob("mkdocs_*")
        # The preview's answers for its pages, fetched while the fresh build runs (the preview answers only
        # when no rebuild is under way, so that a rebuild still to come of the last save is waited for).
        with ThreadPoolExecutor(max_workers=1) as fetching:
            answering = fetching.submit(fetched, preview, pages_of(served) | set(INDEXES))
            fresh_project = copy_parts(tmp_path / "fresh-project", PROJECT_PARTS, source=preview.project)
            fresh = tmp_path / "fresh-site"
            built = build_site(fresh, preview.url(""), config_file=fresh_project / "mkdocs.yml")
        assert built.returncode == 0, sequence.failure(built.stdout + built.stderr)
        answers = answering.result()
        found = differences(served, fresh)
        # A page in the fresh build (or the preview's folder now) that the preview did not have when it was asked.
        answers |= fetched(preview, (pages_of(served) | pages_of(fresh)) - answers.keys())
        found += served_differences(answers, fresh)
    shown = found[:SHOWN] + ([f"… and {len(found) - SHOWN} more"] if len(found) > SHOWN else [])
    assert found == [], f"seed {seed}, " + sequence.failure("\n".join(shown))
    assert sequence.kept_pages, f"seed {seed}: no save kept a page, " + sequence.failure(preview.log())
