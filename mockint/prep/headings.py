"""Section headings of a job posting: what the lines under each heading are.

A heading decides how the lines after it are read (duties, skills, requirements, prose, or
text that asks nothing: benefits, how to apply). Split from mockint.prep.posting, which
reads the lines; this module only recognises headings.
"""

from __future__ import annotations

import re
from enum import StrEnum

from mockint.prep import verbs
from mockint.prep.clauses import is_requirement


class ItemKind(StrEnum):
    """What a line of the posting asks of the candidate."""

    DUTY = "duty"  # what the job involves: "Manage a caseload of 12 patients"
    SKILL = "skill"  # what the candidate brings: "Experience with Excel and SAP"
    VALUE = "value"  # how the employer wants work done: "compassion", "we put people first"
    REQUIREMENT = "requirement"  # stated, not told: "BLS certification", "3+ years experience"


# Under a heading such as "Summary" or "Job description" the lines are placed one by one,
# as before any heading: prose that may hold duties, skills and requirements alike.
PROSE = "prose"
Section = ItemKind | str | None
"""What the lines under a heading are: a kind, ``PROSE`` (placed line by line) or None
(benefits, how to apply, company text: only values are read there)."""

# Section headings, by what the lines under them are. The longest key found in a heading
# decides, so "about you" (skills) wins over "about" (company text) and "essential
# functions" (duties) over "essential" (skills). A key starting with "=" is the whole heading.
_HEADINGS: tuple[tuple[Section, tuple[str, ...]], ...] = (
    (
        ItemKind.SKILL,
        (
            "requirement",
            "qualification",
            "skill",
            "what you'll bring",
            "what you will bring",
            "what you bring",
            "looking for",
            "about you",
            "you have",
            "you'll have",
            "you will have",
            "essential",
            "desirable",
            "must have",
            "nice to have",
            "experience",
            "competenc",
            "person specification",
            "who you are",
            "criteria",
            "you bring",
            "you are",
            "will have",
            "should have",
            "you need",
            "you'll need",
            "need from you",
            "we need",
            "must-have",
            "bonus points",
            "ideal candidate",
            "what it takes",
            "knowledge, skills",
            "ksa",
        ),
    ),
    (
        ItemKind.REQUIREMENT,
        (
            "conditions of employment",
            "condition of employment",
            "physical requirement",
            "physical demand",
            "working conditions",
            "licens",
            "certifications",
            "=certification",
            "=education",
            "education requirement",
            "education and",
            "eligibility",
        ),
    ),
    (
        ItemKind.DUTY,
        (
            "responsib",
            "duties",
            "what you'll do",
            "what you will do",
            "the role",
            "your role",
            "day to day",
            "day-to-day",
            "in this role",
            "you will",
            "main tasks",
            "key tasks",
            "accountabilit",
            "what the job involves",
            "the job",
            "what you'll be doing",
            "your day",
            "essential function",
            "essential duties",
            "essential job function",
            "job functions",
            "primary function",
            "examples of work",
            "example of duties",
            "major duties",
            "what you will be doing",
            "the work",
            "scope of the role",
            "you'll be doing",
            "day in the life",
            "what the role involves",
            "your impact",
            "how you'll spend",
        ),
    ),
    (
        PROSE,
        (
            "summary",
            "overview",
            "job description",
            "position description",
            "description",
            "the position",
            "about the position",
            "about the role",
            "about the job",
            "job goal",
            "purpose",
            "the opportunity",
        ),
    ),
    (
        ItemKind.VALUE,
        (
            "value",
            "culture",
            "what we stand for",
            "behaviour",
            "behavior",
            "how we work",
            "principle",
            "our promise",
        ),
    ),
    (
        None,
        (
            "benefit",
            "perk",
            "what we offer",
            "we offer",
            "salary",
            "pay",
            "how to apply",
            "apply",
            "equal opportunit",
            "location",
            "hours",
            "about us",
            "about the company",
            "who we are",
            "contact",
            "package",
            "compensation",
            "reward",
            "closing date",
            "about",
            "additional information",
            "supplemental information",
            "other information",
            "how you will be evaluated",
            "terms of employment",
            "schedule",
            "why ",
            "what's in it for you",
            "eeo",
            "disclaimer",
            "employer certification",
            "accreditation badges",
            "exemption",
            "job type",
            "employment type",
            "position type",
            "work type",
            "job details",
            "international assignment",
            "site description",
            "shift details",
            "=department",
            "=remote",
            "=travel",
            "who may apply",
        ),
    ),
)


def heading(line: str, *, all_caps: bool) -> tuple[Section, str] | None:
    """(section, text after the colon) when ``line`` is a section heading."""
    if line.endswith(":") and len(line.split()) <= 15 and not is_requirement(line):
        # "Major duties include, but are not limited to:": a lead-in to a list, never an
        # item (see parse_posting); it names its section when it holds a heading's words.
        found, _ = _heading_key(line[:-1].lower(), plain=False)
        if found is not _NO_KEY:
            return found, ""
    head, sep, rest = line.partition(":")
    words = head.split()
    if not words or len(words) > 7:
        return None
    lowered = head.lower().strip(" -–")
    is_caps = head.isupper() and len(head) > 3 and not all_caps
    # Without a colon or capitals a line is a heading only when it is short and opens with
    # the heading's words ("Key responsibilities", "About you"): otherwise a duty such as
    # "Manage behaviour positively" would read as the heading "behaviour", and "Schedule
    # staff rotas" as the heading "schedule".
    plain = not sep and not is_caps
    if plain and head.rstrip().endswith((".", "!")):
        return None
    if (plain and len(words) > 1 and verbs.is_verb(words[0])) or any(c.isdigit() for c in head):
        return None  # "Schedule staff rotas", "4+ years commercial experience": items
    found, key = _heading_key(lowered, plain=plain)
    extra = [w.lower() for w in words if w.lower() not in key.split()]
    # At most three words besides the key ("How you will be evaluated" is all key).
    if plain and (len(extra) > 3 or (len(words) > 2 and _PREPOSITIONS & set(extra))):
        return None  # "Experience of post-operative care": an item ("Examples of work" is not)
    if found is not _NO_KEY:
        return found, rest.strip()
    if sep and lowered.endswith((" will", " will be", " will be able to")):
        return ItemKind.DUTY, rest.strip()  # "The successful candidate will:"
    if sep and not rest.strip() and len(words) <= 5:
        return None, ""  # an unknown heading ("Perks:"): what follows is not asked
    return (None, "") if is_caps else None


_NO_KEY = "no heading key"
# Keys cut short on purpose ("responsib…"); every other key is a whole word or words, so
# "pay" is not found in "Accounts payable".
_CUT_KEYS = frozenset({"responsib", "competenc", "accountabilit", "licens", "equal opportunit"})


def _key_pattern(key: str) -> re.Pattern[str]:
    tail = r"\w*" if key in _CUT_KEYS else r"(?:s|es)?\b"
    return re.compile(rf"(?<!\w){re.escape(key.strip())}{tail}")


# The words a heading may open with before its key ("Key responsibilities", "Minimum
# qualifications"); any other word before it makes the line an item: "CCRN certification
# preferred" is not the heading "preferred".
_HEADING_OPENERS_TEXT = """
    key our your the main what what's about minimum basic preferred required essential job
    position general additional physical primary major other core desired desirable special
    and & who how why you we a typical we're you're you'll we'll are will do is
"""
_HEADING_OPENERS = frozenset(_HEADING_OPENERS_TEXT.split())
_PREPOSITIONS = frozenset({"of", "with", "in", "for", "to", "on", "using"})


def _heading_key(lowered: str, *, plain: bool) -> tuple[Section | str, str]:
    """The section of the longest heading key in ``lowered`` (or ``_NO_KEY``), and the key."""
    best: tuple[Section | str, str] = (_NO_KEY, "")
    for kind, keys in _HEADINGS:
        for key in keys:
            if key.startswith("="):
                at = 0 if lowered.rstrip("s") == key[1:].rstrip("s") else -1
            else:
                m = _key_pattern(key).search(lowered)
                at = m.start() if m else -1
            if at < 0 or (plain and not _HEADING_OPENERS.issuperset(lowered[:at].split())):
                continue
            if len(key.lstrip("=")) > len(best[1]):
                best = (kind, key.lstrip("="))
    return best
