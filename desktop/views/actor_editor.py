"""Edit > Actors: who speaks, under which names, for which side, in which role when. The user's, not the bundle's.

A list (filtered by any name or alias as you type) beside the form of the chosen actor. Save, New, Merge are
undoable commands on the window's undo stack (desktop/views/store_command.py over db/actors.py); the next
import reads what is saved here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db import actors, issues
from db.actors import ActorRecord
from db.store import Store
from desktop.models.record_list_model import RecordListModel
from desktop.models.roles_model import COL_TITLE, RolesModel
from desktop.views.language_lines import LanguageLines
from desktop.views.store_command import ChangeNotifier, StoreCommand, undo_redo_buttons

KIND_NAMES = {
    "person": "Person",
    "body": "Body (ministry, parliament, agency)",
    "state": "Government or state",
    "delegation": "Delegation (a side at talks)",
    "media": "Media (outlet, journalist)",
    "expert": "Expert",
}


def plain_label(parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class ActorEditor(QDialog):
    def __init__(self, store: Store, undo_stack: QUndoStack, notifier: ChangeNotifier,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.store, self.undo_stack, self.notifier = store, undo_stack, notifier
        self.current: ActorRecord | None = None
        self.side_names = {side.slug: side.name for side in issues.sides(store)}
        self.setWindowTitle(self.tr("Actors"))
        self.model: RecordListModel[ActorRecord] = RecordListModel(
            self._label, lambda a: (a.name, *(n for names in a.aliases.values() for n in names)), parent=self
        )
        self._build()
        self.notifier.changed.connect(self._data_changed)
        self.notifier.failed.connect(self.error.setText)
        self.reload()
        self.resize(980, 680)

    def _label(self, actor: ActorRecord) -> str:
        side = self.side_names.get(actor.side or "", "")
        return f"{actor.name}  ·  {side}" if side else actor.name

    def _build(self) -> None:
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Find by any name or alias"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.new_button = QPushButton(self.tr("New actor"), self)
        self.new_button.clicked.connect(self.start_new)
        left = QWidget(self)
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.filter_edit)
        left_box.addWidget(self.list, 1)
        left_box.addWidget(self.new_button)

        form_area = QWidget(self)
        self.heading = plain_label(form_area, "detailsHeading")
        self.name = QLineEdit(form_area)
        self.kind = QComboBox(form_area)
        for kind in actors.KINDS:
            self.kind.addItem(self.tr(KIND_NAMES[kind]), kind)
        self.side = QComboBox(form_area)
        for slug, name in self.side_names.items():
            self.side.addItem(name, slug)
        self.side.addItem(self.tr("No side"), None)
        self.aliases = LanguageLines(self.tr("one name per line, as texts write it"), form_area, 84)
        self.roles_model = RolesModel(self)
        self.roles = QTableView(form_area)
        self.roles.setModel(self.roles_model)
        self.roles.verticalHeader().hide()
        self.roles.horizontalHeader().setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.roles.setMinimumHeight(90)
        self.roles.setMaximumHeight(150)
        self.add_role_button = QPushButton(self.tr("Add role"), form_area)
        self.remove_role_button = QPushButton(self.tr("Remove role"), form_area)
        self.add_role_button.clicked.connect(self._add_role)
        self.remove_role_button.clicked.connect(lambda: self.roles_model.remove_role(self.roles.currentIndex().row()))
        self.count = plain_label(form_area, "mutedNote")
        self.error = plain_label(form_area, "errorNote")
        self.merge_button = QPushButton(self.tr("Merge into…"), form_area)
        self.merge_button.setToolTip(self.tr("The same person under two entries: keep the other one, with these "
                                             "names as its aliases and these statements"))  # fmt: skip
        self.merge_button.clicked.connect(self.choose_merge_target)
        self.revert_button = QPushButton(self.tr("Revert"), form_area)
        self.revert_button.clicked.connect(lambda: self.show_actor(self.current))
        self.save_button = QPushButton(self.tr("Save changes"), form_area)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Side"), self.side)
        role_buttons = QHBoxLayout()
        role_buttons.addWidget(self.add_role_button)
        role_buttons.addWidget(self.remove_role_button)
        role_buttons.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge_button)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        box = QVBoxLayout(form_area)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.heading)
        box.addLayout(form)
        aliases_heading = plain_label(form_area, "sectionHeading")
        aliases_heading.setText(self.tr("Aliases: every spelling the texts use"))
        box.addWidget(aliases_heading)
        box.addWidget(self.aliases, 2)
        roles_heading = plain_label(form_area, "sectionHeading")
        roles_heading.setText(self.tr("Roles, with the dates they were held"))
        box.addWidget(roles_heading)
        box.addWidget(self.roles)
        box.addLayout(role_buttons)
        box.addWidget(self.count)
        box.addWidget(self.error)
        box.addLayout(buttons)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(form_area)
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

    def reload(self, select_id: int | None = None) -> None:
        wanted = select_id if select_id is not None else (self.current.id if self.current else None)
        self.model.set_records(actors.all_actors(self.store))
        row = self.model.row_where(lambda a: a.id == wanted) if wanted is not None else -1
        self.list.setCurrentIndex(self.model.index(max(row, 0), 0))
        if self.model.rowCount() == 0:
            self.show_actor(None)

    def _filter(self, text: str) -> None:
        wanted = self.current.id if self.current else None
        self.model.set_filter(text)
        row = self.model.row_where(lambda a: a.id == wanted) if wanted is not None else -1
        self.list.setCurrentIndex(self.model.index(max(row, 0), 0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record = self.model.record(current.row()) if current.isValid() else None
        if record is not None:
            self.show_actor(record)

    def select(self, actor_id: int) -> bool:
        self.filter_edit.clear()
        row = self.model.row_where(lambda a: a.id == actor_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        return row >= 0

    def show_actor(self, actor: ActorRecord | None) -> None:
        """Fill the form with an actor, or blank for a new one."""
        self.current = actor
        self.error.clear()
        self.heading.setText(actor.name if actor else self.tr("New actor"))
        self.name.setText(actor.name if actor else "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(actor.kind if actor else "person")))
        self.side.setCurrentIndex(max(0, self.side.findData(actor.side if actor else None)))
        self.aliases.set_values(actor.aliases if actor else {})
        self.roles_model.set_roles(actor.roles if actor else ())
        count = actors.statement_count(self.store, actor.id) if actor else 0
        self.count.setText(self.tr("%n statement(s) by this actor", "", count) if actor else "")
        self.merge_button.setEnabled(actor is not None)

    def start_new(self) -> None:
        self.list.clearSelection()
        self.show_actor(None)
        self.name.setFocus()

    def _add_role(self) -> None:
        row = self.roles_model.add_role()
        self.roles.edit(self.roles_model.index(row, COL_TITLE))

    # --- changes ---------------------------------------------------------------------------------------------

    def form_values(self) -> dict[str, Any]:
        return {
            "name": " ".join(self.name.text().split()),
            "kind": self.kind.currentData(),
            "side": self.side.currentData(),
            "roles": self.roles_model.roles(),
            "aliases": self.aliases.values(self.current.aliases if self.current else None),
        }

    def save(self) -> None:
        values = self.form_values()
        actor = self.current
        if actor is None:
            self._push(
                self.tr("Add actor {0}").format(values["name"]),
                lambda: actors.add(self.store, **values),
                lambda added: actors.remove(self.store, added.id),
            )
            return
        after = {name: value for name, value in values.items() if value != _comparable(actor, name)}
        if not after:
            self.error.setText(self.tr("Nothing to save."))
            return
        before = {name: actor.fields()[name] for name in after}
        actor_id = actor.id
        self._push(self.tr("Edit actor {0}").format(actor.name),
                   lambda: actors.update(self.store, actor_id, **after),
                   lambda _result: actors.update(self.store, actor_id, **before))  # fmt: skip

    def choose_merge_target(self) -> None:
        if self.current is None:
            return
        others = [a for a in actors.all_actors(self.store) if a.id != self.current.id]
        labels = [self._label(a) for a in others]
        text = self.tr("Merge {0} into which actor? Its statements and names move there.").format(self.current.name)
        chosen, ok = QInputDialog.getItem(self, self.tr("Merge actors"), text, labels, 0, False)
        if ok and chosen in labels:
            self.merge_into(others[labels.index(chosen)].id)

    def merge_into(self, target_id: int) -> None:
        if self.current is None:
            return
        gone, kept = self.current, actors.get(self.store, target_id)
        command = self._push(self.tr("Merge actor {0} into {1}").format(gone.name, kept.name),
                             lambda: actors.merge(self.store, gone.id, kept.id),
                             lambda merge: actors.unmerge(self.store, merge))  # fmt: skip
        if command.succeeded:
            self.reload(kept.id)

    def _push(self, text: str, redo: Any, undo: Any) -> StoreCommand:
        command = StoreCommand(text, redo, undo, self.notifier, "actors")
        self.error.clear()
        self.undo_stack.push(command)
        if command.succeeded and isinstance(command.result, ActorRecord):
            self.reload(command.result.id)
        return command

    def _data_changed(self, subject: str) -> None:
        if subject == "actors" and self.isVisible():
            self.reload()


def _comparable(actor: ActorRecord, name: str) -> Any:
    """The stored value in the form the form gives (aliases as lists), to tell what the user changed."""
    if name == "aliases":
        return {lang: list(values) for lang, values in actor.aliases.items()}
    return actor.fields()[name]
