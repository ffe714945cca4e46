"""No import cycle between briefgen's packages and top-level modules: each depends on others one way."""
from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import briefgen

ROOT = Path(briefgen.__file__).parent


def unit(module: str) -> str | None:
    """The package or top-level module of briefgen a dotted module name belongs to (None: outside briefgen)."""
    parts = module.split(".")
    return parts[1] if parts[0] == "briefgen" and len(parts) > 1 else None


def imported(path: Path) -> set[str]:
    """The dotted names a module imports, relative imports resolved, `from a import b` as both a and a.b."""
    rel = path.relative_to(ROOT.parent).with_suffix("")
    package = list(rel.parts if rel.name == "__init__" else rel.parts[:-1])
    package = [p for p in package if p != "__init__"]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])])
            out.add(target)
            out.update(f"{target}.{a.name}" for a in node.names)
    return out


def dependencies() -> dict[str, set[str]]:
    """Each unit → the other units it imports from (names that are not units, like functions, dropped)."""
    units = {p.stem for p in ROOT.glob("*.py")} | {p.parent.name for p in ROOT.glob("*/__init__.py")}
    graph: dict[str, set[str]] = {u: set() for u in units}
    for path in ROOT.rglob("*.py"):
        here = unit(".".join(path.relative_to(ROOT.parent).with_suffix("").parts))
        for name in imported(path):
            there = unit(name)
            if here and there in units and there != here:
                graph[here].add(there)
    return graph


def test_packages_import_each_other_one_way():
    try:
        graphlib.TopologicalSorter(dependencies()).prepare()
    except graphlib.CycleError as e:
        raise AssertionError(f"import cycle between packages: {' -> '.join(e.args[1])}") from None


def test_the_cycle_check_finds_a_cycle():
    graph = dependencies()
    graph["model"].add("pack")  # model is imported by pack's modules: one import back makes a cycle
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError:
        return
    raise AssertionError("a cycle went unnoticed")


def test_pack_never_imports_distribute():
    assert "distribute" not in dependencies()["pack"]
    assert "render" not in dependencies()["digest"]
