"""What one sentence of a posting is, whatever heading it stands under: a duty (in any of
the shapes employers write them), a requirement to state (a licence, a degree, years of
experience, a check to pass), or boilerplate (benefits, pay, equal-opportunity text).

Real postings rarely keep to imperative bullets under "Responsibilities". Hospital and
government postings describe the job in the third person ("The RN delegates tasks to…",
"This position coordinates…", "The incumbent serves as…"), others address the reader ("You
will…", "As a Guest Service Agent, you will…"), some name the work ("Coordination of care
with…", "Receiving and putting away freight"). All of them come down to a verb phrase, which
is what a story question is made from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mockint.prep import verbs


@dataclass(frozen=True)
class DutyShape:
    text: str
    """The duty from its verb on ("Delegates tasks to nursing assistants"), or the sentence
    as written for a named duty ("Coordination of care with physicians")."""
    strong: bool
    """Said as a duty in so many words (a subject or "you will" before a verb, a verb in
    the third person, "responsible for"), not only opening with a word that can be a verb:
    strong shapes are duties even under a skills heading."""


# "As a Guest Service Agent, you will…", "In this role, you'll…": the frame before the duty.
_FRAME = re.compile(
    r"^(?:as an? [^,]{1,60},|in this (?:role|position),?|day to day,?|in addition,?|"
    r"additionally,?|also,?)\s*",
    re.I,
)
_WILL = re.compile(
    r"^(?:(?:you|we|they|candidates?|applicants?)\s+|"
    r"(?:the|this|our|each)\s+(?:[\w/()&.'-]+\s+){0,4}?)"
    r"(?:will|shall)\s+(?:also\s+)?(?:be\s+)?(?:(?:expected|required|asked)\s+to\s+)?(?:be\s+)?",
    re.I,
)
_CONTRACTED = re.compile(r"^(?:you'll|you're|we'll|you’ll|you’re)\s+(?:also\s+)?(?:be\s+)?", re.I)
_RESPONSIBLE = re.compile(
    r"^(?:(?:is|are|be|will be)\s+)?(?:also\s+)?(?:responsible|accountable)\s+for\s+|"
    r"^(?:the\s+|this\s+)?(?:key\s+|main\s+|major\s+|other\s+)?"
    r"(?:responsibilities|duties|tasks|job|role|work|position)\s+(?:will\s+)?"
    r"(?:include|involve)s?(?:,?\s+but\s+(?:are\s+)?not\s+limited\s+to)?:?\s+",
    re.I,
)
_TO = re.compile(r"^(?:will\s+(?:be\s+)?|to\s+)", re.I)
# What follows "you will be" when the sentence describes the person, not the work.
_NOT_A_VERB = frozenset(
    ["the", "a", "an", "our", "your", "their", "part", "one", "able", "expected", "someone"]
)
# After "you will", verbs of having rather than doing.
_HAVING_TEXT = "need have bring possess hold enjoy love get receive earn gain join thrive"
_HAVING = frozenset(_HAVING_TEXT.split())
_COPULAS = frozenset(
    ["is", "are", "was", "were", "be", "has", "have", "may", "must", "can", "should"]
)
# "Our platform handles…" is said of the employer: a duty's subject is the one who does the
# job ("The RN", "This position"), never "our", nor the employer named by a noun.
_SUBJECTS = frozenset({"the", "this", "each", "an", "a", "he", "she", "they"})
_EMPLOYERS_TEXT = """
    company organization organisation team platform hospital clinic district agency
    department school store business firm group office unit center centre program programme
    system facility division practice service
"""
_EMPLOYERS = frozenset(_EMPLOYERS_TEXT.split())
# Adverbs between a subject and its verb: "The agent also works closely with…".
_ADVERBS = frozenset(
    [
        "also",
        "regularly",
        "actively",
        "closely",
        "routinely",
        "independently",
        "directly",
        "primarily",
        "often",
        "frequently",
        "effectively",
        "consistently",
    ]
)
# "Coordination of care with…", "Management of a caseload": the work named as a noun.
_NAMED_WORK = re.compile(r"^[A-Za-z]+(?:tion|sion|ment|ance)\s+(?:of|with|for)\s+\w", re.I)
_NOT_WORK = frozenset(
    {"experience", "knowledge", "completion", "evidence", "attendance", "department"}
)


def duty_shape(sentence: str) -> DutyShape | None:
    """The duty ``sentence`` states, or None when it is not shaped as one."""
    text = _FRAME.sub("", sentence.strip())
    strong = False
    if m := _TO.match(text):
        text = text[m.end() :]  # "To assess…" (UK job descriptions), "Will be…"
    for lead in (_WILL, _CONTRACTED, _RESPONSIBLE):
        if m := lead.match(text):
            text, strong = text[m.end() :], True
    text = _RESPONSIBLE.sub("", text)  # "You will be responsible for…"
    words = text.split()
    if not words:
        return None
    if strong and words[0].lower() in _HAVING:
        return None  # "You'll need 12 ECE credits", "You will have a degree": not the work
    if strong and words[0].lower() not in _NOT_A_VERB:
        # "You'll sign customers up…": whatever the verb, "you will" makes it a duty.
        return DutyShape(_capital(text), strong=True)
    if not strong:
        start = _after_subject(words)
        if start:
            rest = " ".join(words[start:])
            # "The Teller is responsible for providing…", "…is responsible for the triage…"
            return DutyShape(_capital(_RESPONSIBLE.sub("", rest)), strong=True)
    first = words[0]
    base = verbs.base_of(first)
    if base is not None:
        third = first.lower().rstrip(",;:") not in (base, _gerund_of(first))
        return DutyShape(_capital(text), strong=strong or third)
    lower = sum(w[:1].islower() for w in words)
    # "Coordination of care with…", but not a name: "Department of Veterans Affairs".
    if _NAMED_WORK.match(text) and first.lower() not in _NOT_WORK and lower > len(words) / 2:
        return DutyShape(_capital(text), strong=False)
    return None


def _after_subject(words: list[str]) -> int:
    """Where the verb starts after a subject in the third person ("The RN delegates…",
    "Guest Service Agents resolve…"), or 0 when the sentence has no such subject."""
    if words[0].lower() in _SUBJECTS:
        for i in range(1, min(len(words), 11)):
            if words[i].lower() in _EMPLOYERS:
                return 0  # "The company provides…", "The Maps team builds…"
            word = words[i].lower().rstrip(",")
            if word in _ADVERBS:
                continue
            if word in _COPULAS:
                if _RESPONSIBLE.match(" ".join(words[i:])):
                    return i  # "The RN (…) is responsible for…"
                return 0  # "This is a drug testing designated position": not a duty
            base = verbs.base_of(word)
            # A verb in the third person ("delegates", not "driving") or, after "they", the
            # base; not a noun before the employer's ("The Maps team builds…").
            third = word != base and word.endswith("s")
            noun = i + 1 < len(words) and words[i + 1].lower() in _EMPLOYERS
            if base is not None and (third or words[0].lower() == "they") and not noun:
                return i
            if not (word[:1].isalnum() or word.startswith("(")):
                return 0
        return 0
    # A plural subject in capitals and a base verb: "Guest Service Agents resolve…".
    if verbs.is_verb(words[0]):
        return 0  # "Provides direct care": the verb itself, not a subject
    for i in range(1, min(len(words), 5)):
        if not (words[i - 1][:1].isupper() and words[i - 1].endswith("s")):
            if not words[i - 1][:1].isupper():
                return 0
            continue
        word = words[i].lower()
        if word in _ADVERBS and i + 1 < len(words):
            word, i = words[i + 1].lower(), i + 1
        if verbs.base_of(word) == word:
            return i
    return 0


_NOT_GERUNDS = frozenset({"during", "including", "morning", "evening", "thing", "things"})


def split_list(duty: str) -> list[str]:
    """A list of gerund phrases as its duties: "diagnosing leaks, replacing water heaters,
    and keeping your truck stocked" → three. A list of bare verbs sharing one object ("Plan,
    deliver and evaluate lessons") or of single words stays whole."""
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+|or\s+)?", duty) if p.strip()]
    firsts = [p.split()[0].lower() for p in parts]
    gerunds = all(len(p.split()) > 1 for p in parts) and all(
        f.endswith("ing") and f not in _NOT_GERUNDS for f in firsts
    )
    if len(parts) < 2 or not gerunds or not verbs.is_verb(firsts[0]):
        return [duty]
    return [_capital(p) for p in parts]


def _gerund_of(word: str) -> str:
    w = word.lower().rstrip(",;:")
    return w if w.endswith("ing") else ""


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# What a candidate states rather than tells: credentials, years, checks, conditions.
_REQUIREMENT = re.compile(
    r"\blicen[cs](?:e|ed|es|ure)\b|\blicensure\b|\bcertifi(?:ed|cate|cation)s?\b|"
    r"\bregistration\b|\bregistered with\b|\bqualified\b|"
    r"\baccredited\b|\bdegree\b|\bbachelor|\bmaster'?s\b|\bassociate'?s\b|\bdiploma\b|"
    r"\bged\b|\b(?:bs|ba|bsc|msc|mba|bsn|msn|adn|phd)\b(?: in| or|,|$)|"
    r"\bgraduat(?:e|ed|ion) (?:of|from)\b|"
    r"\b\d+\s*(?:\+|-\s*\d+)?\s*(?:years?|yrs?|months?)\b|"
    r"\b(?:one|two|three|four|five|six|ten|twelve) (?:\(\d+\) )?(?:years?|months?)\b|"
    r"\byears? of (?:age|experience)\b|\bspecialized experience\b|"
    r"\b\d+\s+(?:[A-Z]{2,5}\s+)?(?:credits?|credit hours|semester hours)\b|"
    r"\bcitizen(?:ship)?\b|\bbackground (?:check|investigation|screen)|\bcriminal (?:records?|"
    r"background)|\bfingerprint|\bclearance\b|\bdrug (?:test|screen)|"
    r"\bselective service\b|\bprobationary\b|\bpre-employment\b|\btime.in.grade\b|"
    r"\bsuitability\b|\bregistry check\b|\bright to work\b|\bwork permit\b|\bvisa\b|"
    r"\b(?:driver'?s|driving) licen|\bdriving record\b|\binsured vehicle\b|"
    r"\b(?:lift|carry|push|pull)(?:ing)? (?:up to )?\d+|\b\d+\s*(?:lbs?|pounds|kg)\b|"
    r"\bstand (?:for|during) (?:long|extended)|"
    r"\b(?:available|availability|flexible|willing(?:ness)?) to work\b|"
    r"\b(?:nights|evenings|weekends)(?:,| and| or) (?:weekends|holidays|nights)\b|"
    r"\bmust (?:be|have|hold|possess|pass|provide|obtain|maintain|meet|submit|complete|own)\b|"
    r"\b(?:bls|acls|pals|nrp|tncc|ccrn|cpr|cdl|osha\s*\d+|cpa|cfa|acca|cima|nmc|hcpc)\b",
    re.I,
)
# A duty that mentions a credential is still a duty ("Verify staff licences"), unless it
# is about having one ("Maintain current BLS certification", "Have 3 years' experience").
_HOLD = re.compile(
    r"^(?:(?:maintain|keep)s? (?:a |an )?(?:current|valid|active)\b|"
    r"(?:have|has|hold|holds|be|is|obtain|obtains|possess|possesses|pass|passes)\b)",
    re.I,
)


def is_requirement(sentence: str) -> bool:
    """A credential, a number of years, a check or a condition of the job: stated in an
    interview, not told as a story ("BLS certification required", "3+ years experience",
    "Must be able to lift 50 lbs", "Bachelor's degree in Finance")."""
    if not _REQUIREMENT.search(sentence):
        return False
    return duty_shape(sentence) is None or bool(_HOLD.match(sentence))


_BOILERPLATE = re.compile(
    r"equal (?:employment )?opportunit|\beoe\b|affirmative action|without regard to|"
    r"discriminat|e-verify|drug-free workplace|reasonable accommodation|"
    r"accommodations? (?:during|in|for) (?:the|our)|veterans'? preference|protected veteran|"
    r"\b40[13]\s?\(?[kb]\)?|\bpto\b|paid time off|tuition reimbursement|sign-on bonus|"
    r"employee discount|\bwe offer\b|benefits? (?:package|eligible|from day)|"
    r"competitive (?:salary|pay|wages|compensation)|salary range|\bper hour\b|"
    r"apply (?:today|now|online)|how to apply|click apply|unable to apply|"
    r"\bother (?:related |job-related )?duties\b|we celebrate diversity|"
    r"inclusive (?:environment|workplace|culture)|persons with disabilities|"
    r"(?:this|the) (?:job )?(?:opportunity )?announcement|weekly pay|\bwe are proud\b|"
    r"\bproud to be\b|\bstipend\b|medical, dental|dental(?:,| and) vision|"
    r"\$\d[\d,.]*k?(?:\s*[-–]\s*\$?\d[\d,.]*k?)?\s*(?:/|per\s+)(?:hr|hour|year|yr|annum|week)|"
    r"\b(?:pay|salary|wages?) (?:is|range)\b|\b(?:email|send) (?:your|a) (?:resume|cv)\b|"
    r"substitution of education|may be substituted|disability confident|veteran aware|"
    r"close early",
    re.I,
)


def is_boilerplate(sentence: str) -> bool:
    """Benefits, pay, how to apply, equal-opportunity and accommodation text, "other
    duties as assigned": said of the employer, never asked of the candidate."""
    return bool(_BOILERPLATE.search(sentence))
