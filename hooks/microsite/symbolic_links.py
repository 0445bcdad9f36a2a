"""Symbolic links below `docs/`, `data/` and `overrides/`: which ones are followed, and which are refused.

Everything below these three folders goes into the site: a page, a picture, a data text, a template.
A symbolic link there would put whatever it leads to into the site too, and MkDocs, Python and Jinja all
follow links without asking. A link in a pull request to the CI runner's environment or to a credentials
file would be published by the deploy job, as a page in both languages and in the search index.

So a link is followed only where what it leads to lies inside the same folder: a picture of `docs/`
that a second name leads to, a template of `overrides/` under another name. That is part of the project,
reviewed with it, and published anyway. Every other link is refused, one finding per link (for a link
to a folder, one for the folder, not one per file below it):

- `file-outside-project`: it leads out of the project (`/etc/…`, `~/.ssh/…`, another checkout);
- `link-outside-folder`: it leads elsewhere in the project: `.git/`, `.venv/`, `hooks/`, or `data/` from
  `docs/` hold what is not meant to be published, and a link from one of the three folders into another
  would publish a file under two names, reviewed as one of them;
- `link-loop`: it leads to a folder that holds the link itself, which MkDocs would walk round and round;
- `dangling-link`: it leads to nothing.

Who refuses them: the build at its very start (`on_config`), before it reads any page, data file or
template: a strict build (`make build`, `make check`, CI) stops there, naming every such link. The preview
reports them and goes on without them: each is left out of MkDocs' files (`leave_out_of_files`: nothing of
it is rendered, indexed or copied), and the project's own readers of these folders (the data, the article
collection, parity, the stand-ins, the unsafe-link check, the templates' loader) open a file only where it
is `followable`. Every command of the command line (`cli.py`) refuses before it reads anything.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .findings import Finding

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

# The folders whose files go into the site, below the project.
FOLDERS = ("docs", "data", "overrides")

CHECKS = {
    "file-outside-project": "a file or folder below docs/, data/ or overrides/ is a symbolic link out of the project",
    "link-outside-folder": "a symbolic link below docs/, data/ or overrides/ leads elsewhere in the project",
    "link-loop": "a symbolic link leads to a folder that holds the link itself",
    "dangling-link": "a symbolic link leads to nothing",
}


def refused_links(project: Path) -> list[Finding]:
    """Every symbolic link below docs/, data/ and overrides/ (these folders themselves included) that is not
    followed, as a finding at the link's path relative to the project. Reads no file: only the folders'
    entries and where each link leads."""
    real_project = Path(os.path.realpath(project))
    found = []
    for name in FOLDERS:
        folder = project / name
        if folder.is_symlink():
            found.append(_refusal(folder, project, real_project, real_project / name))
            continue
        for link in _links_below(os.fspath(folder)):
            candidate = Path(link)
            if not _followed(candidate, real_project / name):
                found.append(_refusal(candidate, project, real_project, real_project / name))
    return found


def _links_below(folder: str) -> Iterator[str]:
    """Every symbolic link below `folder`, in the order of `os.walk` (a folder's entries by name, then each of
    its folders that is no link in turn), found by the walk's entries: only a link is looked at again."""
    try:
        with os.scandir(folder) as scanned:
            entries = sorted(scanned, key=lambda entry: entry.name)
    except OSError:
        return
    yield from (entry.path for entry in entries if entry.is_symlink())
    for entry in entries:
        if not entry.is_symlink() and entry.is_dir():
            yield from _links_below(entry.path)


def followable(path: Path, folder: Path) -> bool:
    """Whether `path`, below `folder` (a project's docs/, data/ or overrides/, or a theme's folder), is a
    file or folder that is there and lies inside `folder` however many links lead to it: what a reader of
    these folders may open. `folder` itself is taken as named, not where a link would lead."""
    if _named_below_without_links(path, folder):
        # Where no name from `folder` down is a link, the path is where it is named: inside `folder`. Most
        # files are so, and the builds ask for every page of an archive: this spares resolving each.
        return os.path.exists(path)
    inside = Path(os.path.realpath(folder.parent)) / folder.name
    return os.path.exists(path) and Path(os.path.realpath(path)).is_relative_to(inside)


def followable_entries(top: Path, folder: Path, suffix: str = "", *, below: bool = True) -> Iterator[os.DirEntry]:
    """What `top.rglob("*" + suffix)` (`top.glob`, not `below`) finds that is `followable` below `folder` (`top`
    or a folder below it), as the walk's entries, in no order: one walk for a reader of the archive, in which an
    entry reached by no symbolic link is neither looked at again nor resolved, and a link is, as by `followable`.
    Like `rglob`, it goes into no folder that is a link."""
    if not os.path.isdir(top):
        return
    if top == folder:
        plain = ".." not in folder.parts and not os.path.islink(folder)
    else:
        plain = _named_below_without_links(top, folder)
    waiting = [os.fspath(top)]
    while waiting:
        try:
            with os.scandir(waiting.pop()) as scanned:
                entries = list(scanned)
        except PermissionError:
            continue
        for entry in entries:
            link = entry.is_symlink()
            if entry.name.endswith(suffix) and ((plain and not link) or followable(Path(entry.path), folder)):
                yield entry
            if below and not link and entry.is_dir():
                waiting.append(entry.path)


def path_below(path: str, top: Path) -> str:
    """The path of an entry `followable_entries(top, …)` found, below `top`, with '/' between its names."""
    return path[len(os.fspath(top)) + 1 :].replace(os.sep, "/")


def _named_below_without_links(path: Path, folder: Path) -> bool:
    """Whether `path` is named below `folder` (no '..' in either) and neither `folder` nor any name below it
    on the way to `path` is a symbolic link."""
    prefix = os.fspath(folder) + os.sep
    path_text = os.fspath(path)
    if not path_text.startswith(prefix) or ".." in folder.parts:
        return False
    names = path_text[len(prefix) :].split(os.sep)
    if ".." in names:
        return False
    current = os.fspath(folder)
    if os.path.islink(current):
        return False
    for name in names:
        current = os.path.join(current, name)
        if os.path.islink(current):
            return False
    return True


def leave_out_of_files(refused_links: list[Finding], config: MkDocsConfig, files: Files) -> None:
    """Before anything uses the build's Files (the i18n plugin's on_files included): every file at or
    below a refused link, in docs/ or in overrides/ (the theme's files MkDocs copies), is left out: it
    is neither rendered, nor indexed, nor copied into the site."""
    refused = {finding.file for finding in refused_links}
    if not refused:
        return
    roots = {"docs": Path(config.docs_dir)}
    if config.theme.custom_dir:
        roots["overrides"] = Path(config.theme.custom_dir)
    for file in list(files):
        if file.abs_src_path is None:
            continue
        path = Path(file.abs_src_path)
        for name, root in roots.items():
            if path.is_relative_to(root):
                shown = Path(name, path.relative_to(root))
                if refused.intersection(part.as_posix() for part in (shown, *shown.parents)):
                    files.remove(file)
                break


def _followed(link: Path, real_folder: Path) -> bool:
    target = Path(os.path.realpath(link))
    return (
        os.path.exists(link)
        and target.is_relative_to(real_folder)
        and not (target.is_dir() and Path(os.path.realpath(link.parent)).is_relative_to(target))
    )


def _refusal(link: Path, project: Path, real_project: Path, real_folder: Path) -> Finding:
    """Why `link` (below `project`, inside the folder that is `real_folder` in reality) is not followed."""
    shown = link.relative_to(project).as_posix()
    folder = f"{real_folder.name}/"
    target = Path(os.path.realpath(link))
    kind = "folder" if link.is_dir() else "file"
    if not target.is_relative_to(real_project):
        message = (
            f"this {kind} is a symbolic link out of the project, which the build and the checks do not follow – "
            f"copy the {kind} itself in; a link out of the project is never published"
        )
        return Finding(shown, 1, message, "file-outside-project")
    written = os.readlink(link)
    if not os.path.exists(link):
        message = (
            f"this is a symbolic link to {written}, which does not exist – put the file itself here, or delete the link"
        )
        return Finding(shown, 1, message, "dangling-link")
    inside = target.relative_to(real_project).as_posix()
    if not target.is_relative_to(real_folder):
        message = (
            f"this {kind} is a symbolic link to {inside}, which is in the project but outside {folder}; the build and "
            f"the checks do not follow it – copy the {kind} itself in; a link below {folder} is followed only to "
            f"what {folder} holds"
        )
        return Finding(shown, 1, message, "link-outside-folder")
    message = (
        f"this folder is a symbolic link to {inside}, a folder that holds the link itself: following it would "
        "never end – delete the link"
    )
    return Finding(shown, 1, message, "link-loop")
