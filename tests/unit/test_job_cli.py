"""`mockint job` through the real command line entry point, in a temporary data root."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from mockint import cli, paths
from mockint.banks import load_bank_file, load_catalog
from tests.conftest import FIXTURES

POSTING = FIXTURES / "postings" / "staff-nurse.txt"
Capsys = pytest.CaptureFixture[str]


def test_writes_a_bank_that_loads(capsys: Capsys) -> None:
    assert cli.main(["job", str(POSTING)]) == 0
    out = capsys.readouterr().out
    path = paths.user_banks_dir() / "job-staff-nurse-surgical-ward.yaml"
    assert f"Wrote {path}." in out
    assert "Role: Staff Nurse – Surgical Ward" in out
    assert "The posting asks for: 6 duties, 2 skills, 4 values, 1 requirement." in out
    assert (
        "Requirements: say you meet them (no story needed):\n  requirement 1: NMC registration"
        in out
    )
    bank = load_bank_file(path, user=True)
    assert bank.field == "healthcare"
    assert bank.id in [b.id for b in load_catalog().banks]
    assert f"Practise the set: mockint practice --job {bank.id}" in out
    assert "Field: healthcare" in out


def test_json_names_what_each_question_practises(capsys: Capsys) -> None:
    assert cli.main(["job", str(POSTING), "--json", "--dry-run"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["role"] == "Staff Nurse – Surgical Ward"
    assert data["field"] == "healthcare"
    assert data["saved"] is False
    assert data["bank_path"] is None
    made = [q for q in data["questions"] if q["generated"]]
    assert made and all(q["practises"] for q in data["questions"])
    labels = {label for q in data["questions"] for label in q["practises"]}
    uncovered = {f"{i['kind']} {i['number']}" for i in data["uncovered"]}
    assert labels | uncovered == {f"{i['kind']} {i['number']}" for i in data["items"]}
    assert not paths.user_banks_dir().exists() or not list(paths.user_banks_dir().iterdir())


def test_second_run_keeps_the_users_bank(capsys: Capsys) -> None:
    assert cli.main(["job", str(POSTING)]) == 0
    path = paths.user_banks_dir() / "job-staff-nurse-surgical-ward.yaml"
    path.write_text(path.read_text() + "# my notes\n")
    capsys.readouterr()
    assert cli.main(["job", str(POSTING)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mockint: error: ") and "already exists" in err
    assert "job-staff-nurse-surgical-ward" in err
    assert len(err.strip().splitlines()) == 1
    assert path.read_text().endswith("# my notes\n")
    assert cli.main(["job", str(POSTING), "--force"]) == 0
    assert not path.read_text().endswith("# my notes\n")
    assert cli.main(["job", str(POSTING), "--name", "st-annes"]) == 0
    assert (paths.user_banks_dir() / "job-st-annes.yaml").exists()


def test_posting_from_stdin(monkeypatch: pytest.MonkeyPatch, capsys: Capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(POSTING.read_text()))
    assert cli.main(["job", "-", "--dry-run"]) == 0
    assert "Dry run: nothing was written." in capsys.readouterr().out


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d, "is a folder"),
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: _write(d / "bin.txt", b"\xff\xfe\x00bad"), "not UTF-8"),
        (lambda d: _write(d / "empty.txt", b"Hello there\n"), "found no duties"),
    ],
)
def test_bad_postings(tmp_path: Path, capsys: Capsys, make: object, message: str) -> None:
    target = make(tmp_path)  # type: ignore[operator]
    assert cli.main(["job", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mockint: error: ") and message in err
    assert len(err.strip().splitlines()) == 1


def test_fifo_is_refused_without_hanging(tmp_path: Path, capsys: Capsys) -> None:
    import os

    fifo = tmp_path / "posting"
    os.mkfifo(fifo)
    assert cli.main(["job", str(fifo)]) == 2
    assert "not a regular file" in capsys.readouterr().err


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_jobs_are_listed_with_their_interview(capsys: Capsys) -> None:
    assert cli.main(["job", "--list"]) == 0
    assert "No jobs yet" in capsys.readouterr().out
    assert cli.main(["job", str(POSTING), "--interview", "2099-01-12"]) == 0
    assert "Interview on Mon 12 Jan 2099" in capsys.readouterr().out
    assert cli.main(["job", "--list", "--json"]) == 0
    (job,) = json.loads(capsys.readouterr().out)["jobs"]
    assert job["name"] == "job-staff-nurse-surgical-ward"
    assert job["interview_date"] == "2099-01-12"
    assert job["field"] == "healthcare"
    assert len(job["questions"]) >= 5


def test_every_part_covered_still_keeps_the_job(capsys: Capsys) -> None:
    """A posting the bundled banks cover whole writes no bank, yet the job is kept."""
    posting = FIXTURES / "postings" / "store-manager.txt"
    assert cli.main(["job", str(posting), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["saved"] is True
    assert cli.main(["job", "--list", "--json"]) == 0
    names = [j["name"] for j in json.loads(capsys.readouterr().out)["jobs"]]
    assert data["name"] in names


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["job"], "give the posting"),
        (["job", "--list", "x.txt"], "--list takes no posting"),
        (["job", str(POSTING), "--interview", "2001-01-01"], "already passed"),
        (["job", str(POSTING), "--interview", "soonish"], "is not a date"),
        (["practice", "--job", "job-nope"], "no job named 'job-nope'"),
    ],
)
def test_bad_job_arguments(capsys: Capsys, args: list[str], message: str) -> None:
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("mockint: error: ") and message in err


def test_real_style_posting_end_to_end(capsys: Capsys) -> None:
    """An ICU posting as hospitals write it (duties in the third person under "ESSENTIAL
    FUNCTIONS", a requirements list, benefits and EEO text): duties become practice,
    requirements are listed to state, the rest is left out."""
    posting = Path(__file__).parent.parent / "data" / "postings" / "icu-nurse.txt"
    assert cli.main(["job", str(posting)]) == 0
    out = capsys.readouterr().out
    assert "The posting asks for: 9 duties, 0 skills, 0 values, 7 requirements." in out
    practice, _, stated = out.partition("Requirements: say you meet them (no story needed):\n")
    assert "  requirement 4: BLS and ACLS certification required" in stated
    assert "Not practised by any question yet" not in out
    bank = load_bank_file(paths.user_banks_dir() / "job-staff-rn-medical-intensive.yaml", user=True)
    assert bank.field == "healthcare"
    made = [q.text for q in bank.questions]
    assert "Tell me about a time you monitored hemodynamic status" in " ".join(made)
    bundled = [line for line in practice.splitlines() if line.startswith("      nurse-")]
    assert len(bundled) >= 3
    for word in ("licen", "certif", "years", "lbs", "bonus", "403(b)", "equal opportunity"):
        assert word not in practice.lower(), word
