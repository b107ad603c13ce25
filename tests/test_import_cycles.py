"""No import cycles: every module of vanban, and the code of every template folder, imported
one way only — counting imports inside functions and in package ``__init__`` modules (grimp
reads them all). Before issue 20: ``check.engine`` ↔ seven ``rules_*`` modules (the rule API
lived inside the engine), ``context.chu_thich`` ↔ ``context.inline``, ``cli`` ↔ ``ho_so.cli``."""

from __future__ import annotations

import ast
from collections.abc import Iterable

import grimp

from vanban.templates import CODE_PACKAGE, builtin_templates_dir, package_name


def _template_edges() -> dict[str, set[str]]:
    """Imports of ``templates_docx/<id>/*.py`` (found by the registry at run time, so grimp
    cannot see them), relative imports resolved to ``vanban_templates.<id>.<file>``."""
    edges: dict[str, set[str]] = {}
    for path in sorted(builtin_templates_dir().glob("*/*.py")):
        package = package_name(path.parent)
        name = f"{package}.{path.stem}"
        out = edges.setdefault(name, set())
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package if node.level else (node.module or "")
                if node.level and node.module:
                    base = f"{package}.{node.module}"
                out.add(base)
                out.update(f"{base}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                out.update(a.name for a in node.names)
    return edges


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    nodes = set(edges) | {m for targets in edges.values() for m in targets}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for n in sorted(nodes):
        if n not in index:
            visit(n)
    return found


def _known(edges: dict[str, set[str]], modules: Iterable[str]) -> dict[str, set[str]]:
    known = set(modules)
    return {m: {t for t in targets if t in known} for m, targets in edges.items()}


def test_no_import_cycles():
    graph = grimp.build_graph("vanban", CODE_PACKAGE, include_external_packages=False)
    edges = {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    templates = _template_edges()
    assert len(templates) >= 15  # the built-ins' model, context and helper files
    for name, targets in templates.items():
        edges.setdefault(name, set()).update(targets)
    assert len(edges) > 150
    assert _cycles(_known(edges, edges)) == []


def test_the_measure_finds_a_cycle():
    """The check can fail: a cycle written into the graph is found."""
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
