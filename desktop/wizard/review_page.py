"""Page 3: review the proposed statements of each file beside its text; accept, reject, edit or add.

The source is a read-only QPlainTextEdit (imported text is never rendered as rich text); the current candidate is
highlighted with an ExtraSelection. Selecting text in the source and pressing "Add" makes a new statement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFontMetrics, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from db.actors import language_of
from db.ingest.document import Candidate
from db.ingest.pipeline import Analysis
from db.near_duplicates import Duplicate
from db.statements import KINDS
from desktop.models.candidates_model import (
    COL_ACCEPT,
    COL_CONFIDENCE,
    COL_DATE,
    COL_ISSUE,
    COL_KIND,
    COL_QUOTE,
    COL_REASON,
    COL_SAME,
    COL_SIDE,
    COL_SPEAKER,
    NON_OFFICIAL,
    CandidatesModel,
)
from desktop.wizard.alias_offer import AliasOffer, spelling_to_offer
from desktop.wizard.delegates import ChoiceDelegate
from desktop.wizard.text_offsets import TextOffsets

if TYPE_CHECKING:
    from desktop.wizard.wizard import ImportWizard

MARK_ALL_UP_TO = 400  # beyond this many candidates only the current one is marked, so selecting stays instant
CURRENT_COLOUR = QColor(255, 214, 102)
OTHER_COLOUR = QColor(255, 243, 205)


class ReviewPage(QWizardPage):
    def __init__(self, parent: ImportWizard) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Review the statements"))
        self.setSubTitle(self.tr("Tick what should be imported, correct speaker, side, issue, date or kind, and add "
                                 "what was missed by selecting it in the text."))  # fmt: skip
        self.file_box = QComboBox(self)
        self.threshold = QDoubleSpinBox(self)
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setValue(0.5)
        self.threshold_button = QPushButton(self.tr("Accept from this confidence"), self)
        self.accept_all_button = QPushButton(self.tr("Accept all"), self)
        self.reject_all_button = QPushButton(self.tr("Reject all"), self)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.model = CandidatesModel(self, self._resolve_speaker)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.source = QPlainTextEdit(self)
        self.source.setReadOnly(True)
        self.source.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.add_button = QPushButton(self.tr("Add the selected text as a statement"), self)
        self.add_button.setEnabled(False)
        self.alias_offer = AliasOffer(self)
        self.alias_offer.added.connect(lambda _spelling: self.wizard_().forget_gazetteer())
        self.model.speaker_corrected.connect(self._speaker_corrected)
        self._offsets = TextOffsets("")
        self._build_layout()
        self._set_delegates()

        self.file_box.currentIndexChanged.connect(self._show_file)
        self.threshold_button.clicked.connect(lambda: self._accept_from(self.threshold.value()))
        self.accept_all_button.clicked.connect(lambda: self._set_all(True))
        self.reject_all_button.clicked.connect(lambda: self._set_all(False))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.dataChanged.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.source.selectionChanged.connect(
            lambda: self.add_button.setEnabled(self.source.textCursor().hasSelection())
        )
        self.add_button.clicked.connect(self.add_selection)

    def _build_layout(self) -> None:
        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("File:"), self))
        tools.addWidget(self.file_box, 1)
        tools.addWidget(self.threshold)
        tools.addWidget(self.threshold_button)
        tools.addWidget(self.accept_all_button)
        tools.addWidget(self.reject_all_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.source, 1)
        right_layout.addWidget(self.add_button)
        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([720, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.alias_offer)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        fm = QFontMetrics(self.table.font())
        date_width = fm.horizontalAdvance("2018-11-14") + 28  # the widest date, with the cell's margins
        for column, width in ((COL_ACCEPT, 56), (COL_SPEAKER, 130), (COL_QUOTE, 340), (COL_SIDE, 70),
                              (COL_ISSUE, 130), (COL_DATE, date_width), (COL_KIND, 100), (COL_SAME, 150),
                              (COL_CONFIDENCE, 84), (COL_REASON, 200)):  # fmt: skip
            self.table.setColumnWidth(column, width)

    def _set_delegates(self) -> None:
        wizard = self.wizard_()
        side_choices = [(slug, name) for slug, name in wizard.side_names.items()]
        side_choices += [(value, self.tr(value)) for value in NON_OFFICIAL]
        issue_choices = list(wizard.issue_titles.items())
        kind_choices = [(kind, kind.replace("_", " ")) for kind in KINDS]
        self.table.setItemDelegateForColumn(COL_SIDE, ChoiceDelegate(lambda: side_choices, self.table))
        self.table.setItemDelegateForColumn(COL_ISSUE, ChoiceDelegate(lambda: issue_choices, self.table))
        self.table.setItemDelegateForColumn(COL_KIND, ChoiceDelegate(lambda: kind_choices, self.table))
        self.model.set_names(wizard.side_names, wizard.issue_titles)

    def wizard_(self) -> ImportWizard:
        """The wizard, also during construction (before QWizard.setPage makes it the page's wizard())."""
        return cast("ImportWizard", self.wizard() or self.parent())

    # load and save: the model edits the analyses' candidates in place, so there is nothing else to save

    def initializePage(self) -> None:
        self.alias_offer.hide()
        self.file_box.blockSignals(True)
        self.file_box.clear()
        for analysis in self.wizard_().analyses():
            title = analysis.document.title or analysis.path.name
            self.file_box.addItem(f"{analysis.path.name} — {title}")
        self.file_box.blockSignals(False)
        self._show_file(0)

    def current_analysis(self) -> Analysis | None:
        analyses = self.wizard_().analyses()
        row = self.file_box.currentIndex()
        return analyses[row] if 0 <= row < len(analyses) else None

    def _show_file(self, _row: int) -> None:
        analysis = self.current_analysis()
        repeats = self._duplicates_of(self.file_box.currentIndex())
        self.model.set_rows(analysis.candidates if analysis else [], repeats)
        self.table.setColumnHidden(COL_SAME, not repeats)  # only a file with repeats needs the column
        text = analysis.document.text if analysis else ""
        self._offsets = TextOffsets(text)
        self.source.setPlainText(text)
        self._highlight(None)
        self._update_count()
        if self.model.rowCount():
            self.table.selectRow(0)

    # statements other outlets already reported

    def _duplicates_of(self, document: int) -> dict[int, Duplicate]:
        return {row: found for (doc, row), found in self.wizard_().duplicates.items() if doc == document}

    def _speaker_corrected(self, row: int, before: Candidate, after: Candidate) -> None:
        """A corrected speaker whose spelling in the text the gazetteer lacks: offer it as an alias."""
        if after.actor_key is None:
            return
        spelling = spelling_to_offer(after, self.wizard_().gazetteer())
        if spelling is not None:
            self.alias_offer.offer(
                self.wizard_().store, after.actor_key, after.speaker, spelling, language_of(spelling)
            )

    def _update_count(self, *_args: object) -> None:
        rows = self.model.candidates()
        accepted = sum(c.accepted for c in rows)
        total = sum(len(a.accepted()) for a in self.wizard_().analyses())
        text = self.tr("This file: {0} of {1} accepted. All files: {2} statements to import.").format(
            accepted, len(rows), total
        )
        repeats = len(self.wizard_().merge_plan())
        if repeats:
            text += " " + self.tr("{0} of them already reported elsewhere (see “Already reported”).").format(repeats)
        self.count_label.setText(text)

    def _accept_from(self, threshold: float) -> None:
        self.model.accept_at_least(threshold)

    def _set_all(self, accepted: bool) -> None:
        self.model.set_all_accepted(accepted)

    # the source beside the table

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._highlight(self.model.candidate(current.row()) if current.isValid() else None)

    def _highlight(self, current: Candidate | None) -> None:
        """Mark every candidate lightly and the current one strongly, and scroll to the current one."""
        selections = []
        candidates = self.model.candidates()
        if len(candidates) > MARK_ALL_UP_TO:
            candidates = [current] if current is not None else []
        for candidate in candidates:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.source.document())
            cursor.setPosition(self._offsets.to_qt(candidate.start))
            cursor.setPosition(self._offsets.to_qt(candidate.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            char_format = QTextCharFormat()
            char_format.setBackground(CURRENT_COLOUR if candidate is current else OTHER_COLOUR)
            selection.format = char_format
            selections.append(selection)
            if candidate is current:
                view_cursor = QTextCursor(self.source.document())
                view_cursor.setPosition(self._offsets.to_qt(candidate.start))
                self.source.setTextCursor(view_cursor)
                self.source.centerCursor()
        self.source.setExtraSelections(selections)

    def add_selection(self) -> Candidate | None:
        """A new statement from the text selected in the source; the speaker editor opens at once."""
        analysis = self.current_analysis()
        cursor = self.source.textCursor()
        if analysis is None or not cursor.hasSelection():
            return None
        text = analysis.document.text
        start = self._offsets.from_qt(cursor.selectionStart())
        end = self._offsets.from_qt(cursor.selectionEnd())
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            return None
        published = analysis.document.published
        candidate = Candidate(
            quote=text[start:end], start=start, end=end, speaker="", speaker_as_written="", actor_key=None,
            side=None, category="official", issue="other", said_on=published,
            date_basis="article" if published else "unknown", kind="reported", confidence=1.0,
            reason=self.tr("added by you"),
        )  # fmt: skip
        row = self.model.add(candidate)
        index = self.model.index(row, COL_SPEAKER)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.edit(index)
        return candidate

    def _resolve_speaker(self, name: str) -> tuple[str, str | None, str | None, str] | None:
        actor = self.wizard_().gazetteer().resolve_name(name)
        if actor is None:
            return None
        return actor.name, actor.key, actor.side, actor.category

    def cleanupPage(self) -> None:
        """Going back keeps the edits: they live in the analyses."""

    def isComplete(self) -> bool:
        return True
