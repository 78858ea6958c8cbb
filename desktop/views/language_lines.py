"""Names or keywords in English, Russian and Japanese: three plain-text boxes, one entry per line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QFormLayout, QPlainTextEdit, QWidget

LANGUAGE_NAMES = (("en", "English"), ("ru", "Русский"), ("ja", "日本語"))


class LanguageLines(QWidget):
    def __init__(self, placeholder: str, parent: QWidget | None = None, height: int = 64) -> None:
        super().__init__(parent)
        self.edits: dict[str, QPlainTextEdit] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for code, name in LANGUAGE_NAMES:
            edit = QPlainTextEdit(self)
            edit.setPlaceholderText(placeholder)
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(height)
            edit.setObjectName(f"lines_{code}")
            self.edits[code] = edit
            form.addRow(name, edit)

    def set_values(self, values: Mapping[str, Sequence[str]]) -> None:
        for code, edit in self.edits.items():
            edit.setPlainText("\n".join(values.get(code, ())))

    def values(self, keep: Mapping[str, Sequence[str]] | None = None) -> dict[str, list[str]]:
        """One entry per non-empty line; languages other than the three shown are kept as they were."""
        found = {code: list(other) for code, other in (keep or {}).items() if code not in self.edits}
        for code, edit in self.edits.items():
            lines = [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]
            if lines:
                found[code] = lines
        return found
