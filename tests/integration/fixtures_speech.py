"""Fixtures for real-model tests (faster-whisper with the bundled tiny.en)."""
