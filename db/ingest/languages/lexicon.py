"""Word lists of the language packs, kept as data in `resources/languages/<code>/` so that a linguist can extend
a language without reading the algorithms that use them."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


@functools.cache
def _read(code: str, file_name: str) -> dict[str, Any]:
    path = resources.files("resources").joinpath("languages", code, file_name)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def words(code: str, file_name: str, key: str) -> tuple[str, ...]:
    """The list `key` of `resources/languages/<code>/<file_name>`."""
    return tuple(_read(code, file_name)[key])


def table(code: str, file_name: str, key: str) -> dict[str, Any]:
    """The mapping `key` of `resources/languages/<code>/<file_name>`."""
    return dict(_read(code, file_name)[key])
