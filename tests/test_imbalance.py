"""The imbalance core: a seeded population, per-group loss totals, Figure 4."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import focal
from focal import imbalance
from focal.imbalance import (
    EASY_NEGATIVES,
    FIGURE4_GAMMAS,
    HARD_NEGATIVES,
    LOSSES,
    MAX_PREDICTIONS,
    POSITIVES,
    PRESET_BY_NAME,
    PRESETS,
    TYPICAL_P,
    cumulative_loss,
    draw_population,
    loss_by_group,
)
from tests.helpers import whole

CE, CE_BALANCED, FL, FL_BALANCED = range(4)
YOLO = PRESET_BY_NAME["yolo"]
RETINANET = PRESET_BY_NAME["retinanet"]


def population_of(preset=YOLO, seed=0):
    counts = (preset.positives, preset.hard_negatives, preset.easy_negatives)
    return draw_population(*counts, preset.spread, seed)


# ------------------------------------------------------------------ presets


def test_yolo_v3_416_predicts_10647_boxes() -> None:
    assert YOLO.total == (13**2 + 26**2 + 52**2) * 3 == 10_647


def test_retinanet_scores_about_100k_anchors_at_1_to_1000() -> None:
    assert RETINANET.total == 100_000
    assert RETINANET.total / RETINANET.positives == 1000


def test_presets_are_frozen_and_named_once() -> None:
    assert [p.name for p in PRESETS] == ["yolo", "retinanet"]
    with pytest.raises(AttributeError):
        YOLO.positives = 8  # type: ignore[misc]


def test_the_package_exports_the_imbalance_api() -> None:
    for name in ("draw_population", "loss_by_group", "cumulative_loss"):
        assert name in focal.__all__
    assert LOSSES == ("ce", "ce_balanced", "fl", "fl_balanced")


# --------------------------------------------------------------- population


def test_population_layout() -> None:
    population = population_of()
    assert population.counts == (7, 40, 10_600)
    assert population.x.shape == population.p.shape == population.y.shape
    assert population.x.dtype == population.p.dtype == population.y.dtype
    assert population.x.dtype == np.float64
    assert population.group.tolist() == [0] * 7 + [1] * 40 + [2] * 10_600
    np.testing.assert_array_equal(population.y, population.group == POSITIVES)
    np.testing.assert_array_equal(population.p, focal.sigmoid(population.x))
    for g in range(3):
        x = population.x[population.group == g]
        assert (np.diff(x) >= 0).all(), "sorted within each group"


def test_same_seed_same_population_other_seed_other_population() -> None:
    first, again = population_of(seed=3), population_of(seed=3)
    other = population_of(seed=4)
    np.testing.assert_array_equal(first.x, again.x)
    assert not np.array_equal(first.x, other.x)


def test_each_group_has_its_own_stream() -> None:
    base = draw_population(5, 50, 500, 1.0, 1)
    more_easy = draw_population(5, 50, 900, 1.0, 1)
    np.testing.assert_array_equal(base.x[:55], more_easy.x[:55])
    more_positives = draw_population(9, 50, 500, 1.0, 1)
    np.testing.assert_array_equal(base.x[5:], more_positives.x[9:])


def test_spread_zero_puts_every_prediction_at_its_typical_p() -> None:
    population = draw_population(2, 3, 4, 0.0, 0)
    expected = np.repeat(TYPICAL_P, (2, 3, 4))
    np.testing.assert_allclose(population.p, expected, rtol=1e-15)


def test_the_spread_is_the_standard_deviation_of_the_logit() -> None:
    population = draw_population(20_000, 20_000, 20_000, 1.5, 7)
    for g, typical in enumerate(TYPICAL_P):
        x = population.x[population.group == g]
        assert np.std(x) == pytest.approx(1.5, rel=0.03)
        assert np.median(population.p[population.group == g]) == pytest.approx(
            typical, rel=0.05
        )


def test_integral_floats_count_like_integers() -> None:
    np.testing.assert_array_equal(
        draw_population(7.0, 40.0, 100.0, 1.0, 2.0).x,
        draw_population(7, 40, 100, 1.0, 2).x,
    )


def test_the_largest_population_is_allowed() -> None:
    population = draw_population(1, 0, MAX_PREDICTIONS - 1, 0.0, 0)
    assert population.x.size == MAX_PREDICTIONS


BAD_DRAWS = [
    ({"positives": 0}, "positives must be an integer in [1, 2000000]"),
    ({"positives": -3}, "positives must be an integer in [1, 2000000]"),
    ({"positives": 2.5}, "positives must be an integer in [1, 2000000]"),
    ({"positives": math.inf}, "positives must be an integer in [1, 2000000]"),
    ({"positives": [1, 2]}, "positives must be an integer in [1, 2000000]"),
    ({"hard_negatives": -1}, "hard_negatives must be an integer in [0, 2000000]"),
    ({"hard_negatives": 1.5}, "hard_negatives must be an integer in [0, 2000000]"),
    (
        {"easy_negatives": 2_000_001},
        "easy_negatives must be an integer in [0, 2000000]",
    ),
    ({"easy_negatives": math.nan}, "easy_negatives must not be NaN"),
    (
        {"easy_negatives": "10"},
        "easy_negatives must be a number or an array of numbers",
    ),
    (
        {"positives": 1_000_000, "easy_negatives": 1_000_000},
        "positives + hard_negatives + easy_negatives must be at most 2000000",
    ),
    ({"spread": -0.1}, "spread must be a number in [0, 5]"),
    ({"spread": 5.01}, "spread must be a number in [0, 5]"),
    ({"spread": math.inf}, "spread must be a number in [0, 5]"),
    ({"spread": [1.0, 2.0]}, "spread must be a number in [0, 5]"),
    ({"seed": -1}, "seed must be an integer in [0, 4294967295]"),
    ({"seed": 0.5}, "seed must be an integer in [0, 4294967295]"),
    ({"seed": 2**32}, "seed must be an integer in [0, 4294967295]"),
    ({"seed": None}, "seed must be a number or an array of numbers"),
]


@pytest.mark.parametrize(("bad", "message"), BAD_DRAWS, ids=[m for _, m in BAD_DRAWS])
def test_bad_draws_name_the_argument_and_its_range(bad: dict, message: str) -> None:
    arguments = {
        "positives": 2,
        "hard_negatives": 3,
        "easy_negatives": 4,
        "spread": 1.0,
        "seed": 0,
        **bad,
    }
    with pytest.raises(ValueError, match=whole(message)):
        draw_population(**arguments)


# ------------------------------------------------------------ loss by group


def reference_totals(x, y, group, gamma, alpha) -> np.ndarray:
    """Sums of the core's elementwise losses, exactly rounded (math.fsum)."""
    losses = (
        focal.cross_entropy_from_logits(x, y),
        focal.focal_loss_from_logits(x, y, 0.0, alpha),
        focal.focal_loss_from_logits(x, y, gamma),
        focal.focal_loss_from_logits(x, y, gamma, alpha),
    )
    return np.array(
        [[math.fsum(loss[group == g]) for g in range(3)] for loss in losses]
    )


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.name)
def test_totals_are_the_sums_of_the_cores_losses(preset) -> None:
    population = population_of(preset)
    result = loss_by_group(population.x, population.y, population.group, 2.0, 0.25)
    expected = reference_totals(population.x, population.y, population.group, 2.0, 0.25)
    np.testing.assert_allclose(result.totals, expected, rtol=1e-13)
    positives = preset.positives
    np.testing.assert_allclose(result.per_positive, expected / positives, rtol=1e-13)
    np.testing.assert_allclose(
        result.image_loss, expected.sum(axis=1) / positives, rtol=1e-13
    )
    np.testing.assert_allclose(result.shares.sum(axis=1), 1.0, rtol=1e-14)
    assert result.counts.tolist() == list(population.counts)
    np.testing.assert_allclose(
        result.count_shares, np.array(population.counts) / preset.total, rtol=1e-15
    )


def test_yolo_headline_numbers_for_seed_0() -> None:
    """The page's headline for the defaults: easy negatives dominate CE only."""
    population = population_of(YOLO, 0)
    shares = loss_by_group(population.x, population.y, population.group).shares
    assert round(100 * shares[CE, EASY_NEGATIVES]) == 87
    assert round(100 * shares[FL, EASY_NEGATIVES], 1) == 6.9
    assert shares[FL, HARD_NEGATIVES] > 0.9  # FL: the hard negatives take over


def test_gamma_zero_focal_loss_is_cross_entropy() -> None:
    population = population_of()
    result = loss_by_group(population.x, population.y, population.group, 0.0, 0.25)
    np.testing.assert_allclose(result.totals[FL], result.totals[CE], rtol=1e-14)
    np.testing.assert_allclose(
        result.totals[FL_BALANCED], result.totals[CE_BALANCED], rtol=1e-14
    )


def test_alpha_weighs_positives_by_alpha_and_negatives_by_one_minus_alpha() -> None:
    population = population_of()
    result = loss_by_group(population.x, population.y, population.group, 2.0, 0.9)
    weights = np.array([0.9, 0.1, 0.1])
    np.testing.assert_allclose(
        result.totals[CE_BALANCED], weights * result.totals[CE], rtol=1e-13
    )
    np.testing.assert_allclose(
        result.totals[FL_BALANCED], weights * result.totals[FL], rtol=1e-13
    )


def test_a_row_without_loss_has_no_shares() -> None:
    # alpha = 0 zeroes the positives and there are no negatives
    result = loss_by_group([0.5, 1.0], [1, 1], [0, 0], 2.0, 0.0)
    assert np.isnan(result.shares[CE_BALANCED]).all()
    assert np.isnan(result.shares[FL_BALANCED]).all()
    assert result.shares[CE].tolist() == [1.0, 0.0, 0.0]
    assert result.totals[CE_BALANCED].tolist() == [0.0, 0.0, 0.0]


def test_infinite_logits_give_infinite_totals_and_no_shares() -> None:
    result = loss_by_group([-math.inf, 1.0], [1, 0], [0, 1], 2.0, 0.25)
    assert math.isinf(result.totals[CE, 0])
    assert np.isnan(result.shares[CE]).all()


@settings(max_examples=60, deadline=None)
@given(
    data=st.lists(
        st.tuples(
            st.floats(-30.0, 30.0),
            st.sampled_from([(1, 0), (0, 1), (0, 2), (1, 1), (0, 0)]),
        ),
        min_size=1,
        max_size=40,
    ),
    gamma=st.floats(0.0, 5.0),
    alpha=st.floats(0.0, 1.0),
)
def test_totals_match_the_reference_for_any_grouping(data, gamma, alpha) -> None:
    x = np.array([d[0] for d in data])
    y = np.array([d[1][0] for d in data], dtype=float)
    group = np.array([d[1][1] for d in data])
    y[0], group[0] = 1.0, 0  # at least one positive
    result = loss_by_group(x, y, group, gamma, alpha)
    expected = reference_totals(x, y, group, gamma, alpha)
    np.testing.assert_allclose(result.totals, expected, rtol=1e-12, atol=0)
    assert (result.totals[FL] <= result.totals[CE] * (1 + 1e-12)).all()
    finite = ~np.isnan(result.shares).any(axis=1)
    np.testing.assert_allclose(result.shares[finite].sum(axis=1), 1.0, rtol=1e-12)


BAD_GROUPS = [
    ({"y": [0, 0, 0]}, "y must contain at least one positive (1)"),
    ({"group": [0, 1, 3]}, "group must be 0, 1 or 2"),
    ({"group": [0, 1.5, 2]}, "group must be 0, 1 or 2"),
    ({"group": [0, 1]}, "x, y, group must have the same shape"),
    ({"gamma": [1.0, 2.0]}, "gamma must be a single number"),
    ({"alpha": [0.25, 0.5]}, "alpha must be a single number"),
    ({"alpha": None}, "alpha must be a number or an array of numbers"),
    ({"alpha": 1.5}, "alpha must be in [0, 1]"),
]


@pytest.mark.parametrize(("bad", "message"), BAD_GROUPS, ids=[m for _, m in BAD_GROUPS])
def test_bad_groups_name_the_argument(bad: dict, message: str) -> None:
    arguments = {"x": [1.0, -1.0, -4.0], "y": [1, 0, 0], "group": [0, 1, 2], **bad}
    with pytest.raises(ValueError, match=whole(message)):
        loss_by_group(**arguments)


# --------------------------------------------------------------- Figure 4


def reference_curve(x_class, y_value, gamma) -> np.ndarray:
    """Sorted losses, cumulative sum divided by the total, from 0 (textbook)."""
    losses = np.sort(focal.focal_loss_from_logits(x_class, y_value, gamma))
    cumulative = np.concatenate([[0.0], np.cumsum(losses)])
    return cumulative / cumulative[-1]


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.name)
def test_figure4_curves_are_the_sorted_cumulative_shares(preset) -> None:
    population = population_of(preset)
    curves = cumulative_loss(population.x, population.y)
    assert curves.gamma.tolist() == list(FIGURE4_GAMMAS)
    for fraction, values, label in (
        (curves.fraction_positives, curves.positives, 1),
        (curves.fraction_negatives, curves.negatives, 0),
    ):
        x_class = population.x[population.y == label]
        count = x_class.size
        index = np.rint(fraction * count).astype(int)
        np.testing.assert_array_equal(index / count, fraction)
        assert fraction[0] == 0.0 and fraction[-1] == 1.0
        assert (np.diff(fraction) > 0).all()
        for row, gamma in zip(values, curves.gamma, strict=True):
            assert row[0] == 0.0 and row[-1] == 1.0
            assert (np.diff(row) >= 0).all()
            assert (row <= fraction + 1e-12).all(), "the easiest carry least"
            expected = reference_curve(x_class, label, gamma)[index]
            np.testing.assert_allclose(row, expected, rtol=1e-9, atol=1e-15)
        assert fraction.size <= (1 + len(FIGURE4_GAMMAS)) * 201


def test_figure4_for_negatives_gamma_2_puts_the_loss_in_a_few_hard_ones() -> None:
    """The paper's reading of Figure 4, on the RetinaNet preset."""
    population = population_of(RETINANET)
    curves = cumulative_loss(population.x, population.y)
    at = np.searchsorted(curves.fraction_negatives, 0.99)
    ce, fl2 = curves.negatives[0, at], curves.negatives[3, at]
    assert ce > 0.5  # under CE the easiest 99% of negatives carry most of the loss
    assert fl2 < 0.05  # under FL (γ = 2) the hardest 1% carry over 95%
    # positives change far less: the curves at half the positives stay close
    half = np.searchsorted(curves.fraction_positives, 0.5)
    assert curves.positives[0, half] - curves.positives[3, half] < 0.2


def test_figure4_keeps_evenly_spaced_fractions_and_loss_levels() -> None:
    population = draw_population(1, 0, 10_000, 1.0, 0)
    curves = cumulative_loss(population.x, population.y, 2.0, 101)
    index = np.rint(curves.fraction_negatives * 10_000).astype(int)
    assert set(range(0, 10_001, 100)) <= set(index)
    # between two kept points the full curve rises by at most one loss level,
    # and then by one example
    full = reference_curve(population.x[population.y == 0], 0, 2.0)
    np.testing.assert_allclose(curves.negatives[0], full[index], rtol=1e-9)
    assert (full[index[1:] - 1] - full[index[:-1]] <= 0.01 + 1e-12).all()


def test_figure4_shapes_for_one_gamma_and_an_empty_class() -> None:
    curves = cumulative_loss([0.5, 2.0], [1, 1], 2.0, 10)
    assert curves.positives.shape == (1, curves.fraction_positives.size)
    assert curves.fraction_negatives.shape == (0,)
    assert curves.negatives.shape == (1, 0)


def test_figure4_a_class_without_loss_has_no_curve() -> None:
    curves = cumulative_loss([math.inf, math.inf, 0.0], [1, 1, 0], [0.0, 2.0], 5)
    assert np.isnan(curves.positives).all()
    assert curves.negatives[:, -1].tolist() == [1.0, 1.0]


BAD_CURVES = [
    ({"points": 1}, "points must be an integer in [2, 100000]"),
    ({"points": 2.5}, "points must be an integer in [2, 100000]"),
    ({"points": 10**6}, "points must be an integer in [2, 100000]"),
    ({"gamma": [[1.0], [2.0]]}, "gamma must be a number or a 1-d array"),
    ({"gamma": -1.0}, "gamma must be finite and >= 0"),
    ({"y": [1, 0]}, "x, y must have the same shape"),
]


@pytest.mark.parametrize(("bad", "message"), BAD_CURVES, ids=[m for _, m in BAD_CURVES])
def test_bad_curves_name_the_argument(bad: dict, message: str) -> None:
    arguments = {"x": [1.0, -1.0, -4.0], "y": [1, 0, 0], **bad}
    with pytest.raises(ValueError, match=whole(message)):
        cumulative_loss(**arguments)


def test_no_numpy_warnings_at_the_edges() -> None:
    # underflow to a subnormal or 0 is the exact answer; the rest is an error
    with np.errstate(divide="raise", over="raise", invalid="raise"):
        population = draw_population(1, 0, 0, 5.0, 0)
        loss_by_group(population.x, population.y, population.group, 5.0, 1.0)
        cumulative_loss(population.x, population.y, FIGURE4_GAMMAS, 2)
        cumulative_loss([math.inf, -math.inf], [1, 0])
        loss_by_group([40.0, 800.0, -800.0], [1, 0, 0], [0, 1, 2], 2.0, 0.0)


def test_module_constants() -> None:
    assert imbalance.GROUPS == ("positives", "hard_negatives", "easy_negatives")
    assert imbalance.TYPICAL_P[EASY_NEGATIVES] == 0.01  # the prior of §3.3
