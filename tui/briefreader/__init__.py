"""briefreader: a keyboard-first terminal reader and annotator for news wire stories."""

__version__ = "0.1.0"
