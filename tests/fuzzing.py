"""The hypothesis settings every fuzz test shares.

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
