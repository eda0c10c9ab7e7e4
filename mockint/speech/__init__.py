"""Speech to text with faster-whisper, whole-file and live (while the user speaks).

- :mod:`mockint.speech.transcriber`: :class:`Transcriber` (the model, loaded once, local
  only), ``transcribe`` / ``transcribe_long`` / ``transcribe_file``.
- :mod:`mockint.speech.live`: :class:`LiveTranscriber`, fed by the recorder while recording.
- :mod:`mockint.speech.chunking`: cutting audio at pauses, live chunks and file spans (pure).
- :mod:`mockint.speech.features`: faster-whisper's log-Mel features, a block at a time.
- :mod:`mockint.speech.guards`: dropping words invented on silence (pure).

Nothing is imported here, so ``import mockint.speech.config`` stays cheap.
"""
