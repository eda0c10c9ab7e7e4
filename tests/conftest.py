"""Every test runs against its own temporary data root (MOCKINT_HOME)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def mockint_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("mockint_home")
    monkeypatch.setenv("MOCKINT_HOME", str(home))
    # Never reach the network, even by accident (faster-whisper / huggingface_hub).
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    yield home


FIXTURES = Path(__file__).parent / "fixtures"
