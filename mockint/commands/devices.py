"""`mockint devices`: list microphones (input devices)"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mockint.audio.devices import Device

HELP = "list microphones (input devices)"
DESCRIPTION = """\
List the microphones PortAudio can record from, with the index and name to put in
config.yaml (`audio: {device: NAME-OR-INDEX}`). `*` marks the system default, used when
no device is configured; `>` marks the one mockint will record from.

examples:
  mockint devices"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print as JSON")


def run(args: argparse.Namespace) -> int:
    from mockint.audio.devices import list_input_devices, resolve_device
    from mockint.commands._common import print_json
    from mockint.config import load_config
    from mockint.errors import MockintError

    devices = list_input_devices()
    configured = load_config().audio.device
    chosen: int | None = None
    problem = ""
    if devices:
        try:
            chosen = resolve_device(configured, "input")
        except MockintError as exc:
            problem = str(exc)
    if args.json:
        print_json(
            [{**d.to_dict(), "selected": d.index == chosen} for d in devices],
        )
        return 0
    if not devices:
        raise MockintError(
            "no microphone found: plug one in (or enable it in your sound settings); "
            "PortAudio sees no input devices"
        )
    print(_table(devices, chosen))
    if problem:
        print(f"\naudio.device = {configured!r} in config.yaml: {problem}")
    else:
        print("\n* system default   > used by mockint")
        print('Choose another in config.yaml: audio: {device: "NAME"} (or its index).')
    return 0


def _table(devices: list[Device], chosen: int | None) -> str:
    width = max(len(d.name) for d in devices)
    lines = [f"    {'#':>3}  {'name':<{width}}  {'channels':>8}  {'rate':>8}  host"]
    for d in devices:
        marks = ("*" if d.is_default else " ") + (">" if d.index == chosen else " ")
        rate = f"{d.default_samplerate:.0f} Hz"
        lines.append(
            f"{marks}  {d.index:>3}  {d.name:<{width}}  {d.channels:>8}  {rate:>8}  {d.hostapi}"
        )
    return "\n".join(lines)
