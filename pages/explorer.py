"""Explorer page: the code is in ``focal.ui.explorer`` (compiled once)."""

from focal.ui.explorer import main
from focal.ui.routing import through_entry

through_entry()  # first: run inside app.py (focal/ui/routing.py)

main()
