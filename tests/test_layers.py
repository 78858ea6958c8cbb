"""The data layer stays usable without a display: nothing under db/ imports Qt or the application."""

import ast
from pathlib import Path

from tests.conftest import PROJECT_DIR

FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "desktop")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_db_package_never_imports_qt_or_desktop() -> None:
    offenders = [
        f"{path.relative_to(PROJECT_DIR)} imports {name}"
        for path in sorted((PROJECT_DIR / "db").rglob("*.py"))
        for name in imported_modules(path)
        if name.split(".")[0] in FORBIDDEN
    ]
    assert offenders == []


def test_partial_date_comes_from_the_database_layer_only() -> None:
    """PartialDate lives in db/partial_date.py; the ingest package keeps no second way to import it."""
    offenders = []
    for path in sorted(PROJECT_DIR.glob("*/**/*.py")):
        if ".venv" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or node.module in (None, "db.partial_date"):
                continue
            if any(alias.name in ("PartialDate", "Precision") for alias in node.names):
                offenders.append(f"{path.relative_to(PROJECT_DIR)} imports it from {node.module}")
    assert offenders == []
