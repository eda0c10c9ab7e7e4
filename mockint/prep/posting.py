"""Read a job posting as pasted: the role, and the duties, skills, values and requirements
it names (the sentence by sentence reading is in mockint.prep.clauses).

Postings arrive in every shape: copied from a web page (HTML remnants, entities), with
bullets of any glyph, in ALL CAPS, with or without section headings. The reading is plain
rules over lines, so it needs nothing but the text and never guesses silently: an item it
cannot place is left out rather than filed under the wrong heading.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from mockint.prep.clauses import duty_shape, is_boilerplate, is_requirement, split_list
from mockint.prep.headings import PROSE, ItemKind, Section, heading


@dataclass(frozen=True)
class PostingItem:
    kind: ItemKind
    text: str
    """As the posting says it, cleaned of markup and bullets."""
    number: int
    """1-based among the items of its kind, so a user can find "duty 3" in the posting."""

    @property
    def label(self) -> str:
        return f"{self.kind.value} {self.number}"

    def to_dict(self) -> dict[str, str | int]:
        return {"kind": self.kind.value, "number": self.number, "text": self.text}


@dataclass(frozen=True)
class Posting:
    role: str
    """The job title, or "" when the posting never names one."""
    company: str
    """The employer, or "" when not found."""
    items: tuple[PostingItem, ...]

    def of_kind(self, kind: ItemKind) -> tuple[PostingItem, ...]:
        return tuple(i for i in self.items if i.kind is kind)


_VALUE_WORDS = (
    "compassion",
    "integrity",
    "respect",
    "teamwork",
    "collaboration",
    "accountability",
    "innovation",
    "inclusion",
    "diversity",
    "safety",
    "excellence",
    "dignity",
    "honesty",
    "empathy",
    "kindness",
    "courage",
    "ownership",
    "curiosity",
    "transparency",
    "equity",
    "trust",
    "care",
    "customer first",
    "customers first",
    "patients first",
    "quality",
    "sustainability",
    "openness",
    "working together",
)
# Where a posting speaks of its values; value words elsewhere ("care for patients") are
# duties, not values.
_VALUE_LINE = re.compile(
    r"^(?:we|our)\s+(?:value|values|believe|are committed|care about|stand for)\b|"
    r"\b(?:our values|ethos|culture)\b",
    re.I,
)
_INTRO = re.compile(
    r"\b(?:is|are)\s+(?:looking for|seeking|hiring|recruiting)\b|\bjoin (?:our|the|us)\b", re.I
)
_SKILL_MARKERS = re.compile(
    r"\b(experience|knowledge|ability|able to|proficien|degree|qualified|qualification|"
    r"certif|licen[cs]e|registered|registration|familiar|understanding of|skills?|fluent|"
    r"background in|track record|comfortable with|confident)\b"
)
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦●○■□✓✔➢➤►‣⁃–—>]+|\(?\d{1,2}[.)]|\(?[a-h][.)])\s+")
# Any other run of symbols before the text: "✅ Build…", "→ Prepping…", "🚀 What You'll Do".
_SYMBOLS = re.compile(r"^[^\w\s(\"'$£€#+&]+\s*")
_TAG_BREAK = re.compile(r"<\s*/?\s*(?:br|p|li|ul|ol|div|h[1-6]|tr|td|section)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_ROLE_LINE = re.compile(r"^(?:job title|position|role|title|vacancy|post)\s*[:\-–]\s*(.+)$", re.I)
_COMPANY_LINE = re.compile(
    r"^(?:company|employer|organi[sz]ation|hiring organi[sz]ation)\s*[:\-–]\s*(.+)$", re.I
)
_HIRING = re.compile(
    r"\b(?:hiring|seeking|looking for|recruiting)\s+(?:an?\s+|our next\s+|a new\s+)?"
    r"((?:[A-Z][A-Za-z/&-]*\s?){1,5})"
)
_LIST_LEAD = re.compile(r",?\s*(?:(?:which|that)\s+includes?|including|such as)?\s*:$", re.I)
_AT_COMPANY = re.compile(r"\s+at\s+[A-Z].*$")
_JOIN = re.compile(r"\b(?:join|at)\s+((?:[A-Z][\w&'.-]*\s?){1,4})")
# "Label: short value" lines that state facts of the job: schedule, status, pay, place.
_META = re.compile(
    r"^[^:]{0,40}\b(?:schedule|shift|hours|status|telework|remote|virtual|relocation|"
    r"incentives?|department|facility|reports to|location|salary|pay|wage|grade|series|"
    r"job type|employment type|travel|openings?|closing|open period|announcement|"
    r"recruitment|requisition|req|posted|start date|duration|contract|category|exemption|"
    r"eligible|flsa|union|bargaining|station|division|unit|team|work type)\b[^:]{0,40}:\s*"
    r"\S(?:[^.]{0,60})$|^[^:]{1,40}:\s*(?:yes|no|n/?a|none|not authorized|authorized|"
    r"[$\d][^a-z]*)\.?$",
    re.I,
)
# Kept in capitals when an ALL-CAPS posting is lowered: the abbreviations postings use.
_ACRONYMS_TEXT = """
    nhs rn hca cpr bls als icu ed ae sql it hr ux ui kpi kpis erp sap crm gcse cpa acca cima
    aws gcp ppe ehr emr api apis ci cd qa uk us eu sen send dbs pos ar ap gl ifrs gaap vat
    seo ppc b2b b2c cv otif sla slas itil
"""
_ACRONYMS = frozenset(_ACRONYMS_TEXT.split())


def parse_posting(text: str) -> Posting:
    """The role, company and items of a pasted posting."""
    lines = _clean_lines(text)
    all_caps = _mostly_caps(lines)
    role, company = _role(lines), _company(lines)
    found: dict[ItemKind, list[str]] = {k: [] for k in ItemKind}
    section: Section = PROSE
    for raw in lines:
        line = _lower_caps(raw) if all_caps else raw
        found_heading = heading(raw, all_caps=all_caps)
        if found_heading is not None:
            section, line = found_heading
            if not line:
                continue
        elif _META.match(line):
            continue  # "Telework eligible: No", "Work Location: In person"
        elif line.endswith(":"):
            if not is_requirement(line):
                continue  # "Major duties include, but are not limited to:"
            # "…you must have one year of specialized experience…, which includes:"
            line = _LIST_LEAD.sub("", line)
        if line in (role, company) or _ROLE_LINE.match(line) or _COMPANY_LINE.match(line):
            continue
        for sentence in _sentences(line):
            if _INTRO.search(sentence) or is_boilerplate(sentence):
                continue  # "St Anne's is looking for…", "We are an equal opportunity employer"
            if section is ItemKind.VALUE or _VALUE_LINE.search(sentence):
                named = _values_named(sentence)
                found[ItemKind.VALUE].extend(v.capitalize() for v in named)
                if named or section is not ItemKind.VALUE:
                    continue
            kind = _place(sentence, section)
            if kind is ItemKind.DUTY:
                found[kind].extend(split_list(_tidy(sentence, kind)))
            elif kind is not None:
                found[kind].append(_tidy(sentence, kind))
    items = tuple(
        PostingItem(kind, t, n)
        for kind in ItemKind
        for n, t in enumerate(_unique(found[kind]), start=1)
    )
    return Posting(_lower_caps(role) if all_caps else role, company, items)


def _clean_lines(text: str) -> list[str]:
    text = html.unescape(html.unescape(text)).replace("\xa0", " ").translate(_QUOTES)
    text = _TAG.sub(" ", _TAG_BREAK.sub("\n", text))
    lines = []
    for raw in text.splitlines():
        line = " ".join(_SYMBOLS.sub("", _BULLET.sub("", raw)).split()).strip(" |")
        if line:
            lines.append(line)
    return lines


def _mostly_caps(lines: list[str]) -> bool:
    letters = [c for line in lines for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.7 * len(letters)


def _lower_caps(line: str) -> str:
    """An ALL-CAPS line in sentence case, abbreviations kept."""
    words = [w if w.lower().strip(".,;:()") in _ACRONYMS else w.lower() for w in line.split()]
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def _sentences(line: str) -> list[str]:
    # A sentence ends at a stop after two letters or digits, so "e.g. the" and "U.S.
    # Citizens" stay whole, and any case may follow: some postings are typed in lower case.
    parts = re.split(r"(?<=[A-Za-z0-9%)]{2}[.;!?])\s+(?=[A-Za-z(])", line)
    return [p.strip().rstrip(" .;!") for p in parts if p.strip(" .;!")]


def _place(sentence: str, section: Section) -> ItemKind | None:
    """The kind of ``sentence`` under ``section``."""
    words = sentence.split()
    if len(words) < 2 or len(words) > 45 or section is None:
        return None
    if section is ItemKind.REQUIREMENT or is_requirement(sentence):
        return ItemKind.REQUIREMENT
    shape = duty_shape(sentence)
    if section is ItemKind.SKILL:
        # "Provides direct care to critically ill patients" under "Essential functions" or
        # a merged "Responsibilities and qualifications": a duty wherever it stands.
        strong = shape is not None and shape.strong
        return ItemKind.DUTY if strong and not _is_skill(sentence) else ItemKind.SKILL
    if isinstance(section, ItemKind):
        return section
    if shape is not None:
        return ItemKind.DUTY
    if _is_skill(sentence):
        return ItemKind.SKILL
    return None


def _is_skill(sentence: str) -> bool:
    return bool(_SKILL_MARKERS.search(sentence.lower()))


def _tidy(sentence: str, kind: ItemKind) -> str:
    shape = duty_shape(sentence) if kind is ItemKind.DUTY else None
    text = shape.text if shape is not None else sentence
    return text[:1].upper() + text[1:]


def _values_named(text: str) -> list[str]:
    lowered = text.lower()
    return [v for v in _VALUE_WORDS if re.search(rf"\b{re.escape(v)}\b", lowered)]


def _role(lines: list[str]) -> str:
    for line in lines[:15]:
        if m := _ROLE_LINE.match(line):
            return m.group(1).strip(" .")
    for line in lines[:3]:
        if m := _HIRING.search(line):
            return m.group(1).strip()
    # Pasted from a job site, a posting may open with its heading ("About the job") and name
    # the role on the next line: "Site Reliability Engineer II at Northbeam (Hybrid)".
    opening = lines[1:2] if lines and heading(lines[0], all_caps=False) == (PROSE, "") else []
    first = _AT_COMPANY.sub("", opening[0]) if opening else (lines[0] if lines else "")
    title_like = len(first.split()) <= 10 and not first.endswith(".") and ":" not in first
    if first and title_like and (heading(first, all_caps=False) is None or first.isupper()):
        return first.strip(" !")
    for line in lines[:15]:
        if m := _HIRING.search(line):
            return m.group(1).strip()
    return ""


def _company(lines: list[str]) -> str:
    for line in lines[:25]:
        if m := _COMPANY_LINE.match(line):
            return m.group(1).strip(" .")
    for line in lines[:10]:
        if m := _JOIN.search(line):
            name = m.group(1).strip(" .")
            if name.split()[0].lower() not in {"a", "an", "the", "our", "we"}:
                return name
    return ""


def _unique(texts: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for t in texts:
        key = t.lower()
        if key not in seen:
            seen.add(key)
            out.append(t)
    return out
