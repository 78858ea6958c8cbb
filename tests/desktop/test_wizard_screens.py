"""Every wizard page rendered with Russian and Japanese documents, saved as pictures to look at.

POSITIONS_WIZARD_SCREENSHOTS=docs DISPLAY=:97 QT_QPA_PLATFORM=xcb python3 -m pytest tests/desktop/test_wizard_screens.py
writes docs/wizard-1-files.png ... docs/wizard-4-confirm.png (run under Xvfb for real fonts); without the variable
the pictures go to a temporary folder and the test checks that each page painted something.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QImage

from db.store import Store
from desktop.wizard import ImportWizard
from desktop.wizard.wizard import PAGE_CHECK, PAGE_CONFIRM, PAGE_REVIEW
from tests.ingest.test_pipeline import JA_TEXT, RU_TEXT

NAMES = {1: "wizard-1-files.png", 2: "wizard-2-check.png", 3: "wizard-3-review.png", 4: "wizard-4-confirm.png"}


def save(wizard: ImportWizard, folder: Path, page_id: int) -> Path:
    path = folder / NAMES[page_id]
    assert wizard.grab().save(str(path))
    return path


def test_screenshots_of_every_page(qtbot, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = Path(os.environ.get("POSITIONS_WIZARD_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    ru = tmp_path / "лавров-мирный-договор.txt"
    title, body = RU_TEXT.split("\n\n", 1)
    ru.write_bytes(f"{title}\n\n14 ноября 2018 г.\n\n{body}".encode("cp1251"))
    title, body = JA_TEXT.split("\n\n", 1)
    ja = tmp_path / "河野外相.txt"
    ja.write_bytes(f"{title}\n\n2018年1月15日\n\n{body}".encode("cp932"))
    with Store.open(db_path) as store:
        wizard = ImportWizard(store, None, [ru, ja])
        wizard.confirm_discard = lambda: True  # type: ignore[method-assign]  # closed below without a question
        qtbot.addWidget(wizard)
        wizard.resize(1180, 720)
        wizard.show()
        qtbot.waitExposed(wizard)
        shots = [save(wizard, folder, 1)]

        wizard.next()
        assert wizard.currentId() == PAGE_CHECK
        qtbot.waitUntil(lambda: wizard.currentPage().isComplete(), timeout=60_000)
        wizard.currentPage().file_list.setCurrentRow(1)
        shots.append(save(wizard, folder, 2))

        wizard.next()
        assert wizard.currentId() == PAGE_REVIEW
        review = wizard.currentPage()
        review.file_box.setCurrentIndex(0)
        review.table.selectRow(0)
        shots.append(save(wizard, folder, 3))

        wizard.next()
        assert wizard.currentId() == PAGE_CONFIRM
        shots.append(save(wizard, folder, 4))
        wizard.reject()

    for shot in shots:
        image = QImage(str(shot))
        assert image.width() >= 1000 and image.height() >= 600
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(colours) > 20, f"{shot.name} looks blank"
