"""The shape of the package: small modules and functions, no import cycle, one place that reads
JSON-shaped briefings back."""

from __future__ import annotations

import ast
from pathlib import Path

import briefing

PACKAGE = Path(briefing.__file__).resolve().parent
MODULE_LINES = 500
FUNCTION_LINES = 60


def _modules() -> dict[str, Path]:
    """Return every module of the package by its dotted name."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def test_no_module_is_over_500_lines() -> None:
    long = {
        name: lines
        for name, path in _modules().items()
        if (lines := path.read_text(encoding="utf-8").count("\n")) > MODULE_LINES
    }
    assert long == {}


def test_no_function_is_over_60_lines() -> None:
    long = []
    for name, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > FUNCTION_LINES:
                    long.append(f"{name}.{node.name}: {length} lines")
    assert long == []


def _imports_at_load(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Return the package's modules that `name` imports when it is loaded: its top-level imports,
    not those inside functions or under `if TYPE_CHECKING:`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            for alias in node.names:
                target = f"{base}.{alias.name}"
                out.add(target if target in modules else base)
    return out & set(modules)


def test_no_import_cycle() -> None:
    modules = _modules()
    graph = {name: _imports_at_load(name, path, modules) - {name} for name, path in modules.items()}
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            # A package's __init__ importing its own modules is how a package is made.
            if name == target.rpartition(".")[0] or target == name.rpartition(".")[0]:
                continue
            if state.get(target) == 1:
                cycles.append(" -> ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_json_shaped_briefings_are_read_in_one_place() -> None:
    """Only report.parse meets a briefing as a mapping; every other stage has the record."""
    readers = []
    for name, path in _modules().items():
        text = path.read_text(encoding="utf-8")
        if "isinstance(" in text and "Mapping)" in text:
            readers.append(name)
    # LanguageMap compares itself with a plain mapping; the batch manifest is JSON on disk.
    allowed = {
        "briefing.report.parse",
        "briefing.facts.model",
        "briefing.batch.manifest",
        "briefing.batch.run",
    }
    assert set(readers) <= allowed, set(readers) - allowed
