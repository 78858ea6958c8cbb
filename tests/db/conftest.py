from collections.abc import Iterator
from pathlib import Path

import pytest

from db.store import Store


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened
