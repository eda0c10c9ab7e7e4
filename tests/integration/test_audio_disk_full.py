"""Issue 16, case 5, through real PortAudio: recording onto a disk that fills up (a 64 KB
tmpfs in a private mount namespace) stops at once, says why, and keeps what was written."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.integration.fixtures_audio import NullSink

pytestmark = pytest.mark.audio

_SCRIPT = """
import json, sys, time
from pathlib import Path
import soundfile
from mockint.audio.recorder import Recorder, partial_path
from mockint.errors import MockintError
path = Path(sys.argv[1]) / "2026-01-01" / "1.flac"
recorder = Recorder(path)
recorder.start()
waited = 0.0
while recorder.problem is None and waited < 20:
    time.sleep(0.05)
    waited += 0.05
result = {"problem": recorder.problem, "recording": recorder.is_recording}
try:
    recorder.stop()
    result["stop"] = "no error"
except MockintError as exc:
    result["stop"] = str(exc)
kept = path if path.exists() else partial_path(path)
result["kept_s"] = soundfile.info(str(kept)).duration
print(json.dumps(result))
"""


def test_a_disk_filling_up_stops_the_recording_and_keeps_the_audio(
    null_sink: NullSink, tmp_path: Path
) -> None:
    if subprocess.run(["unshare", "-m", "true"], check=False).returncode != 0:
        pytest.skip("needs mount namespaces (unshare -m) for a small tmpfs")
    disk = tmp_path / "disk"
    disk.mkdir()
    script = tmp_path / "record.py"
    script.write_text(textwrap.dedent(_SCRIPT))
    shell = f"mount -t tmpfs -o size=64k none {disk} && {sys.executable} {script} {disk}"
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", shell],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["problem"] and "disk is full" in result["problem"]
    assert result["recording"] is False
    assert "disk is full" in result["stop"] and "kept" in result["stop"]
    assert result["kept_s"] > 0.5  # what was said before the disk filled is still there
