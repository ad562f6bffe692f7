"""People, organisations, places and dates: the recognizer, its word lists, corrections."""
