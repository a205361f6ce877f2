"""Worst relative error of the core against the 50-digit mpmath reference.

    python bench/accuracy.py [--points N] [--seed S]

For each public function, draws N random inputs over the ranges the test suite
covers (probabilities in [1e-300, 1 - 1e-16], uniform and log-uniform near both
ends; logits in [-1e4, 1e4], uniform and log-uniform; gamma in [0, 10]; y in
{0, 1}; alpha in [0, 1] or None; for FL* gamma in (0.1, 10] and beta in [-5, 5];
for the prior bias and the logit also 0.5 +- 10**-k), evaluates the core once
on the whole array and the reference (tests/reference.py) point by point, and
prints the largest relative error among the points whose true value is a normal
float64, with the inputs where it occurred. True zeros must come out exactly 0; those
that do not are counted as mismatches. Floating-point exceptions other than
underflow are reported as notes. The exit status is 1 when any error exceeds
1e-12 or any zero mismatches.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import reference as ref  # noqa: E402

import focal  # noqa: E402
from bench.core import cpu_model, numpy_simd  # noqa: E402

P_MIN, P_MAX = 1e-300, 1.0 - 1e-16
X_MAX = 1e4
TOLERANCE = 1e-12
EPS = 2.0**-52


def probabilities(rng: np.random.Generator, n: int) -> np.ndarray:
    """A third uniform, a third 10**-k near 0, a third 1 - 10**-k near 1."""
    kind = rng.integers(0, 3, n)
    uniform = rng.uniform(0.0, 1.0, n)
    near_zero = 10.0 ** -rng.uniform(0.0, 300.0, n)
    near_one = 1.0 - 10.0 ** -rng.uniform(0.0, 16.0, n)
    return np.clip(np.choose(kind, [uniform, near_zero, near_one]), P_MIN, P_MAX)


def near_half(rng: np.random.Generator, n: int) -> np.ndarray:
    """0.5 +- 10**-k, k uniform in [1, 15]."""
    return 0.5 + rng.choice([-1.0, 1.0], n) * 10.0 ** -rng.uniform(1.0, 15.0, n)


def logits(rng: np.random.Generator, n: int) -> np.ndarray:
    """Half uniform on [-1e4, 1e4], half +-10**k with k in [-12, 4]."""
    uniform = rng.uniform(-X_MAX, X_MAX, n)
    log_uniform = rng.choice([-1.0, 1.0], n) * 10.0 ** rng.uniform(-12.0, 4.0, n)
    return np.where(rng.random(n) < 0.5, uniform, log_uniform)


def gammas(rng: np.random.Generator, n: int, low: float = 0.0) -> np.ndarray:
    """Uniform on [low, 10], with a fifth of the points on the usual values."""
    usual = [0.5, 1.0, 2.0, 5.0, 10.0] + ([0.0] if low == 0.0 else [])
    drawn = np.where(
        rng.random(n) < 0.2, rng.choice(usual, n), rng.uniform(low, 10.0, n)
    )
    return np.where(drawn <= low, 10.0, drawn) if low > 0.0 else drawn


def alphas(rng: np.random.Generator, n: int) -> list[float | None]:
    """None for 30%, else uniform on [0, 1] with 0, 1 and 0.25 mixed in."""
    a = rng.uniform(0.0, 1.0, n)
    u = rng.random(n)
    a = np.where(u < 0.05, 0.0, np.where(u < 0.1, 1.0, np.where(u < 0.2, 0.25, a)))
    return [None if v > 0.7 else float(x) for v, x in zip(u, a, strict=True)]


def _core_call(
    function: Callable[..., Any], columns: dict[str, Any]
) -> Callable[[], np.ndarray]:
    """Evaluate ``function`` on whole arrays; a per-point ``alpha`` that may be
    None is handled with one call with alpha=None and one with alpha given."""

    def call() -> np.ndarray:
        if "alpha" not in columns:
            return np.asarray(function(**columns))
        alpha = columns["alpha"]
        off = np.array([a is None for a in alpha])
        given = np.array([0.5 if a is None else a for a in alpha])
        rest = {k: v for k, v in columns.items() if k != "alpha"}
        without = np.asarray(function(**rest, alpha=None))
        with_alpha = np.asarray(function(**rest, alpha=given))
        return np.where(off, without, with_alpha)

    return call


def cases(rng: np.random.Generator, n: int) -> dict[str, tuple[Any, Any, dict]]:
    """Per function: the core function, the reference and the input columns."""
    y = rng.integers(0, 2, n).astype(np.float64)
    p = probabilities(rng, n)
    x = logits(rng, n)
    g = gammas(rng, n)
    a = alphas(rng, n)
    star = {"x": x, "y": y, "gamma": gammas(rng, n, low=0.1)}
    star["beta"] = rng.uniform(-5.0, 5.0, n)
    pi = np.where(rng.random(n) < 0.5, probabilities(rng, n), near_half(rng, n))
    return {
        "cross_entropy": (focal.cross_entropy, ref.cross_entropy, {"p": p, "y": y}),
        "modulating_factor": (
            focal.modulating_factor,
            ref.modulating_factor,
            {"p": p, "y": y, "gamma": g},
        ),
        "focal_loss": (
            focal.focal_loss,
            ref.focal_loss,
            {"p": p, "y": y, "gamma": g, "alpha": a},
        ),
        "focal_reduction": (
            focal.focal_reduction,
            ref.focal_reduction,
            {"p": p, "y": y, "gamma": g},
        ),
        "cross_entropy_from_logits": (
            focal.cross_entropy_from_logits,
            ref.cross_entropy_from_logits,
            {"x": x, "y": y},
        ),
        "focal_loss_from_logits": (
            focal.focal_loss_from_logits,
            ref.focal_loss_from_logits,
            {"x": x, "y": y, "gamma": g, "alpha": a},
        ),
        "grad_cross_entropy": (
            focal.grad_cross_entropy,
            ref.grad_cross_entropy,
            {"x": x, "y": y},
        ),
        "grad_focal_loss": (
            focal.grad_focal_loss,
            ref.grad_focal_loss,
            {"x": x, "y": y, "gamma": g, "alpha": a},
        ),
        "focal_loss_star": (focal.focal_loss_star, ref.focal_loss_star, star),
        "grad_focal_loss_star": (
            focal.grad_focal_loss_star,
            ref.grad_focal_loss_star,
            star,
        ),
        "prior_bias": (focal.prior_bias, ref.prior_bias, {"pi": pi}),
        "sigmoid": (focal.sigmoid, ref.sigmoid, {"x": x}),
        "logit": (focal.logit, ref.logit, {"p": pi}),
    }


def _inputs(columns: dict[str, Any], i: int) -> str:
    values = {k: columns[k][i] for k in columns}
    return ", ".join(f"{k}={v if v is None else float(v)!r}" for k, v in values.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=20170807)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    rng = np.random.default_rng(args.seed)
    # NumPy's exp and log kernels differ by CPU: say which ones were checked
    print(
        f"CPU: {cpu_model()}; NumPy {np.__version__},"
        f" SIMD found: {' '.join(numpy_simd()['found']) or '-'}\n"
    )
    header = (
        f"{'function':<26} {'points':>7} {'compared':>8} {'zeros':>6} "
        f"{'mismatch':>8} {'worst rel. err':>14} {'/ eps':>8}  worst at"
    )
    print(header)
    print("-" * len(header))
    failed = False
    notes = []
    for name, (core, reference, columns) in cases(rng, args.points).items():
        call = _core_call(core, columns)
        # Underflow to zero or to a subnormal is expected; the rest is a finding.
        try:
            with np.errstate(under="ignore", over="raise", divide="raise"):
                got = call()
        except FloatingPointError as error:
            notes.append(f"{name}: FloatingPointError: {error}")
            with np.errstate(all="ignore"):
                got = call()
        got = np.asarray(got, dtype=np.float64).tolist()
        compared = zeros = mismatches = 0
        worst, worst_at = 0.0, -1
        for i, value in enumerate(got):
            true = reference(*(columns[k][i] for k in columns))
            if true == 0:
                zeros += 1
                mismatches += value != 0.0
                continue
            if not ref.is_normal(true):
                continue
            compared += 1
            error = float(ref.relative_error(value, true))
            if error > worst:
                worst, worst_at = error, i
        failed |= worst > TOLERANCE or mismatches > 0
        where = _inputs(columns, worst_at) if worst_at >= 0 else ""
        print(
            f"{name:<26} {len(got):>7} {compared:>8} {zeros:>6} {mismatches:>8} "
            f"{worst:>14.3e} {worst / EPS:>8.1f}  {where}"
        )
    print("-" * len(header))
    for note in notes:
        print("note:", note)
    verdict = "FAIL" if failed else "ok"
    print(
        f"{verdict}: tolerance {TOLERANCE:.0e}, seed {args.seed}, "
        f"{time.perf_counter() - start:.1f} s"
    )
    return int(failed)


if __name__ == "__main__":
    raise SystemExit(main())
