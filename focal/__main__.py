"""``python -m focal``: the command line (see :mod:`focal.cli`)."""

from focal.cli import main

raise SystemExit(main())
