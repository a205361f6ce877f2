"""Results reported in Lin et al. (2017), Table 1 (a) and (b), as printed.

COCO minival, ResNet-50-FPN, 600 px images. These are the paper's measurements,
not something this package computes; a test checks them against the project's
reference notes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Table1Row:
    """One row of Table 1: the setting and its average precision (percent).

    Attributes
    ----------
    gamma : float
        Focusing parameter (0 is α-balanced cross-entropy).
    alpha : float
        Weight of the positive class.
    ap, ap50, ap75 : float
        COCO AP, AP at IoU 0.5, AP at IoU 0.75.
    """

    gamma: float
    alpha: float
    ap: float
    ap50: float
    ap75: float


#: Table 1(a): α-balanced CE (γ = 0) for each α.
TABLE_1A: tuple[Table1Row, ...] = (
    Table1Row(0.0, 0.10, 0.0, 0.0, 0.0),
    Table1Row(0.0, 0.25, 10.8, 16.0, 11.7),
    Table1Row(0.0, 0.50, 30.2, 46.7, 32.8),
    Table1Row(0.0, 0.75, 31.1, 49.4, 33.0),
    Table1Row(0.0, 0.90, 30.8, 49.7, 32.3),
    Table1Row(0.0, 0.99, 28.7, 47.4, 29.9),
    Table1Row(0.0, 0.999, 25.1, 41.7, 26.1),
)

#: Table 1(b): FL for each γ with the best α for that γ.
TABLE_1B: tuple[Table1Row, ...] = (
    Table1Row(0.0, 0.75, 31.1, 49.4, 33.0),
    Table1Row(0.1, 0.75, 31.4, 49.9, 33.1),
    Table1Row(0.2, 0.75, 31.9, 50.7, 33.4),
    Table1Row(0.5, 0.50, 32.9, 51.7, 35.2),
    Table1Row(1.0, 0.25, 33.7, 52.0, 36.2),
    Table1Row(2.0, 0.25, 34.0, 52.5, 36.5),
    Table1Row(5.0, 0.25, 32.2, 49.6, 34.8),
)

#: The best row of each part, and how much AP focal loss adds over the best CE.
BEST_CE: Table1Row = max(TABLE_1A, key=lambda row: row.ap)
BEST_FL: Table1Row = max(TABLE_1B, key=lambda row: row.ap)
AP_GAIN: float = round(BEST_FL.ap - BEST_CE.ap, 1)

#: Where the numbers come from, for captions and tests.
TABLE_1_SETTING = "ResNet-50-FPN, 600 px, COCO minival"
