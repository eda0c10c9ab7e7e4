"""What a sentence shows of STAR, as numbers: the features the STAR model weighs.

Each feature is a general clue about how people tell a story, not a phrase of one writer:
cue phrases from the configured lists, "I/we" followed by a verb of doing (past, present or
passive "by me"), a sentence opening on a verb (note style: "Drafted a one-page sheet"),
obligation and aim ("had to", "it's on me to"), scene words (times, "there was"), outcome
words and numbers, reasoning ("because", "I thought") and the hypothetical or habitual
("I would", "I always"), who acts and how the sentence moves (an outcome of mine: "I
passed"; a change with no "I" doing it: "errors cleared", "from 40 to 8"; time after the
doing: "by Friday", "in the end"; a lasting state: "we still use it"; a note-style line
opening on a verb of doing), plus where the sentence falls, and the sentence's words
themselves, of which the model weighs only those every writer it was fitted on uses often
("was", "then", "after", "had"). Fillers are skipped, so "I, uh, rewrote…" reads as "I
rewrote…". The weights live in :mod:`mockint.scoring.star_model`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterable, Sequence

from mockint.scoring.phrases import PhraseIndex
from mockint.scoring.text import Token, phrase_words, word_set

PARTS = ("situation", "task", "action", "result")
WORD = "w:"
"""Prefix of the word features ("w:after")."""
_CAP = 3.0
_YEAR = re.compile(r"^(19|20)\d\d$")
_SUBJECTS_I = word_set("i")
_SUBJECTS_WE = word_set("we")
_ADVERBS = word_set(
    "also then first quickly immediately personally finally just actually eventually "
    "really carefully basically soon still even later together both all straight right "
    "directly myself then"
)
_IRREGULAR_PAST = word_set(
    "built wrote rewrote led made ran set took met spoke sent began brought chose drove "
    "found gave got held kept left put sat saw spent split taught told went won broke did "
    "drew fought paid read sought shut dug caught stood bought cut shipped laid rebuilt "
    "redid undertook overcame rang hung lent flew fed dealt meant rode swapped stuck "
    "threw wore sold"
)
_STATE = word_set(
    "was were had wanted needed used liked loved hated seemed felt knew thought believed "
    "hoped expected joined noticed realised realized owned am is are have has be been "
    "being think feel know believe guess hope want need like love hate seem mean wish "
    "wonder remember understand understood worried"
)
_MODALS = word_set(
    "would 'd will can could should might must may shall wouldn't couldn't won't can't"
)
_NOT_VERBS = (
    _STATE
    | _MODALS
    | _ADVERBS
    | word_set(
        "a an the my our to and or but so of in on at for with was not never always usually "
        "often sometimes don't didn't do does did i'm i've i'd i'll we're we've we'd we'll "
        "guess mean"
    )
)
_HABIT = word_set("always usually never often generally normally tend tends typically")
_REASON = word_set("because since cause reason why")
_THINK = word_set(
    "thought think figured realised realized knew know felt feel believed believe "
    "decided reckoned wondered assumed suspected understood"
)
_OBLIGE = (
    ("had", "to"), ("have", "to"), ("has", "to"), ("needed", "to"), ("need", "to"),
    ("needs", "to"), ("wanted", "to"), ("want", "to"), ("wants", "to"), ("supposed", "to"),
    ("asked", "to"), ("tasked", "with"), ("on", "me"), ("up", "to"), ("fell", "to"),
    ("job", "was"), ("role", "was"), ("goal", "was"), ("aim", "was"), ("got", "to"),
    ("trying", "to"), ("tried", "to"), ("expected", "to"), ("meant", "to"),
    ("asked", "me"), ("wanted", "me"), ("told", "me"), ("gave", "me"), ("give", "me"),
    ("asked", "by"), ("was", "mine"), ("me", "to"), ("my", "job"), ("my", "responsibility"),
    ("landed", "on"), ("landed", "with"), ("sat", "with"), ("fell", "on"), ("down", "to"),
    ("my", "call"), ("mine", "to"), ("allowed", "to"), ("in", "charge"), ("my", "role"),
    ("decide", "whether"), ("decide", "how"), ("work", "out"), ("figure", "out"),
)  # fmt: skip
#: What bounds the doing: rules, policy, consent ("by policy I couldn't refund her").
_CONSTRAINT = word_set(
    "rule rules policy policies procedure procedures protocol consent allowed permitted "
    "legally law regulations compliance"
)
#: An outcome told without an outcome word: "we ended up with…", "it turned out…".
_OUTCOME_PAIRS = frozenset(
    {("ended", "up"), ("turned", "out"), ("worked", "out"), ("paid", "off"), ("end", "result")}
)
_PROBLEM = word_set(
    "problem problems issue issues mess messy broken late behind short angry upset furious "
    "complaint complaints complained slow backlog error errors mistake mistakes failing "
    "failed declined struggling nervous worried scared vacant empty crashed down wrong "
    "missing lost losing nobody no never wouldn't couldn't didn't wasn't weren't hadn't "
    "kept unhappy difficult stuck overdue delayed chaos chaotic shouting leaking"
)
_GOOD = word_set(
    "fine calm recovered resolved fixed sorted solved approved passed happy pleased "
    "relieved thanked grateful smooth smoothly success successful worked working better "
    "improved saved won stayed back"
)
_PRESENT_STATE = word_set("work works live lives do does get gets")
_PRESENT_SELF = word_set(
    "am 'm want like love enjoy prefer feel know have work see hope believe tend try find "
    "get need am"
)
_PRESENT_SUBJECTS = word_set("i'm i've we're we've")
_NOT_PASSIVE = word_set("used supposed based meant told asked expected")
_ROLE_NEXT = word_set("a an the in charge on part lead one working head")
_PERFECT_AUX = word_set("had 'd she'd he'd they'd we'd i'd it'd")
_OBLIGE_WORDS = word_set(
    "must goal aim target deadline responsible responsibility objective mission brief "
    "priority assigned"
)
_SCENE = word_set(
    "when while during ago last previous first second third once back monday tuesday "
    "wednesday thursday friday saturday sunday weekend january february march april may "
    "june july august september october november december winter summer spring autumn "
    "christmas easter term semester year shift night week morning evening"
)
_THERE = word_set("there")
_BE = word_set("was were is are 's had has")
#: Outcome words that rarely describe the doing itself ("after", "up", "more" are in too
#: many actions to count: "I rang her after the survey to check they turned up").
_OUTCOME = word_set(
    "outcome result results impact none nobody anymore fewer became success successful "
    "record promoted review feedback mark grade approved signed renewed recovered saved"
)
_PRAISE = word_set(
    "thanked thank thanks thanking grateful happy pleased relieved proud praised "
    "complimented delighted impressed glad"
)
_END_TIME = word_set("afterwards eventually finally end ended later since")
_COMPARATIVE_KEEP = word_set(
    "under over after never ever other together either neither rather later whether "
    "number order member manager engineer customer developer user partner leader "
    "corner water paper letter matter computer answer"
)
_HEADINGS = {
    "situation": "situation",
    "context": "situation",
    "background": "situation",
    "problem": "situation",
    "task": "task",
    "goal": "task",
    "challenge": "task",
    "action": "action",
    "actions": "action",
    "approach": "action",
    "result": "result",
    "results": "result",
    "outcome": "result",
    "impact": "result",
}
#: How answers open a scene, in every register ("At my last job…", "Back in 2021…").
_SCENE_OPENERS = PhraseIndex(
    [
        f"{prep} {det} {when} {what}"
        for prep in ("at", "in", "on", "during")
        for det in ("my", "our")
        for when in ("last", "previous", "old", "first", "current", "second", "former")
        for what in ("job", "role", "company", "team", "placement", "position", "year",
                     "week", "school", "hospital", "shift", "store", "firm", "employer")
    ]
    + [
        "when i was", "while i was", "when i worked", "when i started", "when i joined",
        "i was working", "i worked as", "i worked at", "back in", "years ago", "months ago",
        "last year", "at the time", "a few years ago", "this was", "it was when",
        "a couple of years ago", "one time", "there was this", "i used to",
    ]
)  # fmt: skip
_OPENERS = word_set("so and then but also after that first next later finally anyway")
_NUMBERS = word_set(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
    "forty fifty sixty hundred hundreds thousand thousands million percent half third "
    "quarter twice double doubled halved tripled dozen"
)
FEATURES = (
    "bias", "pos", "pos_sq", "first", "last", "only", "words",
    "cue_situation", "cue_task", "cue_action", "cue_result",
    "i_past", "we_past", "passive", "by_me", "lead_verb", "lead_past",
    "oblige", "scene", "there_be", "be", "number", "number_late", "outcome",
    "outcome_late", "comparative", "reason", "think", "hypothetical", "habit",
    "i", "we", "you", "heading_situation", "heading_task", "heading_action",
    "heading_result", "question", "role_intro", "perfect", "progressive", "problem",
    "good", "good_late", "third_party", "scene_opener",
    "i_outcome", "praise", "end_time", "change", "from_to", "past_no_i", "after_time", "still_now",
    "lead_action", "stative", "i_did_late", "constraint", "i_present",
)  # fmt: skip


#: What happens to "I/we" as a result rather than what I/we do ("I passed", "we won").
_I_OUTCOME = word_set(
    "passed won received earned achieved reached hit finished ended learned learnt "
    "gained qualified graduated topped beat exceeded"
)
#: Verbs of change: the measure or state moved ("dropped", "went up", "cleared").
_CHANGE = word_set(
    "dropped drop drops fell rose risen grew grown shrank halved doubled tripled reduced "
    "reduce increased increase improved improve cleared decreased declined jumped climbed "
    "disappeared vanished stopped eased settled calmed recovered fixed resolved "
    "shortened sped lowered raised lifted boosted cut"
)
_CHANGE_PARTICLE = word_set("down up back off")
_CHANGE_MOTION = word_set("went came go goes come comes dropped fell")
_FIRST_PERSON = word_set("i we me us my our i'm i've i'd i'll we're we've we'd we'll myself")
#: "By Friday…", "within a month", "in the end", "since then", "from then on".
_AFTER_TIME = PhraseIndex(
    [
        "in the end", "since then", "ever since", "from then on", "from that point",
        "by the end", "by then", "by the time", "within a", "within two", "within three",
        "within the", "after a few", "after two", "after three", "a week later",
        "a month later", "months later", "weeks later", "the next year", "that year",
        "by friday", "by monday", "by the following", "by christmas", "by summer",
        "by july", "by march", "by easter", "over the next", "for the rest of",
    ]
)  # fmt: skip
_STILL = word_set("still now nowadays anymore today")
_STATIVE = word_set("was were had is are 's wasn't weren't hadn't isn't aren't seemed looked felt")
_NEW_SUBJECT = word_set("i we he she they it's there")


class CueLists:
    """The configured cue phrases, indexed once."""

    def __init__(self, lists: dict[str, Iterable[str]]) -> None:
        self.parts_of: dict[str, set[str]] = {}
        for part, phrases in lists.items():
            for phrase in phrases:
                words = phrase_words(phrase)
                if words:
                    self.parts_of.setdefault(" ".join(words), set()).add(part)
        self.index = PhraseIndex(self.parts_of)


def _is_past(w: str) -> bool:
    return w in _IRREGULAR_PAST or (len(w) > 3 and w.endswith("ed") and w not in _STATE)


def _verb_after(words: Sequence[Token], k: int) -> Token | None:
    for t in words[k + 1 : k + 4]:
        if t.norm not in _ADVERBS:
            return t
    return None


def sentence_features(
    words: Sequence[Token], position: float, index: int, count: int, cues: CueLists
) -> dict[str, float]:
    """Features of one sentence (``words`` without fillers) at relative ``position``."""
    f = dict.fromkeys(FEATURES, 0.0)
    f["bias"] = 1.0
    f["pos"] = position
    f["pos_sq"] = position * position
    f["first"] = float(index == 0)
    f["last"] = float(index == count - 1)
    f["only"] = float(count == 1)
    f["words"] = min(40, len(words)) / 20.0
    if not words:
        return f
    norms = [t.norm for t in words]
    for phrase in cues.index.found_in(words):
        for part in cues.parts_of[phrase]:
            f[f"cue_{part}"] += 1.0
    f["scene_opener"] = float(len(_SCENE_OPENERS.found_in(words)))
    _verbs(words, norms, f)
    _scene_and_aims(words, norms, f)
    _outcomes(words, norms, position, f)
    _agency(words, norms, position, f)
    head = norms[0]
    if head in _HEADINGS and (words[0].comma_after or len(words) > 1):
        f[f"heading_{_HEADINGS[head]}"] = float(words[0].comma_after or words[0].text.endswith(":"))
    f["question"] = float(words[-1].question_after)
    out = {k: min(_CAP, v) if k not in {"pos", "pos_sq"} else v for k, v in f.items()}
    for w in set(norms):  # the model weighs only words every writer it was fitted on uses
        out[WORD + w] = 1.0
    return out


def _verbs(words: Sequence[Token], norms: list[str], f: dict[str, float]) -> None:
    for k, w in enumerate(norms):
        if w in _SUBJECTS_I or w in _SUBJECTS_WE:
            f["i" if w == "i" else "we"] += 1.0
            verb = _verb_after(words, k)
            if verb is None:
                continue
            v = verb.norm
            if v in _PRESENT_SELF:
                # "I want to specialise", "I enjoy…": about me now, not a story told.
                f["i_present"] += 1.0
            # "I must keep her calm" is what was asked of me (an obligation word), not a maybe.
            if v in _MODALS - {"must"} or v in {"i'd", "we'd"}:
                f["hypothetical"] += 1.0
            elif v in _HABIT:
                f["habit"] += 1.0
            elif v in _THINK:
                f["think"] += 1.0
            elif _is_past(v):
                f["i_past" if w == "i" else "we_past"] += 1.0
            elif v not in _NOT_VERBS and v not in _PRESENT_STATE and v.isalpha():
                # "I pull six people off returns": a story told in the present is still
                # doing, so it counts with the past ("I pulled…"), not as its own clue.
                f["i_past" if w == "i" else "we_past"] += 1.0
        elif w in _PRESENT_SUBJECTS:
            f["i_present"] += 1.0
        elif w in {"i'd", "we'd", "would"}:
            f["hypothetical"] += 1.0
        elif w in {"you", "your", "you're"}:
            f["you"] += 1.0
        elif w in _REASON:
            f["reason"] += 1.0
    for a, b in itertools.pairwise(norms):
        if a == "by" and b in {"me", "myself"}:
            f["by_me"] += 1.0
        if a in {"was", "were"} and _is_past(b) and b not in _NOT_PASSIVE:
            f["passive"] += 1.0
    lead = next((k for k, w in enumerate(norms) if w not in _OPENERS), None)
    if lead is not None:
        w = norms[lead]
        if _is_past(w):
            f["lead_past"] = 1.0
        if w not in _NOT_VERBS and w.isalpha() and not words[lead].text[:1].isupper():
            f["lead_verb"] = float(lead > 0 or _is_past(w))


def _scene_and_aims(words: Sequence[Token], norms: list[str], f: dict[str, float]) -> None:
    for a, b in itertools.pairwise(norms):
        if (a, b) in _OBLIGE:
            f["oblige"] += 1.0
        if a in _THERE and b in _BE:
            f["there_be"] += 1.0
    f["oblige"] += sum(1.0 for w in norms if w in _OBLIGE_WORDS)
    f["constraint"] = float(sum(1 for w in norms if w in _CONSTRAINT))
    f["scene"] = float(sum(1 for w in norms if w in _SCENE or _YEAR.match(w)))
    f["be"] = float(sum(1 for w in norms if w in _BE))
    f["problem"] = float(sum(1 for w in norms if w in _PROBLEM))
    for a, b, c in zip(norms, norms[1:], [*norms[2:], ""], strict=False):
        if (a in {"i", "we", "this", "it"} and b in {"was", "were", "am", "'m"}) and (
            c in _ROLE_NEXT or c.endswith("ing")
        ):
            f["role_intro"] += 1.0
        if a in {"i", "i'm"} and b in {"work", "worked", "was"} and c in {"as", "at", "for", "in"}:
            f["role_intro"] += 1.0
    for a, b in itertools.pairwise(norms):
        if (a in _PERFECT_AUX or a.endswith("'d")) and (_is_past(b) or b == "been"):
            f["perfect"] += 1.0
        if a in {"was", "were"} and len(b) > 4 and b.endswith("ing"):
            f["progressive"] += 1.0
    first = norms[0] if norms[0] not in _OPENERS else (norms[1] if len(norms) > 1 else "")
    if first in {"he", "she", "they", "my", "the", "a", "our", "her", "his", "their"}:
        f["third_party"] = 1.0


def _outcomes(
    words: Sequence[Token], norms: list[str], position: float, f: dict[str, float]
) -> None:
    numbers = sum(
        1
        for w in norms
        if (any(c.isdigit() for c in w) and not _YEAR.match(w))
        or "%" in w
        or w.startswith(("$", "£", "€"))
        or w in _NUMBERS
    )
    f["number"] = float(numbers)
    late = position > 2 / 3
    f["number_late"] = float(numbers) if late else 0.0
    f["praise"] = float(sum(1 for w in norms if w in _PRAISE))
    f["end_time"] = float(sum(1 for w in norms if w in _END_TIME))
    out = float(sum(1 for w in norms if w in _OUTCOME))
    out += sum(1.0 for pair in itertools.pairwise(norms) if pair in _OUTCOME_PAIRS)
    f["outcome"] = out
    f["outcome_late"] = out if late else 0.0
    good = float(sum(1 for w in norms if w in _GOOD))
    f["good"] = good
    f["good_late"] = good if late else 0.0
    for a, b in itertools.pairwise(norms):
        if a in {"got", "became", "was", "were", "is", "are", "much", "far", "a", "bit"} and (
            b in {"more", "less", "fewer"}
            or (len(b) > 4 and b.endswith("er") and b not in _COMPARATIVE_KEEP)
        ):
            f["comparative"] += 1.0


def _agency(words: Sequence[Token], norms: list[str], position: float, f: dict[str, float]) -> None:
    """Who acts and how the sentence moves: "I passed" (an outcome of mine), "errors
    cleared" (a change), "by Friday" (time after the doing), "Drafted a sheet" (note-style
    doing), or a plain state ("the queue was three days")."""
    first_person = False
    for k, w in enumerate(norms):
        if w in _FIRST_PERSON:
            first_person = True
        if w in _SUBJECTS_I or w in _SUBJECTS_WE:
            verb = _verb_after(words, k)
            if verb is not None and verb.norm in _I_OUTCOME:
                f["i_outcome"] += 1.0
        # "Errors cleared" is a change; "I cleared the errors" is doing.
        if w in _CHANGE and not _after_subject(norms, k):
            f["change"] += 1.0
        if w in _CHANGE_MOTION and k + 1 < len(norms) and norms[k + 1] in _CHANGE_PARTICLE:
            f["change"] += 1.0
        if w in {"from", "to"} and k + 1 < len(norms) and _is_amount(norms[k + 1]):
            f["from_to"] += 1.0
    past = any(_is_past(w) or w in _STATIVE for w in norms)
    f["past_no_i"] = float(past and not first_person)
    f["after_time"] = float(len(_AFTER_TIME.found_in(words)))
    f["still_now"] = float(sum(1 for w in norms if w in _STILL))
    f["stative"] = float(sum(1 for w in norms if w in _STATIVE))
    lead = next((k for k, w in enumerate(norms) if w not in _OPENERS), None)
    if lead is not None and lead + 1 < len(norms):
        w, nxt = norms[lead], norms[lead + 1]
        # "Drafted a sheet", not "Turned out he…" (a new subject: a clause, not a note).
        if (
            _is_past(w)
            and w not in _STATE
            and nxt.isalpha()
            and not (_NEW_SUBJECT & set(norms[lead + 1 : lead + 3]))
        ):
            f["lead_action"] = 1.0
    if position > 2 / 3:
        f["i_did_late"] = f["i_past"] + f["we_past"]


def _after_subject(norms: list[str], k: int) -> bool:
    """Is word ``k`` the verb of an "I"/"we" (adverbs between allowed)?"""
    j = k - 1
    while j >= 0 and norms[j] in _ADVERBS:
        j -= 1
    return j >= 0 and (norms[j] in _SUBJECTS_I or norms[j] in _SUBJECTS_WE)


def _is_amount(w: str) -> bool:
    return any(c.isdigit() for c in w) or w in _NUMBERS or w.startswith(("$", "£", "€"))


def without(words: Sequence[Token], skip: Collection[int]) -> list[Token]:
    """The sentence's words less the fillers (by word index)."""
    return [t for t in words if t.word_index not in skip]
