"""`mockint doctor`: each check, the report's shape and the exit code (fakes for PortAudio)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from mockint.audio import devices
from mockint.commands import doctor
from mockint.errors import MockintError
from mockint.store.migrations import MIGRATIONS


@pytest.fixture
def healthy(monkeypatch: pytest.MonkeyPatch) -> None:
    sd = SimpleNamespace(get_portaudio_version=lambda: (1, "PortAudio V19-fake"))
    monkeypatch.setattr(devices, "load_sounddevice", lambda: sd)
    monkeypatch.setattr(
        devices, "probe_input", lambda device, seconds: devices.Probe("USB Mic", 16000, 0.3, -42.0)
    )


def _run(capsys: pytest.CaptureFixture[str], as_json: bool = False) -> tuple[int, str, str]:
    code = doctor.run(argparse.Namespace(json=as_json))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_all_good_exits_0(healthy: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys)
    assert code == 0 and err == ""
    assert "✓ microphone    USB Mic at 16000 Hz, level -42 dBFS" in out
    assert "✓ PortAudio     PortAudio V19-fake" in out
    for name in ("config", "data root", "recordings", "speech model"):
        assert f"✓ {name}" in out


def test_json_report(healthy: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, as_json=True)
    report = json.loads(out)
    assert code == 0 and report["ok"] is True
    names = [c["name"] for c in report["checks"]]
    assert names[:5] == ["config", "data root", "database", "recordings", "PortAudio"]
    assert {"name", "ok", "detail", "fix", "essential"} <= set(report["checks"][0])


def test_missing_portaudio_fails_with_the_fix(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def missing() -> None:
        raise MockintError(devices.INSTALL_PORTAUDIO)

    monkeypatch.setattr(devices, "load_sounddevice", missing)
    code, out, err = _run(capsys)
    assert code == 2
    assert (
        "✗ PortAudio     PortAudio is not installed: run `sudo apt-get install libportaudio2`"
        in out
    )
    assert "✗ microphone    not checked" in out
    assert err.startswith("mockint: error: essential checks failed: PortAudio, microphone")
    assert len(err.strip().splitlines()) == 1


def test_a_silent_microphone_is_a_warning_not_a_tick(
    healthy: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        devices, "probe_input", lambda device, seconds: devices.Probe("Mic", 48000, 0.3, -100.0)
    )
    code, out, _ = _run(capsys)
    assert code == 0 and "! microphone    Mic at 48000 Hz, level -100 dBFS (silent" in out
    assert "✓ microphone" not in out and "fix: unmute it" in out


def _sqlite_db(version: int) -> Path:
    import sqlite3

    from mockint import paths
    from mockint.store import Store

    Store.open().close()
    conn = sqlite3.connect(paths.db_path())
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    return paths.db_path()


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        ("newer", "was written by a newer mockint (schema 99"),
        ("random", "is damaged"),
        ("truncated", "is damaged"),
    ],
)
def test_a_damaged_or_newer_database_is_a_cross_not_a_tick(
    healthy: None, capsys: pytest.CaptureFixture[str], damage: str, expected: str
) -> None:
    import os

    db = _sqlite_db(99 if damage == "newer" else len(MIGRATIONS))
    if damage == "random":
        db.write_bytes(os.urandom(8192))
    elif damage == "truncated":
        data = db.read_bytes()
        db.write_bytes(data[:100] + os.urandom(len(data) - 100))
    code, out, err = _run(capsys)
    assert code == 2 and "database" in err
    line = next(x for x in out.splitlines() if "database" in x and x[:1] in "✓✗")
    assert line.startswith("✗ database") and expected in line, out


def test_a_healthy_database_is_a_tick(healthy: None, capsys: pytest.CaptureFixture[str]) -> None:
    _sqlite_db(len(MIGRATIONS))
    code, out, _ = _run(capsys)
    assert code == 0 and "✓ database      " in out and "(0 attempts)" in out


def test_a_broken_microphone_fails(
    healthy: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def busy(device: object, seconds: float) -> None:
        raise MockintError("could not open the microphone (Device unavailable): busy")

    monkeypatch.setattr(devices, "probe_input", busy)
    code, out, _ = _run(capsys)
    assert code == 2 and "✗ microphone    could not open the microphone" in out


def test_open_recordings_folder_is_a_warning_with_the_fix(
    healthy: None, mockint_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (mockint_home / "recordings").mkdir(mode=0o755)
    (mockint_home / "recordings").chmod(0o755)
    code, out, _ = _run(capsys)
    assert code == 0
    assert "! recordings" in out and f"fix: chmod 700 {mockint_home / 'recordings'}" in out


def test_a_broken_config_is_reported_not_raised(
    healthy: None, mockint_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (mockint_home / "config.yaml").write_text("audio:\n  nonsense: 1\n")
    code, out, _ = _run(capsys)
    assert code == 2 and "✗ config" in out and "audio.nonsense: unknown setting" in out
