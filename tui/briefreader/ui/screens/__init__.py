"""Whole screens of the TUI: the list, the reader, dialogs, help."""
