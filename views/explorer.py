"""Explorer page: the code is in ``focal.ui.explorer`` (compiled once)."""

from focal.ui.explorer import main

main()
