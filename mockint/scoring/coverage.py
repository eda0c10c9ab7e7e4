"""Key points: which of the question's key points the answer covers, as a checklist.

Two kinds of key point:
- A point that names a part of the story ("the outcome", "a specific example", "what I
  did") is judged by the STAR analysis itself, so the checklist and the structure never
  contradict each other ("✔ achieved the goal" beside "✘ Result not found").
- Any other point is covered when one sentence (with the next) says its content words in
  the same or other words: a word matches by stem or inflection (rapidfuzz for typing
  slips in long words only: "told" is not "old"), or by meaning through small groups of
  everyday equivalents ("right now" ~ "current", "boss" ~ "manager", "I found the lease
  was expiring" ~ "found the cause"; in an answer about pay, "I'm on thirty-eight" ~ "my
  current salary"; in one about notice, "four weeks" ~ "my notice period"), or by how a
  sentence is put together ("I told my supervisor" involves a supervisor, "did the timed
  slots first" prioritises them). One shared word is never enough for a point of two or
  more: "I noticed the area" does not cover "my notice period". How a point rates the
  doing ("escalated appropriately"), a light verb before its noun ("kept a record") and a
  word naming only whose or what it is ("career goals", "record what you saw") are not
  asked of the answer.

A mention does not count when it is negated ("I didn't call her parents"); when the point
is the candidate's doing and someone else does it ("she kept checking" for "checked her
ID", "you learn" for "what I learned"); and, for a point asking for one particular thing
("a specific patient", "this company") or only naming the question's own topic, when it is
a habit, a hypothesis or another one ("I negotiate all the time", "if I did disagree, I
would…", "patients", "a logistics company").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from mockint.scoring.config import ScoringConfig
from mockint.scoring.structure import ACTION, RESULT, SITUATION, StructureReport
from mockint.scoring.text import Sentence, Token, phrase_words, word_set

_MIN_WORD = 3
_SPELLING = 7  # a word this long can carry a typing slip and stay itself
_STEM = 5  # "negotiate"/"negotiation": a long shared prefix is the same idea
_REACH = 3  # words back that a "not" or an "a" reaches
_NEGATIONS = word_set("not never no without didn't don't doesn't wasn't weren't couldn't won't")
_NEGATED, _OTHER, _GENERIC, _PLURAL, _INDEFINITE, _SOUGHT = (
    "negated",
    "other",
    "generic",
    "plural",
    "indefinite",
    "sought",
)
#: A sentence with one of these tells a habit or a rule, not one time.
_HABITUAL = word_set("always usually normally generally typically often whenever tend tends")
_HABITUAL_PHRASES = (("all", "the", "time"), ("every", "time"), ("every", "day"))
#: Before "for", what follows is looked for, not had: "looking for work" is no role.
_SEEKING = word_set("look looks looking looked apply applying applied search searching hunting")
#: From one of these on, a sentence tells what would or could happen.
_HYPOTHETICAL = word_set("if would i'd we'd you'd could might should")
#: Who a subject pronoun is: the speaker, someone else, or "you" in general.
_SUBJECT_PRONOUNS = {
    **dict.fromkeys(("i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've", "we'd"), "me"),
    **dict.fromkeys(
        ("he", "he's", "he'd", "she", "she's", "she'd", "they", "they're", "they've", "they'd"),
        "other",
    ),
    **dict.fromkeys(("you", "you're", "you've", "you'd", "everyone", "everybody"), "you"),
}
#: Words that start a clause: a subject before them belongs to another clause.
_CLAUSE_WORDS = word_set(
    "and but so because when while then who which that where after before until if as since"
    " although though or once whether"
)
_NOT_PLURAL = ("ss", "us", "is", "'s", "ous", "ics")
#: The words of a question that ask rather than name its topic ("Tell me about a time…").
_PROMPT = word_set("tell describe time example give talk walk through explain share")
#: Words of a point that make it about the candidate's own doing or saying.
_FIRST_PERSON = word_set("i my me myself i'm i've i'd")
_PAST = word_set(
    "told kept spoke took gave made met sent showed found brought thought taught led went came"
    " said knew understood wrote rang sought chose put set let sat stood held ran felt left got"
    " did"
)
#: A point asking for one particular thing ("a specific patient", "a real weakness"): a
#: habit, a hypothesis or a plural does not name one.
_PARTICULAR = word_set("specific particular real genuine concrete actual")
#: Words of a key point that carry no content of their own ("how I handled it").
_VAGUE = word_set(
    "how what why when where which who way thing things something someone somebody "
    "any some one own other others them they their it its i'm i've able make made "
    "did done doing got get gave give having being took take specific real clear "
    "clearly genuine particular concrete example"
)
#: Words a point may have that the answer need not say: how the point rates what was done
#: ("escalated appropriately", "relevant experience": the doing is the point, the rating is
#: the interviewer's), and light verbs whose noun says the point ("kept a record", "stayed
#: calm", "used evidence").
_UNSAID = _VAGUE | word_set(
    "relevant appropriately appropriate promptly properly effectively positive key"
    " professional professionally"
    " keep keeps kept keeping stay stays stayed staying use uses used using act acted"
    " put puts remain remains remained find found"
    # "Open to negotiation" asks for the negotiation, not an opening ("I opened the store").
    " open"
)
#: Everyday equivalents, as "words | phrases": any of a group matches any other; a word in
#: two groups ("taught": learned, trained) matches both. A "+word" is narrower than its
#: group: it says the group in an answer, but a point with it asks for it alone (telling
#: a manager is escalating; "told the patient" is not said by "raised it"). A "-word" is a
#: point's word the group's phrases say, but too loose to say the group alone in an answer
#: ("owned the mistake" is said by "it was my mistake"; "nobody owned it" owns nothing).
_GROUPS = (
    # Saying what one is ("I'm a cashier", "I've been a team leader") says it is current.
    "current currently now nowadays presently | right now, these days, at the moment,"
    " at the minute, i'm a, i'm an, i am a, i am an, i'm at, i work as, i work at,"
    " i've been a, i've been an, i've worked as",
    "role job position post work works working employed | i'm a, i'm an, i am a, i am an,"
    " i work as, i work at, i work on, i work in, i'm at, i'm on, i've been a, i've been an,"
    " i've worked as, i run, i manage, i look after, i lead, i teach, i oversee, i supervise,"
    " i coordinate",
    "background history previously | before that, used to, started out, started my career",
    "manager boss supervisor lead head senior",
    "colleague colleagues coworker coworkers teammate teammates team staff peers",
    "customer customers client clients guest guests patient patients user users",
    "showed show shared share presented pulled | went through, walked through",
    "data numbers figures stats statistics evidence report spreadsheet",
    # "Not in front of the others" is in private (its "not" negates only what follows it).
    "privately private aside alone | one on one, one-to-one, 1:1, in private, kept back,"
    " not in front of, away from the others, away from everyone, away from the team,"
    " quiet word, behind closed doors, just the two of us, on our own",
    "themselves herself himself themself yourself | on their own, on her own, on his own",
    "mistake error errors mistakes slip fault",
    # Owning up in first-person words ("that one's mine", "it was our error", "I'm going to
    # own this one", "I said I'd sort it") takes ownership of it.
    "ownership responsibility accountable accountability -owned -own -owning -admitted -admit"
    " | that one's mine, it's mine, it was mine, was on me, it's on me, that's on me, my fault,"
    " my error, my mistake, our error, our mistake, our fault, own this, own it, owned it,"
    " owned up, own up, hold my hands up, held my hands up, i'll sort it, i'd sort it,"
    " leave it with me, didn't try and hide, didn't try to hide, didn't hide, i messed up,"
    " i got it wrong, my bad, put my hand up, put my hands up, fell to me, landed on me,"
    " landed with me, down to me",
    "apologised apologized apology apologise apologize sorry",
    "escalated escalate raised report reported reporting flagged +told +informed | pass it to,"
    " passed it to, pass it on, passed it on, passed on, handed it to",
    "contacted contact contacting rang ring phoned phone called call emailed messaged radioed"
    " | got in touch, reached out, got hold of",
    "told informed inform updated update communicated communicate communicating +messaged"
    " +emailed | let them know, let him know, let her know, made aware, posted updates,"
    " sent updates, gave updates, kept them posted, kept him posted, kept her posted",
    # A school's lesson is not a lesson learned: only the phrases of the second. What one
    # does differently since ("I now check the chart", "since then I always…") is what one
    # learned.
    "learned learnt learn taught | lesson is, lesson was, lesson for me, lesson learned,"
    " lesson learnt, lessons learned, lessons learnt, big lesson, biggest lesson, main lesson,"
    " key lesson, real lesson, lesson i took, lesson i learned, what i took, took from it,"
    " take from it, took away from it, taught me, i now, now i always, since then i,"
    " from then on i, ever since i, since then, from then on",
    "salary pay money compensation package",
    # Two ideas, each said by a span of weeks in an answer about notice (see _Figures).
    "notice",
    "period periods",
    # Open to negotiation is flexible ("I'm flexible on base", "happy to discuss").
    "flexible flexibility negotiable negotiation negotiate | happy to discuss,"
    " open to discussion, room to move, some give, can move on, could move on,"
    " happy to talk about, willing to discuss, can be flexible",
    "range ranges bracket band | somewhere between, somewhere in there, ballpark",
    # Saying when one can do it is being available ("weekends are fine", "I can do any
    # afternoon").
    "start starting available availability join",
    "available availability | i can do, i could do, are fine, i'm free, works for me,"
    " happy to do, happy to work",
    # Checking in everyday words: "double-checked", "looked it up", "went back through".
    "checked check checking verified verify verifying confirmed confirm double-checked"
    " cross-checked recounted re-counted | double checked, cross checked, cross checking,"
    " looked up, look up, went through, went back through, went over, looked into, look into",
    # What one checks against: the facts are the records ("the chart", "the CCTV").
    "facts fact evidence details records notes chart cctv footage log logs statement statements",
    "prioritised prioritise prioritize prioritized prioritising priority priorities",
    # Keeping one's voice down or not panicking is staying calm.
    # A small table of the doing verbs a point names and their everyday synonyms.
    "spotted spot noticed noticing recognised recognized realised realized | picked up on,"
    " caught it, clocked",
    "proposed propose suggested suggest recommended recommend pitched | put forward, came up with",
    "adapted adapt adjusted adjust tailored tailor modified changed switched",
    "resolved resolve solved solve fixed fix sorted | sorted it, sorted out, put right",
    "arranged arrange booked organised organized | set up",
    "gathered gather collected collect compiled | pulled together, got together",
    "delegated delegate | handed over, split the, shared out, passed on to",
    "accepted accept | took on board, took it on board, fair point, took the feedback",
    "planned plan planning scheduled mapped | mapped out, worked out a plan",
    "calm composed | kept my voice low, kept my voice down, keep my voice low, keep my voice"
    " down, steady voice, calm voice, lowered my voice, didn't raise my voice, don't shout,"
    " didn't shout, didn't panic, don't panic, kept my cool, kept my head, took a breath,"
    " deep breath, didn't react, don't take it personally, didn't take it personally",
    "involved involve involving",
    "policy policies rule rules procedure procedures protocol guidelines process",
    "satisfied happy pleased delighted",
    "employer employers company firm organisation organization business",
    # A day or a month names a date; a point's own day or month is that one ("by the
    # Friday deadline" is not met on Saturday).
    "date dates +january +february +march +april +june +july +august +september +october"
    " +november +december +monday +tuesday +wednesday +thursday +friday +saturday +sunday",
    "supported support supporting helped help helping",
    "alternative alternatives option options instead | something else",
    "matters matter important importance vital essential crucial",
    # Where one means to be later is a goal ("longer term I want to become chartered").
    "goal goals aim aims ambition ambitions aspiration aspirations | longer term, long term,"
    " long-term, in five years, someday, eventually, want to become, like to become,"
    " want to move into, like to move into, want to grow, want to progress, working towards,"
    " moving towards, where i want to go, where i want to be",
    "progress progression promotion | next step, next steps, step up, move up",
    "safe safety safely safer",
    # Letting them finish or talk is listening.
    "listened listen heard hear | let him finish, let her finish, let them finish, heard him out,"
    " heard her out, heard them out, let him talk, let her talk, let them talk, let him vent,"
    " let her vent, let them vent, let him speak, let her speak, let them speak",
    # Asking or meeting someone is speaking to them; a point's "asked for" or "met the
    # deadline" is not said by any talk.
    "asked ask asks asking enquired inquired",
    "spoke speak talked talk chatted +met +asked | sat down with, had a word, quiet word,"
    " a word with, a chat with",
    "followed follow | follow up, followed up, checked back, checked in, rang back,"
    " in line with, according to, as per, by the book, stuck to, under our",
    "empathy empathised empathized understanding sympathy",
    "improve improved improving better develop developing",
    "strength strengths strong",
    # Finding something hard, or not being good at it, names a weakness.
    "weakness weaknesses struggle struggles | find it hard, found it hard, finding it hard,"
    " not great at, not very good at, not good at, i'm bad at, too hard on, hard to say no,"
    " difficult for me, hard for me",
    "trained train training taught teach coached coach",
    "accurately accurate exactly precisely verbatim | word for word, own words, in their words",
    # Years in a job, or having worked as one, is experience.
    "experience experienced | years in, years as, years at, years on, years doing,"
    " years working, i've worked, i've been a, i've been an, i've spent, i worked as, i've done",
    "education educational studies degree graduated graduate grad university uni diploma"
    " bachelor bachelors masters bsc msc phd mba btech b.tech | final year, i studied,"
    " i'm studying, studied at, studying at",
    # A certificate, a degree or a named level is a qualification ("my level 3 diploma").
    "qualification qualifications qualified certificate certificates certified certification"
    " diploma degree nvq btec licence license licensed | level 2, level 3, level 4, level 5,"
    " level 6, level 7, level two, level three, level four, level five, level six, level seven",
    # What turned out is the cause found (and so is a finding: see _FINDS).
    "identified identify identifying diagnosed diagnose analysed analyzed pinpointed discovered"
    " | found out, worked out, figured out, turned out, turned up, tracked down, traced it",
    "cause causes root | found out, worked out, figured out, turned out,"
    " turned up, tracked down, traced it, was down to, caused by, the problem was,"
    " the issue was, the reason was",
    "documented document recorded record wrote logged write written noted"
    " | write down, wrote down, write up, wrote up, made a note, make a note",
    # Noting it down or a photo of it documents it (not every writing word: "wrote" asks
    # for writing, not a photo).
    "documented document recorded record | note down, noted down, jot down, jotted down,"
    " wrote it in, write it in, wrote it on, took photos, took pictures, photos, photographed,"
    " put it in writing",
)
#: A result point with one of these asks for a result with a figure.
_MEASURED = word_set("measurable measured measure quantified quantify")
_ROLE_WORDS = {
    RESULT: word_set("result results outcome outcomes impact resolved achieved difference"),
    "story": word_set("example instance situation story"),
    ACTION: word_set("action actions steps"),
}


#: Endings of one word's inflections ("calm" / "calmly" / "calmed", "role" / "roles").
_ENDINGS = ("'s", "ing", "ed", "es", "ly", "s", "d")


def _base(word: str) -> str:
    """A word without its inflection and final e: "caring" and "care" → "car"."""
    for end in _ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= _MIN_WORD:
            word = word[: -len(end)]
            break
    return word.removesuffix("e") if len(word) > _MIN_WORD else word


def _build_groups() -> tuple[
    dict[str, frozenset[int]], dict[str, frozenset[int]], dict[tuple[str, ...], frozenset[int]]
]:
    asks: dict[str, set[int]] = {}
    says: dict[str, set[int]] = {}
    phrases: dict[tuple[str, ...], set[int]] = {}
    for g, line in enumerate(_GROUPS):
        singles, _, multi = line.partition("|")
        for w in singles.split():
            if not w.startswith("-"):
                says.setdefault(w.lstrip("+"), set()).add(g)
            if not w.startswith("+"):
                w = w.lstrip("-")
                asks.setdefault(w, set()).add(g)
        for phrase in multi.split(","):
            if phrase.split():
                phrases.setdefault(tuple(phrase.split()), set()).add(g)
    return (
        {w: frozenset(g) for w, g in asks.items()},
        {w: frozenset(g) for w, g in says.items()},
        {p: frozenset(g) for p, g in phrases.items()},
    )


#: The groups a point's word asks for, the groups an answer's word says, and the groups
#: an answer's phrase says.
_WORD_GROUP, _SAYS_GROUP, _PHRASE_GROUP = _build_groups()
#: "Found" before a clause tells a finding, its cause found ("I found the lease was
#: expiring"); before a thing it tells where something was ("I found the file").
_FINDS = word_set("found find finds")
_FACT = word_set("was were is are had has been wasn't weren't isn't hadn't")
_FINDING = _WORD_GROUP["identified"] | _WORD_GROUP["cause"]
#: Handing a matter to someone senior escalates it ("I'd tell my lead engineer", "took them
#: to my manager", "grabbed the shift lead"); the same verbs to anyone else do not ("I told
#: the customer").
_HANDOFF = word_set(
    "tell tells telling told go goes going went take takes taking took pass passes passing"
    " passed get got grabbed called call rang ring bleeped bleep raise raised flag flagged"
    " brought bring"
)
_SENIOR = word_set(
    "manager managers supervisor supervisors lead leader head senior boss charge director"
    " coordinator"
)
_ESCALATING = _SAYS_GROUP["escalated"]
#: Asking or bringing in others involves them ("I'd ask my head teacher to join", "got the
#: team together").
_INVOLVING = word_set("ask asked get got bring brought pulled roped invited included")
_OTHERS = _SENIOR | word_set(
    "team teams colleague colleagues staff parents family specialist specialists department"
    " everyone others"
)
_AFTER = 5
"""Words after "found" within which its clause's verb stands, and after a hand-off or
involving verb within which the person does."""
#: What a figure says in an answer about pay: a salary, and a figure (the group of "figures").
_FIGURE_SAYS = _SAYS_GROUP["salary"] | _SAYS_GROUP["figures"]
#: What a span of weeks or months says in an answer about notice: the notice and its period.
_SPAN_SAYS = _SAYS_GROUP["notice"] | _SAYS_GROUP["period"]


def _by_base(index: dict[str, frozenset[int]]) -> dict[str, frozenset[int]]:
    """Groups by the base of their words, but only where a group lists one form of a base:
    a group listing several ("work works working") chose its forms ("worked" is a history,
    not a role)."""
    forms: dict[tuple[str, int], int] = {}
    for w, gs in index.items():
        for g in gs:
            forms[_base(w), g] = forms.get((_base(w), g), 0) + 1
    out: dict[str, frozenset[int]] = {}
    for w, gs in index.items():
        open_ = frozenset(g for g in gs if forms[_base(w), g] == 1)
        out[_base(w)] = out.get(_base(w), frozenset()) | open_
    return out


def _groups(
    word: str, index: dict[str, frozenset[int]], bases: dict[str, frozenset[int]]
) -> frozenset[int]:
    """A word's groups and its inflection's ("apologising" as "apologise"): "notes" are
    the facts one checks and, as "noted", a record kept."""
    return index.get(word, frozenset()) | bases.get(_base(word), frozenset())


_ASKS_BASE, _SAYS_BASE = _by_base(_WORD_GROUP), _by_base(_SAYS_GROUP)


@dataclass(frozen=True, slots=True)
class KeyPoint:
    text: str
    covered: bool
    score: float
    """Share of the key point's content words found (0–1); 1 or 0 for a story part."""
    sentence: int | None
    """Index of the sentence that matches best (evidence), if any word matched."""
    evidence: str
    """That sentence's text ("" when nothing matched)."""
    judged_by: str = "words"
    """``words`` (said in the answer) or a STAR part (``result``, ``action``, ``story``)
    when the point names a part of the story and the STAR analysis decides it."""


@dataclass(frozen=True)
class CoverageReport:
    points: tuple[KeyPoint, ...]
    covered: int
    total: int

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(p.text for p in self.points if not p.covered)


def content_words(text: str, stop: frozenset[str]) -> tuple[str, ...]:
    """The words a point asks the answer to say, one per idea: two of one meaning group
    ("senior manager", "lead or head", "background before that") are one idea, said by one
    word of the answer."""
    out: list[str] = []
    seen: set[int] = set()
    words = phrase_words(text)
    in_phrase = _phrase_groups(words)
    for k, w in enumerate(words):
        if w in stop or w in _UNSAID or (w not in _WORD_GROUP and len(w) < _MIN_WORD):
            continue
        if w in _WHAT_HAPPENED and "what" in words[max(0, k - 2) : k]:
            continue
        if w in _CAREER and k + 1 < len(words) and words[k + 1] in _PLANS:
            continue
        groups = _groups(w, _WORD_GROUP, _ASKS_BASE) or in_phrase[k]
        if groups & seen:
            continue
        seen |= groups
        out.append(w)
    return tuple(out)


#: Before a goal, "career" names whose goal it is, not a second thing to say: "career goals"
#: are said by "longer term I'd like to be a senior practitioner".
_CAREER = word_set("career")
_PLANS = word_set("goal goals aim aims ambition ambitions aspiration aspirations plans")


#: After "what", a verb this general only points at the story's events, whatever they were:
#: "record what you saw" is said by "I noted down the time and the till number".
_WHAT_HAPPENED = word_set("saw seen see seeing happened happens heard said was were")


@dataclass(frozen=True)
class _Window:
    """What one sentence says (with the next one): its words and their meaning groups."""

    words: frozenset[str]
    groups: frozenset[int]
    bases: frozenset[str]
    """The words without their inflections, worked out once, not once per point."""


def coverage(
    key_points: Sequence[str],
    tokens: Sequence[Token],
    sentences: Sequence[Sentence],
    config: ScoringConfig,
    star: StructureReport | None = None,
    question: str = "",
) -> CoverageReport:
    """Check each key point: story parts against ``star``, the rest against the words of
    every sentence (with the one after it). ``question`` is the question's text: a point
    that only names its topic is not said by echoing it."""
    stop = frozenset(config.language.stop_words)
    asked = _window([w for w in phrase_words(question) if w not in _PROMPT], stop)
    numbers = frozenset(w for w in config.structure.number_words if " " not in w)
    figures = _FIGURE_SAYS if asked.groups & _SAYS_GROUP["salary"] else frozenset()
    spans = _SPAN_SAYS if asked.groups & _SAYS_GROUP["notice"] else frozenset()
    answer = _Answer(
        tokens,
        sentences,
        _tags(tokens, sentences),
        stop,
        config,
        asked,
        _Figures(numbers, figures, spans),
    )
    points = tuple(_by_story(kp, star, sentences) or _said(kp, answer) for kp in key_points)
    return CoverageReport(points, sum(p.covered for p in points), len(points))


def alternatives(point: str) -> tuple[str, ...]:
    """A point a bank gives as "X or Y" is covered by either; a one-word side borrows the
    other side's words ("involved parents or colleagues" → "involved colleagues", "called or
    escalated it" → "called it"), so neither is judged as a lone shared word."""
    words = point.split()
    if "or" not in words[1:-1]:
        return (point,)
    k = words.index("or", 1)
    left, right = words[:k], words[k + 1 :]
    if len(right) == 1 < len(left):
        right = left[:-1] + right
    elif len(left) == 1 < len(right):
        left = left + right[1:]
    return (" ".join(left), " ".join(right))


def _window(
    norms: Sequence[str],
    stop: frozenset[str],
    question: bool = False,
    figures: _Figures | None = None,
) -> _Window:
    """The words of a sentence, with their parts and compounds ("post-qualification",
    "hand over" as "handover"), and the groups they say; a question says "asked". Stop
    words say nothing of themselves ("noted" is not "not")."""
    kept: list[str] = []
    groups: set[int] = set(_SAYS_GROUP["asked"]) if question else set()
    for k, w in enumerate(norms):
        parts = [w, *w.split("-"), w.replace("-", "")] if "-" in w else [w]
        if k + 1 < len(norms):
            parts.append(w + norms[k + 1])
        for part in parts:
            if part not in stop:
                kept.append(part)
                groups |= _groups(part, _SAYS_GROUP, _SAYS_BASE)
    for g in _phrase_groups(norms):
        groups |= g
    if figures is not None:
        groups |= figures.groups(norms)
    groups |= _implied(norms)
    return _Window(frozenset(kept), frozenset(groups), frozenset(_base(w) for w in kept))


#: Before "first", words that make it an ordinal or a time, not a priority.
_ORDINAL_BEFORE = word_set("the my our his her their a at for was is were came come and i")
#: Words that may stand inside a phrase after its first word ("kept him back").
_OBJECTS = word_set("him her them me us it")


def _implied(norms: Sequence[str]) -> frozenset[int]:
    """The groups a sentence says by how it is put together rather than by one word: a
    finding ("found the seal had perished"), a hand-off to someone senior, and others asked
    or brought in."""
    out: frozenset[int] = frozenset()
    for k, w in enumerate(norms):
        after = norms[k + 1 : k + 1 + _AFTER]
        if w in _FINDS and _FACT.intersection(after):
            out |= _FINDING
        if w in _HANDOFF and _SENIOR.intersection(_clause(after)):
            # Telling or taking it to someone senior also brings them in: "I told my
            # supervisor" involves a supervisor.
            out |= _ESCALATING | _WORD_GROUP["involved"]
        if w in _INVOLVING and _OTHERS.intersection(_clause(after)):
            out |= _WORD_GROUP["involved"]
        if (
            w == "first"
            and k > 1
            and norms[k - 1] not in _ORDINAL_BEFORE
            and (not after or after[0] in _CLAUSE_WORDS)
        ):
            # Doing something first, at the end of its clause, puts it first ("did the timed
            # slots first", "put safety first"); "the first week" or "first, I…" does not.
            out |= _WORD_GROUP["prioritised"]
    return out


def _clause(words: Sequence[str]) -> Sequence[str]:
    """The words up to the next clause word ("told the customer and then my manager…")."""
    for k, w in enumerate(words):
        if w in _CLAUSE_WORDS:
            return words[:k]
    return words


def _phrase_groups(norms: Sequence[str]) -> list[frozenset[int]]:
    """For each word, the groups of the phrases it stands in."""
    out: list[frozenset[int]] = [frozenset()] * len(norms)
    for phrase, g in _PHRASE_GROUP.items():
        n = len(phrase)
        for i in range(len(norms) - n + 1):
            for gap in (0, 1) if n > 1 and norms[i + 1] in _OBJECTS else (0,):
                if norms[i] == phrase[0] and tuple(norms[i + 1 + gap : i + n + gap]) == phrase[1:]:
                    for j in range(i, i + n + gap):
                        out[j] = out[j] | g
    return out


def _merge(a: _Window, b: _Window) -> _Window:
    return _Window(a.words | b.words, a.groups | b.groups, a.bases | b.bases)


def _tags(tokens: Sequence[Token], sentences: Sequence[Sentence]) -> list[frozenset[str]]:
    """Why each word of the answer may not say a point: ``negated`` ("I didn't call"),
    ``other`` (someone else does it: "she kept checking"), ``generic`` (a habit, a
    hypothesis or "you" in general: "I always…", "if I did…, I would…", "you learn"),
    ``plural`` and ``indefinite`` ("patients", "a firm": not the one the point means),
    ``sought`` (the rest of the clause after "looking for", "applying for")."""
    tags: list[frozenset[str]] = [frozenset()] * len(tokens)
    for s in sentences:
        norms = [t.norm for t in tokens[s.first : s.last + 1]]
        habitual = _HABITUAL.intersection(norms) or _has_phrase(norms, _HABITUAL_PHRASES)
        # A word of an equivalent's phrase is not plural on its own: "these days" is now.
        in_phrase = _phrase_groups(norms)
        affirmed = _negative_phrases(norms)
        hypothetical = sought = False
        for k, w in enumerate(norms):
            hypothetical = hypothetical or w in _HYPOTHETICAL
            starts = k > 1 and norms[k - 1] == "for" and norms[k - 2] in _SEEKING
            ends = w in _CLAUSE_WORDS or (k > 0 and tokens[s.first + k - 1].comma_after)
            sought = (sought or starts) and not ends
            t: set[str] = {_SOUGHT} if sought else set()
            reach = max(0, k - _REACH)
            if any(
                _negates(n) and not (j in affirmed and k in affirmed)
                for j, n in enumerate(norms[reach:k], reach)
            ):
                t.add(_NEGATED)
            subject = _subject(tokens, s.first, s.first + k)
            if subject in {"other", "you"}:
                t.add(_OTHER)
            if habitual or hypothetical or subject == "you":
                t.add(_GENERIC)
            # "Four weeks" is one span, not several of a thing.
            if _is_plural(w) and not in_phrase[k] and w not in _SPANS:
                t.add(_PLURAL)
            if any(n in {"a", "an"} for n in norms[max(0, k - _REACH) : k]):
                t.add(_INDEFINITE)
            tags[s.first + k] = frozenset(t)
    return tags


def _negates(word: str) -> bool:
    return word in _NEGATIONS or word.endswith("n't")


def _negative_phrases(norms: Sequence[str]) -> set[int]:
    """The words of an equivalent that says its meaning with a "not" ("not in front of the
    others" is privately, "not good at" a weakness): that "not" does not negate the phrase's
    own words, so the phrase stays said; it still negates what follows ("not good at
    delegating")."""
    out: set[int] = set()
    for phrase in _NEGATIVE_PHRASES:
        n = len(phrase)
        for i in range(len(norms) - n + 1):
            if tuple(norms[i : i + n]) == phrase:
                out.update(range(i, i + n))
    return out


#: The equivalents' phrases that start with a negation.
_NEGATIVE_PHRASES = tuple(p for p in _PHRASE_GROUP if _negates(p[0]))


def _subject(tokens: Sequence[Token], first: int, k: int) -> str:
    """The nearest subject pronoun before word ``k`` in its clause ("" if none: note style
    or a noun subject, taken as the speaker's)."""
    for i in range(k - 1, first - 1, -1):
        w = tokens[i].norm
        if w in _SUBJECT_PRONOUNS:
            return _SUBJECT_PRONOUNS[w]
        if w in _CLAUSE_WORDS or tokens[i].comma_after:
            return ""
    return ""


def _is_plural(word: str) -> bool:
    return len(word) > _MIN_WORD and word.endswith("s") and not word.endswith(_NOT_PLURAL)


def _has_phrase(norms: Sequence[str], phrases: Sequence[tuple[str, ...]]) -> bool:
    return any(
        tuple(norms[i : i + len(p)]) == p for p in phrases for i in range(len(norms) - len(p) + 1)
    )


def _role(point: str) -> str | None:
    words = [w for w in phrase_words(point) if w not in _VAGUE or w in _ROLE_WORDS["story"]]
    if phrase_words(point)[:3] == ("what", "i", "did"):  # "what I did personally"
        return ACTION
    for role, names in _ROLE_WORDS.items():
        if any(w in names for w in words[:3]):
            return role
    return None


def _by_story(
    point: str, star: StructureReport | None, sentences: Sequence[Sentence]
) -> KeyPoint | None:
    """A point naming a part of the story, judged by the STAR analysis (None otherwise)."""
    role = _role(point)
    if star is None or role is None:
        return None
    if role == "story":  # an example: a told story, with what was done in it
        present = star.parts[ACTION].present and star.parts[SITUATION].present
        part = star.parts[ACTION]
    else:
        part = star.parts[role]
        present = part.present
        if present and _MEASURED.intersection(phrase_words(point)):
            present = star.result_quantified
    k = part.sentences[0] if part.sentences else None
    evidence = sentences[k].text if k is not None and present else ""
    return KeyPoint(point, present, float(present), k if present else None, evidence, role)


@dataclass(frozen=True)
class _Figures:
    """What a figure says in this answer: in an answer about pay, a sum is a salary ("I'm on
    thirty-eight now" is the current salary) and two joined by "to" or "between … and" are a
    range; elsewhere nothing ("cut it from 45 to 20 minutes"). In an answer about notice,
    a span of weeks or months is the notice period ("I'm contracted to four weeks")."""

    numbers: frozenset[str]
    """Number words ("forty") besides digits."""
    says: frozenset[int]
    """The groups a figure says here (none outside an answer about pay)."""
    spans: frozenset[int] = frozenset()
    """The groups a span of weeks or months says here (none outside an answer about notice)."""

    def is_figure(self, word: str) -> bool:
        parts = word.split("-")  # "forty-two"
        return any(c.isdigit() for c in word) or any(p in self.numbers or p in _SUMS for p in parts)

    def groups(self, norms: Sequence[str]) -> frozenset[int]:
        """The groups the figures of a sentence say."""
        return self._sums(norms) | self._spans(norms)

    def _spans(self, norms: Sequence[str]) -> frozenset[int]:
        # "A month" counts as a span; "a week booked off" is leave, not notice, so "a week" does
        # not.
        spanned = any(
            w in _SPANS and (self.is_figure(norms[k - 1]) or (norms[k - 1], w) == ("a", "month"))
            for k, w in enumerate(norms)
            if k > 0
        )
        return self.spans if spanned else frozenset()

    def _sums(self, norms: Sequence[str]) -> frozenset[int]:
        if not self.says or not any(self.is_figure(w) for w in norms):
            return frozenset()
        ranged = any(
            self.is_figure(norms[k - 1])
            and w in {"to", "and"}
            and k + 1 < len(norms)
            and self.is_figure(norms[k + 1])
            for k, w in enumerate(norms)
            if k > 0
        )
        return self.says | (_SAYS_GROUP["range"] if ranged else frozenset())


#: Words of a span of notice ("four weeks", "one month's").
_SPANS = word_set("week weeks month months month's weeks'")
#: Words that make a number a sum of money ("forty grand").
_SUMS = word_set("k grand thousand")


@dataclass(frozen=True)
class _Answer:
    """What every point is checked against: the sentences, why each word may not count
    (``tags``), the stop words, the config and the question's words (``asked``)."""

    tokens: Sequence[Token]
    sentences: Sequence[Sentence]
    tags: Sequence[frozenset[str]]
    stop: frozenset[str]
    config: ScoringConfig
    asked: _Window
    figures: _Figures
    _cache: dict[frozenset[str], tuple[list[_Window], list[_Window]]] = field(default_factory=dict)

    def windows(self, excluded: frozenset[str]) -> tuple[list[_Window], list[_Window]]:
        """Each sentence's window with the next, and alone, of the words not ``excluded``."""
        if excluded not in self._cache:
            alone = [
                _window(
                    [
                        self.tokens[i].norm
                        for i in range(s.first, s.last + 1)
                        if not self.tags[i] & excluded
                    ],
                    self.stop,
                    self.tokens[s.last].question_after,
                    self.figures,
                )
                for s in self.sentences
            ]
            both = [
                _merge(alone[k], alone[k + 1]) if k + 1 < len(alone) else alone[k]
                for k in range(len(alone))
            ]
            self._cache[excluded] = (both, alone)
        return self._cache[excluded]


def _said(point: str, answer: _Answer) -> KeyPoint:
    """The point judged by its words: the best of its alternatives, under its own text."""
    judged = (_check(alt, answer) for alt in alternatives(point))
    return replace(max(judged, key=lambda p: (p.covered, p.score)), text=point)


def _asks(point: str, answer: _Answer) -> list[tuple[str, frozenset[str]]]:
    """Each content word of the point, with the mentions that do not say it: the
    candidate's own doing (the point's verb, what follows "I" or "my") is not said by
    someone else's; a particular thing ("a specific patient", "this company", a point that
    only names the question's topic) is not named by a habit, a plural or "a firm"."""
    words = phrase_words(point)
    wanted = content_words(point, answer.stop)
    sim = answer.config.coverage.word_similarity
    echo = all(_match(w, answer.asked, sim) for w in wanted)
    out = []
    for n, w in enumerate(wanted):
        k = words.index(w) if w in words else 0
        before = words[max(0, k - 2) : k]
        excluded = {_NEGATED}
        if (n == 0 and _is_verb(words[0])) or _FIRST_PERSON.intersection(before):
            excluded.add(_OTHER)
        if w in _PLANS:  # a goal asked of a candidate is their own, not their manager's
            excluded.add(_OTHER)
        if echo or _PARTICULAR.intersection(before):
            excluded |= {_GENERIC, _PLURAL} if not _is_plural(w) else {_GENERIC}
        if "this" in before:
            excluded |= {_INDEFINITE, _PLURAL}
        if "my" in before and not _is_plural(w):  # "my employer": not "the firms"
            excluded.add(_PLURAL)
        if {"my", "current"}.intersection(before):  # what one has, not what one looks for
            excluded.add(_SOUGHT)
        out.append((w, frozenset(excluded)))
    return out


def _is_verb(word: str) -> bool:
    return word.endswith("ed") or word in _PAST


def _check(point: str, answer: _Answer) -> KeyPoint:
    asks = _asks(point, answer)
    if not asks:
        return KeyPoint(point, False, 0.0, None, "")
    sim = answer.config.coverage.word_similarity
    need = _needed(len(asks), answer.config.coverage.threshold)
    views = {e: answer.windows(e) for e in {e for _, e in asks}}
    best_found, best_k, best_single = 0, None, 0
    for k in range(len(answer.sentences)):
        found = sum(_match(w, views[e][0][k], sim) for w, e in asks)
        best_found = max(best_found, found)
        single = sum(_match(w, views[e][1][k], sim) for w, e in asks) if found else 0
        if single > best_single:  # evidence: the one sentence that says most of it
            best_single, best_k = single, k
    covered = best_found >= need
    evidence = answer.sentences[best_k].text if best_k is not None else ""
    return KeyPoint(point, covered, round(best_found / len(asks), 2), best_k, evidence)


def _needed(n: int, share: float) -> int:
    """Content words a window must say: all of one or two, else ``share`` of them but never
    fewer than two (one shared word is not the point)."""
    if n <= 2:
        return n
    return max(2, math.ceil(share * n))


def _match(word: str, window: _Window, similarity: float) -> bool:
    if _groups(word, _WORD_GROUP, _ASKS_BASE) & window.groups:
        return True
    if word in window.words or word.replace("-", "") in window.words:
        return True
    if len(word) >= _STEM and any(c.startswith(word[:_STEM]) for c in window.words):
        return True
    if _base(word) in window.bases:
        return True
    return _misspelt(word, window, similarity)


def _misspelt(word: str, window: _Window, similarity: float) -> bool:
    """A typing slip in a long word ("recieved"): close in spelling with the same start.
    Short words close in spelling are other words ("told" / "old", "sent" / "set")."""
    if len(word) < _SPELLING:
        return False
    from rapidfuzz import fuzz, process  # deferred: only answers with key points need it

    candidates = [c for c in window.words if len(c) >= _SPELLING and c[:2] == word[:2]]
    return bool(candidates) and (
        process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=similarity) is not None
    )
