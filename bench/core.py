"""Benchmark of the NumPy core: focal loss plus its gradient, from logits.

What it measures, in one run:

1. Time of ``focal_loss_from_logits`` + ``grad_focal_loss`` (α = 0.25, γ = 2,
   float64 logits, random 0/1 float64 labels) on 10^4, 10^6 and 10^7 elements,
   side by side with

   * ``textbook``: the plain NumPy formulas (sigmoid, then logs, then the
     power; the gradient from the paper's Appendix B), under
     ``np.errstate(all="ignore")`` because they overflow;
   * ``torch``: when torch is importable, the body of torchvision's
     ``sigmoid_focal_loss`` on float64 CPU tensors, with the gradient from
     autograd (``loss.sum().backward()``); forward and backward are timed
     together, with torch's default thread count.

   The candidates are interleaved within each repetition (core, textbook,
   torch, core, ...) so machine noise hits all of them alike, and a ratio is
   the median over repetitions of the two times taken in the same repetition.
   The target is ``core / textbook <= 1.0`` and ``core / torch <= 1.0``.
   A short pause precedes each timed sample: without it the candidate that
   runs right after torch (in round-robin, the core) is slowed by torch's
   worker threads. torch runs on several threads, so a busy machine slows it
   more than the single-threaded NumPy candidates; the load average is printed.

2. Accuracy of each candidate's loss and gradient against the core on logits
   that include saturated values (±20, ±40, ±100, ±800 and a uniform spread
   over [-30, 30]), for both labels. An element where the core is finite and
   non-zero but the candidate gives 0, inf or NaN is "lost": it counts as
   relative error 1 (for 0) or inf, and the number of such elements is printed.

3. Peak memory of the core's loss + gradient at 10^6 elements, from
   tracemalloc (NumPy reports its array buffers to it), in units of arrays of
   the input's size (peak bytes / (8 n)). The target is about 6 or less.

4. With ``--profile``, the time of each line of ``focal/_kernels.py`` during
   the core's loss and gradient at the first size, from a line tracer (the
   tracer's own cost, shown as the traced total against the plain one, is
   spread over the lines).

NumPy picks its exp and log kernels by CPU (AVX-512, AVX2, ...) at run time,
so the ratios depend on the machine: the CPU model, NumPy's SIMD dispatch
(``numpy.show_runtime()``'s baseline, found and not found) and the load are
printed beside the table. ``NPY_DISABLE_CPU_FEATURES`` switches dispatch
targets off; with NumPy 2.4 the AVX-512 targets are ``X86_V4 AVX512_ICL
AVX512_SPR``, which leaves the AVX2 path (``X86_V3``) of a machine without
AVX-512 (older NumPy names them ``AVX512F AVX512CD AVX512_SKX ...``; a name a
version does not know is ignored, so check the printed dispatch).

Run it from the repository root::

    .venv/bin/python bench/core.py                  # full run
    .venv/bin/python bench/core.py --quick          # a fast smoke run
    .venv/bin/python bench/core.py --sizes 1e5 1e6 --reps 7 --json out.json
    .venv/bin/python bench/core.py --sizes 1e6 --profile   # per-line kernel time
    NPY_DISABLE_CPU_FEATURES="X86_V4 AVX512_ICL AVX512_SPR" \
        .venv/bin/python bench/core.py --sizes 1e6         # the AVX2 path
    .venv/bin/python bench/core.py --sizes 1e6 --dispatch both --rounds 3

``--dispatch both`` runs the timings in fresh processes, alternating NumPy's
full dispatch and the dispatch with every AVX-512 target switched off, for
``--rounds`` rounds, and prints each run's medians and the median over rounds.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import numpy as np

# The bench is a script, not part of the package: make ``focal`` importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import focal._kernels
from focal import focal_loss_from_logits, grad_focal_loss

try:
    import torch
    import torch.nn.functional as F
except ImportError:  # the bench runs without torch, minus that candidate
    torch = None

ALPHA = 0.25
GAMMA = 2.0
DEFAULT_SIZES = (10**4, 10**6, 10**7)
DEFAULT_PAUSE_S = 0.05  # before each timed sample; lets torch's threads go idle
SATURATED = (20.0, 40.0, 100.0, 800.0)

Arrays = tuple[np.ndarray, np.ndarray]
Candidate = Callable[[], Arrays]


# --- the candidates ------------------------------------------------------------


def core(x: np.ndarray, y: np.ndarray) -> Arrays:
    """The project's exact core: loss and gradient, each through the public API."""
    loss = focal_loss_from_logits(x, y, gamma=GAMMA, alpha=ALPHA)
    grad = grad_focal_loss(x, y, gamma=GAMMA, alpha=ALPHA)
    return np.asarray(loss), np.asarray(grad)


def textbook(x: np.ndarray, y: np.ndarray) -> Arrays:
    """Sigmoid, then logs, then the power, as written in most tutorials."""
    alpha, gamma = ALPHA, GAMMA
    with np.errstate(all="ignore"):
        p = 1.0 / (1.0 + np.exp(-x))
        ce = -(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))
        p_t = p * y + (1.0 - p) * (1.0 - y)
        alpha_t = alpha * y + (1.0 - alpha) * (1.0 - y)
        loss = alpha_t * (1.0 - p_t) ** gamma * ce
        # Appendix B: dFL/dx = y_s alpha_t (1 - p_t)^gamma (gamma p_t log p_t + p_t - 1)
        y_s = 2.0 * y - 1.0
        grad = (
            y_s
            * alpha_t
            * (1.0 - p_t) ** gamma
            * (gamma * p_t * np.log(p_t) + p_t - 1.0)
        )
    return loss, grad


def torch_candidate(x: np.ndarray, y: np.ndarray) -> Candidate:
    """torchvision's ``sigmoid_focal_loss`` body on CPU tensors, gradient by autograd.

    The tensors share memory with ``x`` and ``y``; building them is not timed.
    """
    assert torch is not None
    x_leaf = torch.from_numpy(x).requires_grad_(True)
    y_t = torch.from_numpy(y)

    def run() -> Arrays:
        x_leaf.grad = None
        p = torch.sigmoid(x_leaf)
        ce = F.binary_cross_entropy_with_logits(x_leaf, y_t, reduction="none")
        p_t = p * y_t + (1 - p) * (1 - y_t)
        loss = ce * ((1 - p_t) ** GAMMA)
        alpha_t = ALPHA * y_t + (1 - ALPHA) * (1 - y_t)
        loss = alpha_t * loss
        loss.sum().backward()
        assert x_leaf.grad is not None
        return loss.detach().numpy(), x_leaf.grad.numpy()

    return run


def candidates(x: np.ndarray, y: np.ndarray) -> dict[str, Candidate]:
    """The candidates bound to one input, core first."""
    found: dict[str, Candidate] = {
        "core": lambda: core(x, y),
        "textbook": lambda: textbook(x, y),
    }
    if torch is not None:
        found["torch"] = torch_candidate(x, y)
    return found


# --- inputs --------------------------------------------------------------------


def random_input(n: int, rng: np.random.Generator) -> Arrays:
    """Logits spread like a trained detector's (mostly moderate) and 0/1 labels."""
    x = rng.normal(0.0, 4.0, n)
    y = rng.integers(0, 2, n).astype(np.float64)
    return x, y


def accuracy_input(spread: int) -> Arrays:
    """Saturated logits plus a uniform spread over [-30, 30], each with y = 0 and 1."""
    special = np.array([s * sign for s in SATURATED for sign in (1.0, -1.0)])
    x_once = np.concatenate([special, np.linspace(-30.0, 30.0, spread)])
    x = np.concatenate([x_once, x_once])
    y = np.concatenate([np.zeros_like(x_once), np.ones_like(x_once)])
    return x, y


# --- timing --------------------------------------------------------------------


@dataclass
class Timing:
    size: int
    candidate: str
    reps: int
    inner: int
    median_ms: float
    min_ms: float
    core_over_this: float


def default_reps(n: int) -> int:
    if n <= 10**4:
        return 15
    if n <= 10**6:
        return 9
    return 5


def inner_loop(n: int) -> int:
    """Calls per timed sample: 100 at 10^4, 1 from 10^6 up."""
    return max(1, 10**6 // n)


def time_interleaved(
    runs: dict[str, Candidate], reps: int, inner: int, pause: float
) -> dict[str, list[float]]:
    """Seconds per call of each candidate, round-robin within each repetition."""
    for run in runs.values():  # warm-up: caches, lazy imports, torch's allocator
        run()
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(reps):
        for name, run in runs.items():
            time.sleep(pause)
            start = time.perf_counter()
            for _ in range(inner):
                run()
            samples[name].append((time.perf_counter() - start) / inner)
    return samples


def time_size(
    n: int, reps: int, pause: float, rng: np.random.Generator
) -> list[Timing]:
    x, y = random_input(n, rng)
    inner = inner_loop(n)
    gc.collect()
    samples = time_interleaved(candidates(x, y), reps, inner, pause)
    timings = []
    for name, seconds in samples.items():
        median = statistics.median(seconds)
        timings.append(
            Timing(
                size=n,
                candidate=name,
                reps=reps,
                inner=inner,
                median_ms=1e3 * median,
                min_ms=1e3 * min(seconds),
                core_over_this=statistics.median(
                    c / s for c, s in zip(samples["core"], seconds, strict=True)
                ),
            )
        )
    return timings


# --- accuracy ------------------------------------------------------------------


@dataclass
class Accuracy:
    candidate: str
    quantity: str
    max_rel_err: float  # lost elements count as 1 (a 0) or inf (inf or NaN)
    max_rel_err_kept: float  # over elements the candidate did not lose
    lost: int  # core finite and non-zero; candidate 0, inf or NaN
    spurious: int  # core exactly 0; candidate non-zero or NaN


def compare(candidate: np.ndarray, exact: np.ndarray) -> tuple[float, float, int, int]:
    """``(max_rel_err, max_rel_err_kept, lost, spurious)`` of ``candidate``."""
    finite = np.isfinite(exact)
    reference = finite & (exact != 0.0)
    usable = np.isfinite(candidate) & (candidate != 0.0)
    lost = reference & ~usable
    kept = reference & usable
    rel = np.abs(candidate[kept] - exact[kept]) / np.abs(exact[kept])
    max_kept = float(rel.max()) if rel.size else 0.0
    max_all = max_kept
    if (lost & (candidate == 0.0)).any():
        max_all = max(max_all, 1.0)
    if (lost & ~np.isfinite(candidate)).any():
        max_all = np.inf
    spurious = finite & (exact == 0.0) & (candidate != 0.0)
    return max_all, max_kept, int(lost.sum()), int(spurious.sum())


def measure_accuracy(spread: int) -> list[Accuracy]:
    x, y = accuracy_input(spread)
    runs = candidates(x, y)
    exact_loss, exact_grad = runs["core"]()
    results = []
    for name, run in runs.items():
        loss, grad = run()
        for quantity, got, exact in (
            ("loss", loss, exact_loss),
            ("grad", grad, exact_grad),
        ):
            got = np.array(got, dtype=np.float64)  # a copy, off torch's storage
            results.append(Accuracy(name, quantity, *compare(got, exact)))
    return results


# --- memory --------------------------------------------------------------------


@dataclass
class Memory:
    what: str
    size: int
    peak_bytes: int
    arrays: float  # peak bytes / (8 n)


def traced_peak(run: Callable[[], object]) -> int:
    """Peak bytes traced while ``run`` executes, above what was live before."""
    gc.collect()
    tracemalloc.start()
    try:
        base, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        result = run()
        _, peak = tracemalloc.get_traced_memory()
        del result
    finally:
        tracemalloc.stop()
    return peak - base


def measure_memory(n: int, rng: np.random.Generator) -> list[Memory]:
    x, y = random_input(n, rng)
    cases: dict[str, Callable[[], object]] = {
        "core loss": lambda: focal_loss_from_logits(x, y, gamma=GAMMA, alpha=ALPHA),
        "core grad": lambda: grad_focal_loss(x, y, gamma=GAMMA, alpha=ALPHA),
        "core loss+grad": lambda: core(x, y),
        "textbook loss+grad": lambda: textbook(x, y),
    }
    results = []
    for what, run in cases.items():
        peak = traced_peak(run)
        results.append(Memory(what, n, peak, peak / (8 * n)))
    return results


# --- profile -------------------------------------------------------------------


KERNELS = focal._kernels.__file__


@dataclass
class LineTime:
    function: str
    line: int
    source: str
    ms: float  # per call of the core (loss + gradient), less the tracer's cost
    events: int  # trace events charged to the line, per call


class LineTracer:
    """Wall time per line of ``focal/_kernels.py``, from ``sys.settrace``.

    Each trace event in that file charges the time since the previous one to
    the line that was running; a call into another file (NumPy's C code, or
    ``errstate``) is charged to the line that made it. The tracer's own cost
    per event is taken out afterwards (see :func:`profile_kernels`).
    """

    def __init__(self) -> None:
        self.seconds: dict[tuple[str, int], float] = defaultdict(float)
        self.events: dict[tuple[str, int], int] = defaultdict(int)
        self.current: tuple[str, int] | None = None
        self.since = 0.0

    def _charge(self, now: float) -> None:
        if self.current is not None:
            self.seconds[self.current] += now - self.since
            self.events[self.current] += 1
        self.since = now

    def trace(self, frame: FrameType, event: str, arg: object) -> Any:
        if frame.f_code.co_filename != KERNELS:
            return None
        self._charge(time.perf_counter())
        if event == "return":
            caller = frame.f_back
            here = caller is not None and caller.f_code.co_filename == KERNELS
            self.current = (caller.f_code.co_name, caller.f_lineno) if here else None
        else:
            self.current = (frame.f_code.co_name, frame.f_lineno)
        self.since = time.perf_counter()
        return self.trace


def profile_kernels(
    n: int, calls: int, rng: np.random.Generator
) -> tuple[list[LineTime], float, float]:
    """Per-line time of the core's loss + gradient, the traced total and the
    plain total (ms per call, medians over ``calls``).

    The difference between the traced and the plain time, divided by the
    number of trace events, is the tracer's cost per event; each line's time
    is given less that cost times its events.
    """
    x, y = random_input(n, rng)
    core(x, y)
    plain = []
    for _ in range(calls):
        start = time.perf_counter()
        core(x, y)
        plain.append(time.perf_counter() - start)
    tracer = LineTracer()
    traced = []
    for _ in range(calls):
        start = time.perf_counter()
        sys.settrace(tracer.trace)
        try:
            core(x, y)
        finally:
            sys.settrace(None)
            tracer._charge(time.perf_counter())
            tracer.current = None
        traced.append(time.perf_counter() - start)
    with open(KERNELS, encoding="utf-8") as kernels:
        source = kernels.read().splitlines()
    traced_ms = 1e3 * statistics.median(traced)
    plain_ms = 1e3 * statistics.median(plain)
    events = sum(tracer.events.values()) / calls
    per_event = max(traced_ms - plain_ms, 0.0) / events
    lines = [
        LineTime(
            function,
            line,
            source[line - 1].strip(),
            max(1e3 * s / calls - per_event * tracer.events[key] / calls, 0.0),
            round(tracer.events[key] / calls),
        )
        for key, s in tracer.seconds.items()
        for function, line in [key]
    ]
    lines.sort(key=lambda t: t.line)
    return lines, traced_ms, plain_ms


def print_profile(lines: list[LineTime], traced: float, plain: float, n: int) -> None:
    print(
        f"Per-line time in focal/_kernels.py, core loss + gradient at n = {n:.0e}"
        f" (ms per call, less the tracer's cost per event; traced {traced:.1f} ms,"
        f" untraced {plain:.1f} ms)"
    )
    total = sum(t.ms for t in lines) or 1.0
    for t in lines:
        if t.ms < 0.005 * total:
            continue  # Python bookkeeping, nothing per element
        print(
            f"  {t.line:>4} {t.function:<24} {t.ms:7.2f} {100 * t.ms / total:5.1f}%"
            f"  {t.source[:60]}"
        )
    print()


# --- report --------------------------------------------------------------------


def load_average() -> float | None:
    """The 1-minute load average, where the platform has one."""
    return round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo, else what ``platform`` knows."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def cpu_vector_flags() -> list[str]:
    """The CPU's own AVX2 and AVX-512 flags from /proc/cpuinfo (empty elsewhere)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("flags"):
                    flags = line.split(":", 1)[1].split()
                    return sorted(f for f in flags if f == "avx2" or "avx512" in f)
    except OSError:
        pass
    return []


def numpy_simd() -> dict[str, list[str]]:
    """NumPy's SIMD dispatch as ``numpy.show_runtime()`` reports it.

    ``baseline`` is compiled in; ``found`` are the dispatch targets this CPU
    has and ``NPY_DISABLE_CPU_FEATURES`` left on, which NumPy's exp and log
    kernels are chosen from; ``not_found`` the others.
    """
    from numpy._core._multiarray_umath import (
        __cpu_baseline__,
        __cpu_dispatch__,
        __cpu_features__,
    )

    return {
        "baseline": list(__cpu_baseline__),
        "found": [f for f in __cpu_dispatch__ if __cpu_features__[f]],
        "not_found": [f for f in __cpu_dispatch__ if not __cpu_features__[f]],
    }


def environment() -> dict[str, Any]:
    env: dict[str, Any] = {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "torch": torch.__version__ if torch is not None else None,
        "torch_threads": torch.get_num_threads() if torch is not None else None,
        "cpu_model": cpu_model(),
        "cpu_vector_flags": cpu_vector_flags(),
        "numpy_simd": numpy_simd(),
        "npy_disable_cpu_features": os.environ.get("NPY_DISABLE_CPU_FEATURES"),
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else None,
        "machine": platform.machine(),
        "load_average_before": load_average(),
    }
    return env


def print_environment(env: dict[str, Any]) -> None:
    print(f"Python {env['python']}, NumPy {env['numpy']}, ", end="")
    if env["torch"] is None:
        print("torch not installed (the torch candidate is skipped)")
    else:
        print(f"torch {env['torch']} (CPU, {env['torch_threads']} threads)")
    print(f"CPU: {env['cpu_model']}; flags: {' '.join(env['cpu_vector_flags'])}")
    simd = env["numpy_simd"]
    print(
        f"NumPy SIMD: baseline {' '.join(simd['baseline'])};"
        f" found {' '.join(simd['found']) or '-'};"
        f" not found {' '.join(simd['not_found']) or '-'}"
    )
    if env["npy_disable_cpu_features"]:
        print(f"NPY_DISABLE_CPU_FEATURES={env['npy_disable_cpu_features']}")
    print(
        f"CPUs: {env['cpu_count']} (usable: {env['cpus_usable']}), "
        f"{env['machine']}; NumPy ufuncs run on one thread;"
        f" 1-minute load average {env['load_average_before']}"
    )
    print(f"alpha = {ALPHA}, gamma = {GAMMA}, float64\n")


def print_timings(timings: list[Timing]) -> None:
    print(
        "Time of loss + gradient per call; ratios are medians of the ratios"
        " within a repetition"
    )
    header = (
        f"{'size':>10}  {'candidate':<9} {'reps':>4} {'inner':>5}"
        f" {'median ms':>11} {'min ms':>11} {'x core':>7} {'core/this':>9}"
    )
    print(header)
    print("-" * len(header))
    for t in timings:
        print(
            f"{t.size:>10.0e}  {t.candidate:<9} {t.reps:>4} {t.inner:>5}"
            f" {t.median_ms:>11.3f} {t.min_ms:>11.3f}"
            f" {1.0 / t.core_over_this:>7.2f} {t.core_over_this:>9.2f}"
        )
    print()
    for size in sorted({t.size for t in timings}):
        for t in timings:
            if t.size == size and t.candidate != "core":
                verdict = "met" if t.core_over_this <= 1.0 else "NOT met"
                print(
                    f"n = {size:.0e}: core / {t.candidate} = {t.core_over_this:.2f}"
                    f"  (target <= 1.0: {verdict})"
                )
    print()


def print_accuracy(results: list[Accuracy], n: int) -> None:
    print(
        f"Accuracy against the core ({n} elements: x in ±{SATURATED}"
        " and a spread over [-30, 30], y = 0 and 1)"
    )
    header = (
        f"{'candidate':<9} {'quantity':<8} {'max rel err':>12}"
        f" {'(kept only)':>12} {'elements lost':>14} {'spurious':>9}"
    )
    print(header)
    print("-" * len(header))
    for a in results:
        print(
            f"{a.candidate:<9} {a.quantity:<8} {a.max_rel_err:>12.3g}"
            f" {a.max_rel_err_kept:>12.3g} {a.lost:>14} {a.spurious:>9}"
        )
    print(
        "lost: core finite non-zero, candidate 0 (rel err 1) or inf/NaN (rel err"
        " inf);\nspurious: core exactly 0, candidate non-zero or NaN.\n"
    )


def print_memory(results: list[Memory]) -> None:
    print("Peak traced memory (tracemalloc), in arrays of the input's size")
    for m in results:
        target = "  (target <= ~6)" if m.what == "core loss+grad" else ""
        print(
            f"  n = {m.size:.0e}  {m.what:<19} {m.peak_bytes / 2**20:8.1f} MiB"
            f"  = {m.arrays:5.2f} arrays{target}"
        )
    if torch is not None:
        print("  (torch's allocations are not visible to tracemalloc)")
    print()


# --- dispatch levels -----------------------------------------------------------


def avx512_targets() -> list[str]:
    """NumPy's AVX-512 dispatch targets, by this version's names."""
    from numpy._core._multiarray_umath import __cpu_dispatch__

    return [f for f in __cpu_dispatch__ if f == "X86_V4" or "AVX512" in f]


def dispatch_env(level: str) -> dict[str, str]:
    """The environment of a child run: ``native`` leaves NumPy's dispatch as it
    is, ``avx2`` switches every AVX-512 target off."""
    env = dict(os.environ)
    env.pop("NPY_DISABLE_CPU_FEATURES", None)
    if level == "avx2":
        env["NPY_DISABLE_CPU_FEATURES"] = " ".join(avx512_targets())
    return env


def run_dispatch_rounds(args: argparse.Namespace) -> int:
    """Alternate child runs at both dispatch levels and summarise them."""
    levels = ("native", "avx2")
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(1, args.rounds + 1):
            for level in levels:
                out = Path(tmp) / f"{level}-{round_}.json"
                command = [sys.executable, __file__, "--timings-only", "--json"]
                command += [str(out), "--pause", str(args.pause)]
                command += ["--seed", str(args.seed)]
                if args.sizes:
                    command += ["--sizes", *map(str, args.sizes)]
                if args.reps:
                    command += ["--reps", str(args.reps)]
                subprocess.run(
                    command, env=dispatch_env(level), check=True, capture_output=True
                )
                report = json.loads(out.read_text())
                env = report["environment"]
                for t in report["timings"]:
                    rows.append(
                        {
                            "round": round_,
                            "level": level,
                            "found": " ".join(env["numpy_simd"]["found"]),
                            "load": env["load_average_before"],
                            **t,
                        }
                    )
    first = environment()
    print(f"CPU: {first['cpu_model']}; NumPy {first['numpy']}")
    print(f"avx2 runs: NPY_DISABLE_CPU_FEATURES={' '.join(avx512_targets())}")
    header = (
        f"{'round':>5} {'dispatch':<8} {'size':>7} {'core ms':>9} {'textbook ms':>12}"
        f" {'core/textbook':>14} {'load':>5}  NumPy SIMD found"
    )
    print(header)
    print("-" * len(header))
    book = [r for r in rows if r["candidate"] == "textbook"]
    core_ms = {
        (r["round"], r["level"], r["size"]): r["median_ms"]
        for r in rows
        if r["candidate"] == "core"
    }
    for r in book:
        key = (r["round"], r["level"], r["size"])
        print(
            f"{r['round']:>5} {r['level']:<8} {r['size']:>7.0e} {core_ms[key]:>9.2f}"
            f" {r['median_ms']:>12.2f} {r['core_over_this']:>14.2f} {r['load']:>5}"
            f"  {r['found']}"
        )
    print()
    for level in levels:
        for size in sorted({r["size"] for r in book}):
            mine = [r for r in book if r["level"] == level and r["size"] == size]
            ratio = statistics.median(r["core_over_this"] for r in mine)
            core_median = statistics.median(
                core_ms[(r["round"], level, size)] for r in mine
            )
            verdict = "met" if ratio <= 1.0 else "NOT met"
            print(
                f"{level:<6} n = {size:.0e}, median of {len(mine)} rounds:"
                f" core {core_median:.2f} ms,"
                f" textbook {statistics.median(r['median_ms'] for r in mine):.2f} ms,"
                f" core / textbook {ratio:.2f} (target <= 1.0: {verdict})"
            )
    print(f"1-minute load average after the rounds: {load_average()}")
    return 0


# --- command line --------------------------------------------------------------


def parse_size(text: str) -> int:
    value = float(text)
    if not value.is_integer() or value < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole size: {text}")
    return int(value)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time and check the exact NumPy focal-loss core."
    )
    parser.add_argument(
        "--sizes",
        type=parse_size,
        nargs="+",
        default=None,
        help="element counts, e.g. 1e4 1e6 1e7 (default)",
    )
    parser.add_argument(
        "--reps",
        type=int,
        default=None,
        help="repetitions for every size (default: 15 up to 1e4, 9 up to 1e6, 5)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="sizes 1e4 and 1e6, 3 repetitions"
    )
    parser.add_argument(
        "--pause",
        type=float,
        default=DEFAULT_PAUSE_S,
        help=f"seconds of pause before each timed sample (default {DEFAULT_PAUSE_S})",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also time each line of focal/_kernels.py at the first size",
    )
    parser.add_argument(
        "--dispatch",
        choices=("this", "both"),
        default="this",
        help="'both': timings in child runs alternating NumPy's full dispatch and"
        " AVX-512 off (default 'this': this process only)",
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds of --dispatch both (default 3)"
    )
    parser.add_argument("--timings-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=0, help="random seed")
    parser.add_argument(
        "--json", type=Path, default=None, metavar="PATH", help="write results here"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.dispatch == "both":
        return run_dispatch_rounds(args)
    sizes = args.sizes or ((10**4, 10**6) if args.quick else DEFAULT_SIZES)
    rng = np.random.default_rng(args.seed)

    env = environment()
    print_environment(env)

    timings: list[Timing] = []
    for n in sizes:
        reps = args.reps or (3 if args.quick else default_reps(n))
        timings += time_size(n, reps, args.pause, rng)
    env["load_average_after"] = load_average()
    print_timings(timings)
    print(f"1-minute load average after the timings: {env['load_average_after']}\n")
    if args.timings_only:
        if args.json is not None:
            report = {"environment": env, "timings": [asdict(t) for t in timings]}
            args.json.write_text(json.dumps(report, indent=2, default=str) + "\n")
        return 0

    spread = 10**4 if args.quick else 10**5 + 1
    accuracy = measure_accuracy(spread)
    print_accuracy(accuracy, 2 * (2 * len(SATURATED) + spread))

    memory = measure_memory(10**6, rng)
    print_memory(memory)

    profile: list[LineTime] = []
    if args.profile:
        profile, traced, plain = profile_kernels(sizes[0], 5, rng)
        print_profile(profile, traced, plain, sizes[0])

    if args.json is not None:
        report = {
            "environment": env,
            "timings": [asdict(t) for t in timings],
            "accuracy": [asdict(a) for a in accuracy],
            "memory": [asdict(m) for m in memory],
            "profile": [asdict(t) for t in profile],
        }
        args.json.write_text(json.dumps(report, indent=2, default=str) + "\n")
        print(f"results written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
