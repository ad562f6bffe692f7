"""Markdown for Obsidian-style notebooks: a digest file, or one file per article.

What briefreader writes sits between two marker comments (and, in a per-article file, in
the front matter above them). Exporting again replaces only that part: notes the user
wrote around it stay, a deleted annotation disappears, nothing is duplicated, and with
no change in between the file is byte-identical.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from briefreader.annotations.model import Highlight
from briefreader.export.data import LINKED_LABELS, ExportItem
from briefreader.export.frontmatter import Value, front_matter, yaml_lines
from briefreader.export.slugs import slugify
from briefreader.textsafety import one_line, visible

BEGIN = "<!-- briefreader:begin (generated: edits between these markers are replaced) -->"
END = "<!-- briefreader:end -->"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
FRONT = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


class NotOurFileError(Exception):
    """The target exists but was not written by briefreader: it is never overwritten."""


def escape_markdown(text: str) -> str:
    """Make a title inert in Markdown: it reads the same and never becomes a link or heading."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text))


def obsidian_tag(tag: str) -> str:
    """A tag Obsidian reads as one tag: no spaces or punctuation that would end it."""
    cleaned = re.sub(r"[^\w/\-]", "-", tag)
    if cleaned.isdigit():
        cleaned = f"tag-{cleaned}"  # Obsidian ignores purely numeric tags
    return f"#{cleaned}"


def block_id(highlight: Highlight) -> str:
    """A stable Obsidian block id for a highlight, so links to it survive re-exports."""
    return "hl-" + re.sub(r"[^a-z0-9]", "", highlight.id.lower())[:12]


def entity_slug(name: str) -> str:
    """The file name of an entity's page; links and pages both use it, so links never break."""
    return slugify(name, fallback="entity")


def wiki_link(name: str) -> str:
    """An Obsidian link to an entity's page (entities/<slug>.md), shown as the name."""
    shown = re.sub(r"[\[\]|#^]", " ", one_line(name)).strip()
    return f"[[entities/{entity_slug(name)}|{shown}]]"


def properties(item: ExportItem) -> dict[str, Value]:
    """The article's facts as YAML properties."""
    annotation = item.annotation
    return {
        "id": item.article_id,
        "title": item.title,
        "date": annotation.date,
        "place": annotation.place,
        "agency": annotation.agency,
        "source": annotation.path,
        "tags": [obsidian_tag(t).lstrip("#") for t in annotation.tags],
        "starred": item.starred,
        "entities": {label: names for label, names in item.entities.items()},
    }


_ATX = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def demote_headings(note: str, level: int) -> str:
    """The note with every heading moved below `level` (its own section's heading).

    A note is written freely, often starting "# My take"; copied as it is, that became a
    second title of the exported file and broke its outline. Each heading goes down by
    `level` (at most to ######), so the note's own structure is kept under "Notes".
    Underlined headings become '#' ones; code blocks are left as they are.
    """
    lines = note.split("\n")
    out: list[str] = []
    fence = ""
    for number, line in enumerate(lines):
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            out.append(line)
            continue
        if opened:
            fence = opened.group(1)
            out.append(line)
            continue
        atx = _ATX.match(line)
        if atx:
            deeper = "#" * min(6, len(atx.group(2)) + level)
            out.append(f"{atx.group(1)}{deeper}{line[atx.end() :]}")
            continue
        underline = _SETEXT.match(line)
        if underline and _plain_line_alone(lines, number - 1):
            own = 1 if underline.group(1)[0] == "=" else 2
            out[-1] = f"{'#' * min(6, own + level)} {out[-1].strip()}"
            continue
        out.append(line)
    return "\n".join(out)


_NOT_PLAIN = re.compile(r"^(?: {4}|\t| {0,3}(?:[-*+>|#]|\d+[.)]|`{3}|~{3}))")


def _plain_line_alone(lines: list[str], number: int) -> bool:
    """Whether line `number` is a one-line paragraph: text an underline makes a heading."""
    if number < 0 or not lines[number].strip() or _NOT_PLAIN.match(lines[number]):
        return False
    before = lines[number - 1] if number else ""
    # After a blank line, a heading or a code block's closing fence (here, the underline is
    # outside any code block, so a fence just above the text closed one).
    return not before.strip() or bool(_ATX.match(before) or _FENCE.match(before))


def _quote(highlight: Highlight, meanings: Mapping[str, str]) -> list[str]:
    lines = [
        f"> {escape_markdown(line) if line.strip() else ''}".rstrip()
        for line in visible(highlight.selector.exact).splitlines() or [""]
    ]
    meaning = meanings.get(highlight.colour, highlight.colour)
    footer = f"> — *{escape_markdown(meaning)}*"
    if highlight.comment.strip():
        footer += f" · {escape_markdown(highlight.comment)}"
    return [*lines, ">", f"{footer} ^{block_id(highlight)}"]


def article_body(
    item: ExportItem, meanings: Mapping[str, str], heading: str, links: bool
) -> list[str]:
    """Tags, notes, highlights (and entity links) of one article, under `heading` level."""
    annotation = item.annotation
    lines: list[str] = []
    if annotation.tags:
        lines += [" ".join(obsidian_tag(t) for t in annotation.tags), ""]
    if links and any(item.entities.get(label) for label in LINKED_LABELS):
        names = [n for label in LINKED_LABELS for n in item.entities.get(label, [])]
        lines += ["Mentions: " + " · ".join(wiki_link(n) for n in names), ""]
    if annotation.note.strip():
        note = demote_headings(visible(annotation.note.strip()), len(heading))
        lines += [f"{heading} Notes", "", note, ""]
    if item.highlights:
        lines += [f"{heading} Highlights", ""]
        for highlight in item.highlights:
            lines += [*_quote(highlight, meanings), ""]
    return lines


def article_file(item: ExportItem, meanings: Mapping[str, str], links: bool) -> tuple[str, str]:
    """Front matter and the generated body of one article's own file."""
    body = [f"# {escape_markdown(item.title)}", "", *article_body(item, meanings, "##", links)]
    return front_matter(properties(item)), "\n".join(body).rstrip("\n") + "\n"


def digest(
    items: Sequence[ExportItem], meanings: Mapping[str, str], links: bool, filtered: bool = False
) -> str:
    """All chosen articles in one file; each with its properties as a YAML block."""
    lines: list[str] = []
    if not items:
        lines += [
            "_No annotated article matches these filters._"
            if filtered
            else "_No annotated articles yet: tag, note or highlight an article first._",
            "",
        ]
    for item in items:
        lines += [f"## {escape_markdown(item.title)}", ""]
        lines += ["```yaml", *yaml_lines(properties(item)), "```", ""]
        lines += article_body(item, meanings, "###", links)
    return "\n".join(lines).rstrip("\n") + "\n"


_TOP_KEY = re.compile(r"""^("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#:'"-][^:]*?)\s*:(?:\s|$)""")


def _property_blocks(front: str) -> list[tuple[str | None, list[str]]]:
    """Top-level properties of a front matter block, each with its lines (values, lists)."""
    lines = front.split("\n")[1:-2]  # without the fences and the final newline
    blocks: list[tuple[str | None, list[str]]] = []
    for line in lines:
        found = _TOP_KEY.match(line)
        if found:
            blocks.append((found.group(1).strip("'\""), [line]))
        elif blocks:
            blocks[-1][1].append(line)
        else:
            blocks.append((None, [line]))  # a comment before the first key
    return blocks


def _keep_user_properties(generated: str, existing: str) -> str:
    """Our properties, refreshed, then the ones the user added, kept as they were.

    People add their own properties in Obsidian (status, rating, aliases); a re-export
    that dropped them would lose their work.
    """
    ours = {key for key, _ in _property_blocks(generated)}
    kept = [line for key, lines in _property_blocks(existing) if key not in ours for line in lines]
    if not kept:
        return generated
    return generated[: -len("---\n")] + "\n".join(kept) + "\n---\n"


def merge(existing: str | None, generated: str, front: str = "", title: str = "") -> str:
    """The file with its generated part replaced and everything the user wrote kept."""
    # A note quoting our markers must not end the generated part early on the next export.
    generated = generated.replace("<!-- briefreader:", "&lt;!-- briefreader:")
    block = f"{BEGIN}\n{generated}{END}\n"
    if existing is None:
        head = f"# {title}\n\n" if title else ""
        return f"{front}{head}{block}"
    rest = existing
    if front:
        old_front = FRONT.match(existing)
        if old_front:
            front = _keep_user_properties(front, old_front.group())
        rest = FRONT.sub("", existing, count=1)
    start, end = rest.find(BEGIN), rest.find(END)
    if start < 0 or end < start:
        raise NotOurFileError("it has no briefreader markers")
    after = rest[end + len(END) :]
    after = after[1:] if after.startswith("\n") else after
    return f"{front}{rest[:start]}{block}{after}"
