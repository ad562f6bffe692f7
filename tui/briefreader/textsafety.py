"""Make article text safe to put on a terminal without changing its length.

Article text is data. Escape sequences could retitle the terminal or write the clipboard,
so every control character except newline is swapped for a visible stand-in of the
same length: offsets computed on the original text stay valid for what is displayed.
"""

from __future__ import annotations

_CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
_CONTROL_PICTURES[0x7F] = "\u2421"  # DEL
_TABLE: dict[int, str] = {
    code: picture for code, picture in _CONTROL_PICTURES.items() if code != 0x0A
}
_TABLE[0x09] = " "  # a tab's width depends on the terminal; one space keeps offsets
_TABLE.update({code: "\ufffd" for code in range(0x80, 0xA0)})  # C1 controls, incl. CSI
# Bidi overrides can make a line display differently from what it says.
_TABLE.update({code: "\ufffd" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})


def visible(text: str) -> str:
    """Return text with control characters replaced one-for-one by visible symbols."""
    return text.translate(_TABLE)


def one_line(text: str) -> str:
    """Squash text to one safe line, for list cells, toasts and titles."""
    return " ".join(visible(text).split())
