"""Python string indices <-> Qt text positions.

Qt counts UTF-16 code units, Python counts code points: they differ after any character outside the Basic
Multilingual Plane (rare kanji such as 𠮷, emoji). Candidate offsets are Python indices into the document text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class TextOffsets:
    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]  # a regex scan: fast on a 50 MB text
        # the Qt position right after each astral character, for the way back
        self._astral_qt_ends = [i + n + 2 for n, i in enumerate(self._astral)]

    def to_qt(self, index: int) -> int:
        return index + bisect_left(self._astral, index)

    def from_qt(self, position: int) -> int:
        return position - bisect_right(self._astral_qt_ends, position)
