"""The main window's small dialogs and file chores: choose a database, back it up, load the sample,
preferences, keyboard shortcuts, about. Long chores run in desktop.worker jobs on their own connection.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMenu,
    QMessageBox,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import issues, sample
from db.backup import write_backup
from db.store import Store
from desktop import file_dialogs, settings
from desktop.actions import SHORTCUTS
from desktop.worker import Job, start_job, start_job_with_progress

DB_FILTER = "Positions databases (*.sqlite *.db);;All files (*)"


def error(parent: QWidget, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def ask_new_database(parent: QWidget) -> Path | None:
    name, _ = file_dialogs.get_save_file_name(parent, parent.tr("New database"), "positions.sqlite", DB_FILTER)
    if not name:
        return None
    path = Path(name)
    if path.exists():
        error(parent, parent.tr("New database"), parent.tr("%s already exists; choose a new name.") % path)
        return None
    return path


def ask_database_to_open(parent: QWidget) -> Path | None:
    name, _ = file_dialogs.get_open_file_name(parent, parent.tr("Open database"), "", DB_FILTER)
    return Path(name) if name else None


def fill_recent_menu(window: Any, menu: QMenu | None, recent: list[str]) -> None:
    if menu is None:
        return
    menu.clear()
    for path in recent:
        action = menu.addAction(path)
        action.setEnabled(Path(path).exists())
        action.triggered.connect(lambda _checked=False, p=path: window.open_database(p))
    if not recent:
        menu.addAction(menu.tr("(none yet)")).setEnabled(False)


def backup(parent: QWidget, source: Path) -> Job | None:
    name, _ = file_dialogs.get_save_file_name(parent, parent.tr("Back up database"), f"{source.stem}-backup.sqlite",
                                          DB_FILTER)  # fmt: skip
    if not name:
        return None
    dest = Path(name)
    job = start_job_with_progress(parent, parent.tr("Backing up…"), lambda report: write_backup(source, dest))
    job.succeeded.connect(
        lambda _: parent.statusBar().showMessage(parent.tr("Backup written and verified: %s") % dest, 8000)
    )  # type: ignore[attr-defined]
    job.failed.connect(lambda message: error(parent, parent.tr("Backup failed"), message))
    return job


def fill_sample(parent: QWidget, store: Store, then: Callable[[], object]) -> Job:
    def work(report: object) -> int:
        return sample.fill(store.for_thread())

    job = start_job(parent, work)
    job.succeeded.connect(lambda _added: then())
    job.failed.connect(lambda message: error(parent, parent.tr("Could not load the sample"), message))
    return job


def preferences(parent: QWidget, config: settings.Settings, store: Store | None) -> bool:
    """Sides compared and card size; True when the user saved."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(parent.tr("Preferences"))
    form = QFormLayout()
    sides = issues.sides(store) if store else []
    combos = []
    for label, current in ((parent.tr("Left column"), config.get(settings.LEFT_SIDE)),
                           (parent.tr("Right column"), config.get(settings.RIGHT_SIDE))):  # fmt: skip
        combo = QComboBox(dialog)
        for side in sides:
            combo.addItem(side.name, side.slug)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        form.addRow(label, combo)
        combos.append(combo)
    lines = QSpinBox(dialog)
    lines.setRange(2, 10)
    lines.setValue(config.get(settings.CARD_LINES))
    form.addRow(parent.tr("Quote lines per card"), lines)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    if sides:
        config.set(settings.LEFT_SIDE, combos[0].currentData())
        config.set(settings.RIGHT_SIDE, combos[1].currentData())
    config.set(settings.CARD_LINES, lines.value())
    return True


def shortcuts(parent: QWidget) -> None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(parent.tr("Keyboard shortcuts"))
    table = QTableWidget(len(SHORTCUTS), 2, dialog)
    table.setHorizontalHeaderLabels([parent.tr("Keys"), parent.tr("Does")])
    for row, (keys, text) in enumerate(SHORTCUTS):
        table.setItem(row, 0, QTableWidgetItem(keys))
        table.setItem(row, 1, QTableWidgetItem(parent.tr(text)))
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.resizeColumnToContents(0)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(520, 420)
    dialog.exec()


def about(parent: QWidget) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(parent.tr("About Positions"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        parent.tr(
            "Positions 0.1\n\nCompare what two governments say on each issue, side by side, period by period.\n"
            "Works offline; your database and annotations stay on this computer."
        )
    )
    box.exec()
