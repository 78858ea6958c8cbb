"""A guard against a PySide6 6.12 defect on Python 3.11: calling a Qt method that returns nothing (setPen,
setBold, QTextLine.draw ...) drops one reference to None. None starts with about 5,400 references, so a
process dies with "Fatal Python error: none_dealloc" after a few thousand such calls; a long sheet makes far
more. Holding spare references to None keeps its count up. Python 3.12+ makes None immortal (no-op there).

Cost: 8 bytes per leaked call, in steps of TOP_UP. Call `keep_none_alive()` before and between long runs of
Qt calls (each paragraph laid out, each page painted).
"""

from __future__ import annotations

import ctypes
import sys

LOW_WATER = 100_000  # more leaked calls than this between two guard calls would still crash
TOP_UP = 250_000
_spare_references: list[None] = []
# The list itself is never freed, not even at exit: freeing it would give back references that the defect
# already took, and None would be deallocated while the interpreter shuts down.
ctypes.pythonapi.Py_IncRef(ctypes.py_object(_spare_references))


def keep_none_alive() -> None:
    if sys.version_info >= (3, 12):
        return
    if sys.getrefcount(None) < LOW_WATER:
        _spare_references.extend([None] * TOP_UP)
