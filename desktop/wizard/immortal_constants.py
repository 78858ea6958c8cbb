"""Work around a PySide6 6.12 defect on Python 3.11: `Signal.emit()` returns True without a new reference, and
Qt methods returning nothing drop one reference to None. Each call takes one reference from the constant;
True starts with a few hundred, so a job that reports progress a few hundred times kills the process with
"Fatal Python error: bool_dealloc". Python 3.12 makes these constants immortal; here we do the same by giving
them a reference count no program can use up. One addition at import, no memory cost; a no-op on 3.12+.
"""

from __future__ import annotations

import ctypes
import sys

_SPARE = 1 << 40


def make_constants_immortal() -> None:
    if sys.version_info >= (3, 12):
        return
    for constant in (True, False, None):
        count = ctypes.c_ssize_t.from_address(id(constant))
        if count.value < _SPARE:
            count.value += _SPARE


make_constants_immortal()
