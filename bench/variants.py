"""Server rerun time of the Variants page against the Explorer's, in one run.

Both pages run in this process under ``streamlit.testing.v1.AppTest``, each
opened through ``app.py`` as a visitor would (the Variants page by
``switch_page``). A sample is ``at.slider(key="gamma").set_value(v).run()``
timed with ``time.perf_counter``: the shared γ changes every curve on both
pages. γ alternates 2.1 / 2.0; the pages alternate within each round and their
order is reversed every other round, so the machine's noise falls on both
alike. Two warm-up rounds are not counted. Reported: median per page and the
ratio Variants / Explorer (medians of interleaved samples, not a duration to
trust alone on a shared machine).

Run it from the repository root::

    .venv/bin/python bench/variants.py
    .venv/bin/python bench/variants.py --reruns 60 --json bench/results/variants.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# AppTest runs the scripts in this process: they import ``focal`` from the root.
sys.path.insert(0, str(ROOT))

#: Page script per measured page (None: the app's default page, the Explorer).
PAGES: dict[str, str | None] = {"explorer": None, "variants": "pages/variants.py"}
WARMUP = 2


def orders(rounds: int, names: list[str]) -> Iterator[tuple[int, list[str]]]:
    """Round numbers with the pages' order, reversed every other round."""
    for index in range(rounds):
        yield index, names if index % 2 == 0 else names[::-1]


def measure(reruns: int) -> dict[str, list[float]]:
    """Milliseconds per rerun after a change of γ, per page."""
    from streamlit.testing.v1 import AppTest

    tests = {}
    for name, page in PAGES.items():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        if page is not None:
            at.switch_page(page)
        at.run()
        if at.exception:
            raise RuntimeError(f"{name}: {at.exception[0].message}")
        tests[name] = at
    samples: dict[str, list[float]] = {name: [] for name in PAGES}
    for index, order in orders(WARMUP + reruns, list(PAGES)):
        value = 2.1 if index % 2 == 0 else 2.0
        for name in order:
            at = tests[name]
            start = time.perf_counter()
            at.slider(key="gamma").set_value(value).run()
            elapsed = (time.perf_counter() - start) * 1000
            if at.exception:
                raise RuntimeError(f"{name}: {at.exception[0].message}")
            if index >= WARMUP:
                samples[name].append(elapsed)
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reruns", type=int, default=30, help="reruns per page")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    command = shlex.join([".venv/bin/python", "bench/variants.py", *sys.argv[1:]])

    samples = measure(args.reruns)
    medians = {name: statistics.median(values) for name, values in samples.items()}
    ratio = medians["variants"] / medians["explorer"]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"server rerun after a γ change (AppTest), {args.reruns} interleaved reruns")
    print(f"{'page':<10} {'median ms':>10} {'min ms':>8} {'max ms':>8}")
    for name, values in samples.items():
        print(
            f"{name:<10} {medians[name]:>10.1f} {min(values):>8.1f} {max(values):>8.1f}"
        )
    print(f"variants / explorer (medians): {ratio:.2f}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, load {load:.2f}")
    print(f"command: {command}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {
                    "command": command,
                    "reruns": args.reruns,
                    "medians_ms": medians,
                    "ratio": ratio,
                    "samples_ms": samples,
                    "load": load,
                },
                indent=2,
            )
            + "\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
