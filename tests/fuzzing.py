"""The hypothesis settings every fuzz test shares, and the range of p.

``FOCAL_FUZZ_EXAMPLES=5000`` runs any of them longer, with fresh random
examples; without it each runs its own number of examples, derandomized, so
that ``make test`` is repeatable.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings


def fuzz_settings(examples: int) -> settings:
    """Settings for a fuzz test that runs ``examples`` examples by default."""
    extra = os.environ.get("FOCAL_FUZZ_EXAMPLES")
    return settings(
        max_examples=int(extra) if extra else examples,
        deadline=None,
        derandomize=not extra,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


#: The probabilities the accuracy tests sweep: 1 - 1e-16 is the last below 1
#: whose p_t = 1 - p is not rounded (1e-300 keeps log p finite).
P_MIN, P_MAX = 1e-300, 1.0 - 1e-16


def clip_probability(p: float) -> float:
    """``p`` moved into [:data:`P_MIN`, :data:`P_MAX`]."""
    return min(max(p, P_MIN), P_MAX)
