"""Fixtures of the `nlp serve` tests: an app over a fresh archive (analysis in a thread), and its client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from webclient import Client


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[Client]:
    pytest.importorskip("fastapi", reason="the serve extra is not installed: pip install -e '.[serve]'")
    from nlp.serve.app import create_app

    app = create_app(tmp_path / "archive.sqlite", who="测试员", processes=0)
    with Client(app) as c:
        yield c
