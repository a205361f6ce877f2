"""The walkthrough's formulas as LaTeX and its small tables as Markdown.

Formulas read the same in both languages; the numbers in them come from the
core, and only their display form is made here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from focal.gradients import gradient_ratio_peak
from focal.ui.display import number

#: The formula of each step (KaTeX), in the paper's notation.
STEP_FORMULAS: dict[int, str] = {
    1: r"L_{\mathrm{conf}} = \sum_{\text{objects}} \mathrm{CE}"
    r" + \sum_{\text{background}} \mathrm{CE}",
    2: r"\begin{aligned} \mathrm{CE}(p, y) &= -\,y \log p \\"
    r" &\quad -\,(1 - y)\log(1 - p) \end{aligned}",
    3: r"\begin{gathered} p_t = \begin{cases} p & y = 1 \\ 1 - p & y = 0"
    r" \end{cases} \\[4pt] \mathrm{CE}(p_t) = -\log p_t \end{gathered}",
    4: r"\begin{gathered} \mathrm{CE}(p_t) = -\,\alpha_t \log p_t \\[4pt]"
    r" \alpha_t = \begin{cases} \alpha & y = 1 \\ 1 - \alpha & y = 0"
    r" \end{cases} \end{gathered}",
    5: r"\mathrm{FL}(p_t) = -\,(1 - p_t)^{\gamma} \log p_t",
    6: r"\mathrm{FL}(p_t) = -\,\alpha_t\,(1 - p_t)^{\gamma} \log p_t",
}

#: Step 6 in terms of p and y, as the document writes it at the end.
FULL_FL_BY_LABEL = (
    r"\begin{aligned} y = 1 &: \quad -\,\alpha\,(1 - p)^{\gamma} \log p \\"
    r" y = 0 &: \quad -\,(1 - \alpha)\,p^{\gamma} \log(1 - p) \end{aligned}"
)

_CHAIN_RULE = (
    r"\frac{\partial \mathrm{FL}}{\partial p_t} = \underbrace{\left(-\log p_t\right)}"
    r"_{\to\, 0}\cdot\underbrace{\left(-\gamma\,(1 - p_t)^{\gamma - 1}\right)}"
    r"_{\to\, -\infty \text{ if } \gamma < 1} \;+\; \dots"
)
_ZERO_TIMES_INFINITY = r"0 \cdot \infty = \mathrm{NaN}"

#: Why autograd meets 0 · ∞ at p_t = 1 when γ < 1.
NAIVE_CHAIN_RULE = _CHAIN_RULE + r"\qquad " + _ZERO_TIMES_INFINITY
#: The same in two lines, for a phone's narrow column.
NAIVE_CHAIN_RULE_NARROW = (
    rf"\begin{{gathered}} {_CHAIN_RULE} \\[4pt] {_ZERO_TIMES_INFINITY}"
    r" \end{gathered}"
)


def _count(value: float) -> str:
    return f"{value:,.0f}".replace(",", r"\,")


def yolo_formula(anchors: int, sides: Sequence[float], total: float) -> str:
    """``N = 3 (13² + 26² + 52²) = 10 647`` for the given grid sides.

    Parameters
    ----------
    anchors : int
        Predictions per grid cell.
    sides : sequence of float
        Cells per side of each grid, from :func:`focal.yolo_v3_grid`.
    total : float
        The count, from :func:`focal.yolo_v3_predictions`.

    Returns
    -------
    str
        KaTeX.
    """
    squares = " + ".join(f"{side:g}^2" for side in sides)
    return rf"N = {anchors}\,\left({squares}\right) = {_count(total)}"


def best_alpha_table(
    rows: Sequence[tuple[float, float, float]], gamma: float, text: Mapping[str, str]
) -> str:
    """The paper's Table 1(b) as Markdown, the row of ``gamma`` in bold.

    Parameters
    ----------
    rows : sequence of (γ, α, AP)
        From :data:`focal.walkthrough.PAPER_BEST_ALPHA`.
    gamma : float
        The current γ.
    text : mapping of str to str
        The string table (column titles).

    Returns
    -------
    str
        GitHub-flavoured Markdown.
    """
    heads = [text[f"walkthrough.s4.col_{key}"] for key in ("gamma", "alpha", "ap")]
    lines = ["| " + " | ".join(heads) + " |", "|---:|---:|---:|"]
    for row_gamma, alpha, ap in rows:
        cells = [f"{row_gamma:g}", f"{alpha:g}", f"{ap:.1f}"]
        if row_gamma == gamma:
            cells = [f":orange-background[**{cell}**]" for cell in cells]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


#: Logits of the NaN table: σ(x) rounds to exactly 1 from x = 37 on.
NAN_DEMO_LOGITS: tuple[float, ...] = (5.0, 20.0, 36.0, 37.0, 40.0, 100.0)


def naive_gradient_table(
    x: Sequence[float],
    analytic: Sequence[float],
    naive: Sequence[float],
    text: Mapping[str, str],
) -> str:
    """Closed-form and chain-rule gradients side by side, NaN highlighted.

    Parameters
    ----------
    x : sequence of float
        Logits.
    analytic, naive : sequence of float
        :func:`focal.grad_focal_loss` and
        :func:`focal.grad_focal_loss_autograd_naive` at ``x``.
    text : mapping of str to str
        The string table (column titles).

    Returns
    -------
    str
        GitHub-flavoured Markdown.
    """
    heads = [text[f"gradients.col_{key}"] for key in ("x", "analytic", "naive")]
    lines = ["| " + " | ".join(heads) + " |", "|---:|---:|---:|"]
    for x_value, exact, chain in zip(x, analytic, naive, strict=True):
        shown = gradient_text(float(chain))
        if shown == "NaN":
            shown = ":red-background[**NaN**]"
        cells = [f"{float(x_value):g}", gradient_text(float(exact)), shown]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def gradient_text(value: float) -> str:
    """A gradient for display; NaN reads "NaN", as a framework would print it."""
    if value != value:
        return "NaN"
    return number(value)


def share_percent(share: float) -> str:
    """A share in [0, 1] as a percentage with one decimal ("96.9%")."""
    if share != share:  # NaN: undefined
        return number(share)
    return f"{share:.1%}"


def ratio_peak_text(gamma: float, text: Mapping[str, str]) -> str:
    """Where focal loss pushes harder than cross-entropy at ``gamma``, and how much.

    Parameters
    ----------
    gamma : float
        The current γ, finite and >= 0.
    text : mapping of str to str
        The string table.

    Returns
    -------
    str
        ``gradients.ratio_peak`` with the numbers of
        :func:`focal.gradient_ratio_peak` (three significant digits for the
        ratio, two for p_t), or ``gradients.ratio_peak_ce`` at γ = 0.
    """
    if gamma == 0.0:
        return text["gradients.ratio_peak_ce"]
    peak = gradient_ratio_peak(gamma)
    return text["gradients.ratio_peak"].format(
        gamma=f"{gamma:g}",
        peak=number(peak.ratio, 3),
        p_t=number(peak.p_t, 2),
        gain_below=number(peak.gain_below, 2),
    )
