"""How many page scripts run at once in this server process.

Streamlit runs each session's script in its own thread. Under the GIL, on a
small server, sixty students' reruns running together only slow each other
down: every rerun takes as long as all of them, and the threads spend their
time handing the GIL back and forth. Letting a few run while the others wait
their turn finishes each rerun sooner. With 60 students on this project's
2-CPU machine (``bench/load.py``), one run at a time gave p50 280 ms and p95
1.33 s, against 376 ms and 1.63 s with no limit and 468 ms and 1.90 s with
two at a time (single runs each; the machine is noisy).
"""

from __future__ import annotations

import os
import threading

#: Page scripts that may run at the same time (``FOCAL_CONCURRENT_RUNS``).
CONCURRENT_RUNS = max(1, int(os.environ.get("FOCAL_CONCURRENT_RUNS", "1")))

turn = threading.BoundedSemaphore(CONCURRENT_RUNS)
"""Hold it while a page script runs: ``with turn: page.run()``."""
