"""Content words: the words of a text that carry its meaning, lightly stemmed, so that
"managing complaints" and "manage a complaint" meet."""

from __future__ import annotations

import re

# Function words, the interview frame ("tell me about a time") and a posting's hedges
# ("preferred", "a plus"): shared by every posting and question, so they would make
# unrelated texts look alike.
_STOP_TEXT = """
    a an the you your yours me my i we our us to of in on at for with and or but so it its
    this that these those there their them they is are was were be been being do does did
    have has had can could would should will shall may might must tell describe give share
    walk talk through about time times when what which who whom how why where example
    situation something some any one bit just please kind sort as by from into out up all
    also other such than then very well more most own new per via etc e g ie including able
    ability strong excellent good great proven experience experienced year years role job
    work working team candidate successful ideal looking join us you'll we're within across
    using use plus key day daily ensure ensuring including make makes sure under every each
    times always high start end between without preferred required desired plus prior
"""
_STOP = frozenset(_STOP_TEXT.split())
_SUFFIXES = ("ings", "ing", "ies", "ed", "es", "s", "ment", "ly")


def stem(word: str) -> str:
    """A crude stem: enough for "complaints"/"complaint", "scheduling"/"schedule",
    "escalation"/"escalated", "disagreements"/"disagreed"."""
    if word.endswith(("ation", "ations")) and len(word) > 7:
        return word[: word.rindex("ation")] + "at"
    for _ in range(2):  # "disagreements": the plural, then "-ment"
        for suffix in _SUFFIXES:
            if suffix == "s" and word.endswith("ss"):
                continue  # "assess", "business": not plurals
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word.rstrip("e") if len(word) > 4 else word


def content_words(text: str) -> list[str]:
    """Stemmed words of ``text`` that are not function words, in order."""
    words = re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower().replace("co-worker", "coworker"))
    return [stem(w) for w in words if w not in _STOP and len(w) > 1]
