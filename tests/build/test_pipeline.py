"""The build's structure: one entry hook, every module of the generator loaded once, and nothing of
one build left over for the next (as in `mkdocs serve`, which keeps the hooks it loaded)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import yaml
from project import PUBLICATION, ROOT, assemble_publication, mkdocs_env

# Builds in one process, as `mkdocs serve` rebuilds: MkDocs keeps the hooks it loaded (it caches
# them by path), so whatever a module keeps from one build meets the next.
TWO_BUILDS_IN_ONE_PROCESS = """
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

project, site = Path(sys.argv[1]), Path(sys.argv[2])
data_file = project / "data" / "partnerships.yml"
for run, edit in enumerate([None, (sys.argv[3], sys.argv[4])]):
    if edit:
        data_file.write_text(data_file.read_text(encoding="utf-8").replace(*edit, 1), encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site / str(run)), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
hooks = str((project / "hooks").resolve())
print(json.dumps({name: module.__file__ for name, module in list(sys.modules.items())
                  if getattr(module, "__file__", None) and str(Path(module.__file__).resolve()).startswith(hooks)}))
"""


def test_mkdocs_yml_lists_one_entry_hook() -> None:
    config = yaml.load((PUBLICATION / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["hooks"] == ["hooks/build.py"]


def test_no_module_of_the_package_imports_a_hook_file() -> None:
    hook_files = {path.stem for path in (ROOT / "hooks").glob("*.py")}
    offending = []
    for module in (ROOT / "hooks" / "microsite").rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            offending += [
                f"{module.relative_to(ROOT)}: import {name}" for name in names if name.split(".")[0] in hook_files
            ]
    assert not offending


def test_every_module_is_loaded_once_and_no_build_leaks_into_the_next(tmp_path: Path) -> None:
    project = assemble_publication(tmp_path / "project")
    data = yaml.safe_load((project / "data" / "partnerships.yml").read_text(encoding="utf-8"))
    first = data["partnerships"][0]
    old_summary = first["summary"]["en"]
    new_summary = "A summary written between two builds."
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            TWO_BUILDS_IN_ONE_PROCESS,
            str(project),
            str(tmp_path / "site"),
            old_summary,
            new_summary,
        ],
        env=mkdocs_env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.splitlines()[-1])
    files = [str(Path(file).resolve()) for file in loaded.values()]
    assert len(files) == len(set(files)), f"a module is loaded twice: {loaded}"
    package = {str(path.resolve()) for path in (project / "hooks" / "microsite").rglob("*.py")}
    assert {name for name, file in loaded.items() if str(Path(file).resolve()) in package} <= {
        name for name in loaded if name == "microsite" or name.startswith("microsite.")
    }
    page = Path(data["page_folder"]) / f"{first['id']}.html"
    assert old_summary in (tmp_path / "site" / "0" / "en" / page).read_text(encoding="utf-8")
    second = (tmp_path / "site" / "1" / "en" / page).read_text(encoding="utf-8")
    assert new_summary in second and old_summary not in second
