"""Fixtures for real-PortAudio tests (PulseAudio null sink as microphone)."""
