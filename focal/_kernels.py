"""The logit kernels behind ``focal_loss_from_logits`` and ``grad_focal_loss``.

Three choices make them as fast as the textbook formula while staying exact:

- one exponential and one logarithm per element: ``exp(-|x_t|)`` gives the
  numerators and the denominator of ``p_t`` and ``1 - p_t`` and, through
  ``log1p``, the cross-entropy; an integer ``gamma`` raises ``1 - p_t`` to its
  power by multiplication. NumPy's exp and log cost from under 1 ns (AVX-512)
  to several ns (AVX2, where they are scalar) an element, so their count
  decides the time on a CPU without AVX-512;
- nothing branches on the data: ``np.where`` on a random label mask costs
  several nanoseconds an element in branch mispredictions, so the sign of
  ``x_t`` and the class weight come from arithmetic that is exact for labels
  0 and 1 (a ``max`` with a sign picks between ``exp(-|x_t|)`` and 1);
- large inputs go through in cache-sized blocks with four scratch arrays, so a
  call allocates only its result instead of a dozen temporaries.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from focal._validate import FloatArray

#: Elements per block: four float64 scratch blocks (512 KiB) stay in L2 cache.
BLOCK = 16384

#: Largest whole ``gamma`` raised by repeated multiplication: up to here its
#: ``gamma - 1`` products cost less than one ``np.power``.
MULTIPLIED_GAMMA = 8


def sigmoid_terms_into(
    x: FloatArray, y: FloatArray, scratch: list[FloatArray], *, with_p_t: bool = True
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """``(p_t, 1 - p_t, CE)`` from a logit, written into four scratch arrays.

    With ``x_t = x`` for positives and ``-x`` for negatives: ``p_t = sigmoid(x_t)``,
    ``1 - p_t = sigmoid(-x_t)``, ``CE = softplus(-x_t)``. One exponential
    ``e = exp(-|x_t|)`` serves all three: the numerators ``exp(min(x_t, 0))`` and
    ``exp(-max(x_t, 0))`` are each ``e`` or exactly 1, which ``max(e, sign)``
    picks, the denominator is ``1 + e`` and ``CE = log1p(e) + max(-x_t, 0)``.
    Nothing overflows and each result keeps full relative precision. With
    ``with_p_t=False`` the first array returned is scratch, not ``p_t``.
    """
    minus_x_t, e, pick, ce = scratch
    np.multiply(y, -2.0, out=minus_x_t)
    minus_x_t += 1.0
    minus_x_t *= x  # -x_t = -y_s x with y_s = +-1: exact
    np.abs(minus_x_t, out=e)
    np.negative(e, out=e)
    np.exp(e, out=e)  # exp(-|x_t|), in [0, 1]
    np.log1p(e, out=ce)
    np.maximum(minus_x_t, 0.0, out=pick)
    ce += pick  # softplus(-x_t) = log1p(exp(-|x_t|)) + max(-x_t, 0)
    np.sign(minus_x_t, out=pick)  # 1 where x_t < 0, -1 where x_t > 0
    p_t = minus_x_t
    if with_p_t:
        np.negative(pick, out=p_t)
        np.maximum(e, p_t, out=p_t)  # numerator of p_t: 1 where x_t >= 0, else e
    q = np.maximum(e, pick, out=pick)  # numerator of 1 - p_t: 1 where x_t <= 0
    denominator = np.add(e, 1.0, out=e)  # 1 + exp(-|x_t|)
    q /= denominator
    if with_p_t:
        p_t /= denominator
    return p_t, q, ce


def power_into(base: FloatArray, gamma: FloatArray, out: FloatArray) -> FloatArray:
    """``out = base**gamma`` with ``0**0 = 1``; a whole ``gamma`` by multiplication.

    For a scalar whole ``gamma`` up to :data:`MULTIPLIED_GAMMA` the power is
    ``gamma - 1`` products: at most ``gamma - 1`` roundings (``np.power`` has
    one), far inside 1e-12, at a fraction of the cost of ``np.power``, which
    NumPy 2.4 evaluates with scalar ``pow`` for every exponent but 2 even on
    AVX-512. For ``0 <= base <= 1`` no partial product is smaller than the
    result, so nothing underflows early. Any other ``gamma`` goes to
    ``np.power``.
    """
    whole = gamma.ndim == 0 and float(gamma).is_integer()
    if not whole or float(gamma) > MULTIPLIED_GAMMA or out.shape != base.shape:
        return np.power(base, gamma, out=out)
    times = int(gamma)
    if times == 0:
        out.fill(1.0)
    elif times == 1:
        np.copyto(out, base)
    else:
        np.multiply(base, base, out=out)
        for _ in range(times - 2):
            out *= base
    return out


def modulating_factor_terms(
    x: FloatArray, y: FloatArray, q: FloatArray, ce: FloatArray, gamma: FloatArray
) -> FloatArray:
    """``(1 - p_t)**gamma`` from the logit and :func:`sigmoid_terms`' ``q`` and CE.

    For ``x_t`` beyond ~708, ``q = 1 - p_t`` is subnormal or 0 while its power
    may not be: there ``log(1 - p_t) = -softplus(x_t) = -(CE + x_t)``, so the
    factor is ``exp(-gamma (CE + x_t))``; elsewhere ``q**gamma`` (``0**0 = 1``).
    """
    x_t = np.where(y == 1.0, x, -x)
    deep = (q < np.finfo(np.float64).tiny) & np.isfinite(x_t)
    with np.errstate(invalid="ignore", over="ignore"):
        return np.where(deep, np.exp(-gamma * (ce + x_t)), np.power(q, gamma))


def star_shift(x_t: FloatArray, gamma: FloatArray, beta: FloatArray) -> FloatArray:
    """``w = x_t + beta / gamma``: FL*'s logit ``z = gamma x_t + beta`` over ``gamma``.

    ``beta / gamma`` alone overflows for a tiny ``gamma`` although ``w`` may be
    finite (or of the other sign, when ``x_t`` is infinite); for ``gamma < 1``
    ``gamma x_t`` cannot overflow, so there ``w = (gamma x_t + beta) / gamma``.
    Where ``w`` really exceeds the float range it is ``±inf`` with its sign.
    """
    # np.where computes both forms; the one it discards may overflow or be NaN
    with np.errstate(over="ignore", invalid="ignore"):
        return np.where(gamma < 1.0, (gamma * x_t + beta) / gamma, x_t + beta / gamma)


def sigmoid_terms(
    x: FloatArray, y: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """``(p_t, 1 - p_t, CE)`` as new arrays of the broadcast shape."""
    shape = np.broadcast_shapes(x.shape, y.shape)
    return sigmoid_terms_into(x, y, [np.empty(shape) for _ in range(4)])


def times_class_weight(
    values: FloatArray,
    y: FloatArray,
    positive: float,
    negative: float,
    spare: FloatArray,
) -> None:
    """``values *= positive if y == 1 else negative``, in place, without a branch.

    ``negative + y (positive - negative)`` is exact for negatives; it is used when
    it also gives ``positive`` exactly for y = 1 (checked once, on the scalars).
    Otherwise ``positive + (1 - y)(negative - positive)``, exact for positives and
    within one rounding of ``negative``: a tiny α never rounds away.
    ``spare`` is scratch of ``y``'s shape.
    """
    if (positive - negative) + negative == positive:
        np.multiply(y, positive - negative, out=spare)
        spare += negative
    else:
        np.subtract(1.0, y, out=spare)
        spare *= negative - positive
        spare += positive
    values *= spare


Kernel = Callable[..., None]


def blockwise(
    kernel: Kernel, x: FloatArray, y: FloatArray, *params: FloatArray | None
) -> FloatArray:
    """Run ``kernel(x, y, *params, out=, scratch=)`` and return ``out``.

    Same-shape inputs larger than :data:`BLOCK` with scalar parameters go
    through block by block; anything else (broadcasting, array parameters,
    small inputs) is one block of the broadcast shape. The arithmetic is the
    same either way.
    """
    scalar = all(p is None or p.ndim == 0 for p in params)
    if scalar and x.shape == y.shape and x.size > BLOCK:
        out = np.empty(x.shape)
        flat_x, flat_y, flat_out = x.reshape(-1), y.reshape(-1), out.reshape(-1)
        scratch = [np.empty(BLOCK) for _ in range(4)]
        for start in range(0, x.size, BLOCK):
            block = slice(start, start + BLOCK)
            size = flat_x[block].size
            kernel(
                flat_x[block],
                flat_y[block],
                *params,
                out=flat_out[block],
                scratch=[s[:size] for s in scratch],
            )
        return out
    shape = np.broadcast_shapes(x.shape, y.shape)
    out = np.empty(np.broadcast_shapes(shape, *(np.shape(p) for p in params)))
    kernel(x, y, *params, out=out, scratch=[np.empty(shape) for _ in range(4)])
    return out


def _weight_by_class(
    out: FloatArray,
    y: FloatArray,
    positive: FloatArray | float,
    negative: FloatArray | float,
    spare: FloatArray,
) -> None:
    if np.ndim(positive) == 0 and out.shape == spare.shape:
        times_class_weight(out, y, float(positive), float(negative), spare)
    else:  # an array of α: the weight broadcasts against the result
        out *= np.where(y == 1.0, positive, negative)


def focal_loss_kernel(
    x: FloatArray,
    y: FloatArray,
    gamma: FloatArray,
    alpha: FloatArray | None,
    *,
    out: FloatArray,
    scratch: list[FloatArray],
) -> None:
    """``out = alpha_t (1 - p_t)**gamma CE`` (Eq. 5; Eq. 4 without α)."""
    spare, q, ce = sigmoid_terms_into(x, y, scratch, with_p_t=False)
    power_into(q, gamma, out)  # the modulating factor (1 - p_t)**gamma
    out *= ce
    if alpha is None:
        return
    with np.errstate(invalid="ignore"):
        _weight_by_class(out, y, alpha, 1.0 - alpha, spare)
    # alpha_t = 0 times an infinite loss is NaN: that class is switched off
    np.fmax(out, 0.0, out=out)


def grad_focal_loss_kernel(
    x: FloatArray,
    y: FloatArray,
    gamma: FloatArray,
    alpha: FloatArray | None,
    *,
    out: FloatArray,
    scratch: list[FloatArray],
) -> None:
    """``out = -y_s alpha_t (1 - p_t)**gamma (gamma p_t CE + 1 - p_t)`` (App. B)."""
    p_t, q, ce = sigmoid_terms_into(x, y, scratch)
    # p_t CE -> 0 as p_t -> 0; only x_t = -inf reaches 0 * inf = NaN, which
    # fmax turns into that limit
    with np.errstate(invalid="ignore"):
        bracket = np.multiply(p_t, ce, out=ce)
    np.fmax(bracket, 0.0, out=bracket)
    bracket = np.multiply(bracket, gamma, out=bracket if gamma.ndim == 0 else None)
    bracket += q  # both terms >= 0: nothing cancels
    power_into(q, gamma, out)  # the modulating factor (1 - p_t)**gamma
    out *= bracket
    # -y_s alpha_t: -alpha for positives, 1 - alpha for negatives
    if alpha is None:
        _weight_by_class(out, y, -1.0, 1.0, p_t)
    else:
        _weight_by_class(out, y, -alpha, 1.0 - alpha, p_t)
    out += 0.0  # a vanishing gradient reads 0, not -0
