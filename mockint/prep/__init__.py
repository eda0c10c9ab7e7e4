"""Preparing for a specific interview: a job posting becomes a practice set, and the
transcript of a real interview becomes a debrief.

Everything here is offline text work on what the user pasted: no model, no network. The
modules are pure (text in, typed objects out); writing the bank file is
:mod:`mockint.prep.bankfile`'s job.
"""
