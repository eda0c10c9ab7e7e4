"""Audio in and out: recording (PortAudio), playback, and decoding files to 16 kHz mono."""
