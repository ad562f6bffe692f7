"""Annotations out as files: Markdown notebooks, JSON backups and import, HTML pages."""
