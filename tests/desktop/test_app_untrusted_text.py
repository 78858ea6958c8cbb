"""Imported text is plain text in every widget: markup shows as the characters it is made of."""

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from db import sources
from db.ingest.document import Document
from db.store import Store
from desktop.models.search_results_model import SPANS_ROLE
from desktop.views.search_panel import snippet
from desktop.views.source_viewer import SourceViewer
from tests.desktop.test_app_support import add_statement, build_database, open_window, show_issue

HOSTILE = '<b>x</b><img src="file:///etc/passwd">'
SPEAKER = "<i>Agent</i> &amp; co"


def hostile_database(path: Path) -> str:
    build_database(path)
    text = f"Preamble paragraph. The spokesman said {HOSTILE} and left. Closing words."
    with Store.open(path) as store:
        source_id = sources.add_source(
            store,
            Document(file_name="hostile.html", sha256=hashlib.sha256(text.encode()).hexdigest(), format="html",
                     encoding="utf-8", language="en", text=text, title="<script>alert(1)</script>"),
        )  # fmt: skip
        start = text.index(HOSTILE)
        return add_statement(store, side="russia", issue="fisheries", said_on="2021-05-05", quote=HOSTILE,
                             speaker=SPEAKER, source_id=source_id, start=start, end=start + len(HOSTILE))  # fmt: skip


def has_image(document: QTextDocument) -> bool:
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            if it.fragment().charFormat().isImageFormat():
                return True
            it += 1
        block = block.next()
    return False


def assert_labels_plain(root) -> None:
    for label in root.findChildren(QLabel):
        if "<" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName() or label.text()


def test_markup_in_a_quote_is_shown_literally_everywhere(qtbot: QtBot, db_path: Path) -> None:
    uid = hostile_database(db_path)
    window = open_window(qtbot, db_path)
    show_issue(qtbot, window, "fisheries")

    # the card: the delegate paints exactly these characters, with plain drawText
    view = window.comparison
    card = window.comparison_model.cell(0, 0).statements[0]
    assert card.quote == HOSTILE and card.speaker == SPEAKER
    assert "".join(view.card_delegate.quote_lines(card.quote, 2000)) == HOSTILE
    assert not view.grab().isNull()

    # the details pane
    view.select(0, 0, 0)
    details = window.details
    assert details.quote.toPlainText() == HOSTILE
    assert details.speaker.text() == SPEAKER
    assert SPEAKER in details.heading.text()
    assert "<script>" in details.facts.text()
    assert details.passage.text.toPlainText().count(HOSTILE) == 1
    assert not has_image(details.passage.text.document()) and not has_image(details.quote.document())
    assert_labels_plain(window)

    # search results
    window.search.query.setText("passwd")
    with qtbot.waitSignal(window.search.finished, timeout=10_000):
        window.search.run()
    model = window.search.model
    assert model.rowCount() == 1 and model.index(0, 0).data() == HOSTILE
    piece, spans = snippet(HOSTILE, model.index(0, 0).data(SPANS_ROLE))
    assert piece == HOSTILE and [piece[s:e] for s, e in spans] == ["passwd"]
    assert not window.search.results.grab().isNull()

    # the whole-source viewer
    with Store.open(db_path) as store:
        source = sources.get(store, window.details.statement.source.id)
    viewer = SourceViewer(source, window.details.statement, window)
    qtbot.addWidget(viewer)
    assert viewer.text.toPlainText() == source.text
    document = viewer.text.document()
    assert "&lt;img" in document.toHtml() and "<img" not in document.toHtml()
    assert not has_image(document)
    assert "<script>" in viewer.windowTitle()
    assert_labels_plain(viewer)
    selections = viewer.text.extraSelections()
    assert QTextCursor(selections[0].cursor).selectedText() == HOSTILE
    assert uid == window.details.statement.uid
