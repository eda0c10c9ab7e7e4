"""Matching configured word lists (one- or multi-word phrases) against tokens."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from mockint.scoring.text import Token, phrase_words


class PhraseIndex:
    """Phrases by their first word and length, for matching at a token position."""

    def __init__(self, phrases: Iterable[str]) -> None:
        # first word → [(length, {phrase words → key})], longest first
        by_first: dict[str, dict[int, dict[tuple[str, ...], str]]] = {}
        for phrase in phrases:
            words = phrase_words(phrase)
            if words:
                by_first.setdefault(words[0], {}).setdefault(len(words), {})[words] = " ".join(
                    words
                )
        self._by_first = {
            first: sorted(by_len.items(), key=lambda kv: -kv[0])
            for first, by_len in by_first.items()
        }

    def matches(
        self, tokens: Sequence[Token], i: int, *, across_commas: bool = False
    ) -> Iterator[tuple[str, int]]:
        """(phrase, last token position) for each phrase said at ``i``, longest first.
        A phrase never spans a sentence end, nor a comma unless ``across_commas``:
        "you, know" is not "you know", but "First, I" may be the cue "first I"."""
        for length, phrases in self._by_first.get(tokens[i].norm, ()):
            last = i + length - 1
            if last >= len(tokens):
                continue
            key = phrases.get(tuple(t.norm for t in tokens[i : last + 1]))
            if key is not None and not any(
                (tokens[k].comma_after and not across_commas) or tokens[k].stop_after
                for k in range(i, last)
            ):
                yield key, last

    def found_in(self, tokens: Sequence[Token]) -> set[str]:
        """The different phrases that occur in ``tokens`` (commas allowed inside)."""
        return {
            key
            for i, tok in enumerate(tokens)
            if tok.norm in self._by_first
            for key, _ in self.matches(tokens, i, across_commas=True)
        }

    def __contains__(self, phrase: str) -> bool:
        words = phrase_words(phrase)
        return bool(words) and any(
            words in phrases for _, phrases in self._by_first.get(words[0], ())
        )
