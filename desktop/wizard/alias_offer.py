"""After a speaker is corrected in review: offer to add the spelling the text used as an alias of that actor,
so the next import finds the speaker by itself. A bar above the table, never a modal question.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from db import actors
from db.errors import NotFoundError, ValidationError
from db.ingest.document import Candidate
from db.ingest.gazetteer import Gazetteer, fold
from db.store import Store

LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "ja": "Japanese"}


def spelling_to_offer(corrected: Candidate, gazetteer: Gazetteer) -> str | None:
    """The text's spelling of the speaker when it is worth adding: a name the chosen actor lacks, not a title or
    a pronoun written in lower case ("the minister", "он"), not a name of another actor."""
    spelling = " ".join(corrected.speaker_as_written.split())
    actor = gazetteer.actor(corrected.actor_key or "")
    if actor is None or len(spelling) < 2 or spelling[0].islower():
        return None
    if fold(spelling) in {fold(name) for name in actor.all_aliases()}:
        return None
    if gazetteer.by_alias(spelling):  # it names someone else ("Россия", "the Japanese side")
        return None
    return spelling


class AliasOffer(QFrame):
    added = Signal(str)  # the spelling, after it was saved

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aliasOffer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add the alias"), self)
        self.no_button = QPushButton(self.tr("No, thanks"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.add_button)
        layout.addWidget(self.no_button)
        self.add_button.clicked.connect(self.accept)
        self.no_button.clicked.connect(self.hide)
        self._pending: tuple[Store, str, str, str] | None = None
        self.hide()

    def offer(self, store: Store, actor_key: str, actor_name: str, spelling: str, language: str) -> None:
        self._pending = (store, actor_key, spelling, language)
        language_name = self.tr(LANGUAGE_NAMES.get(language, language))
        text = self.tr("The text writes “{0}”. Add it to the {1} aliases of {2}, so that the next import finds this "
                       "speaker by itself?")  # fmt: skip
        self.message.setText(text.format(spelling, language_name, actor_name))
        self.add_button.setEnabled(True)
        self.show()

    def accept(self) -> None:
        if self._pending is None:
            return
        store, key, spelling, language = self._pending
        try:
            actors.add_alias(store, actors.find_by_key(store, key).id, spelling, language)
        except (NotFoundError, ValidationError) as exc:
            self.message.setText(str(exc))
            return
        self._pending = None
        self.message.setText(self.tr("Added “{0}”. You can change aliases in Edit > Actors.").format(spelling))
        self.add_button.setEnabled(False)
        self.added.emit(spelling)
