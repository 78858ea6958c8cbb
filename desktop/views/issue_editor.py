"""Edit > Issues: the user's taxonomy. Titles and keywords in English, Russian and Japanese, a description;
add, merge two issues (the statements move), retire one (kept for its statements, no longer used for new ones).

Every change is an undoable command on the window's undo stack (desktop/views/store_command.py over
db/issue_editing.py); the next import classifies with the keywords saved here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db import issue_editing
from db.issue_editing import IssueRecord
from db.store import Store
from desktop.models.record_list_model import RecordListModel
from desktop.views.language_lines import LANGUAGE_NAMES, LanguageLines
from desktop.views.store_command import ChangeNotifier, StoreCommand, undo_redo_buttons


def plain_label(parent: QWidget, name: str, text: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setObjectName(name)
    return label


class IssueEditor(QDialog):
    def __init__(self, store: Store, undo_stack: QUndoStack, notifier: ChangeNotifier,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.store, self.undo_stack, self.notifier = store, undo_stack, notifier
        self.current: IssueRecord | None = None
        self.setWindowTitle(self.tr("Issues"))
        self.model: RecordListModel[IssueRecord] = RecordListModel(
            self._label,
            lambda i: (*i.titles.values(), *(k for words in i.keywords.values() for k in words)),
            lambda i: i.retired,
            self,
        )
        self._build()
        self.notifier.changed.connect(self._data_changed)
        self.notifier.failed.connect(self.error.setText)
        self.reload()
        self.resize(980, 700)

    def _label(self, issue: IssueRecord) -> str:
        return self.tr("{0} (retired)").format(issue.title) if issue.retired else issue.title

    def _build(self) -> None:
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Find by title or keyword"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.new_button = QPushButton(self.tr("New issue"), self)
        self.new_button.clicked.connect(self.start_new)
        left = QWidget(self)
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.filter_edit)
        left_box.addWidget(self.list, 1)
        left_box.addWidget(self.new_button)

        area = QWidget(self)
        self.heading = plain_label(area, "detailsHeading")
        self.titles = {code: QLineEdit(area) for code, _name in LANGUAGE_NAMES}
        self.description = QPlainTextEdit(area)
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(90)
        self.keywords = LanguageLines(self.tr("one word or phrase per line; a stem finds every ending"), area, 80)
        self.count = plain_label(area, "mutedNote")
        self.error = plain_label(area, "errorNote")
        self.merge_button = QPushButton(self.tr("Merge into…"), area)
        self.merge_button.setToolTip(self.tr("Move this issue's statements and keywords to another issue and "
                                             "retire this one"))  # fmt: skip
        self.merge_button.clicked.connect(self.choose_merge_target)
        self.retire_button = QPushButton(self.tr("Retire"), area)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.revert_button = QPushButton(self.tr("Revert"), area)
        self.revert_button.clicked.connect(lambda: self.show_issue(self.current))
        self.save_button = QPushButton(self.tr("Save changes"), area)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)

        form = QFormLayout()
        for code, name in LANGUAGE_NAMES:
            form.addRow(self.tr("Title ({0})").format(name), self.titles[code])
        form.addRow(self.tr("Description"), self.description)
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.retire_button)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        box = QVBoxLayout(area)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.heading)
        box.addLayout(form)
        box.addWidget(plain_label(area, "sectionHeading", self.tr("Keywords that file an imported statement here")))
        box.addWidget(self.keywords, 1)
        box.addWidget(self.count)
        box.addWidget(self.error)
        box.addLayout(buttons)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(area)
        splitter.setSizes([300, 680])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        bottom = undo_redo_buttons(self.undo_stack, self)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    # --- what is shown ---------------------------------------------------------------------------------------

    def reload(self, select_slug: str | None = None) -> None:
        wanted = select_slug or (self.current.slug if self.current else None)
        self.model.set_records(issue_editing.issue_records(self.store))
        row = self.model.row_where(lambda i: i.slug == wanted) if wanted else -1
        self.list.setCurrentIndex(self.model.index(max(row, 0), 0))

    def _filter(self, text: str) -> None:
        wanted = self.current.slug if self.current else None
        self.model.set_filter(text)
        row = self.model.row_where(lambda i: i.slug == wanted) if wanted else -1
        self.list.setCurrentIndex(self.model.index(max(row, 0), 0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record = self.model.record(current.row()) if current.isValid() else None
        if record is not None:
            self.show_issue(record)

    def select(self, slug: str) -> bool:
        self.filter_edit.clear()
        row = self.model.row_where(lambda i: i.slug == slug)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        return row >= 0

    def show_issue(self, issue: IssueRecord | None) -> None:
        self.current = issue
        self.error.clear()
        self.heading.setText(self._label(issue) if issue else self.tr("New issue"))
        for code, edit in self.titles.items():
            edit.setText(issue.titles.get(code, "") if issue else "")
        self.description.setPlainText(issue.description if issue else "")
        self.keywords.set_values(issue.keywords if issue else {})
        count = issue_editing.statement_count(self.store, issue.slug) if issue else 0
        self.count.setText(self.tr("%n statement(s) filed under this issue", "", count) if issue else "")
        self.merge_button.setEnabled(issue is not None)
        self.retire_button.setEnabled(issue is not None)
        self.retire_button.setText(self.tr("Bring back") if issue and issue.retired else self.tr("Retire"))

    def start_new(self) -> None:
        self.list.clearSelection()
        self.show_issue(None)
        self.titles["en"].setFocus()

    # --- changes ---------------------------------------------------------------------------------------------

    def form_values(self) -> dict[str, Any]:
        return {
            "titles": {code: " ".join(edit.text().split()) for code, edit in self.titles.items()},
            "description": self.description.toPlainText().strip(),
            "keywords": self.keywords.values(self.current.keywords if self.current else None),
        }

    def save(self) -> None:
        values = self.form_values()
        issue = self.current
        if issue is None:
            title = next(iter(values["titles"].values()), "")
            self._push(self.tr("Add issue {0}").format(title), lambda: issue_editing.add(self.store, **values),
                       lambda added: issue_editing.remove(self.store, added.slug))  # fmt: skip
            return
        stored = {"titles": dict(issue.titles), "description": issue.description,
                  "keywords": {lang: list(words) for lang, words in issue.keywords.items()}}  # fmt: skip
        after = {name: value for name, value in values.items() if value != stored[name]}
        if not after:
            self.error.setText(self.tr("Nothing to save."))
            return
        before = {name: issue.fields()[name] for name in after}
        slug = issue.slug
        self._push(self.tr("Edit issue {0}").format(issue.title),
                   lambda: issue_editing.update(self.store, slug, **after),
                   lambda _result: issue_editing.update(self.store, slug, **before))  # fmt: skip

    def toggle_retired(self) -> None:
        issue = self.current
        if issue is None:
            return
        retire = not issue.retired
        text = self.tr("Retire issue {0}") if retire else self.tr("Bring back issue {0}")
        self._push(text.format(issue.title), lambda: issue_editing.set_retired(self.store, issue.slug, retire),
                   lambda _result: issue_editing.set_retired(self.store, issue.slug, not retire))  # fmt: skip

    def choose_merge_target(self) -> None:
        if self.current is None:
            return
        others = [i for i in issue_editing.issue_records(self.store, include_retired=False) if i.id != self.current.id]
        labels = [i.title for i in others]
        text = self.tr("Merge {0} into which issue? Its statements and keywords move there.").format(self.current.title)
        chosen, ok = QInputDialog.getItem(self, self.tr("Merge issues"), text, labels, 0, False)
        if ok and chosen in labels:
            self.merge_into(others[labels.index(chosen)].slug)

    def merge_into(self, target_slug: str) -> None:
        if self.current is None:
            return
        gone, kept = self.current, issue_editing.get(self.store, target_slug)
        command = self._push(self.tr("Merge issue {0} into {1}").format(gone.title, kept.title),
                             lambda: issue_editing.merge(self.store, gone.slug, kept.slug),
                             lambda merge: issue_editing.unmerge(self.store, merge))  # fmt: skip
        if command.succeeded:
            self.reload(kept.slug)

    def _push(self, text: str, redo: Any, undo: Any) -> StoreCommand:
        command = StoreCommand(text, redo, undo, self.notifier, "issues")
        self.error.clear()
        self.undo_stack.push(command)
        if command.succeeded and isinstance(command.result, IssueRecord):
            self.reload(command.result.slug)
        return command

    def _data_changed(self, subject: str) -> None:
        if subject == "issues" and self.isVisible():
            self.reload()
