"""Speed of the Imbalance page: its core at 10^4 to 10^6 predictions, its rerun.

What it measures, in one run:

(a) Core: for a population of n predictions (n / 1000 positives, n / 100 hard
    negatives, the rest easy; spread 1, seed 0), the time of
    ``draw_population``, of ``loss_by_group`` (CE, α-CE, FL, α-FL summed by
    group) and of ``cumulative_loss`` (Figure 4: γ = 0, 0.5, 1, 2 and the
    current γ = 3), and of all three together, the work of one rerun that
    misses the page's cache. Reported: the median over ``--reps`` repetitions,
    the three functions taken in turn within each repetition.

(b) Server: the script rerun of ``app.py`` under ``streamlit.testing.v1.AppTest``
    on two pages, interleaved (the order alternates every round):

    * ``explorer``: the Explorer at ``/``, γ slider set to 2.1 / 2.0 in turn
      (as ``bench/latency.py`` measures it);
    * ``imbalance γ (new)``: ``/imbalance?imb_preset=retinanet`` (100,000
      predictions), γ set to a value not seen before in the run, so the page's
      cached results miss and the losses and Figure 4 are computed again (the
      population is drawn once: it does not depend on γ);
    * ``imbalance seed (new)``: the same page, the seed set to a new value, so
      the population is drawn again as well;
    * ``imbalance γ (cached)``: the same page, γ set to 2.1 / 2.0 in turn, so
      the results come from the cache.

    Each sample is ``set_value(...).run()`` timed with ``time.perf_counter``,
    after one first run and two warm-up reruns per page. Reported: medians over
    ``--reruns`` samples and each page's median over the Explorer's. Target:
    the imbalance page at 100k predictions within 2x the Explorer.

Run it from the repository root::

    .venv/bin/python bench/imbalance.py
    .venv/bin/python bench/imbalance.py --reps 9 --reruns 40 --json out.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
# AppTest runs the scripts in this process: they import ``focal`` from the root.
sys.path.insert(0, str(ROOT))

from focal import cumulative_loss, draw_population, loss_by_group  # noqa: E402
from focal.imbalance import FIGURE4_GAMMAS  # noqa: E402

WARMUP = 2
TARGET = 2.0
GAMMAS = (*FIGURE4_GAMMAS, 3.0)


# --- (a) core ----------------------------------------------------------------------


def population_of(n: int) -> tuple[int, int, int]:
    positives = max(1, n // 1000)
    hard = n // 100
    return positives, hard, n - positives - hard


def measure_core(sizes: list[int], reps: int) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    for n in sizes:
        counts = population_of(n)
        drawn = draw_population(*counts)
        steps: dict[str, Callable[[], Any]] = {
            "draw_population": lambda counts=counts: draw_population(*counts),
            "loss_by_group": lambda d=drawn: loss_by_group(d.x, d.y, d.group, 3.0),
            "cumulative_loss": lambda d=drawn: cumulative_loss(d.x, d.y, GAMMAS),
        }
        samples: dict[str, list[float]] = {name: [] for name in steps}
        samples["total"] = []
        for _ in range(reps):
            total = 0.0
            for name, step in steps.items():
                start = time.perf_counter()
                step()
                elapsed = (time.perf_counter() - start) * 1000
                samples[name].append(elapsed)
                total += elapsed
            samples["total"].append(total)
        results[str(n)] = {name: statistics.median(v) for name, v in samples.items()}
    return results


# --- (b) server ----------------------------------------------------------------------


def fresh_values(start: float, step: float, high: float) -> Callable[[int], float]:
    """The index-th value of start, start + step, ... wrapping below ``high``."""
    count = round((high - start) / step)

    def value(index: int) -> float:
        return round(start + step * (index % count), 10)

    return value


def measure_server(reruns: int) -> dict[str, list[float]]:
    from streamlit.testing.v1 import AppTest

    def opened(page: str | None, **query: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        for key, raw in query.items():
            at.query_params[key] = raw
        if page:
            at.switch_page(page)
        at.run()
        if at.exception:
            raise RuntimeError(f"{page}: {at.exception[0].message}")
        return at

    page = "pages/imbalance.py"
    retinanet = {"imb_preset": "retinanet"}
    # γ on a 0.1 grid that the cache (32 entries) has not seen for 50 reruns
    new_gamma = fresh_values(0.0, 0.1, 5.0)
    new_seed = fresh_values(1.0, 1.0, 99.0)
    runs: dict[str, tuple[AppTest, str, Callable[[int], float]]] = {
        "explorer": (opened(None), "gamma", lambda i: 2.1 if i % 2 == 0 else 2.0),
        "imbalance γ (new)": (opened(page, **retinanet), "gamma", new_gamma),
        "imbalance seed (new)": (opened(page, **retinanet), "imb_seed", new_seed),
        "imbalance γ (cached)": (
            opened(page, **retinanet),
            "gamma",
            lambda i: 2.1 if i % 2 == 0 else 2.0,
        ),
    }
    names = list(runs)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for index in range(WARMUP + reruns):
        order = names if index % 2 == 0 else names[::-1]
        for name in order:
            at, key, value = runs[name]
            start = time.perf_counter()
            at.slider(key=key).set_value(value(index)).run()
            elapsed = (time.perf_counter() - start) * 1000
            if at.exception:
                raise RuntimeError(f"{name}: {at.exception[0].message}")
            if index >= WARMUP:
                samples[name].append(elapsed)
    return samples


# --- report --------------------------------------------------------------------------


def report(core: dict[str, dict[str, float]], server: dict[str, list[float]]) -> dict:
    print("\n(a) core, median ms per call")
    steps = ["draw_population", "loss_by_group", "cumulative_loss", "total"]
    print(f"{'predictions':>12} " + " ".join(f"{s:>16}" for s in steps))
    for n, row in core.items():
        print(f"{int(n):>12,} " + " ".join(f"{row[s]:>16.2f}" for s in steps))
    summary: dict[str, Any] = {"core_ms": core, "server_ms": {}}
    if server:
        base = statistics.median(server["explorer"])
        print("\n(b) server rerun (AppTest), median ms, ratio to the Explorer")
        for name, values in server.items():
            median = statistics.median(values)
            ratio = median / base
            mark = (
                ""
                if name == "explorer"
                else (" met" if ratio <= TARGET else " NOT met")
            )
            print(f"{name:>22}: {median:7.1f} ms  {ratio:5.2f}x{mark}")
            summary["server_ms"][name] = {"median": median, "ratio": ratio}
        summary["target_ratio"] = TARGET
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1e4, 1e5, 1e6])
    parser.add_argument("--reps", type=int, default=7, help="core repetitions")
    parser.add_argument("--reruns", type=int, default=30, help="AppTest reruns")
    parser.add_argument("--core-only", action="store_true", help="skip (b)")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"python {platform.python_version()}, numpy {np.__version__}, "
        f"{os.cpu_count()} CPUs, load average {load:.2f}"
    )
    core = measure_core([int(n) for n in args.sizes], args.reps)
    server = {} if args.core_only else measure_server(args.reruns)
    summary = report(core, server)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
