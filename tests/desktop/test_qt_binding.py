"""The Qt binding itself must be sound: PySide6 6.12.0 on Python 3.11 drops a reference to None on every
call of a void method, and a long session (or a long printed sheet) then aborts with none_dealloc.
pyproject.toml excludes that version; this test fails fast, without crashing, if a bad build comes back."""

import sys

from PySide6.QtGui import QFont


def test_void_qt_calls_do_not_leak_references_to_none() -> None:
    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(500):
        font.setBold(True)
    assert sys.getrefcount(None) > before - 100


def test_signal_emit_does_not_leak_references_to_true() -> None:
    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        fired = Signal(int)

    emitter = Emitter()
    before = sys.getrefcount(True)
    for n in range(500):
        emitter.fired.emit(n)
    assert sys.getrefcount(True) > before - 100
