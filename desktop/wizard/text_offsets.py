"""Python string indices <-> Qt text positions.

Qt counts UTF-16 code units, Python counts code points: they differ after any character outside the Basic
Multilingual Plane (rare kanji such as 𠮷, emoji). Candidate offsets are Python indices into the document text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class TextOffsets:
    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []
        # the Qt position right after each astral character, for the way back
        self._astral_qt_ends = [i + n + 2 for n, i in enumerate(self._astral)]

    def to_qt(self, index: int) -> int:
        return index + bisect_left(self._astral, index)

    def from_qt(self, position: int) -> int:
        return position - bisect_right(self._astral_qt_ends, position)
