"""File > Restore from backup...: choose one of the database's backups (or any file), then restore it in a worker.

The backup is checked before anything changes, the database it replaces is kept aside in the backup folder, and
the backup's pages are copied into the database through SQLite (db/restore.py), never by copying files.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db import auto_backups
from db import restore as db_restore
from desktop import file_dialogs
from desktop.models.backups_model import PATH_ROLE, BackupsModel
from desktop.views.window_dialogs import error
from desktop.worker import Job, start_job_with_progress

DB_FILTER = "Positions databases (*.sqlite *.db);;All files (*)"


class RestoreDialog(QDialog):
    def __init__(self, database: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.database = database
        self.chosen: Path | None = None
        folder = auto_backups.backup_folder(database)
        intro = QLabel(
            self.tr(
                "Choose the backup to put back. It is checked first; if it is sound, the current database is "
                "kept aside in %s and the backup takes its place."
            )
            % folder,
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.model = BackupsModel(self)
        self.model.set_rows(auto_backups.list_backups(database))
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.accept_selected())
        self.empty = QLabel(self.tr("This database has no backups yet."), self)
        self.empty.setVisible(self.model.rowCount() == 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.other_button = QPushButton(self.tr("Other file…"), self)
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept_selected)
        self.buttons.rejected.connect(self.reject)
        self.other_button.clicked.connect(self.choose_other_file)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        if self.model.rowCount():
            self.table.selectRow(0)
        self._update()
        self.resize(620, 380)

    def _selected_path(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        index = rows[0] if rows else QModelIndex()
        value = index.data(PATH_ROLE) if index.isValid() else None
        return Path(value) if value else None

    def _update(self) -> None:
        self.restore_button.setEnabled(self._selected_path() is not None)

    def accept_selected(self) -> None:
        path = self._selected_path()
        if path is not None:
            self.chosen = path
            self.accept()

    def choose_other_file(self) -> None:
        folder = auto_backups.backup_folder(self.database)
        start = str(folder if folder.is_dir() else self.database.parent)
        name, _ = file_dialogs.get_open_file_name(self, self.tr("Restore from backup"), start, DB_FILTER)
        if name:
            self.chosen = Path(name)
            self.accept()


def choose_backup(parent: QWidget, database: Path) -> Path | None:
    dialog = RestoreDialog(database, parent)
    return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None


def restore(parent: QWidget, database: Path, backup: Path | str | None, then: Callable[[Path], object]) -> Job | None:
    """Restore `backup` (chosen in the dialog when None) into `database` in a worker with progress and Cancel;
    `then(database)` reopens it, and the status bar says where the replaced database was kept."""
    chosen = Path(backup) if backup else choose_backup(parent, database)
    if chosen is None:
        return None
    title = parent.tr("Restoring…")
    job = start_job_with_progress(parent, title, lambda report: db_restore.restore(database, chosen, report))

    def restored(result: db_restore.RestoreResult) -> None:
        then(database)
        message = parent.tr("Restored from %s (checked).") % chosen
        if result.aside is not None:
            message += " " + parent.tr("The database it replaced is kept in %s.") % result.aside
        parent.statusBar().showMessage(message, 15_000)  # type: ignore[attr-defined]

    job.succeeded.connect(restored)
    job.failed.connect(lambda message: error(parent, parent.tr("Nothing was restored"), message))
    return job
