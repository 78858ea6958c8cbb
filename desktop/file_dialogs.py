"""File dialogs that never read the files they list: the window's only way to ask for a file name.

Qt's own file dialog reads the first bytes of every file it shows to guess its type and icon (GTK's native one,
which Qt uses on GNOME, does the same in this process). For the open database and its `-wal` and `-shm` that read
ends with a close(), and on Linux and macOS closing any descriptor of a file drops every POSIX lock the process
holds on it: another process may then checkpoint and delete the WAL the window is writing to (issue 9). So the
dialogs here are Qt's own, with an icon provider that looks at names only. On Windows, where a lock belongs to
its handle, the native dialog is kept.

Same arguments and results as QFileDialog's static functions: (parent, caption, folder or name, filter).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

NATIVE = sys.platform == "win32"


class NamesOnlyIconProvider(QAbstractFileIconProvider):
    """A folder or a file icon, and the extension as the type: nothing is opened to find out more."""

    def __init__(self) -> None:
        super().__init__()
        self._icons = QFileIconProvider()

    def icon(self, what: QAbstractFileIconProvider.IconType | QFileInfo) -> QIcon:  # type: ignore[override]
        if isinstance(what, QFileInfo):
            kinds = QAbstractFileIconProvider.IconType
            return self._icons.icon(kinds.Folder if what.isDir() else kinds.File)
        return self._icons.icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QFileDialog.tr("Folder")
        return info.suffix().upper() or QFileDialog.tr("File")


_PROVIDER: NamesOnlyIconProvider | None = None


def make_dialog(parent: QWidget | None, caption: str, start: str, filters: str) -> QFileDialog:
    global _PROVIDER
    if _PROVIDER is None:
        _PROVIDER = NamesOnlyIconProvider()  # one for the application: the dialog does not own it
    dialog = QFileDialog(parent, caption, start, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setIconProvider(_PROVIDER)
    return dialog


def _run(dialog: QFileDialog) -> tuple[list[str], str]:
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return [], ""
    return dialog.selectedFiles(), dialog.selectedNameFilter()


def get_open_file_name(parent: QWidget | None, caption: str, start: str = "", filters: str = "") -> tuple[str, str]:
    if NATIVE:
        return QFileDialog.getOpenFileName(parent, caption, start, filters)
    dialog = make_dialog(parent, caption, start, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    names, chosen = _run(dialog)
    return (names[0] if names else ""), chosen


def get_open_file_names(
    parent: QWidget | None, caption: str, start: str = "", filters: str = ""
) -> tuple[list[str], str]:
    if NATIVE:
        return QFileDialog.getOpenFileNames(parent, caption, start, filters)
    dialog = make_dialog(parent, caption, start, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def get_save_file_name(parent: QWidget | None, caption: str, start: str = "", filters: str = "") -> tuple[str, str]:
    if NATIVE:
        return QFileDialog.getSaveFileName(parent, caption, start, filters)
    dialog = make_dialog(parent, caption, start, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    names, chosen = _run(dialog)
    return (names[0] if names else ""), chosen
