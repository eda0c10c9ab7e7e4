"""Practice planning: FSRS scheduling, weak questions, daily plans, streaks, debriefs."""
