"""A progress bar with a message and a Cancel button that follows one worker Job at a time, inside a page.

The wizard shows progress in the page rather than in a modal dialog, so the window stays responsive and the user
sees which file is being read.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop.worker import Job


class JobProgress(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(260)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # messages name user files
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.cancel_button)
        self._job: Job | None = None
        self.cancel_button.clicked.connect(self.cancel)
        self.show_idle("")

    def watch(self, job: Job, message: str) -> None:
        self._job = job
        self.bar.setRange(0, 0)
        self.bar.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.message.setText(message)
        job.progressed.connect(self._progressed)
        job.ended.connect(self._ended)

    def cancel(self) -> None:
        if self._job is not None and not self._job.done:
            self._job.cancel()
            self.cancel_button.setEnabled(False)
            self.message.setText(self.tr("Cancelling…"))

    def show_idle(self, message: str) -> None:
        self.bar.setVisible(False)
        self.cancel_button.setVisible(False)
        self.message.setText(message)

    def _progressed(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        if message and (self._job is None or not self._job.is_cancelled):
            self.message.setText(message)

    def _ended(self) -> None:
        self._job = None
        self.bar.setVisible(False)
        self.cancel_button.setVisible(False)
