"""Interview dates as people write them: "2027-01-12", "12 Jan", "Jan 12", "tomorrow"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from mockint.errors import MockintError

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def parse_day(text: str, today: date) -> date:
    """The date ``text`` names; a day and month without a year is the next such day."""
    value = " ".join(text.strip().lower().replace(",", " ").split())
    if value == "today":
        return today
    if value == "tomorrow":
        return today + timedelta(days=1)
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)(?: (\d{4}))?", value) or re.fullmatch(
        r"([a-z]+) (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?", value
    )
    if m:
        first, second, year = m.groups()
        day_s, month_s = (first, second) if first.isdigit() else (second, first)
        month = next((i for i, name in enumerate(_MONTHS, 1) if month_s.startswith(name)), 0)
        if month:
            try:
                found = date(int(year) if year else today.year, month, int(day_s))
            except ValueError:
                found = None
            if found is not None:
                if not year and found < today:
                    found = found.replace(year=today.year + 1)
                return found
    raise MockintError(
        f"{text!r} is not a date: write it as YYYY-MM-DD or like '12 Jan' "
        f"(today is {today.isoformat()})"
    )
