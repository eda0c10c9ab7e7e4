from __future__ import annotations

import pytest

from mockint.scoring import score_answer
from mockint.scoring.config import FillerConfig, ScoringConfig
from mockint.scoring.fillers import FillerDetector, filler_report, squash
from mockint.scoring.typed import typed_transcript
from tests.unit.scoring.helpers import parse, question, timed


def fillers_in(text: str, config: ScoringConfig | None = None, *, spoken: bool = True) -> list[str]:
    """The fillers found in ``text``, as a transcript of speech (or typed, ``spoken=False``)."""
    tokens, sentences = parse(text)
    detector = FillerDetector(config or ScoringConfig())
    return [f.key for f in detector.find(tokens, sentences, spoken=spoken)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Um, I think so.", ["um"]),
        ("Ummm, uhh, hmmm, erm.", ["um", "uh", "hmm", "erm"]),
        ("Eh, she is safe and warm.", ["eh"]),  # the hesitation of many Englishes
        ("I like Python.", []),
        ("I would like to lead.", []),
        ("It looks like a queue.", []),
        ("It was, like, huge.", ["like"]),
        ("I was like, no way.", ["like"]),
        ("She was like we need it today.", ["like"]),
        ("We had like 30 people.", ["like"]),  # hedging a number
        ("Tools like Terraform help.", []),
        ("We tried a few, like Terraform and Pulumi.", []),
        ("Like, um, we tried.", ["like", "um"]),
        ("So we shipped it.", ["so"]),
        ("Um, so we shipped it.", ["um", "so"]),
        ("We worked late so that we could ship.", []),
        ("It was so much work.", []),
        ("It was late, so we stopped.", []),
        ("So far it works.", []),
        ("Well, it broke.", ["well"]),
        ("It went well.", []),
        ("We had tests as well.", []),
        ("It was slow, right?", ["right"]),
        ("That's right.", []),
        ("Pick the right tool.", []),
        ("Okay, so we began.", ["okay", "so"]),
        ("It was okay.", []),
        ("You know, it broke.", ["you know"]),
        ("Do you know how it broke?", []),
        ("As you know, it broke.", []),
        ("You know what I mean?", ["you know"]),
        ("I mean, it broke.", ["i mean"]),
        ("What I mean is simple.", []),
        ("I mean that.", []),
        ("It was kind of messy.", ["kind of"]),
        ("This kind of data is messy.", []),
        ("What sort of bug was it?", []),
        ("I kinda fixed it.", ["kinda"]),
        ("Basically it literally actually worked.", ["basically", "literally"]),
        ("Actually, it worked.", ["actually"]),
        (
            "Yeah, um, so I was on nights. It went fine, so yeah.",
            ["yeah", "um", "so", "so", "yeah"],
        ),
        ("I was honestly surprised.", []),
        ("It was late. So, that took the close from two days to one.", []),
        ("Um, so I was on nights.", ["um", "so"]),
        ("We were short. So I rang the agency.", []),
        # so: the conjunction before a hesitation is still a conjunction
        ("It was just me on the desk, so, like, I had to pick.", ["like"]),
        ("So, like, I had to pick.", ["so", "like"]),
        ("i was key person for him so basically it was my job", ["basically"]),
        ("It slipped a bit. So now I block out time.", []),
        ("It's public money, right? So you've got to justify it.", ["right"]),
        # mm after a number is millimetres
        ("The wall was 30 mm out of plumb.", []),
        ("Mm, I'd say the wall.", ["mm"]),
        # honestly: a filler only set off on both sides
        ("Um, honestly, I'd say I do that.", ["um", "honestly"]),
        ("It was, honestly, the best week.", ["honestly"]),
        ("Honestly, the management was poor.", []),
        ("um honestly the ward was short", ["um"]),
        # yeah: opening the answer it says yes, unless more fillers follow
        ("Um, yeah, there's a good one.", ["um"]),
        ("um yeah a couple of questions", ["um"]),
        ("Yeah, um, so this was at a hotel.", ["yeah", "um", "so"]),
        ("we cleaned the lot yeah the guest never knew", ["yeah"]),
        ("He said yeah and left.", []),
        # like: approximations, and unpunctuated speech
        ("it had been the case for like three months", ["like"]),
        ("the write-off went from like a couple of thousand", ["like"]),
        ("Longer term I'd like a couple of apprentices.", []),
        ("handovers were just like rushed she'd give me nothing", ["like"]),
        ("so that night i like sat down with the trainee", ["like"]),
        ("so i like showed her on me first", ["so", "like"]),
        ("I like baked beans.", []),
        ("I like cooking.", []),
        ("I'm ready for the next step like I already do a lot", ["like"]),
        ("I couldn't just leave it like that", []),
        ("many of them are from Romania like me", []),
        ("I use tools like Excel and Power BI", []),
        ("ask them what it's like and maybe make a cuppa", []),
        ("I'd like to lead the team", []),
        ("side by side on one page, like for like, and I offered", []),
        # after a comma: examples ("such as") unless a clause follows
        ("I can offer something else, like an exchange.", []),
        ("It was a team thing really, like nobody owned it.", ["like"]),
        # you know / I mean: set off by commas, or unpunctuated in speech
        ("We wanted to, you know, cut that down.", ["you know"]),
        ("he signed the form and you know the next morning he came in", ["you know"]),
        ("kitchens teach you about deadlines you know the ticket's the ticket", ["you know"]),
        ("everything you know about it helps", []),
        ("I'd let you know the date", []),
        ("It's near home, which, I mean, matters.", ["i mean"]),
        ("I'm pretty careful I mean I've been a sparky for years", ["i mean"]),
        ("the emergency button i mean which goes through to control", []),
        ("I mean it when I say so", []),
        # okay / right opening a run of fillers
        ("Okay so I was a sales assistant.", ["okay", "so"]),
        ("um okay so I had a year nine class", ["um", "okay", "so"]),
        ("um right i was sous chef at the hotel", ["um", "right"]),
        ("Right now I work at a bank.", []),
        ("I just said, right, I'm going to own this.", []),
        ("She said okay, thank you.", []),
    ],
)
def test_filler_rules(text: str, expected: list[str]) -> None:
    assert fillers_in(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A writer opens a sentence with "So," or "Well," to link it, not to fill time.
        ("So I left school at 16.", []),
        ("Well, I have been working in retail.", []),
        ("ok so this was at the depot.", []),
        ("We were short. So, with his ok, I called.", []),
        ("Right, so, as a PCSO I was first there.", []),
        # set off by punctuation it still counts, and vocal fillers always do
        ("It was, like, huge.", ["like"]),
        ("Um, I think so.", ["um"]),
        ("we watched it back yeah i was moving off", []),
        ("I want the hotel side, like reservations and events.", []),
        ("Many are from Romania like me.", []),
        ("You know the rota is tight.", []),
        ("kitchens teach you about deadlines you know the ticket", []),
        ("It was hard, you know, at first.", ["you know"]),
        ("She was treated like a queue number.", []),
        ("It went fine, so yeah.", ["so", "yeah"]),
    ],
)
def test_typed_text(text: str, expected: list[str]) -> None:
    assert fillers_in(text, spoken=False) == expected


def test_the_lists_are_the_users() -> None:
    config = ScoringConfig(fillers=FillerConfig(vocal=["um"], verbal=["totally"]))
    assert fillers_in("Uh, um, totally like, you know.", config) == ["um", "totally"]


@pytest.mark.parametrize(("word", "squashed"), [("ummm", "um"), ("hmm", "hm"), ("er", "er")])
def test_squash(word: str, squashed: str) -> None:
    assert squash(word) == squashed


@pytest.mark.parametrize(
    ("fillers", "words", "band", "flagged"),
    [
        (1, 100, "excellent", False),
        (3, 100, "fine", False),
        (6, 100, "needs work", True),
        (2, 10, "needs work", False),  # 20 per 100, but too few to call the answer heavy
    ],
)
def test_rates_and_bands(fillers: int, words: int, band: str, flagged: bool) -> None:
    tokens, sentences = parse(" ".join(["um"] * fillers))
    found = FillerDetector(ScoringConfig()).find(tokens, sentences, spoken=True)
    report = filler_report(found, words, 1.0, ScoringConfig())
    assert (report.band, report.flagged) == (band, flagged)
    assert report.per_minute == fillers
    assert report.per_100_words == pytest.approx(100 * fillers / words)


_STORY = (
    "At my last job we were short of staff every weekend.",
    "I had to cover the rota myself.",
    "I rewrote the rota and told the team.",
    "After that the weekend shifts were always covered.",
)
_WITH_FILLERS = (
    ("At my last job we were, uh, short of staff every weekend.", 0),
    ("At my last job we were like short of staff every weekend.", 0),
    ("Um, so at my last job we were short of staff every weekend.", 0),
    ("I had to, you know, cover the rota myself.", 1),
    ("I mean, I had to cover the rota myself.", 1),
    ("I, uh, rewrote the rota and, like, told the team.", 2),
    ("I like rewrote the rota and told the team.", 2),
    ("I rewrote the rota, um, and told the team, you know.", 2),
    ("After that the weekend shifts were, I mean, always covered.", 3),
    ("After that the weekend shifts were like always covered, right?", 3),
)


@pytest.mark.parametrize("spoken", [True, False], ids=["timed", "typed"])
@pytest.mark.parametrize(("sentence", "k"), _WITH_FILLERS)
def test_fillers_inside_a_sentence_never_change_its_star_label(
    sentence: str, k: int, spoken: bool
) -> None:
    def labels(sentences: tuple[str, ...]) -> list[str | None]:
        text = " ".join(sentences)
        report = score_answer(timed(text) if spoken else typed_transcript(text), question())
        return [s.star for s in report.sentences]

    plain = labels(_STORY)
    assert plain == ["situation", "task", "action", "result"]
    assert labels((*_STORY[:k], sentence, *_STORY[k + 1 :])) == plain
