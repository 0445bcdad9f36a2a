"""The generator's structure, read from its own imports: which module imports which, in layers.

`.venv/bin/python tests/structure.py [CHECKOUT]` prints every module of `hooks/microsite/` (this checkout's,
or another's, to compare) with its lines, floor by floor (a module stands above everything it imports; floor 1 imports nothing of
the package), then what would break the rules the contributors' guide gives: an import cycle, a module
of `site_output/` or `articles/` that imports `rendering/`, a file over 300 lines. It exits 1 if any is
found. `tests/unit/test_structure.py` holds the package to the same rules.

Imports are read with `ast`, type-only and function-local ones included (a cycle hidden behind either is
still a cycle for a reader); importing a name from a package counts as importing the module of that name
where there is one, else the package's `__init__.py`.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "hooks" / "microsite"
LONGEST_FILE = 300
# Packages whose modules must not import rendering/: what writes the site and what reads the articles sit
# below the renderers (CONTRIBUTING.md, "Where each concern lives").
BELOW_RENDERING = ("site_output", "articles")


@dataclass(frozen=True)
class Module:
    name: str  # dotted, below the package: "rendering.articles", "pages" for pages/__init__.py
    path: Path
    lines: int
    imports: frozenset[str]
    # A package's `__init__.py` that defines nothing and only hands names on.
    face: bool


def module_name(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported(node: ast.ImportFrom, name: str, is_package: bool, names: set[str]) -> set[str]:
    """The package's modules a `from … import …` inside module `name` reads."""
    here = name.split(".") if is_package else name.split(".")[:-1]
    if name == "" and is_package:
        here = []
    base = here[: len(here) - (node.level - 1)] if node.level else None
    if base is None:
        return set()
    module = [part for part in [*base, *(node.module.split(".") if node.module else [])] if part]
    found = set()
    for alias in node.names:
        candidate = ".".join([*module, alias.name])
        found.add(candidate if candidate in names else ".".join(module))
    return {imported for imported in found if imported in names}


def read_package(package: Path = PACKAGE) -> dict[str, Module]:
    paths = sorted(path for path in package.rglob("*.py") if "__pycache__" not in path.parts)
    names = {module_name(path, package) for path in paths}
    modules = {}
    for path in paths:
        name = module_name(path, package)
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text, str(path))
        imports: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                imports |= _imported(node, name, path.name == "__init__.py", names)
        imports.discard(name)
        defines = any(isinstance(node, (ast.FunctionDef, ast.ClassDef)) for node in tree.body)
        face = path.name == "__init__.py" and not defines
        modules[name] = Module(name, path, text.count("\n"), frozenset(imports), face)
    return modules


def cycles(modules: dict[str, Module]) -> list[list[str]]:
    """Every set of modules that import each other in a loop (Tarjan's strongly connected components). A
    package's `__init__.py` that only hands names on is left out of the loops it would close by that alone."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(name: str) -> None:
        index[name] = low[name] = len(index)
        stack.append(name)
        for imported in sorted(_passed_through(modules, name)):
            if imported not in index:
                visit(imported)
                low[name] = min(low[name], low[imported])
            elif imported in stack:
                low[name] = min(low[name], index[imported])
        if low[name] == index[name]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == name:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for name in sorted(modules):
        if name not in index:
            visit(name)
    return found


def _passed_through(modules: dict[str, Module], name: str) -> set[str]:
    """What `name` imports, where importing a package's face (an `__init__.py` that defines nothing, only
    re-exports) stands for importing the modules it hands on, as farm-studio and a reader see it."""
    seen, result, todo = set(), set(), list(modules[name].imports)
    while todo:
        imported = todo.pop()
        if imported in seen:
            continue
        seen.add(imported)
        if modules[imported].face:
            todo += [inner for inner in modules[imported].imports if inner.startswith(imported + ".")]
            result |= {inner for inner in modules[imported].imports if not inner.startswith(imported + ".")}
        else:
            result.add(imported)
    return result - {name}


def floors(modules: dict[str, Module]) -> dict[str, int]:
    """Each module's floor: one above the highest it imports (a cycle, if any, shares one floor)."""
    floor: dict[str, int] = {}

    def height(name: str, path: tuple[str, ...]) -> int:
        if name in floor:
            return floor[name]
        imported = [other for other in _passed_through(modules, name) if other not in path]
        below = [height(other, (*path, name)) for other in imported]
        floor[name] = 1 + max(below, default=0)
        return floor[name]

    for name in modules:
        height(name, ())
    return floor


def broken_rules(modules: dict[str, Module], package: Path = PACKAGE) -> list[str]:
    problems = [f"import cycle: {' -> '.join(cycle)}" for cycle in cycles(modules)]
    for module in modules.values():
        if module.name.split(".")[0] in BELOW_RENDERING:
            for imported in sorted(_passed_through(modules, module.name)):
                if imported.split(".")[0] == "rendering":
                    problems.append(f"{module.name} imports {imported}: site output and articles sit below rendering/")
        if module.lines > LONGEST_FILE:
            shown = module.path.relative_to(package.parent.parent)
            problems.append(f"{shown}: {module.lines} lines (at most {LONGEST_FILE})")
    return problems


def main(arguments: list[str]) -> int:
    package = Path(arguments[0]).resolve() / "hooks" / "microsite" if arguments else PACKAGE
    modules = read_package(package)
    floor = floors(modules)
    for level in sorted(set(floor.values()), reverse=True):
        names = sorted(name for name in modules if floor[name] == level)
        print(f"floor {level:2}: " + ", ".join(f"{name or '(package)'} {modules[name].lines}" for name in names))
    arrows = sum(len(_passed_through(modules, name)) for name in modules)
    print(f"\n{len(modules)} modules, {arrows} imports between them, {sum(m.lines for m in modules.values())} lines")
    problems = broken_rules(modules, package)
    kept = "no import cycle; site_output/ and articles/ import nothing of rendering/; no file over 300 lines"
    print("\n".join(problems) if problems else kept)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
