"""Imports between the project's modules flow one way: no circles.

The modules' source is parsed (not imported), and every import of project
code becomes an edge: module-level imports, and imports hidden inside
functions, which are cycles deferred to run time unless a `# cycle:` comment
on the line (or the line above) explains the real import-time cycle with
Django's app loading they break. Imports under `if TYPE_CHECKING:` never run
and do not count.

There are none: a new circle fails, naming the imports that make it.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Runtime packages, by folder; site/ is installed as `newsroom`.
PACKAGES = {"home": "home", "articles": "articles", "importers": "importers",
            "editorial": "editorial", "site": "newsroom"}

# Circles that are allowed, named (none: keep it that way). A new circle fails,
# and so does an entry that no longer exists.
KNOWN_CYCLES: dict[str, frozenset[str]] = {}
# Modules that import project code inside functions without a `# cycle:`
# explanation (none). A new one fails.
KNOWN_UNEXPLAINED: set[str] = set()


@dataclass(frozen=True)
class Import:
    source: str
    target: str
    line: int
    in_function: bool
    explained: bool  # has a `# cycle:` comment


def project_modules() -> dict[str, Path]:
    modules = {}
    for folder, package in PACKAGES.items():
        for path in (ROOT / folder).rglob("*.py"):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            if "migrations" in parts:
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join((package, *parts))] = path
    return modules


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> list[Import]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    is_package = path.name == "__init__.py"
    found: list[Import] = []

    def resolve(node: ast.ImportFrom) -> str:
        if not node.level:
            return node.module or ""
        base = name.split(".")
        base = base if is_package else base[:-1]
        base = base[: len(base) - (node.level - 1)]
        return ".".join([*base, node.module] if node.module else base)

    def add(target: str, node: ast.stmt, in_function: bool) -> None:
        # Importing a.b.c runs a/__init__ and a/b/__init__ too, except the
        # packages this module is part of: they are loaded before it.
        parts = target.split(".")
        for i in range(len(parts), 0, -1):
            candidate = ".".join(parts[:i])
            own_package = name.startswith(candidate + ".")
            if candidate in modules and candidate != name and not own_package:
                found.append(
                    Import(name, candidate, node.lineno, in_function, explained(node))
                )

    def explained(node: ast.stmt) -> bool:
        """A `# cycle:` comment on the statement or in the comments just above it."""
        start = node.lineno - 1
        while start > 0 and lines[start - 1].strip().startswith("#"):
            start -= 1
        return "# cycle:" in "\n".join(lines[start : node.end_lineno])

    def visit(body: list[ast.stmt], in_function: bool) -> None:
        for node in body:
            if isinstance(node, ast.If) and _is_type_checking(node):
                visit(node.orelse, in_function)
                continue
            if isinstance(node, ast.Import):
                for alias in node.names:
                    add(alias.name, node, in_function)
            elif isinstance(node, ast.ImportFrom):
                module = resolve(node)
                for alias in node.names:
                    full = f"{module}.{alias.name}"
                    add(full if full in modules else module, node, in_function)
            for child_body in ("body", "orelse", "finalbody", "handlers"):
                children = getattr(node, child_body, None)
                if not children or isinstance(node, ast.Import | ast.ImportFrom):
                    continue
                nested = in_function or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                if child_body == "handlers":
                    for handler in children:
                        visit(handler.body, nested)
                else:
                    visit(children, nested)

    visit(ast.parse(source).body, False)
    return found


def all_imports() -> list[Import]:
    modules = project_modules()
    return [imp for name, path in modules.items() for imp in imports_of(name, path, modules)]


def cycles(edges: list[Import]) -> set[frozenset[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    graph: dict[str, set[str]] = {}
    for edge in edges:
        graph.setdefault(edge.source, set()).add(edge.target)
        graph.setdefault(edge.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[frozenset[str]] = set()

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.add(frozenset(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def describe(component: frozenset[str], edges: list[Import]) -> str:
    inside = {e for e in edges if e.source in component and e.target in component}
    return "\n".join(
        f"  {e.source}:{e.line} -> {e.target}{' (inside a function)' if e.in_function else ''}"
        for e in sorted(inside, key=lambda e: (e.source, e.line, e.target))
    )


def test_the_graph_sees_the_project():
    imports = all_imports()
    sources = {imp.source for imp in imports}
    assert {"importers.loading", "articles.models", "newsroom.urls"} <= sources
    assert any(imp.target == "importers.writers.base" for imp in imports)


def test_no_circular_imports_between_project_modules():
    # Explained function-level imports break a real app-loading cycle: they
    # are not edges of the graph.
    edges = [imp for imp in all_imports() if not (imp.in_function and imp.explained)]
    found = cycles(edges)
    known = set(KNOWN_CYCLES.values())
    new = found - known
    assert not new, "circular imports:\n" + "\n\n".join(describe(c, edges) for c in new)
    gone = [name for name, modules in KNOWN_CYCLES.items() if modules not in found]
    assert not gone, f"fixed, remove from KNOWN_CYCLES: {gone}"


def test_function_level_imports_of_project_code_are_explained():
    hidden = [imp for imp in all_imports() if imp.in_function and not imp.explained]
    new = sorted(
        {f"{imp.source}:{imp.line} imports {imp.target}"
         for imp in hidden if imp.source not in KNOWN_UNEXPLAINED}
    )
    assert not new, (
        "import at module level, or explain the app-loading cycle with a "
        "`# cycle:` comment:\n" + "\n".join(new)
    )
    fixed = KNOWN_UNEXPLAINED - {imp.source for imp in hidden}
    assert not fixed, f"fixed, remove from KNOWN_UNEXPLAINED: {sorted(fixed)}"


def test_runtime_packages_do_not_read_test_fixtures():
    readers = [
        str(path.relative_to(ROOT))
        for path in project_modules().values()
        if "fixtures" in path.read_text(encoding="utf-8")
    ]
    assert not readers
