"""The command line's grammar: the commands, their options, and usage errors that help.

Two parsers, because `briefreader [PATH ...]` (the reader) and `briefreader COMMAND ...`
(scripts) read the same words differently; main() picks one by the first word. Building
them is all this module does: what each command then does is in library_commands and
export_commands.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from briefreader import __version__

COMMANDS = ("add", "list", "tag", "note", "entities", "export", "import")


def _common(parser: argparse.ArgumentParser, top_level: bool = False) -> None:
    # Subcommands must not reset a --data-dir given before the command word.
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None if top_level else argparse.SUPPRESS,
        help="keep annotations, index and config.toml in DIR (or set BRIEFREADER_DATA_DIR)",
    )


class CommandParser(argparse.ArgumentParser):
    """The top-level parser, knowing each command's parser so a usage error shows its usage.

    argparse reports an unknown option of a command ('list --bogus') from the top-level
    parser, with the top-level usage, which does not tell what 'list' takes.
    """

    commands: dict[str, argparse.ArgumentParser]

    def parse_command(self, argv: list[str]) -> argparse.Namespace:
        """Parse `argv`; a usage error names the command's usage, not the top level's."""
        command = first_positional(argv)
        sub = self.commands.get(command or "")
        if command == "tag" and sub is not None:
            _refuse_dash_tag(sub, argv)
        args, extra = self.parse_known_args(argv)
        if extra:
            (sub or self).error(f"unrecognized arguments: {' '.join(extra)}")
        return args


def _refuse_dash_tag(tag: argparse.ArgumentParser, argv: list[str]) -> None:
    """'tag ID -germany': argparse takes '-germany' for an option and says TAG is missing."""
    known = {"-h", "--help", "--remove", "--data-dir"}
    for word in argv[argv.index("tag") + 1 :]:
        if word == "--":
            return
        if word.startswith("-") and len(word) > 1 and word not in known and word[1] != "-":
            tag.error(
                f"{word!r} looks like an option; to remove the tag use --remove "
                f"(briefreader tag ID {word[1:]} --remove), or put -- before it "
                f"(briefreader tag ID -- {word})"
            )


def build_parser() -> CommandParser:
    """The subcommand parser; `briefreader [PATH ...]` without a command opens the TUI."""
    from briefreader.export.run import FORMATS  # exports load only for the commands

    parser = CommandParser(
        prog="briefreader",
        description="Read news articles with entities highlighted; tag, note and export.",
        epilog="Run 'briefreader [PATH ...]' without a command to open the reader.",
    )
    parser.add_argument("--version", action="version", version=f"briefreader {__version__}")
    _common(parser, top_level=True)
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=argparse.ArgumentParser
    )
    parser.commands = commands.choices

    add = commands.add_parser("add", help="add files or folders to the library")
    add.add_argument("paths", nargs="+", metavar="PATH")
    _common(add)

    listing = commands.add_parser("list", help="list articles: id, date, title, tags")
    listing.add_argument("--tag", help="only articles with this tag")
    listing.add_argument("--json", action="store_true", help="print one JSON array")
    _common(listing)

    tag = commands.add_parser("tag", help="add (or --remove) tags on one article")
    tag.add_argument("article", metavar="PATH_OR_ID")
    tag.add_argument("tags", nargs="+", metavar="TAG")
    tag.add_argument("--remove", action="store_true", help="remove the tags instead")
    _common(tag)

    note = commands.add_parser("note", help="print, or set, an article's note")
    note.add_argument("article", metavar="PATH_OR_ID")
    note.add_argument("text", nargs="?", metavar="TEXT", help="the note; '-' reads stdin")
    _common(note)

    entities = commands.add_parser(
        "entities",
        help="recognised people, orgs, places, dates",
        description="Recognised entities with character offsets into the file's text as "
        "read (UTF-8, newlines kept). In an HTML file the offsets take in any markup inside "
        "the entity: --json's text is always the file's text at [start:end], so it can "
        "hold tags or character references ('<b>Viktor</b> Khrenin', 'AT&amp;T'); the "
        "plain listing shows the readable text.",
    )
    entities.add_argument("article", metavar="PATH_OR_ID")
    entities.add_argument(
        "--json", action="store_true", help="print a JSON list of {start, end, label, text}"
    )
    _common(entities)

    export = commands.add_parser("export", help="export annotations (Markdown by default)")
    export.add_argument("--format", choices=FORMATS, default="md")
    export.add_argument("--tag", help="only articles with this tag")
    export.add_argument("--entity", help="only articles that mention this entity (any part)")
    export.add_argument("--since", type=_iso_day, help="only articles dated on or after DAY")
    export.add_argument("--until", type=_iso_day, help="only articles dated on or before DAY")
    scope = export.add_mutually_exclusive_group()
    scope.add_argument(
        "--only-annotated",
        action="store_true",
        help="articles with tags, a note, highlights or a star (the default)",
    )
    scope.add_argument("--all", action="store_true", help="every article in the library")
    export.add_argument(
        "--entity-pages",
        action="store_true",
        help="with a folder: a page per entity, linked from the articles ([[wiki links]])",
    )
    export.add_argument(
        "-o", "--output", metavar="PATH", help="file, or a folder (ends in / or exists)"
    )
    _common(export)

    restore = commands.add_parser("import", help="merge a JSON export into the annotations")
    restore.add_argument("file", metavar="FILE.json")
    _common(restore)
    return parser


def build_tui_parser() -> argparse.ArgumentParser:
    """`briefreader [PATH ...]`: the reader, after adding any PATHs to the library."""
    parser = argparse.ArgumentParser(
        prog="briefreader",
        description="Read news articles with entities highlighted; tag, note and export. "
        f"Commands: {', '.join(COMMANDS)} (see 'briefreader COMMAND --help').",
    )
    parser.add_argument("--version", action="version", version=f"briefreader {__version__}")
    _common(parser, top_level=True)
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to add")
    return parser


def first_positional(argv: Sequence[str]) -> str | None:
    """The first word that is not an option (nor --data-dir's value): a command, or a PATH."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--data-dir":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def _iso_day(value: str) -> str:
    from briefreader.library.filtering import is_day_or_period

    if not is_day_or_period(value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2025-10-01")
    return value
