"""A question's kind from its words, for questions that come from outside a bank (a
debrief, a pasted interview transcript): "Tell me about a project that failed" is
behavioral and gets STAR scoring; "What would you do if…" is situational."""

from __future__ import annotations

import re

from mockint.models import Kind

# Checked in this order: "Tell me about a time you showed your strengths" is a story first.
_RULES: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (
        Kind.BEHAVIORAL,
        re.compile(
            r"\b(tell (me|us) about (a|an|the|one) (time|situation|moment|occasion|project|"
            r"mistake|failure|challenge|conflict|decision|problem|difficult|disagreement|"
            r"setback|success|achievement|change|example|deadline|customer|patient|client)|"
            r"describe (a|an|the) (time|situation|moment|occasion|project|mistake|challenge|"
            r"conflict|decision|problem|difficult)|give (me |us )?(an|one|a specific) example|"
            r"share (an|one) example|(walk|talk|take) (me|us) through (a|an|the) (time|"
            r"situation|project|occasion)|talk about a time|have you ever|recall a time|"
            r"can you think of a time|when (have|did) you|the last time you|"
            r"what did you do when|what'?s an example|an example of (a time|when))\b"
        ),
    ),
    (
        Kind.SITUATIONAL,
        re.compile(
            r"\b(what would you do|how would you (handle|deal|respond|approach|manage|react|"
            r"prioriti[sz]e|tell)|what would happen if|imagine|suppose|what if|if you were|"
            r"say you|you (discover|find out|notice) that)\b"
        ),
    ),
    (
        Kind.CLOSING,
        re.compile(
            r"\b(questions for (us|me)|any questions|salary|compensation|pay expectations|"
            r"notice period|when can you start|availability|start date|relocat|"
            r"anything else (you'd like|to add))\b"
        ),
    ),
    (
        Kind.PERSONAL,
        re.compile(
            r"\b(about yourself|describe yourself|why (do|would) you want|why are you|"
            r"why did you|why should we|why (this|our|us)|strength|weakness|five years|"
            r"motivat|what makes you|leav(e|ing) your|left your|gap in your|proud|"
            r"passionate|your (background|career|cv|resume)|what do you know about)\b"
        ),
    ),
    (
        Kind.TECHNICAL,
        re.compile(
            r"^(how does|how do (you|we) (calculate|design|test|measure|build|configure)|"
            r"what is|what are|what's the difference|explain|design (a|an)|"
            r"how would you (design|build|implement|calculate))|"
            r"\b(difference between|walk (me|us) through how)\b"
        ),
    ),
)


def kind_from_text(text: str) -> Kind:
    """The kind of a question from its wording; personal when nothing tells."""
    lowered = " ".join(text.lower().replace("’", "'").split())
    for kind, pattern in _RULES:
        if pattern.search(lowered):
            return kind
    return Kind.PERSONAL
