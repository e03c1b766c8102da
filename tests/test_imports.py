"""The package's import graph flows one way: no cycles, and no module imports from a
layer above its own. Built from the source with ``ast`` (lazy imports inside functions
count as much as top-level ones: they run too)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "transcheck"

# Lowest first. A module may import from its own layer and the layers below it.
LAYERS = (
    ("model", "errors", "settings", "text", "embeddings", "quotes", "atomic", "linediff", "langdata", "git"),
    ("read", "formats", "segment", "langid", "align", "terms", "history", "output"),
    ("context",),
    ("rules",),
    ("config", "decide", "pages"),
    ("report",),
    ("runner", "fix", "group_jobs"),
    ("api",),
    ("cli", "progress", "__main__"),
)


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()

    def known(name: str) -> str:
        while name not in modules:
            name = name.rpartition(".")[0]
        return name

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                targets = [f"{node.module}.{a.name}" for a in node.names]
            else:
                continue
            edges |= {known(t) for t in targets if t.split(".")[0] == "transcheck"}
        # A package that reaches into its own parts (``terms`` loading ``terms.csv``)
        # is one unit with them, not a cycle.
        graph[name] = {e for e in edges - {name, "transcheck"} if not e.startswith(name + ".")}
    return graph


def _layer(module: str) -> int:
    top = module.split(".")[1] if "." in module else ""
    for i, names in enumerate(LAYERS):
        if top in names:
            return i
    raise AssertionError(f"{module}: in no layer; add it to LAYERS in {__file__}")


def test_every_module_has_a_layer():
    for module in _graph():
        if module != "transcheck":
            _layer(module)


def test_no_upward_imports():
    upward = [
        f"{a} (layer {_layer(a)}) imports {b} (layer {_layer(b)})"
        for a, targets in sorted(_graph().items())
        if a != "transcheck"
        for b in sorted(targets)
        if _layer(b) > _layer(a)
    ]
    assert not upward, "\n".join(upward)


def test_no_import_cycles():
    graph = _graph()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(path[path.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles, "\n".join(cycles)


def test_the_checker_sees_a_cycle_and_an_upward_import(tmp_path, monkeypatch):
    """The two checks above can fail: a planted cycle and a planted upward import."""
    pkg = tmp_path / "transcheck"
    (pkg / "rules").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "model.py").write_text("from transcheck.runner import x\n")
    (pkg / "runner.py").write_text("import transcheck.model\n")
    (pkg / "rules" / "__init__.py").write_text("")
    monkeypatch.setattr(__import__(__name__, fromlist=["_"]), "PACKAGE", pkg)
    import pytest

    with pytest.raises(AssertionError, match="transcheck.model -> transcheck.runner -> transcheck.model"):
        test_no_import_cycles()
    with pytest.raises(AssertionError, match="transcheck.model \\(layer 0\\) imports transcheck.runner"):
        test_no_upward_imports()


def test_no_module_is_over_350_lines():
    """A module that grows past this mixes concerns: split it by what it is about."""
    long = {
        str(path.relative_to(PACKAGE.parent)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 350
    }
    assert not long, long
