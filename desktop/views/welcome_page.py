"""What an empty database shows instead of empty columns: load the sample content, or import documents."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    load_sample = Signal()
    import_documents = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        # Hidden behind the comparison it must not hold the centre wide: the details pane may be widened over it.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        title = QLabel(self.tr("This database has no statements yet"), self)
        title.setObjectName("welcomeTitle")
        title.setTextFormat(Qt.TextFormat.PlainText)
        text = QLabel(
            self.tr(
                "Positions compares what each side says on each issue, period by period. Start with the "
                "bundled sample (statements from three articles on Russia–Japan relations), or import your "
                "own documents: news articles, ministry transcripts, statement tables."
            ),
            self,
        )
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        text.setFixedWidth(520)  # a fixed width lets the label take the height its wrapped lines need
        self.sample_button = QPushButton(self.tr("Load the sample content"), self)
        self.sample_button.setObjectName("primaryButton")
        self.import_button = QPushButton(self.tr("Import documents…"), self)
        self.sample_button.clicked.connect(self.load_sample)
        self.import_button.clicked.connect(self.import_documents)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sample_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(8)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(text)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addStretch(2)

    def set_import_available(self, available: bool, reason: str = "") -> None:
        self.import_button.setEnabled(available)
        self.import_button.setToolTip(reason)
