"""How long the Training page takes: the default training run, and its rerun.

(a) Core: the default training run
    ``focal.run_experiment`` on ``make_dataset()`` (10,000 points, 1:100, 7,500
    of them for training) with the page's defaults: 200 Adam steps at rate
    0.05, prior initialisation, then the held-out metrics and the 81 x 81
    decision grid. For both models and for CE and FL (γ = 2), taken in turn in
    each repetition (the order rotates), timed with ``time.perf_counter``.
    Reported: median over ``--repeats``, and the page's default pair (logistic,
    CE and FL) as the sum of the two medians. Target: < 1 s.

(b) Server: script rerun with ``streamlit.testing.v1.AppTest``
    The Training page (``app.py`` switched to ``pages/training.py``) against
    the Explorer (``app.py`` at ``/``), taken in turn within each repetition.
    "rerun, cached": the shared γ slider set alternately to 2.1 and 2.0, then
    ``run()``; after the warm-up both FL runs are in ``st.cache_data``, so this
    is the page's own cost (figures, metrics, replay). "rerun, training": the
    same with ``st.cache_data.clear()`` just before the Training page's run, so
    it trains both default runs again (the Explorer's rerun is the same as
    above). Reported: medians and the ratio Training / Explorer.

Run it from the repository root::

    .venv/bin/python bench/training.py
    .venv/bin/python bench/training.py --repeats 15 --reruns 15
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# AppTest runs the scripts in this process: they import ``focal`` from the root.
sys.path.insert(0, str(ROOT))

import focal  # noqa: E402

TARGET_S = 1.0
WARMUP = 2
PAGE_DEFAULTS = {
    "steps": 200,
    "optimizer": "adam",
    "learning_rate": 0.05,
    "prior_init": True,
}


def rotated(items: list, index: int) -> list:
    shift = index % len(items)
    return items[shift:] + items[:shift]


def measure_core(repeats: int) -> dict[tuple[str, str], list[float]]:
    data = focal.make_dataset()
    cases = [(model, loss) for model in ("logistic", "mlp") for loss in ("ce", "fl")]
    samples: dict[tuple[str, str], list[float]] = {case: [] for case in cases}
    for index in range(WARMUP + repeats):
        for model, loss in rotated(cases, index):
            start = time.perf_counter()
            focal.run_experiment(
                data, model=model, loss=loss, gamma=2.0, **PAGE_DEFAULTS
            )
            elapsed = time.perf_counter() - start
            if index >= WARMUP:
                samples[(model, loss)].append(elapsed * 1000)
    return samples


def measure_server(reruns: int) -> dict[str, list[float]]:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    def opened(page: str | None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
        at.run()
        if page is not None:
            at.switch_page(page).run()
        if at.exception:
            raise RuntimeError(at.exception[0].message)
        return at

    tests = {"explorer": opened(None), "training": opened("pages/training.py")}
    samples: dict[str, list[float]] = {
        "explorer": [],
        "training": [],
        "explorer_2": [],
        "training_cold": [],
    }
    # two phases, each interleaving the pages: cached results, then training
    for phase, cold in (
        (("explorer", "training"), False),
        (("explorer_2", "training_cold"), True),
    ):
        for index in range(WARMUP + reruns):
            value = 2.1 if index % 2 == 0 else 2.0
            for name in rotated(list(phase), index):
                at = tests["training" if name.startswith("training") else "explorer"]
                if cold and name.startswith("training"):
                    st.cache_data.clear()
                start = time.perf_counter()
                at.slider(key="gamma").set_value(value).run()
                elapsed = (time.perf_counter() - start) * 1000
                if at.exception:
                    raise RuntimeError(f"{name}: {at.exception[0].message}")
                if index >= WARMUP:
                    samples[name].append(elapsed)
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=11, help="core repetitions")
    parser.add_argument("--reruns", type=int, default=11, help="AppTest reruns")
    args = parser.parse_args(argv)
    command = shlex.join(
        [os.path.relpath(sys.executable, ROOT), "bench/training.py", *sys.argv[1:]]
    )
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(f"(a) core: {args.repeats} repetitions of each default run ...", flush=True)
    core = measure_core(args.repeats)
    print(f"(b) server: {args.reruns} AppTest reruns per page ...", flush=True)
    server = measure_server(args.reruns)
    load_after = os.getloadavg() if hasattr(os, "getloadavg") else None

    print()
    print("Focal: the Training page")
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.platform()}, load "
        + (" / ".join(f"{x:.2f}" for x in load) if load else "n/a")
        + " before, "
        + (" / ".join(f"{x:.2f}" for x in load_after) if load_after else "n/a")
        + " after"
    )
    print()
    print("(a) default training run (run_experiment, 7,500 training points, 200 steps)")
    medians = {case: statistics.median(values) for case, values in core.items()}
    for (model, loss), median in medians.items():
        print(f"    {model:9} {loss.upper():3} median {median:8.1f} ms")
    pair = medians[("logistic", "ce")] + medians[("logistic", "fl")]
    verdict = "met" if pair < TARGET_S * 1000 else "NOT met"
    print(
        f"    page default (logistic CE + FL): {pair:.1f} ms "
        f"(target < {TARGET_S * 1000:.0f} ms: {verdict})"
    )
    mlp_pair = medians[("mlp", "ce")] + medians[("mlp", "fl")]
    print(f"    with the network (mlp CE + FL):  {mlp_pair:.1f} ms")
    print()
    print("(b) server rerun (AppTest), median")
    for name, explorer_name, label in (
        ("training", "explorer", "rerun, cached"),
        ("training_cold", "explorer_2", "rerun, training"),
    ):
        value = statistics.median(server[name])
        explorer = statistics.median(server[explorer_name])
        print(
            f"    {label:16} training {value:8.1f} ms   explorer {explorer:8.1f} ms"
            f"   ratio {value / explorer:5.2f}x"
        )
    print()
    print(f"reproduce: {command}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
