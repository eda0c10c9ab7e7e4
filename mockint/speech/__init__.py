"""Speech to text with faster-whisper, whole-file and live (while the user speaks)."""
