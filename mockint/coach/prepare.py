"""The Coach's calls for the next interview: a job posting's practice set, and the user's
field of work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from mockint import paths
from mockint.clock import utc
from mockint.coach.base import CoachBase
from mockint.errors import MockintError
from mockint.models import Question
from mockint.practice import jobs as practice_jobs
from mockint.practice.jobs import Job
from mockint.prep.bankfile import bank_document, dump, write_bank
from mockint.prep.jobset import PracticeSet, build_set, slug
from mockint.prep.posting import Posting


@dataclass(frozen=True)
class PreparedJob:
    practice: PracticeSet
    job: Job
    bank_path: Path | None
    """The job's own bank file, or None when every part is practised by bundled questions
    (or on a dry run)."""


class Prepare(CoachBase):
    def prepare_job(
        self,
        posting: Posting,
        *,
        name: str | None = None,
        interview: date | None = None,
        replace: bool = False,
        dry_run: bool = False,
        now: datetime | None = None,
    ) -> PreparedJob:
        """Build the posting's practice set; unless ``dry_run``, write the job's own bank
        (questions made from the posting) and keep the job, so `practice --job` and the
        daily plan can use it. Nothing the user made is replaced unless ``replace``."""
        base = slug(name or posting.role or posting.company or "posting", 4)
        bank_id = base if base.startswith("job-") else f"job-{base}"
        practice = build_set(posting, self.catalog.banks, bank_id=bank_id)
        job = Job(
            name=bank_id,
            role=posting.role,
            company=posting.company,
            field=practice.field,
            question_ids=tuple(p.question.id for p in practice.questions),
            interview_date=interview,
            created=utc(now),
        )
        path = paths.user_banks_dir() / f"{bank_id}.yaml"
        written = None
        if not dry_run:
            with self._locked() as store:
                existing = {j.name for j in practice_jobs.jobs(store)}
            if bank_id in existing and not replace:
                raise MockintError(
                    f"a job named {bank_id!r} already exists (use --force to replace it, or "
                    "--name to keep both)"
                )
            if practice.generated:
                title = f"Job: {posting.role or bank_id}"
                about = f"Questions made from the posting for {posting.role or 'this job'}"
                about += f" at {posting.company}." if posting.company else "."
                header = "# Made by `mockint job` from a job posting. Yours to edit.\n"
                doc = bank_document(bank_id, title, about, practice.generated, field=job.field)
                write_bank(path, dump(doc, header=header), replace=replace)
                written = path
                self.reload_catalog()
            with self._locked() as store:
                practice_jobs.save_job(store, job)
        return PreparedJob(practice, job, written)

    def jobs(self) -> list[Job]:
        with self._locked() as store:
            return practice_jobs.jobs(store)

    def job_questions(self, name: str) -> list[Question]:
        """The job's practice set as questions (those still in the banks), in order."""
        with self._locked() as store:
            job = practice_jobs.get_job(store, name)
        found = {q.id: q for q in self.catalog.questions()}
        return [found[q] for q in job.question_ids if q in found]

    def field(self) -> str:
        """The user's field: config.yaml's ``practice.field``, else their choice in the app."""
        if self.config.practice.field:
            return self.config.practice.field
        with self._locked() as store:
            return practice_jobs.get_field(store)

    def set_field(self, field: str) -> None:
        with self._locked() as store:
            practice_jobs.set_field(store, field)

    def fields(self) -> list[str]:
        """Every field the loaded banks serve, general first."""
        names = sorted({b.field for b in self.catalog.banks} - {"general"})
        return ["general", *names]
