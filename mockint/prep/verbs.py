"""The action verbs postings open their duties with, and their past tense.

"Plan, deliver and evaluate lessons" becomes "planned, delivered and evaluated lessons", so
a duty reads as a story prompt: "Tell me about a time you planned, delivered…". A closed
list rather than a tagger: a posting's duty lines open with a small, well-known set of verbs.
"""

from __future__ import annotations

_IRREGULAR = {
    "be": "was",
    "build": "built",
    "bring": "brought",
    "buy": "bought",
    "deal": "dealt",
    "do": "did",
    "drive": "drove",
    "feed": "fed",
    "find": "found",
    "get": "got",
    "give": "gave",
    "grow": "grew",
    "have": "had",
    "hold": "held",
    "keep": "kept",
    "lead": "led",
    "make": "made",
    "meet": "met",
    "oversee": "oversaw",
    "pay": "paid",
    "read": "read",
    "put": "put",
    "run": "ran",
    "see": "saw",
    "sell": "sold",
    "send": "sent",
    "set": "set",
    "speak": "spoke",
    "spend": "spent",
    "take": "took",
    "teach": "taught",
    "tell": "told",
    "think": "thought",
    "understand": "understood",
    "win": "won",
    "write": "wrote",
    "undertake": "undertook",
    "withdraw": "withdrew",
}
# Verbs that double their last consonant: plan → planned, planning.
_DOUBLING_TEXT = """
    plan control refer submit commit admit prefer transfer ship shop stop chat map scan tag
    log put set get run cut
"""
_DOUBLING = frozenset(_DOUBLING_TEXT.split())
_REGULAR = """
    act address administer advise advocate allocate analyse analyze answer anticipate apply
    approve arrange assess assist attend audit automate balance book brief budget calculate
    care champion check clean close coach collaborate collect communicate compile complete
    comply conduct configure consult contribute coordinate counsel create cultivate
    debug decide define delegate deliver demonstrate deploy design develop diagnose direct
    document draft drive educate embed empower encourage engage enhance ensure escalate
    establish estimate evaluate examine execute facilitate follow forecast foster gather
    generate greet guide handle help hire identify implement improve influence inform
    inspect install instruct integrate interpret interview investigate issue launch liaise
    listen maintain manage market measure mentor merchandise migrate model monitor
    motivate negotiate nurture observe onboard open operate optimise optimize order
    organise organize own participate partner perform pick pitch prepare present
    prioritise prioritize process produce promote protect provide publish purchase
    recognise recognize recommend reconcile record recruit reduce register remain report
    represent research
    resolve respond restock review safeguard schedule screen secure serve service
    shape solve source spot staff stock streamline supervise support sustain test track
    train triage troubleshoot update uphold use verify visit welcome work
    sign share repair titrate precept initiate load unload pack receive assemble cook wash
    fix sort label stage explain differentiate testify count replace
"""
_BASES = frozenset(_REGULAR.split()) | frozenset(_IRREGULAR) | _DOUBLING
_CONNECTORS = frozenset({"and", "or", "&", "and/or"})
# Listed verbs that are as often nouns ("care for patients and record keeping"): after the
# opening verbs, "and <word>" is only taken as a verb when the word is not one of these.
_ALSO_NOUNS_TEXT = """
    care work process record stock market order service staff model book issue use support
    report review plan test research schedule budget audit check update document control
    design model map log tag balance close cost train count label stage sort fix
"""
_ALSO_NOUNS = frozenset(_ALSO_NOUNS_TEXT.split())


def past(verb: str) -> str:
    """The simple past of a base verb: "manage" → "managed", "lead" → "led"."""
    v = verb.lower()
    if v in _IRREGULAR:
        return _IRREGULAR[v]
    if v in _DOUBLING:
        return v + v[-1] + "ed"
    if v.endswith("e"):
        return v + "d"
    if v.endswith("y") and len(v) > 2 and v[-2] not in "aeiou":
        return v[:-1] + "ied"
    return v + "ed"


def _gerund(base: str) -> str:
    if base in _DOUBLING:
        return base + base[-1] + "ing"
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return base[:-1] + "ing"
    return base + "ing"


def _third(base: str) -> str:
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and base[-2] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


_FORMS: dict[str, str] = {}
for _b in _BASES:
    _FORMS[_b] = _b
    _FORMS[_gerund(_b)] = _b
    _FORMS[_third(_b)] = _b


def base_of(word: str) -> str | None:
    """The base form of ``word`` if it is one of the listed verbs in any form, else None."""
    return _FORMS.get(word.lower().strip(",;:"))


def is_verb(word: str) -> bool:
    return base_of(word) is not None


def to_past(phrase: str) -> str:
    """``phrase`` with its leading verbs in the past: "Plan, deliver and evaluate lessons" →
    "planned, delivered and evaluated lessons". Words after the first non-verb stay."""
    words = phrase.split()
    out: list[str] = []
    leading = True  # still in the opening run of verbs: "Assess, plan, deliver and evaluate"
    for i, word in enumerate(words):
        core = word.rstrip(",;:")
        after_and = i > 0 and words[i - 1].lower() in _CONNECTORS
        base = base_of(core)
        if base is not None and (leading or (after_and and base not in _ALSO_NOUNS)):
            out.append(past(base) + word[len(core) :])
            # The run goes on only while the list does: "plan," or "plan and …".
            nxt = words[i + 1].lower() if i + 1 < len(words) else ""
            leading = leading and (word.endswith(",") or nxt in _CONNECTORS) and not after_and
        else:
            if core.lower() not in _CONNECTORS:
                leading = False
            out.append(word if i or core.isupper() else word[:1].lower() + word[1:])
    return " ".join(out)
