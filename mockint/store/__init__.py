"""SQLite storage of attempts, sessions and practice state."""
