"""Worst relative error of the core against the 50-digit mpmath reference.

    python bench/accuracy.py [--points N] [--seed S]

For each public function, draws N random inputs over the ranges the test suite
covers (probabilities in [1e-300, 1 - 1e-16], uniform and log-uniform near both
ends; logits in [-1e4, 1e4], uniform and log-uniform; gamma in [0, 10]; y in
{0, 1}; alpha in [0, 1] or None; for FL* gamma in (0.1, 10] and beta in [-5, 5]),
evaluates the core once on the whole array and the reference point by point, and
prints the largest relative error among the points whose true value is a normal
float64 (true zeros must come out exactly 0 and are counted as mismatches if not).
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

P_MIN, P_MAX = 1e-300, 1.0 - 1e-16
X_MAX = 1e4


def probabilities(rng: np.random.Generator, n: int) -> np.ndarray:
    """A third uniform, a third 10**-k near 0, a third 1 - 10**-k near 1."""
    kind = rng.integers(0, 3, n)
    uniform = rng.uniform(0.0, 1.0, n)
    near_zero = 10.0 ** -rng.uniform(0.0, 300.0, n)
    near_one = 1.0 - 10.0 ** -rng.uniform(0.0, 16.0, n)
    p = np.choose(kind, [uniform, near_zero, near_one])
    return np.clip(p, P_MIN, P_MAX)


def logits(rng: np.random.Generator, n: int) -> np.ndarray:
    """Half uniform on [-1e4, 1e4], half +-10**k with k in [-12, 4]."""
    uniform = rng.uniform(-X_MAX, X_MAX, n)
    signs = rng.choice([-1.0, 1.0], n)
    log_uniform = signs * 10.0 ** rng.uniform(-12.0, 4.0, n)
    return np.where(rng.random(n) < 0.5, uniform, log_uniform)


def gammas(rng: np.random.Generator, n: int, low: float = 0.0) -> np.ndarray:
    """Uniform on [low, 10], with a fifth of the points on the usual values."""
    usual = rng.choice([0.5, 1.0, 2.0, 5.0, 10.0] + ([0.0] if low == 0.0 else []), n)
    return np.where(rng.random(n) < 0.2, usual, rng.uniform(low, 10.0, n))


def alphas(rng: np.random.Generator, n: int) -> np.ndarray:
    """Uniform on [0, 1], with 0, 0.25 and 1 mixed in; NaN marks "alpha=None"."""
    a = rng.uniform(0.0, 1.0, n)
    special = rng.random(n)
    a = np.where(special < 0.05, 0.0, a)
    a = np.where((special >= 0.05) & (special < 0.1), 1.0, a)
    a = np.where((special >= 0.1) & (special < 0.2), 0.25, a)
    return np.where(special > 0.7, np.nan, a)


def _with_alpha(
    core: Callable[..., Any], *args: np.ndarray, alpha: np.ndarray
) -> Callable[[], np.ndarray]:
    """Call ``core`` once with alpha=None and once with alpha, pick per point."""

    def call() -> np.ndarray:
        off = np.asarray(core(*args, alpha=None))
        on = np.asarray(core(*args, alpha=np.nan_to_num(alpha, nan=0.5)))
        return np.where(np.isnan(alpha), off, on)

    return call


def _call(core: Callable[..., Any], *args: np.ndarray) -> Callable[[], np.ndarray]:
    return lambda: np.asarray(core(*args))


def _alpha(a: float) -> float | None:
    return None if np.isnan(a) else float(a)


def cases(
    rng: np.random.Generator, n: int
) -> dict[str, tuple[Callable[[], np.ndarray], list]]:
    """Per function: a call of the core on all points, and the reference values."""
    y = rng.integers(0, 2, n).astype(np.float64)
    p = probabilities(rng, n)
    x = logits(rng, n)
    g = gammas(rng, n)
    a = alphas(rng, n)
    g_star = gammas(rng, n, low=0.1)
    g_star = np.where(g_star <= 0.1, 10.0, g_star)
    beta = rng.uniform(-5.0, 5.0, n)
    pi = probabilities(rng, n)

    def each(function: Callable[..., Any], *columns: Any) -> list:
        return [function(*row) for row in zip(*columns, strict=True)]

    alpha_list = [_alpha(v) for v in a]
    return {
        "cross_entropy": (
            _call(focal.cross_entropy, p, y),
            each(ref.cross_entropy, p, y),
        ),
        "modulating_factor": (
            _call(focal.modulating_factor, p, y, g),
            each(ref.modulating_factor, p, y, g),
        ),
        "focal_loss": (
            _with_alpha(focal.focal_loss, p, y, g, alpha=a),
            each(ref.focal_loss, p, y, g, alpha_list),
        ),
        "focal_reduction": (
            _call(focal.focal_reduction, p, y, g),
            each(ref.focal_reduction, p, y, g),
        ),
        "cross_entropy_from_logits": (
            _call(focal.cross_entropy_from_logits, x, y),
            each(ref.cross_entropy_from_logits, x, y),
        ),
        "focal_loss_from_logits": (
            _with_alpha(focal.focal_loss_from_logits, x, y, g, alpha=a),
            each(ref.focal_loss_from_logits, x, y, g, alpha_list),
        ),
        "grad_cross_entropy": (
            _call(focal.grad_cross_entropy, x, y),
            each(ref.grad_cross_entropy, x, y),
        ),
        "grad_focal_loss": (
            _with_alpha(focal.grad_focal_loss, x, y, g, alpha=a),
            each(ref.grad_focal_loss, x, y, g, alpha_list),
        ),
        "focal_loss_star": (
            _call(focal.focal_loss_star, x, y, g_star, beta),
            each(ref.focal_loss_star, x, y, g_star, beta),
        ),
        "grad_focal_loss_star": (
            _call(focal.grad_focal_loss_star, x, y, g_star, beta),
            each(ref.grad_focal_loss_star, x, y, g_star, beta),
        ),
        "prior_bias": (
            _call(focal.prior_bias, np.clip(pi, P_MIN, P_MAX)),
            each(ref.prior_bias, np.clip(pi, P_MIN, P_MAX)),
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=20170807)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    rng = np.random.default_rng(args.seed)
    results = cases(rng, args.points)

    header = f"{'function':<26} {'points':>7} {'compared':>8} {'zeros':>6} "
    header += f"{'mismatch':>8} {'worst rel. error':>16} {'in ulps':>8}"
    print(header)
    print("-" * len(header))
    worst_overall = 0.0
    notes = []
    for name, (core, true) in results.items():
        # Underflow to zero or to a subnormal is expected; the rest is a finding.
        try:
            with np.errstate(under="ignore", over="raise", divide="raise"):
                with np.errstate(invalid="raise"):
                    got = core()
        except FloatingPointError as error:
            notes.append(f"{name}: FloatingPointError: {error}")
            with np.errstate(all="ignore"):
                got = core()
        got = np.asarray(got, dtype=np.float64)
        compared = zeros = mismatches = 0
        worst = 0.0
        for value, exact in zip(got.tolist(), true, strict=True):
            if exact == 0:
                zeros += 1
                mismatches += value != 0.0
                continue
            if not ref.is_normal(exact):
                continue
            compared += 1
            error = float(ref.relative_error(value, exact))
            worst = max(worst, error)
        worst_overall = max(worst_overall, worst)
        print(
            f"{name:<26} {got.size:>7} {compared:>8} {zeros:>6} {mismatches:>8} "
            f"{worst:>16.3e} {worst / 2.0**-53:>8.1f}"
        )
    print("-" * len(header))
    for note in notes:
        print("note:", note)
    print(
        f"worst overall {worst_overall:.3e} "
        f"({time.perf_counter() - start:.1f} s, seed {args.seed})"
    )
    return 0 if worst_overall <= 1e-12 else 1


if __name__ == "__main__":
    raise SystemExit(main())
