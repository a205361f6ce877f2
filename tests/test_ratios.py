"""Hard/easy ratios: the source document's worked pairs and their consistency."""

from __future__ import annotations

import dataclasses
import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import focal
from focal import HardEasyRatio


def test_document_positive_pair() -> None:
    r = focal.hard_easy_ratio(0.1, 0.9, 1)
    assert r.ce_ratio == pytest.approx(21.85, abs=0.005)
    assert r.fl_ratio == pytest.approx(1770.2, abs=0.05)
    assert r.amplification == pytest.approx(81.0, rel=1e-12)
    assert r.amplification == pytest.approx(((1 - 0.1) / (1 - 0.9)) ** 2, rel=1e-12)
    # exact: log(10) / -log(0.9) and 81 times that
    assert r.ce_ratio == pytest.approx(math.log(10) / -math.log(0.9), rel=1e-14)


def test_document_negative_pair() -> None:
    r = focal.hard_easy_ratio(0.8, 0.2, 0)
    assert r.ce_ratio == pytest.approx(7.21, abs=0.005)
    assert r.fl_ratio == pytest.approx(115.4, abs=0.05)
    assert r.amplification == pytest.approx(16.0, rel=1e-12)
    assert r.ce_ratio == pytest.approx(math.log(0.2) / math.log(0.8), rel=1e-14)


def test_scalar_inputs_give_floats() -> None:
    r = focal.hard_easy_ratio(0.1, 0.9, 1)
    assert isinstance(r, HardEasyRatio)
    for value in (r.ce_ratio, r.fl_ratio, r.amplification):
        assert type(value) is float


def test_result_is_frozen() -> None:
    r = focal.hard_easy_ratio(0.1, 0.9, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.ce_ratio = 0.0  # type: ignore[misc]


probability = st.floats(0.001, 0.999)
label = st.sampled_from([0, 1])
gamma = st.floats(0.0, 10.0)


@settings(max_examples=300, deadline=None)
@given(probability, probability, label, gamma)
def test_ratios_are_ratios_of_the_losses(
    p_hard: float, p_easy: float, y: int, g: float
) -> None:
    r = focal.hard_easy_ratio(p_hard, p_easy, y, g)
    ce_ratio = focal.cross_entropy(p_hard, y) / focal.cross_entropy(p_easy, y)
    fl_ratio = focal.focal_loss(p_hard, y, g) / focal.focal_loss(p_easy, y, g)
    assert r.ce_ratio == pytest.approx(ce_ratio, rel=1e-14)
    assert r.fl_ratio == pytest.approx(fl_ratio, rel=1e-12)
    assert r.amplification == pytest.approx(r.fl_ratio / r.ce_ratio, rel=1e-12)


@settings(max_examples=200, deadline=None)
@given(probability, probability, label, gamma, st.floats(0.01, 0.99))
def test_alpha_cancels(
    p_hard: float, p_easy: float, y: int, g: float, alpha: float
) -> None:
    plain = focal.hard_easy_ratio(p_hard, p_easy, y, g)
    weighted = focal.hard_easy_ratio(p_hard, p_easy, y, g, alpha)
    assert weighted == plain
    fl_ratio = focal.focal_loss(p_hard, y, g, alpha) / focal.focal_loss(
        p_easy, y, g, alpha
    )
    assert weighted.fl_ratio == pytest.approx(fl_ratio, rel=1e-12)


def test_gamma_zero_means_no_amplification() -> None:
    r = focal.hard_easy_ratio([0.1, 0.3], [0.9, 0.6], 1, 0.0)
    assert r.amplification.tolist() == [1.0, 1.0]
    assert r.fl_ratio.tolist() == r.ce_ratio.tolist()


def test_one_ratio_per_gamma() -> None:
    gammas = np.array([0.0, 0.5, 1.0, 2.0, 5.0])
    r = focal.hard_easy_ratio(0.1, 0.9, 1, gammas)
    assert r.amplification.shape == (5,)
    np.testing.assert_allclose(r.amplification, 9.0**gammas, rtol=1e-14)
    for g, fl in zip(gammas, r.fl_ratio, strict=True):
        assert fl == pytest.approx(focal.hard_easy_ratio(0.1, 0.9, 1, g).fl_ratio)
    assert r.ce_ratio == pytest.approx(focal.hard_easy_ratio(0.1, 0.9, 1).ce_ratio)


@pytest.mark.parametrize(
    ("gamma", "alpha"),
    [(np.array([0.5, 1.0, 2.0]), None), (2.0, np.array([0.25, 0.5, 0.75]))],
    ids=["gamma array", "alpha array"],
)
def test_every_field_has_the_broadcast_shape(gamma: object, alpha: object) -> None:
    """Every field has the shape of all inputs broadcast, including the fields
    that do not depend on the array argument (ce_ratio does not depend on gamma).
    """
    r = focal.hard_easy_ratio(0.1, 0.9, 1, gamma, alpha)
    for name in ("ce_ratio", "fl_ratio", "amplification"):
        value = getattr(r, name)
        assert isinstance(value, np.ndarray), name
        assert value.shape == (3,), name


def test_broadcasting_hard_against_easy() -> None:
    r = focal.hard_easy_ratio(np.array([[0.1], [0.2], [0.3]]), [0.6, 0.7, 0.8, 0.9], 1)
    assert r.fl_ratio.shape == (3, 4)
    assert r.fl_ratio[0, 3] == pytest.approx(
        focal.hard_easy_ratio(0.1, 0.9, 1).fl_ratio, rel=1e-15
    )


def test_limits() -> None:
    # an easy example with p_t = 1 has zero loss: the ratio is infinite
    r = focal.hard_easy_ratio(0.5, 1.0, 1)
    assert r.ce_ratio == math.inf
    assert r.fl_ratio == math.inf
    assert r.amplification == math.inf
    # both at p_t = 1: 0 / 0
    both = focal.hard_easy_ratio(1.0, 1.0, 1)
    assert math.isnan(both.ce_ratio)
    # same example: 1
    same = focal.hard_easy_ratio(0.3, 0.3, 0, 2.0)
    assert (same.ce_ratio, same.fl_ratio, same.amplification) == (1.0, 1.0, 1.0)


def test_overflowing_ratio_is_inf_without_a_warning() -> None:
    """(0.8 / 1e-300)**10 overflows: the ratio is inf, with no RuntimeWarning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = focal.hard_easy_ratio(0.8, 1e-300, 0, 10.0)
    assert r.amplification == math.inf
    assert r.fl_ratio == math.inf
