"""Device listing, choice and PortAudio errors, with a fake sounddevice module."""

from __future__ import annotations

import argparse
import json
from types import SimpleNamespace
from typing import Any

import pytest

from mockint.audio import devices
from mockint.commands import devices as devices_command
from mockint.errors import MockintError


class PortAudioError(Exception):
    pass


def fake_sd(infos: list[dict[str, Any]], default: tuple[int, int] = (1, 1)) -> SimpleNamespace:
    def query_devices(index: int | None = None, kind: str | None = None) -> Any:
        if index is not None:
            return infos[index]
        return infos

    return SimpleNamespace(
        PortAudioError=PortAudioError,
        query_devices=query_devices,
        query_hostapis=lambda index: {"name": "ALSA"},
        default=SimpleNamespace(device=list(default)),
    )


def _info(index: int, name: str, inputs: int = 2, outputs: int = 2) -> dict[str, Any]:
    return {
        "index": index,
        "name": name,
        "max_input_channels": inputs,
        "max_output_channels": outputs,
        "default_samplerate": 44100.0,
        "hostapi": 0,
    }


DEVICES = [
    _info(0, "HDA Intel PCH: ALC257 Analog"),
    _info(1, "USB Headset Mic"),
    _info(2, "HDMI Output", inputs=0),
    _info(3, "pulse"),
    _info(4, "USB Camera Mic", outputs=0),
]


@pytest.fixture
def sd(monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    module = fake_sd(DEVICES)
    monkeypatch.setattr(devices, "load_sounddevice", lambda: module)
    return module


def test_lists_only_inputs_default_first(sd: SimpleNamespace) -> None:
    found = devices.list_input_devices()
    assert [d.index for d in found] == [1, 0, 3, 4]
    assert found[0].is_default and found[0].name == "USB Headset Mic"
    assert found[0].hostapi == "ALSA" and found[0].channels == 2


@pytest.mark.parametrize(
    ("spec", "index"),
    [
        (None, 1),
        ("", 1),
        ("default", 1),
        (3, 3),
        ("4", 4),
        ("pulse", 3),
        ("PULSE", 3),
        ("alc257", 0),
        ("headset", 1),
        ("camera", 4),
    ],
)
def test_resolve_device(sd: SimpleNamespace, spec: str | int | None, index: int) -> None:
    assert devices.resolve_device(spec) == index


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("nope", "no microphone named 'nope': choose one of 1: USB Headset Mic"),
        (2, "no microphone with index 2"),  # an output-only device
        (99, "no microphone with index 99"),
        ("usb", "ambiguous"),
    ],
)
def test_unknown_devices_list_the_choices(sd: SimpleNamespace, spec: Any, message: str) -> None:
    with pytest.raises(MockintError, match=message) as exc:
        devices.resolve_device(spec)
    assert "\n" not in str(exc.value)


def test_resolve_output_devices(sd: SimpleNamespace) -> None:
    assert devices.resolve_device("hdmi", "output") == 2
    with pytest.raises(MockintError, match="no audio output named"):
        devices.resolve_device("camera", "output")


def test_no_microphone_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    module = fake_sd([_info(0, "HDMI", inputs=0)], default=(-1, 0))
    monkeypatch.setattr(devices, "load_sounddevice", lambda: module)
    assert devices.list_input_devices() == []
    with pytest.raises(MockintError, match=r"no microphone found.*mockint devices"):
        devices.resolve_device(None)


@pytest.mark.parametrize("error", [OSError("PortAudio library not found"), ImportError("x")])
def test_missing_portaudio_names_the_fix(monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    def fail(name: str) -> None:
        raise error

    monkeypatch.setattr(devices.importlib, "import_module", fail)
    with pytest.raises(MockintError) as exc:
        devices.load_sounddevice()
    message = str(exc.value)
    assert ("libportaudio2" in message) if isinstance(error, OSError) else ("make run" in message)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("Error opening InputStream: Device unavailable [PaErrorCode -9985]", "busy"),
        ("Error opening InputStream: Invalid number of channels [PaErrorCode -9998]", "mono"),
        ("Error opening InputStream: Invalid sample rate [PaErrorCode -9997]", "sample rate"),
        ("Error starting stream: Unanticipated host error [PaErrorCode -9999]", "devices"),
    ],
)
def test_portaudio_errors_become_one_line_with_a_fix(text: str, hint: str) -> None:
    error = devices.portaudio_error(PortAudioError(text), "open the microphone")
    message = str(error)
    assert message.startswith("could not open the microphone (")
    assert hint in message and "mockint devices" in message and "\n" not in message


def test_devices_command_json(sd: SimpleNamespace, capsys: pytest.CaptureFixture[str]) -> None:
    assert devices_command.run(argparse.Namespace(json=True)) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [d["index"] for d in listed] == [1, 0, 3, 4]
    assert listed[0]["selected"] and not listed[1]["selected"]
    assert set(listed[0]) >= {"index", "name", "channels", "default_samplerate", "is_default"}


def test_devices_command_table_marks_default_and_configured(
    sd: SimpleNamespace, capsys: pytest.CaptureFixture[str], mockint_home: Any
) -> None:
    (mockint_home / "config.yaml").write_text("audio:\n  device: pulse\n")
    assert devices_command.run(argparse.Namespace(json=False)) == 0
    out = capsys.readouterr().out
    rows = out.splitlines()
    assert any(line.startswith("* ") and "USB Headset Mic" in line for line in rows)
    assert any(line.startswith(" >") and "pulse" in line for line in rows)


def test_devices_command_with_a_wrong_configured_device(
    sd: SimpleNamespace, capsys: pytest.CaptureFixture[str], mockint_home: Any
) -> None:
    (mockint_home / "config.yaml").write_text("audio:\n  device: nope\n")
    assert devices_command.run(argparse.Namespace(json=False)) == 0
    assert "audio.device = 'nope' in config.yaml: no microphone named" in capsys.readouterr().out


def test_devices_command_without_microphones(monkeypatch: pytest.MonkeyPatch) -> None:
    module = fake_sd([_info(0, "HDMI", inputs=0)], default=(-1, 0))
    monkeypatch.setattr(devices, "load_sounddevice", lambda: module)
    with pytest.raises(MockintError, match="no microphone found"):
        devices_command.run(argparse.Namespace(json=False))
