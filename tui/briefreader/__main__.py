"""Allow ``python -m briefreader`` where the console script is not on PATH."""

from briefreader.cli import main

raise SystemExit(main())
