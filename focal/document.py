"""The worked table of the source document, regenerated exactly, with its errata.

The document prints four examples at γ = 2 without α. Its FL column was
computed from the CE column after CE had been rounded to two decimals, so three
of its four FL cells differ from the exact value at the precision printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from focal import _validate as check
from focal.losses import alpha_t, cross_entropy, focal_loss, modulating_factor, p_t

#: The examples (y, p) of the document's table, in its order.
DOCUMENT_EXAMPLES: tuple[tuple[int, float], ...] = (
    (1, 0.9),
    (1, 0.1),
    (0, 0.2),
    (0, 0.8),
)

#: The γ the document's table was printed for.
DOCUMENT_GAMMA = 2.0

#: The document's printed cells, as printed (the text keeps the precision).
DOCUMENT_PRINTED: tuple[dict[str, str], ...] = (
    {"p_t": "0.9", "ce": "0.11", "modulating": "0.01", "fl": "0.0011"},
    {"p_t": "0.1", "ce": "2.30", "modulating": "0.81", "fl": "1.863"},
    {"p_t": "0.8", "ce": "0.22", "modulating": "0.04", "fl": "0.0088"},
    {"p_t": "0.2", "ce": "1.61", "modulating": "0.64", "fl": "1.0304"},
)

#: The columns of the table that the document printed, in order.
PRINTED_COLUMNS: tuple[str, ...] = ("p_t", "ce", "modulating", "fl")


def _decimals(printed: str) -> int:
    return len(printed.partition(".")[2])


def differs_at_printed_precision(exact: float, printed: str) -> bool:
    """True when ``exact``, rounded to the decimals of ``printed``, is not ``printed``.

    Parameters
    ----------
    exact : float
        The exact value.
    printed : str
        The value as printed, e.g. ``"1.863"``.

    Returns
    -------
    bool
        ``differs_at_printed_precision(1.86509, "1.863")`` is True;
        ``differs_at_printed_precision(0.0010536, "0.0011")`` is False.
    """
    return f"{exact:.{_decimals(printed)}f}" != printed


@dataclass(frozen=True)
class TableRow:
    """One row of the document's table, computed exactly.

    Attributes
    ----------
    y, gamma, p : float
        The label, the focusing parameter and the predicted probability.
    p_t, ce, modulating, fl : float
        ``p_t``, ``CE = -log(p_t)``, ``(1 - p_t)**gamma`` and ``FL`` without α.
    alpha, alpha_t, fl_alpha : float or None
        With α-balancing: α, ``alpha_t`` and ``alpha_t * FL``; otherwise None.
    printed : dict of str to str
        The document's printed value of each printed column (empty for a row
        the document does not have).
    differs : dict of str to bool
        Per printed column: does the printed value differ from the exact one at
        the printed precision?
    """

    y: int
    gamma: float
    p: float
    p_t: float
    ce: float
    modulating: float
    fl: float
    alpha: float | None = None
    alpha_t: float | None = None
    fl_alpha: float | None = None
    printed: dict[str, str] = field(default_factory=dict)
    differs: dict[str, bool] = field(default_factory=dict)


def table_row(
    p: float,
    y: int,
    gamma: float = 2.0,
    alpha: float | None = None,
    printed: dict[str, str] | None = None,
) -> TableRow:
    """Compute one row of the table for any example ``(p, y)``.

    Parameters
    ----------
    p : float
        Predicted probability of the positive class, in [0, 1].
    y : int
        Label, 0 or 1.
    gamma : float, default 2.0
        Focusing parameter, finite and >= 0.
    alpha : float or None, default None
        α-balancing weight in [0, 1], or None for none.
    printed : dict of str to str, optional
        Printed values to compare with, keyed by column name.

    Returns
    -------
    TableRow
        The exact row, with ``differs`` filled for each printed column.
    """
    p_ = check.probability("p", p)
    y_ = check.label("y", y)
    gamma_ = check.gamma("gamma", gamma)
    alpha_ = check.alpha("alpha", alpha)
    for name, value in (("p", p_), ("y", y_), ("gamma", gamma_), ("alpha", alpha_)):
        if value is not None and value.ndim != 0:
            raise ValueError(f"{name} must be a single number for a table row")
    exact = {
        "p_t": p_t(p_, y_),
        "ce": cross_entropy(p_, y_),
        "modulating": modulating_factor(p_, y_, gamma_),
        "fl": focal_loss(p_, y_, gamma_),
    }
    weighted: dict[str, float | None] = {
        "alpha": None,
        "alpha_t": None,
        "fl_alpha": None,
    }
    if alpha_ is not None:
        weighted = {
            "alpha": float(alpha_),
            "alpha_t": alpha_t(alpha_, y_),
            "fl_alpha": focal_loss(p_, y_, gamma_, alpha_),
        }
    printed = dict(printed or {})
    return TableRow(
        y=int(y_),
        gamma=float(gamma_),
        p=float(p_),
        **exact,
        **weighted,
        printed=printed,
        differs={
            k: differs_at_printed_precision(exact[k], v) for k, v in printed.items()
        },
    )


def document_table(gamma: float = 2.0, alpha: float | None = None) -> list[TableRow]:
    """The document's four examples, recomputed exactly, beside its printed values.

    Parameters
    ----------
    gamma : float, default 2.0
        Focusing parameter, finite and >= 0. The document printed γ = 2; for
        another γ its modulating-factor and FL cells naturally differ.
    alpha : float or None, default None
        α-balancing weight in [0, 1], or None (the document's table has none).

    Returns
    -------
    list of TableRow
        Rows for (y, p) = (1, 0.9), (1, 0.1), (0, 0.2), (0, 0.8). At γ = 2 the
        exact FL values are 0.0010536, 1.8651, 0.0089257 and 1.0300, and the
        rows 2 to 4 of the FL column are flagged in ``differs``.
    """
    return [
        table_row(p, y, gamma, alpha, printed)
        for (y, p), printed in zip(DOCUMENT_EXAMPLES, DOCUMENT_PRINTED, strict=True)
    ]
