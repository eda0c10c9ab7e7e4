"""Fixtures for tests with real parts: the model, PortAudio through PulseAudio, SQLite."""

from tests.integration.fixtures_audio import *  # noqa: F403
from tests.integration.fixtures_speech import *  # noqa: F403
