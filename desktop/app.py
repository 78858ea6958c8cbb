"""Start the application: one QApplication, the house style, the main window on the chosen database."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from desktop import settings

STYLESHEET = "styles/positions.qss"


def application() -> QApplication:
    """The running QApplication, or a new one with the house style."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("Positions")
    QCoreApplication.setApplicationName("Positions")
    app = QApplication(sys.argv[:1])
    apply_style(app)
    return app


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setFamilies(["Noto Sans", "Noto Sans CJK JP", "Segoe UI", "Helvetica Neue", "sans-serif"])
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    sheet = resources.files("resources").joinpath(STYLESHEET)
    if sheet.is_file():
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))


def run_app(db_path: Path) -> int:
    """`positions` without a subcommand: open the window on `db_path` (created when missing)."""
    app = application()
    from desktop.main_window import MainWindow

    window = MainWindow(settings.Settings())
    if not window.open_database(db_path):
        return 1
    window.show()
    return app.exec()
