"""Widgets that know nothing of the app: they show what they are given."""
