"""`mockint doctor`: check microphone, speech model and data root"""

from __future__ import annotations

import argparse
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mockint.config import Config

HELP = "check microphone, speech model and data root"
DESCRIPTION = """\
Check that everything mockint needs works here: the data folder, PortAudio and the
microphone (a 0.3 s test recording), the speech model, and espeak-ng (optional, to read
questions aloud). Each line says ✓ or ✗ and, when something is wrong, how to fix it.
Exit code 0 when every essential check passes, 2 otherwise.

examples:
  mockint doctor         before the first practice, or when recording fails
  mockint doctor --json  the same checks, for a bug report"""


@dataclass
class Check:
    """One line of the report."""

    name: str
    ok: bool
    detail: str
    fix: str = ""
    essential: bool = True
    checked: bool = True
    """False when the check could not run; not a failure. Every check runs today; the field
    stays because `mockint doctor --json` has always carried it."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print as JSON")


def run(args: argparse.Namespace) -> int:
    from mockint.commands._common import print_json

    checks = run_checks()
    failed = [c for c in checks if c.essential and not c.ok]
    if args.json:
        print_json({"ok": not failed, "checks": [asdict(c) for c in checks]})
    else:
        for check in checks:
            print(_line(check))
    if failed:
        names = ", ".join(c.name for c in failed)
        print(f"mockint: error: essential checks failed: {names}", file=sys.stderr)
        return 2
    return 0


def run_checks() -> list[Check]:
    """Every check, in the order they are shown; none raises."""
    config, config_check = _config()
    checks = [config_check, _data_root(), _database(), _recordings()]
    portaudio = _portaudio()
    checks.append(portaudio)
    if portaudio.ok:
        checks.append(_microphone(config))
    else:
        checks.append(Check("microphone", False, "not checked: PortAudio is missing"))
    checks += [_speech_model(config), _espeak()]
    return checks


def _guard(name: str, body: Callable[[], Check]) -> Check:
    from mockint.errors import MockintError

    try:
        return body()
    except MockintError as exc:
        return Check(name, False, str(exc))


def _config() -> tuple[Config, Check]:
    from mockint import paths
    from mockint.config import Config, load_config
    from mockint.errors import MockintError

    path = paths.config_path()
    try:
        config = load_config()
    except MockintError as exc:
        fix = "correct it, or move it aside to use the defaults"
        return Config(), Check("config", False, str(exc), fix)
    detail = str(path) if path.is_file() else f"defaults (no {path})"
    return config, Check("config", True, detail)


def _data_root() -> Check:
    from mockint import paths

    root = paths.data_root()
    try:
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=root, prefix=".doctor-"):
            pass
    except OSError as exc:
        fix = f"make {root} writable, or set MOCKINT_HOME to a folder you own"
        return Check("data root", False, f"{root}: not writable ({exc.strerror})", fix)
    return Check("data root", True, f"{root} (writable)")


def _database() -> Check:
    """Read the database without changing it: damaged, or written by a newer mockint, fails
    (every command would refuse it); an older one is upgraded on its next use."""
    import sqlite3

    from mockint import paths
    from mockint.store.migrations import MIGRATIONS

    db = paths.db_path()
    if not db.exists():
        return Check("database", True, f"{db} (created on first use)")
    if not db.is_file():
        return Check("database", False, f"{db} is not a file", f"move {db} aside")
    broken = f"mv {db} {db}.broken (mockint starts a new one; recordings stay)"
    known = len(MIGRATIONS)
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            verdict = str(conn.execute("PRAGMA quick_check").fetchone()[0])
            if version > known or verdict != "ok":
                attempts = 0
            else:
                attempts = int(conn.execute("SELECT count(*) FROM attempts").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error as exc:
        what = "not a mockint database" if "no such table" in str(exc) else "damaged"
        return Check("database", False, f"{db} is {what} ({exc})", broken)
    if verdict != "ok":
        return Check("database", False, f"{db} is damaged ({verdict[:80]})", broken)
    if version > known:
        detail = f"{db} was written by a newer mockint (schema {version}, this one knows {known})"
        return Check("database", False, detail, "upgrade mockint")
    upgrade = "" if version == known else f", schema {version}: upgraded on next use"
    return Check("database", True, f"{db} ({attempts} attempts{upgrade})")


def _recordings() -> Check:
    from mockint import paths

    folder = paths.recordings_dir()
    if not folder.exists():
        return Check("recordings", True, f"{folder} (created, private, on first recording)")
    mode = stat.S_IMODE(folder.stat().st_mode)
    if mode & 0o077:
        return Check(
            "recordings",
            False,
            f"{folder} is readable by others (mode {mode:04o})",
            fix=f"chmod 700 {folder}",
            essential=False,
        )
    return Check("recordings", True, f"{folder} (private, mode {mode:04o})")


def _portaudio() -> Check:
    from mockint.audio.devices import load_sounddevice
    from mockint.errors import MockintError

    try:
        sd = load_sounddevice()
    except MockintError as exc:
        return Check("PortAudio", False, str(exc))
    return Check("PortAudio", True, str(sd.get_portaudio_version()[1]))


def _microphone(config: Config) -> Check:
    def body() -> Check:
        from mockint.audio.devices import probe_input

        probe = probe_input(config.audio.device, seconds=0.3)
        detail = f"{probe.device} at {probe.samplerate} Hz, level {probe.level_dbfs:.0f} dBFS"
        if probe.level_dbfs <= -90:
            # It opens, so recording works; but nothing reaches it: a warning, not a pass.
            return Check(
                "microphone",
                False,
                detail + " (silent: muted, or the wrong device?)",
                fix="unmute it, or pick another with `mockint devices` (audio.device)",
                essential=False,
            )
        return Check("microphone", True, detail)

    return _guard("microphone", body)


def _speech_model(config: Config) -> Check:
    def body() -> Check:
        from mockint.speech.transcriber import resolve_model_path  # deferred: numpy

        path = Path(resolve_model_path(config.speech))
        if not path.is_dir():
            return Check("speech model", False, f"{path} is missing", "reinstall mockint")
        return Check("speech model", True, str(path))

    return _guard("speech model", body)


def _espeak() -> Check:
    exe = shutil.which("espeak-ng") or shutil.which("espeak")
    if exe:
        return Check("espeak-ng", True, f"{exe} (questions can be read aloud)", essential=False)
    return Check(
        "espeak-ng",
        False,
        "not installed (optional: reads questions aloud)",
        fix="sudo apt-get install espeak-ng",
        essential=False,
    )


def _line(check: Check) -> str:
    mark = "✓" if check.ok else ("✗" if check.essential else "!")
    if not check.checked:
        mark = "-"
    line = f"{mark} {check.name:<13} {check.detail}"
    if check.fix and not check.ok:
        line += f"\n  {'':<13} fix: {check.fix}"
    return line
