"""The Textual user interface: renders what the core computes and sends it the user's keys."""
