"""The one clock module: stored times (UTC ISO-8601 to the second), days as the user lives
them, and "when" in words. Every practice function takes ``now`` so tests can freeze time."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo


def utc(now: datetime | None = None) -> datetime:
    """``now`` as a UTC datetime (the current time when None).

    fsrs accepts nothing but UTC. A naive datetime is read as local time, Python's own
    convention (``datetime.now()`` then means what it says); pass aware ones to be explicit.
    """
    if now is None:
        return datetime.now(UTC)
    return now.astimezone(UTC)


def iso(moment: datetime) -> str:
    """The storage form of a time: UTC ISO-8601 to the second (the schema's convention)."""
    return utc(moment).isoformat(timespec="seconds")


def now_iso() -> str:
    """The current time in its storage form."""
    return iso(utc())


def parse(text: str) -> datetime:
    """A stored time back as a UTC-aware datetime (naive values are taken as UTC)."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def local_date(moment: datetime, tz: tzinfo | None = None) -> date:
    """The calendar day ``moment`` falls on for the user (``tz``, default the system's)."""
    return utc(moment).astimezone(tz).date()


def end_of_day(moment: datetime, tz: tzinfo | None = None) -> datetime:
    """The last instant of the user's day containing ``moment``, in UTC."""
    local = utc(moment).astimezone(tz)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    return utc(midnight - timedelta(microseconds=1))


def due_phrase(due: datetime, now: datetime, tz: tzinfo | None = None) -> str:
    """When something comes back, in words: "now", "today", "tomorrow", "in 3 days",
    "in 2 weeks", "in 4 months"; past times read "overdue"."""
    today = local_date(now, tz)
    days = (local_date(due, tz) - today).days
    if utc(due) <= utc(now):
        return "now" if days >= 0 else "overdue"
    if days <= 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days < 14:
        return f"in {days} days"
    if days < 60:
        return f"in {round(days / 7)} weeks"
    return f"in {round(days / 30)} months"
