"""The logit core's own paths against the 50-digit mpmath reference.

``focal/_kernels.py`` takes ``p_t``, ``1 - p_t`` and CE from one ``exp(-|x_t|)``
(a ``max`` with the sign of ``x_t`` picks each numerator, ``e`` or exactly 1)
and raises ``1 - p_t`` to a whole ``gamma`` up to ``MULTIPLIED_GAMMA`` by
multiplication (``power_into``); any other ``gamma`` goes through ``np.power``.
Each path is checked here at whole and non-whole ``gamma``, at extreme logits
and where ``p_t`` is exactly 0 or 1, through the block loop and the one-block
path, with no NumPy warning, and under NumPy's AVX2 dispatch in a subprocess.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import reference as ref
from hypothesis import example, given, settings
from hypothesis import strategies as st
from mpmath import mp, mpf

import focal
from bench.core import avx512_targets
from focal._kernels import BLOCK, MULTIPLIED_GAMMA, power_into

ROOT = Path(__file__).resolve().parents[1]
TOLERANCE = 1e-12
PROPERTY = settings(max_examples=200, deadline=None)

WHOLE_GAMMAS = [0.0, 1.0, 2.0, 3.0, 5.0, float(MULTIPLIED_GAMMA)]
OTHER_GAMMAS = [0.5, 1.5, 2.5, 4.999, MULTIPLIED_GAMMA + 1.0, 10.0]
EXTREME_LOGITS = [
    1e4,
    -1e4,
    745.0,
    -745.0,
    710.0,
    -710.0,
    709.0,
    -709.0,
    40.0,
    -40.0,
    0.0,
    -0.0,
    5e-324,
    -5e-324,
]
ALPHAS = [None, 0.0, 0.25, 1.0]

logits = st.one_of(
    st.floats(-1e4, 1e4),
    st.builds(
        lambda sign, k: sign * 10.0**k, st.sampled_from([-1.0, 1.0]), st.floats(-12, 4)
    ),
    st.sampled_from(EXTREME_LOGITS),
)
gammas = st.one_of(
    st.sampled_from(WHOLE_GAMMAS + OTHER_GAMMAS),
    st.integers(0, MULTIPLIED_GAMMA).map(float),
    st.floats(0.0, 10.0),
)
alphas = st.one_of(st.sampled_from(ALPHAS), st.floats(0.0, 1.0))


def problems(got: Any, x: Any, y: Any, gamma: float, alpha: float | None) -> list[str]:
    """Where ``got = (loss, grad)`` per element is not float64's best answer."""
    loss, grad = (np.atleast_1d(g) for g in got)
    x, y = np.broadcast_arrays(np.atleast_1d(x), np.atleast_1d(y))
    found = []
    for i, (x_i, y_i) in enumerate(zip(x.tolist(), y.tolist(), strict=True)):
        for name, value, true in (
            ("loss", loss[i], ref.focal_loss_from_logits(x_i, y_i, gamma, alpha)),
            ("grad", grad[i], ref.grad_focal_loss(x_i, y_i, gamma, alpha)),
        ):
            problem = ref.accuracy_problem(float(value), true, TOLERANCE)
            if problem is not None:
                found.append(f"{name} at x={x_i!r}, y={y_i}: {problem}")
    return found


def loss_and_grad(x: Any, y: Any, gamma: Any, alpha: Any) -> tuple[Any, Any]:
    """Both core functions, with every NumPy warning an error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return (
            focal.focal_loss_from_logits(x, y, gamma, alpha),
            focal.grad_focal_loss(x, y, gamma, alpha),
        )


# --- against mpmath ------------------------------------------------------------


@PROPERTY
@given(
    st.lists(st.tuples(logits, st.sampled_from([0.0, 1.0])), min_size=1, max_size=6),
    gammas,
    alphas,
)
@example([(40.0, 1.0)], 2.0, None)  # 7.7e-53, where 1 - sigmoid(40) rounds to 0
@example([(-745.0, 1.0), (745.0, 0.0)], 5.0, 0.25)
@example([(1e4, 0.0), (-1e4, 0.0)], 0.0, 1.0)
def test_loss_and_gradient_match_mpmath(
    pairs: list[tuple[float, float]], gamma: float, alpha: float | None
) -> None:
    x = np.array([x for x, _ in pairs])
    y = np.array([y for _, y in pairs])
    assert problems(loss_and_grad(x, y, gamma, alpha), x, y, gamma, alpha) == []


@pytest.mark.parametrize("gamma", WHOLE_GAMMAS + OTHER_GAMMAS)
@pytest.mark.parametrize("alpha", ALPHAS)
def test_extreme_logits(gamma: float, alpha: float | None) -> None:
    x = np.array(EXTREME_LOGITS * 2)
    y = np.repeat([0.0, 1.0], len(EXTREME_LOGITS))
    assert problems(loss_and_grad(x, y, gamma, alpha), x, y, gamma, alpha) == []


@pytest.mark.parametrize("gamma", WHOLE_GAMMAS + OTHER_GAMMAS)
@pytest.mark.parametrize("alpha", ALPHAS)
def test_p_t_exactly_0_and_1(gamma: float, alpha: float | None) -> None:
    """x_t = +inf: p_t = 1, loss and gradient exactly +0. x_t = -inf: p_t = 0,
    loss inf (0 when alpha_t = 0) and gradient -y_s alpha_t, exactly."""
    x = np.array([np.inf, -np.inf, -np.inf, np.inf])
    y = np.array([1.0, 0.0, 1.0, 0.0])  # x_t = +inf, +inf, -inf, -inf
    loss, grad = loss_and_grad(x, y, gamma, alpha)
    assert focal.p_t_from_logits(x, y).tolist() == [1.0, 1.0, 0.0, 0.0]
    assert loss[:2].tolist() == [0.0, 0.0] and not np.signbit(loss[:2]).any()
    assert grad[:2].tolist() == [0.0, 0.0] and not np.signbit(grad[:2]).any()
    # y = 1, then y = 0; without alpha both weigh 1
    alpha_t = np.ones(2) if alpha is None else np.array([alpha, 1.0 - alpha])
    assert loss[2:].tolist() == np.where(alpha_t == 0.0, 0.0, np.inf).tolist()
    assert grad[2:].tolist() == (0.0 - np.array([1.0, -1.0]) * alpha_t).tolist()
    assert problems((loss, grad), x, y, gamma, alpha) == []


def test_gamma_array_goes_through_power() -> None:
    """A gamma per element broadcasts and takes np.power, whole or not."""
    gamma = np.array(WHOLE_GAMMAS + OTHER_GAMMAS)
    for x in (-40.0, -2.5, 0.0, 3.0, 40.0, 745.0):
        for y in (0.0, 1.0):
            loss, grad = loss_and_grad(x, y, gamma, 0.25)
            for i, g in enumerate(gamma.tolist()):
                assert problems((loss[i], grad[i]), x, y, g, 0.25) == []


# --- the block loop ------------------------------------------------------------


@pytest.mark.parametrize("gamma", [0.0, 2.0, 3.0, 2.5])
@pytest.mark.parametrize("alpha", [None, 0.25])
def test_blocks_give_what_one_block_gives(gamma: float, alpha: float | None) -> None:
    """Beyond BLOCK elements the kernels run block by block: the same bits as
    calls of at most BLOCK elements, and mpmath's values on a sample."""
    rng = np.random.default_rng(13)
    n = 2 * BLOCK + 123
    x = rng.normal(0.0, 30.0, n)
    x[rng.integers(0, n, 200)] = rng.choice([*EXTREME_LOGITS, np.inf, -np.inf], 200)
    y = rng.integers(0, 2, n).astype(np.float64)
    loss, grad = loss_and_grad(x, y, gamma, alpha)
    parts = [slice(i, i + BLOCK - 1) for i in range(0, n, BLOCK - 1)]
    one_block = [loss_and_grad(x[s], y[s], gamma, alpha) for s in parts]
    assert np.array_equal(loss, np.concatenate([p[0] for p in one_block]))
    assert np.array_equal(grad, np.concatenate([p[1] for p in one_block]))
    sample = rng.choice(n, 40, replace=False)
    assert (
        problems((loss[sample], grad[sample]), x[sample], y[sample], gamma, alpha) == []
    )


# --- power_into ----------------------------------------------------------------


@PROPERTY
@given(
    st.lists(
        st.one_of(
            st.floats(0.0, 1.0),
            st.floats(-320.0, 0.0).map(lambda k: 10.0**k),
            st.sampled_from([0.0, 1.0, 5e-324, 2.2250738585072014e-308, 0.5]),
        ),
        min_size=1,
        max_size=8,
    ),
    st.one_of(st.integers(0, MULTIPLIED_GAMMA + 2).map(float), st.floats(0.0, 10.0)),
)
def test_power_into_matches_mpmath(bases: list[float], gamma: float) -> None:
    """``base**gamma`` with 0**0 = 1, within 1e-12 of the truth (or the right
    subnormal), whole gamma by multiplication or not."""
    base = np.array(bases)
    out = power_into(base, np.asarray(gamma), np.empty_like(base))
    with mp.workdps(50):
        for b, got in zip(bases, out.tolist(), strict=True):
            true = mpf(1) if gamma == 0 else mpf(b) ** mpf(gamma)
            problem = ref.accuracy_problem(got, true, TOLERANCE)
            assert problem is None, f"{b!r}**{gamma}: {problem}"


def test_power_into_whole_gamma_multiplies(monkeypatch: pytest.MonkeyPatch) -> None:
    """A whole gamma up to MULTIPLIED_GAMMA never calls np.power; beyond, it does."""
    import focal._kernels as kernels

    calls: list[float] = []
    real = np.power

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(float(np.asarray(args[1]).flat[0]))
        return real(*args, **kwargs)

    monkeypatch.setattr(kernels.np, "power", counted)
    base = np.linspace(0.0, 1.0, 11)
    for gamma in range(MULTIPLIED_GAMMA + 1):
        out = power_into(base, np.asarray(float(gamma)), np.empty_like(base))
        assert np.allclose(out, real(base, float(gamma)), rtol=1e-15, atol=0.0)
    assert calls == []
    power_into(base, np.asarray(MULTIPLIED_GAMMA + 1.0), np.empty_like(base))
    power_into(base, np.asarray(2.5), np.empty_like(base))
    assert calls == [MULTIPLIED_GAMMA + 1.0, 2.5]


# --- NumPy's AVX2 dispatch -------------------------------------------------------

CHILD = """
import json, sys
import numpy as np
from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__
sys.path.insert(0, {root!r})
import focal
data = np.load({inputs!r})
x, y = data["x"], data["y"]
np.savez({outputs!r}, **{{
    f"{{name}} {{gamma}}": getattr(focal, name)(x, y, gamma, 0.25)
    for name in ("focal_loss_from_logits", "grad_focal_loss")
    for gamma in {gammas!r}
}})
print(json.dumps([f for f in __cpu_dispatch__ if __cpu_features__[f]]))
"""


def test_avx2_dispatch_gives_the_same_results(tmp_path: Path) -> None:
    """With NumPy's AVX-512 kernels switched off (exp and log then come from
    the AVX2 or scalar code) the core agrees within 1e-12 relative, bit for bit
    on zeros and infinities."""
    from numpy._core._multiarray_umath import __cpu_features__

    rng = np.random.default_rng(7)
    x = np.concatenate([EXTREME_LOGITS, [np.inf, -np.inf], rng.normal(0.0, 20.0, 3000)])
    x = np.concatenate([x, x])
    y = np.repeat([0.0, 1.0], x.size // 2)
    gammas = [0.0, 2.0, 3.0, 2.5]
    inputs, outputs = tmp_path / "in.npz", tmp_path / "out.npz"
    np.savez(inputs, x=x, y=y)
    script = CHILD.format(
        root=str(ROOT), inputs=str(inputs), outputs=str(outputs), gammas=gammas
    )
    targets = avx512_targets()
    env = {**os.environ, "NPY_DISABLE_CPU_FEATURES": " ".join(targets)}
    child = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found = json.loads(child.stdout.strip().splitlines()[-1])
    assert not set(found) & set(targets), f"AVX-512 still dispatched: {found}"
    if not any(__cpu_features__.get(t) for t in targets):
        pytest.skip("no AVX-512 dispatched here (not on this CPU, or switched off)")
    theirs = np.load(outputs)
    for name in ("focal_loss_from_logits", "grad_focal_loss"):
        for gamma in gammas:
            ours = getattr(focal, name)(x, y, gamma, 0.25)
            other = theirs[f"{name} {gamma}"]
            same = (ours == other) | (np.isnan(ours) & np.isnan(other))
            finite = np.isfinite(ours) & (ours != 0.0)
            assert same[~finite].all(), (name, gamma)
            rel = np.abs(other[finite] - ours[finite]) / np.abs(ours[finite])
            assert rel.max() <= TOLERANCE, (name, gamma, rel.max())
