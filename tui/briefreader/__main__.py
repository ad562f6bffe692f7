"""Allow ``python -m briefreader`` where the console script is not on PATH."""

from briefreader.cli import main

if __name__ == "__main__":  # worker processes import this module too; they must not run it
    raise SystemExit(main())
