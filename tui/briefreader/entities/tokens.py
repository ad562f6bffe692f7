"""Word tokens and the capitalised runs the recognizer reads names from.

The text is cut into the words a name can use (capitalised words, numbers, connectors
such as "of"), with possessives and useless hyphen parts split off and the sentence
starts marked; runs are those words joined by single spaces, never across punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefreader.entities import gazetteer as gz
from briefreader.entities.word_kinds import is_cap

_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")
_ABBREVIATIONS = (
    gz.load_words("abbreviations.txt")
    | gz.STATE_ABBREVIATIONS
    # legal forms written with a full stop ("Pvt. Ltd.", "Bhd."): no sentence ends there
    | frozenset(
        f[:-1] for f in gz.LEGAL_FORMS if f.endswith(".") and not _INITIALS.fullmatch(f[:-1])
    )
)
_HYPHEN_SUFFIXES = gz.load_words("hyphen_suffixes.txt")
_HYPHEN_PREFIXES = frozenset("anti pro ex non post pre mid trans inter pan neo sub".split())
CONNECTORS = frozenset({"of", "for", "on", "the", "and", "&"}) | gz.NAME_PARTICLES
# A word: letters, digits and "&", with an apostrophe, full stop or hyphen inside when a
# letter or digit follows ("O’Brien", "U.S", "Sang-hyeok"); runs of word characters at a
# time rather than one character per step through an alternation (same matches).
_TOKEN_BODY = r"[\w&]*(?:[’'.\-](?=[^\W_])[\w&]*)*"
# The words a name run can use: those that do not start in lower case (names, numbers),
# connectors, and hyphenated words whose prefix is split off ("pro-Russia"). An all
# lower-case word only breaks a run, which the gap before the next kept word shows as well,
# so the scan skips those inside the regex engine. The look-behinds make a match start only
# where a word starts, never inside one ("McDonald", "O’Brien", "AT&T").
_TOKEN_RE = re.compile(
    r"(?<![\w&])(?<![\w&][’'.\-])(?:[^\W_a-z]"
    + _TOKEN_BODY
    + r"|(?:"
    + "|".join(sorted(_HYPHEN_PREFIXES))
    + r")-[^\W_]"
    + _TOKEN_BODY
    + r"|(?:"
    + "|".join(sorted(CONNECTORS - {"&"}, key=len, reverse=True))
    + r")(?![\w&]|[’'.\-][^\W_]))"
)
_QUOTE_AFTER_COMMA = re.compile(r",\s*[\"”’]\s*$")


@dataclass(slots=True)
class Token:
    """A word a name can use, with what the name rules need to know around it."""

    start: int
    end: int
    text: str
    possessive: bool = False  # followed by 's or ’ (the name ends here)
    sentence_start: bool = False
    gap_before: str = " "  # the characters between this token and the previous one


_SENTENCE_PUNCTUATION = frozenset('.!?:;\n"“”‘’([—–')


def opens_sentence(text: str, start: int, first_word: int) -> bool:
    """Whether the word at start follows a sentence end, a heading break or an opening quote.

    A backwards scan over at most 40 characters: this runs for every capitalised word, so it
    avoids slicing the text and running a regular expression on the slice.
    """
    if start <= first_word:
        return True
    low = max(0, start - 40)
    k = start
    newline = False
    while k > low and text[k - 1].isspace():
        k -= 1
        newline = newline or text[k] == "\n"
    if newline or k == low:
        return True
    char = text[k - 1]
    if char in _SENTENCE_PUNCTUATION:
        return True
    return char == "-" and k - 2 >= low and (text[k - 2] == "-" or text[k - 2].isspace())


def find_tokens(text: str, taken: list[tuple[int, int]]) -> list[Token]:
    """Word tokens outside dates, with possessives and useless hyphen parts split off.

    Lower-case words other than connectors are not kept (the regex skips the ASCII ones,
    the check below the rest): a name run only needs to know that something broke it, and
    the gap before the next kept token, which then holds a word, says so. Most words of news
    copy are lower case, so this skips most of the work.
    """
    tokens: list[Token] = []
    blocked = sorted(taken)
    next_block = 0
    previous_end = 0
    first_word = len(text) - len(text.lstrip())
    text_end = len(text)
    for match in _TOKEN_RE.finditer(text):
        word = match.group()
        if word[0].islower() and word.islower() and word not in CONNECTORS:
            continue
        start, end = match.span()
        while next_block < len(blocked) and blocked[next_block][1] <= start:
            next_block += 1
        if next_block < len(blocked) and blocked[next_block][0] < end:
            continue  # inside a date or a nicknamed person
        # Initials and abbreviations keep their full stop ("U.S.", "St.", "M.").
        if (
            end < text_end
            and text[end] == "."
            and (word in _ABBREVIATIONS or _INITIALS.fullmatch(word))
        ):
            end += 1
            word += "."
        parts = [(start, end)] if "-" not in word else _hyphen_parts(word, start)
        for part_start, part_end in parts:
            part = text[part_start:part_end]
            possessive = False
            if part.endswith(("’s", "'s")) and len(part) > 2:
                part_end -= 2
                part = part[:-2]
                possessive = True
            elif part_end < text_end and text[part_end] in "’'" and part.endswith("s"):
                after = text[part_end + 1 : part_end + 2]
                possessive = not after.isalnum()
            sentence_start = (
                part[:1].isupper()
                and opens_sentence(text, part_start, first_word)
                and not _QUOTE_AFTER_COMMA.search(text, max(0, part_start - 40), part_start)
            )
            tokens.append(
                Token(
                    part_start,
                    part_end,
                    part,
                    possessive,
                    sentence_start,
                    text[previous_end:part_start],
                )
            )
            previous_end = part_end
    return tokens


def _hyphen_parts(word: str, start: int) -> list[tuple[int, int]]:
    """Split "US-led" and "pro-Russia", keep "Mar-a-Lago", "Sang-hyeok" and "Iraq-Iran"."""
    if "-" not in word:
        return [(start, start + len(word))]
    parts = word.split("-")
    spans = []
    offset = start
    for part in parts:
        spans.append((offset, offset + len(part)))
        offset += len(part) + 1
    if parts[0].casefold() in _HYPHEN_PREFIXES and len(parts) > 1 and parts[1][:1].isupper():
        return [(spans[1][0], start + len(word))]
    if parts[-1].casefold() in _HYPHEN_SUFFIXES and parts[0][:1].isupper():
        return [(start, spans[-2][1])]
    known = [p in gz.PLACES or p in gz.ORGANISATIONS or p in gz.NATIONALITIES for p in parts]
    if all(known) and len(parts) > 1:
        return spans
    return [(start, start + len(word))]


def previous_char(text: str, position: int) -> str:
    """The last non-space character before position ("" at the start)."""
    k = position
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return text[k - 1] if k else ""


def name_runs(tokens: list[Token]) -> list[list[Token]]:
    """Capitalised tokens joined by single spaces, with connectors allowed inside."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    pending: list[Token] = []  # connectors waiting for a capitalised word
    for token in tokens:
        joined = token.gap_before in {" ", "-"} and current and not current[-1].possessive
        if is_cap(token.text) or (token.text[:1].isdigit() and current and joined):
            if current and joined and (not pending or pending[-1].gap_before == " "):
                current.extend(pending)
                current.append(token)
            else:
                if current:
                    runs.append(current)
                current = [token]
            pending = []
        elif token.text in CONNECTORS and current and joined and len(pending) < 2:
            pending.append(token)
        else:
            if current:
                runs.append(current)
            current, pending = [], []
    if current:
        runs.append(current)
    return runs
