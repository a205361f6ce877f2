"""What the pages teach, checked against the core (issue 15).

Three kinds of check keep the sentences right:

- every formula a text shows is translated from its Unicode form into Python
  and evaluated against the core (sign, factors, exponents), in both languages;
- English and Chinese carry the same numbers and symbols, key by key;
- the numbers a sentence states are recomputed by the core.

The "Try this" hints of the walkthrough are applied to the page in
``tests/ui/test_walkthrough.py``; the sources of the claims are listed in
``docs/content-review.md``.
"""

from __future__ import annotations

import io
import itertools
import re
import tokenize
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest

import focal
from focal.imbalance import PRESET_BY_NAME, cumulative_loss, draw_population
from focal.ui.strings import EN, ZH
from focal.ui.walkthrough import FULL_FL_BY_LABEL, NAIVE_CHAIN_RULE, STEP_FORMULAS
from focal.variants import VariantSettings, variant_losses
from tests.helpers import central_difference

# --------------------------------------------------- formulas, as Python

#: Multi-character names first: γ* before γ.
NAMES = {
    "γ*": "gamma_star",
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "ε": "epsilon",
    "η": "eta",
    "π": "pi_",
    "σ": "sigma",
}
#: Names that hold a slash or a comma in the text.
SPECIAL = {
    "dL/dx": "dL_dx",
    "dFL/dx": "dFL_dx",
    "dCE/dx": "dCE_dx",
    "p_t,hard": "p_t_hard",
    "p_t,easy": "p_t_easy",
    "p_t,困难": "p_t_hard",
    "p_t,简单": "p_t_easy",
    "FL*": "FL_star",
}
OPERATORS = {"−": "-", "·": "*", "×": "*", "÷": "/", "^": "**", "²": "**2", "←": "="}
FUNCTIONS = {"log", "sigma", "BCE", "abs", "max"}


def python(formula: str) -> str:
    """The Unicode formula of a text as a Python expression.

    ``log p_t`` applies log to what follows, ``α (1 − p)`` multiplies,
    ``|a|`` is ``abs(a)``, ``a ← b`` and ``a = b`` become ``a = b``.
    """
    text = formula
    for old, new in (*SPECIAL.items(), *NAMES.items(), *OPERATORS.items()):
        text = text.replace(old, new)
    text = re.sub(r"\|([^|]+)\|", r"abs(\1)", text)
    text = re.sub(r"(\d),(\d{3})", r"\1\2", text)  # 10,647
    # "log X" -> "log(X)", X a name or a call such as sigma(...)
    text = re.sub(r"\blog\s+(\w+\([^()]*\)|\w+)", r"log(\1)", text)
    lexed = tokenize.generate_tokens(io.StringIO(text).readline)
    found = [(token.type, token.string) for token in lexed if token.string.strip()]
    # implicit multiplication: "alpha (1 - p)", "p**gamma log(...)", ") p"
    out: list[str] = []
    for (kind, value), (next_kind, next_value) in itertools.pairwise(
        [*found, (tokenize.ENDMARKER, "")]
    ):
        out.append(value)
        name = kind == tokenize.NAME and value not in FUNCTIONS
        left = kind == tokenize.NUMBER or value == ")" or name
        right = next_kind in (tokenize.NUMBER, tokenize.NAME) or next_value == "("
        if left and right:
            out.append("*")
    return " ".join(out)


def evaluate(formula: str, **values: Any) -> Any:
    """The value of ``formula`` (both sides of a definition ``a = b``)."""
    expression = python(formula)
    scope = {
        "log": np.log,
        "sigma": focal.sigmoid,
        "abs": np.abs,
        "max": np.maximum,
        # BCE with a soft target: QFL with β = 0 is exactly that
        "BCE": lambda p, q: focal.quality_focal_loss(p, q, 0.0),
        **values,
    }
    if " = " in expression:
        left, right = expression.split(" = ", 1)
        return eval(left, scope), eval(right, scope)
    return eval(expression, scope)


#: A check of a formula, given its text.
Check = Callable[[str], None]


def equals(
    expected: Any, rtol: float = 1e-12, atol: float = 1e-15, **given: Any
) -> Check:
    """The check that the formula of the ``given`` values (each side of a
    definition) is ``expected``, the core's value, at every point of the core's
    axes (a formula that does not use an axis is compared along it)."""

    def check(text: str) -> None:
        value = evaluate(text, **given)
        for side in value if isinstance(value, tuple) else (value,):
            spread = np.broadcast_to(side, np.shape(expected))
            np.testing.assert_allclose(spread, expected, rtol=rtol, atol=atol)

    return check


def check_fl_star_shift(text: str) -> None:
    """The shift that "moves FL*'s curve along x_t": FL* at β, its x_t moved
    by the shift, is FL* at β = 0."""
    beta = np.array([[1.0], [-3.0], [2.0]])
    shift = evaluate(text, beta=beta, gamma_star=STAR_GAMMA)
    moved = focal.focal_loss_star(X + shift, 1, STAR_GAMMA, beta)
    unmoved = focal.focal_loss_star(X, 1, STAR_GAMMA, 0.0)
    np.testing.assert_allclose(moved, unmoved, rtol=1e-12, atol=1e-15)


def check_update(text: str) -> None:
    """x ← x − η dL/dx lowers the loss: the sign of the step is right."""
    x, gamma = np.linspace(-6.0, 6.0, 25), np.array([[0.0], [2.0]])
    _, moved = evaluate(text, x=x, eta=1e-3, dL_dx=focal.grad_focal_loss(x, Y, gamma))
    before = focal.focal_loss_from_logits(x, Y, gamma)
    assert (focal.focal_loss_from_logits(moved, Y, gamma) < before).all()


#: p, γ, y and α on their own axes: one call of a formula checks them all.
P = np.linspace(0.01, 0.99, 99)
GAMMAS = (0.5, 2.0, 3.7)
G = np.array(GAMMAS)[:, None]
Y = np.array([0, 1])[:, None, None]
ALPHAS = (0.25, 0.6)
A = np.array(ALPHAS)[:, None, None, None]
P_T = focal.p_t(P, Y)
X = np.linspace(-8.0, 8.0, 65)
#: FL*'s (γ*, β) pairs, one per row, and FL* against x_t (y = 1 at the logit
#: x_t, y = 0 at −x_t).
STAR_GAMMA = np.array([[2.0], [4.0], [0.5]])
STAR_BETA = np.array([[1.0], [0.0], [-2.0]])
FL_STAR = focal.focal_loss_star(np.where(Y == 1, X, -X), Y, STAR_GAMMA, STAR_BETA)
#: QFL's soft targets and β, one β per row.
Q = np.array([0.0, 0.3, 0.8, 1.0])[:, None, None]
BETA = np.array([[0.0], [1], [2]])
#: ASL's margins, one per row, and a negative's p_m: with γ− = 0 its ASL is
#: −log(1 − p_m).
M = np.array([[0.0], [0.05], [0.3]])
P_M = -np.expm1(-focal.asymmetric_loss(P, 0, 1.0, 0.0, M))
#: p_t of a hard and of an easy example, one pair per row; their p at y = 0, 1.
HARD, EASY = np.array([[0.1], [0.3], [0.05]]), np.array([[0.9], [0.8], [0.6]])
P_HARD, P_EASY = np.where(Y == 1, HARD, 1 - HARD), np.where(Y == 1, EASY, 1 - EASY)
#: d/dp_t of (1 − p_t)^γ: central differences of the core's factor.
AT = np.linspace(0.05, 0.95, 19)
SLOPE = central_difference(lambda q: focal.modulating_factor(q, 1, G), AT, 1e-6)
EPSILON = np.array([-1.0, 1.0, 2.5])[:, None, None, None]
PI = np.array([0.01, 0.1, 0.5])

CE_CHECK = equals(focal.cross_entropy(P, Y), p_t=P_T, CE=focal.cross_entropy(P, Y))
MODULATING_CHECK = equals(focal.modulating_factor(P, Y, G), p_t=P_T, gamma=G)
FL_STAR_CHECK = equals(
    FL_STAR, x_t=X, gamma_star=STAR_GAMMA, beta=STAR_BETA, FL_star=FL_STAR
)
QFL_CHECK = equals(focal.quality_focal_loss(P, Q, BETA), p=P, q=Q, beta=BETA)
SIGMOID_CHECK = equals(focal.sigmoid(X), x=X, p=focal.sigmoid(X))
FL_POSITIVE = equals(focal.focal_loss(P, 1, G, A), p=P, alpha=A, gamma=G)
FL_NEGATIVE = equals(focal.focal_loss(P, 0, G, A), p=P, alpha=A, gamma=G)
FL_PRODUCT = equals(focal.focal_loss(P, Y, G), p_t=P_T, gamma=G)
SLOPE_CHECK = equals(SLOPE, rtol=1e-6, atol=0.0, p_t=AT, gamma=G)
GRADIENT_RATIO_CHECK = equals(
    focal.focal_gradient_ratio(X, Y, G),
    atol=0.0,
    dFL_dx=focal.grad_focal_loss(X, Y, G),
    dCE_dx=focal.grad_cross_entropy(X, Y),
)


@dataclass(frozen=True)
class Formula:
    """A formula as a text shows it, and how the core checks it."""

    key: str
    text: str
    check: Check
    zh: str | None = None  # when the Chinese text writes it otherwise


MODULATING = "(1 − p_t)^γ"
FL_STAR_TEXT = "−log σ(γ* x_t + β) / γ*"
FORMULAS = [
    Formula("numbers.ce", "CE = −log p_t", CE_CHECK),
    Formula("walkthrough.s3.ce", "CE = −log p_t", CE_CHECK),
    Formula("walkthrough.s3.explain", "CE = −log p_t", CE_CHECK),
    Formula("numbers.modulating", MODULATING, MODULATING_CHECK),
    Formula(
        "numbers.fl_balanced",
        "α_t · FL",
        equals(
            focal.focal_loss(P, Y, G, A),
            alpha_t=focal.alpha_t(A, Y),
            FL=focal.focal_loss(P, Y, G),
        ),
    ),
    Formula("explorer.intro", MODULATING, MODULATING_CHECK),
    Formula("table.other_gamma", MODULATING, MODULATING_CHECK),
    Formula("walkthrough.s5.title", MODULATING, MODULATING_CHECK),
    Formula("walkthrough.s5.explain", MODULATING, MODULATING_CHECK),
    Formula("variants.note.fl", MODULATING, MODULATING_CHECK),
    Formula("variants.note.fl_star", FL_STAR_TEXT, FL_STAR_CHECK),
    Formula("variants.note.fl_star", MODULATING, MODULATING_CHECK),
    Formula("help.gamma_star", "FL* = " + FL_STAR_TEXT, FL_STAR_CHECK),
    Formula("help.beta_star", "−β / γ*", check_fl_star_shift),
    Formula(
        "variants.note.poly1",
        "ε (1 − p_t)^(γ+1)",
        equals(
            focal.poly1_focal_loss(P, Y, G, EPSILON) - focal.focal_loss(P, Y, G),
            rtol=1e-9,
            p_t=P_T,
            gamma=G,
            epsilon=EPSILON,
        ),
    ),
    Formula("variants.note.qfl", "|q − p|^β BCE(p, q)", QFL_CHECK),
    Formula(
        "variants.note.vfl",
        "−α p^γ log(1 − p)",
        equals(focal.varifocal_loss(P, 0.0, A, G), p=P, alpha=A, gamma=G),
    ),
    Formula(
        "variants.note.vfl",
        "q · BCE(p, q)",
        equals(focal.varifocal_loss(P, Q[1:]), p=P, q=Q[1:]),
    ),
    Formula("variants.note.asl", "p_m = max(p − m, 0)", equals(P_M, p=P, m=M, p_m=P_M)),
    Formula(
        "ratio.explain",
        "((1 − p_t,hard) / (1 − p_t,easy))^γ",
        equals(
            focal.hard_easy_ratio(P_HARD, P_EASY, Y, np.array(GAMMAS)).amplification,
            p_t_hard=HARD,
            p_t_easy=EASY,
            gamma=np.array(GAMMAS),
        ),
        zh="((1 − p_t,困难) / (1 − p_t,简单))^γ",
    ),
    Formula("walkthrough.s2.explain", "p = σ(x)", SIGMOID_CHECK),
    Formula("walkthrough.s2.explain", "−log p", equals(focal.cross_entropy(P, 1), p=P)),
    Formula(
        "walkthrough.s2.explain", "−log(1 − p)", equals(focal.cross_entropy(P, 0), p=P)
    ),
    Formula(
        "walkthrough.s4.explain",
        "−α_t log p_t",
        equals(focal.focal_loss(P, Y, 0.0, A), p_t=P_T, alpha_t=focal.alpha_t(A, Y)),
    ),
    Formula(
        "walkthrough.s4.alpha_y1",
        "α · CE",
        equals(focal.focal_loss(P, 1, 0.0, A), alpha=A, CE=focal.cross_entropy(P, 1)),
    ),
    Formula(
        "walkthrough.s4.alpha_y0",
        "(1 − α) · CE",
        equals(focal.focal_loss(P, 0, 0.0, A), alpha=A, CE=focal.cross_entropy(P, 0)),
    ),
    Formula("walkthrough.s6.explain", "−α (1 − p)^γ log p", FL_POSITIVE),
    Formula("walkthrough.s6.explain", "−(1 − α) p^γ log(1 − p)", FL_NEGATIVE),
    Formula("gradients.intro", "x ← x − η · dL/dx", check_update),
    Formula("gradients.x", "p = σ(x)", SIGMOID_CHECK),
    Formula("imbalance.model", "p = σ(x)", SIGMOID_CHECK),
    Formula("gradients.nan_explain", MODULATING + " · (−log p_t)", FL_PRODUCT),
    Formula("gradients.nan_explain", "−γ (1 − p_t)^(γ−1)", SLOPE_CHECK),
    Formula(
        "help.train_prior", "−log((1 − π)/π)", equals(focal.prior_bias(PI), pi_=PI)
    ),
    # "multiplies or divides the odds p/(1 − p) by e" for each unit of the logit
    Formula(
        "help.imb_spread", "p/(1 − p)", equals(np.exp(X), atol=0.0, p=focal.sigmoid(X))
    ),
    Formula(
        "option.imb_preset.yolo",
        "(13² + 26² + 52²) × 3 = 10,647",
        equals(focal.yolo_v3_predictions(416)),
    ),
    Formula("gradients.ratio_title", "(dFL/dx) / (dCE/dx)", GRADIENT_RATIO_CHECK),
    Formula("gradients.ratio_metric", "dFL/dx ÷ dCE/dx", GRADIENT_RATIO_CHECK),
    Formula("gradients.ratio_line", "dFL/dx ÷ dCE/dx", GRADIENT_RATIO_CHECK),
    Formula("gradients.ratio_line_alpha", "dFL/dx ÷ dCE/dx", GRADIENT_RATIO_CHECK),
]

#: Texts that look like formulas but are names or numbers, and why.
NOT_FORMULAS = {
    "name.view.curves": "“1 · CE and FL”: a numbered title",
    "imbalance.figure4.explain": "10^5 is a count",
    "gradients.ce": "the name of a plotted derivative",
    "gradients.fl": "the name of a plotted derivative",
    "gradients.fl_balanced": "the name of a plotted derivative",
    "gradients.fl_star": "the name of a plotted derivative",
}
#: What makes a text look like a formula.
FORMULA_MARK = re.compile(
    r"(?<![A-Za-z])log(?: p|\(| σ)|\^|σ\(|←|max\(|\|[^|]+\||÷|²"
    r"|· (?:CE|FL|BCE|\()|/\(|/dx"
)


def shows(text: str, formula: str) -> bool:
    """``formula`` stands in ``text`` as a whole: no sign or letter glued to it
    (``−|q − p|`` does not show ``|q − p|``)."""
    whole = r"(?<![−A-Za-z0-9_|])" + re.escape(formula) + r"(?![A-Za-z0-9_^(])"
    return re.search(whole, text) is not None


@pytest.mark.parametrize(
    "formula", FORMULAS, ids=[f"{f.key}:{f.text}" for f in FORMULAS]
)
def test_formula_agrees_with_the_core(formula: Formula) -> None:
    assert shows(EN[formula.key], formula.text), EN[formula.key]
    assert shows(ZH[formula.key], formula.zh or formula.text), ZH[formula.key]
    for text in {formula.text, formula.zh or formula.text}:
        formula.check(text)


def test_every_text_with_a_formula_has_its_formula_checked() -> None:
    looks = {key for key, text in EN.items() if FORMULA_MARK.search(text)}
    checked = {formula.key for formula in FORMULAS}
    assert looks - checked - set(NOT_FORMULAS) == set()
    assert set(NOT_FORMULAS) <= looks  # no stale exemption


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("−log p_t", "- log ( p_t )"),
        ("−α (1 − p)^γ log p", "- alpha * ( 1 - p ) ** gamma * log ( p )"),
        ("|q − p|^β BCE(p, q)", "abs ( q - p ) ** beta * BCE ( p , q )"),
        (FL_STAR_TEXT, "- log ( sigma ( gamma_star * x_t + beta ) ) / gamma_star"),
    ],
)
def test_formulas_read_as_a_student_reads_them(text: str, expected: str) -> None:
    assert python(text) == expected


def test_a_sign_error_is_caught() -> None:
    # the QFL of issue 15 (a minus too many) fails its check, and its text does
    # not show the right formula
    with pytest.raises(AssertionError):
        QFL_CHECK("−|q − p|^β BCE(p, q)")
    assert not shows("QFL: −|q − p|^β BCE(p, q) trains", "|q − p|^β BCE(p, q)")
    assert shows("QFL: |q − p|^β BCE(p, q) trains", "|q − p|^β BCE(p, q)")
    # the gradient step of issue 15 (along the derivative) raises the loss
    with pytest.raises(AssertionError):
        check_update("x ← x + η · dL/dx")


# ---------------------------------------------- the LaTeX formulas of the pages


def latex_text(latex: str) -> str:
    """A KaTeX fragment as :func:`python` reads it (``\\alpha`` as ``alpha``)."""
    text = re.sub(r"\\(?:left|right|quad|,|\\)|&", " ", latex).replace("\\", "")
    return re.sub(r"\^\{([^{}]*)\}", r"^(\1)", text)


LATEX = [
    (
        STEP_FORMULAS[2],
        r"-\,y \log p \\ &\quad -\,(1 - y)\log(1 - p)",
        equals(focal.cross_entropy(P, Y), y=Y, p=P),
    ),
    (FULL_FL_BY_LABEL, r"-\,\alpha\,(1 - p)^{\gamma} \log p", FL_POSITIVE),
    (FULL_FL_BY_LABEL, r"-\,(1 - \alpha)\,p^{\gamma} \log(1 - p)", FL_NEGATIVE),
    (STEP_FORMULAS[5], r"-\,(1 - p_t)^{\gamma} \log p_t", FL_PRODUCT),
    (
        STEP_FORMULAS[6],
        r"-\,\alpha_t\,(1 - p_t)^{\gamma} \log p_t",
        equals(
            focal.focal_loss(P, Y, G, A),
            p_t=P_T,
            alpha_t=focal.alpha_t(A, Y),
            gamma=G,
        ),
    ),
    (NAIVE_CHAIN_RULE, r"\left(-\gamma\,(1 - p_t)^{\gamma - 1}\right)", SLOPE_CHECK),
]


@pytest.mark.parametrize(("latex", "piece", "check"), LATEX)
def test_latex_formulas_agree_with_the_core(
    latex: str, piece: str, check: Check
) -> None:
    assert piece in latex
    check(latex_text(piece))


# ------------------------------------- the same numbers and symbols in both


#: Numbers (digits, with decimals or thousands), γ α β ε σ π η, p_t, ×, %, ∞.
SYMBOLS = re.compile(r"p_t|\d+(?:[.,]\d+)*|[γαβεσπη]|×|%|∞")


def symbols(text: str) -> Counter[str]:
    return Counter(SYMBOLS.findall(re.sub(r"\{[a-z_]+\}", "", text)))


@pytest.mark.parametrize("key", sorted(EN))
def test_both_languages_carry_the_same_numbers_and_symbols(key: str) -> None:
    assert symbols(EN[key]) == symbols(ZH[key]), (EN[key], ZH[key])


# -------------------------------------- the numbers the sentences state


def test_the_factor_at_the_points_the_texts_name() -> None:
    # explorer.intro and walkthrough.s5.explain: 1/100 at p_t = 0.9 (γ = 2),
    # never below 1/4 for p_t ≤ 0.5, 0.49 at p_t = 0.3
    for key in ("explorer.intro", "walkthrough.s5.explain"):
        for part in ("1/100", "p_t = 0.9", "1/4", "p_t ≤ 0.5", "γ = 2"):
            assert part in EN[key] and part in ZH[key]
    assert focal.focal_reduction(0.9, 1, 2.0) == pytest.approx(100.0)
    easy_half = np.linspace(1e-9, 0.5, 1001)
    assert focal.focal_reduction(easy_half, 1, 2.0).max() == pytest.approx(4.0)
    assert "0.49" in EN["walkthrough.s5.explain"]
    assert round(focal.modulating_factor(0.3, 1, 2.0), 2) == 0.49


def test_poly1_epsilon_minus_one_needs_alpha_off() -> None:
    assert "−0.082" in EN["help.var_poly_epsilon"]
    assert "p = 0.5, y = 1, γ = 2, α = 0.25" in EN["help.var_poly_epsilon"]
    assert round(focal.poly1_focal_loss(0.5, 1, 2.0, -1.0, 0.25), 3) == -0.082
    p = np.linspace(0.0, 1.0, 1001)
    for y in (0, 1):
        for gamma in GAMMAS:
            assert (focal.poly1_focal_loss(p, y, gamma, -1.0) >= 0.0).all()


def test_which_variants_stay_put_when_y_switches() -> None:
    # variants.axis_note, against the curves the page draws
    note = EN["variants.axis_note"]
    assert "CE and FL* treat both labels alike" in note
    assert "so do FL and Poly-1 FL while α-balancing is off" in note
    grid = np.linspace(0.0, 1.0, 201)

    def curves(y: int, alpha: float | None, q: float = 1.0) -> dict[str, Any]:
        settings = VariantSettings(q=q)
        # against p_t: the positive's p is p_t, the negative's 1 − p_t
        p = grid if y == 1 else 1.0 - grid
        return variant_losses(p, y, 2.0, alpha, settings)

    def stays(name: str, alpha: float | None, q: float = 1.0) -> bool:
        return np.allclose(curves(1, alpha, q)[name], curves(0, alpha, q)[name])

    for name in ("ce", "fl_star"):
        assert stays(name, None) and stays(name, 0.25)
    for name in ("fl", "poly1"):
        assert stays(name, None) and not stays(name, 0.25)
    for name in ("asl", "vfl"):
        assert not stays(name, None)
    # QFL: at q = 1 it is FL with γ = β and no α, so it stays; below 1 it moves
    assert stays("qfl", None) and stays("qfl", 0.25)
    np.testing.assert_allclose(curves(1, None)["qfl"], curves(1, None)["fl"])
    assert not stays("qfl", None, q=0.6)
    # the numbers of issue 15: p_t = 0.9, α-balanced FL for y = 1 and y = 0
    assert round(focal.focal_loss(0.9, 1, 2.0, 0.25), 6) == 0.000263
    assert round(focal.focal_loss(0.1, 0, 2.0, 0.25), 5) == 0.00079


def test_asl_margin_costs_nothing_below_it() -> None:
    assert "p ≤ m costs nothing" in EN["variants.note.asl"]
    for m in (0.05, 0.3):
        p = np.linspace(0.0, m, 11)
        assert (focal.asymmetric_loss(p, 0, 1.0, 4.0, m) == 0.0).all()
        assert focal.asymmetric_loss(m + 0.01, 0, 1.0, 4.0, m) > 0.0


def test_only_misclassified_examples_gain_gradient() -> None:
    # gradients.ratio_explain: the ratio exceeds 1 only below p_t = 1/2
    assert "Only misclassified examples" in EN["gradients.ratio_explain"]
    gammas = np.linspace(0.1, 5.0, 50)
    peak = focal.gradient_ratio_peak(gammas)
    assert (peak.gain_below < 0.5).all()
    assert (peak.ratio < 1.4).all()


@pytest.mark.parametrize(("dtype", "first"), [(np.float64, 37), (np.float32, 17)])
def test_where_sigmoid_rounds_to_one(dtype: type, first: int) -> None:
    # gradients.nan_explain: "x ≈ 37 on in float64, and from x ≈ 17 on in float32"
    assert f"x ≈ {first}" in EN["gradients.nan_explain"]
    assert f"x 约大于 {first}" in ZH["gradients.nan_explain"]
    x = np.arange(10, 50, dtype=dtype)
    one = dtype(1)
    sigma = one / (one + np.exp(-x))
    assert int(x[sigma == one].min()) == first
    if dtype is np.float64:  # and the chain rule's NaN starts there (γ < 1)
        naive = focal.grad_focal_loss_autograd_naive(np.array([36.0, 37.0]), 1, 0.5)
        assert not np.isnan(naive[0]) and np.isnan(naive[1])


def test_the_prior_keeps_the_first_loss_small() -> None:
    # gradients.prior: started at 0.5 the background's loss is huge
    assert "0.01 instead of 0.5" in EN["gradients.prior"]
    assert focal.sigmoid(focal.prior_bias(0.01)) == pytest.approx(0.01)
    background = PRESET_BY_NAME["retinanet"].easy_negatives
    at_half = background * focal.cross_entropy(0.5, 0)
    at_prior = background * focal.cross_entropy(0.01, 0)
    assert at_half > 60 * at_prior and at_half > 50_000


def test_figure_4_says_what_the_default_chart_shows() -> None:
    # imbalance.figure4.explain, for the page's default population (YOLO v3):
    # what the chart shows, then what the paper found (no longer "for
    # positives γ changes little" as if of this chart)
    explain = EN["imbalance.figure4.explain"]
    assert "The positives' curves move with γ too, but less" in explain
    assert "In the paper (a trained detector, about 10^5 positives)" in explain
    assert "正样本的曲线也随 γ 变化，但幅度较小" in ZH["imbalance.figure4.explain"]
    preset = PRESET_BY_NAME["yolo"]
    drawn = draw_population(
        preset.positives, preset.hard_negatives, preset.easy_negatives, 1.0, 0
    )
    curves = cumulative_loss(drawn.x, drawn.y)
    gammas = list(curves.gamma)
    zero, two = gammas.index(0.0), gammas.index(2.0)
    negatives = curves.negatives
    # "the larger γ, the more of their loss sits in the few hardest"
    at_nine_tenths = [np.interp(0.9, curves.fraction_negatives, c) for c in negatives]
    assert at_nine_tenths == sorted(at_nine_tenths, reverse=True)
    # "at γ = 2 the curve stays near 0 almost to the right edge"
    assert at_nine_tenths[two] < 0.01
    # "the positives' curves move with γ too, but less"
    positives = curves.positives
    bend_positives = np.trapezoid(
        positives[zero] - positives[two], curves.fraction_positives
    )
    bend_negatives = np.trapezoid(
        negatives[zero] - negatives[two], curves.fraction_negatives
    )
    assert 0 < bend_positives < bend_negatives
    assert preset.positives < 10  # "with only a few positives ... coarse steps"


# ----------------------------------------- wording that must not come back


@pytest.mark.parametrize(
    ("table", "phrase"),
    [
        # issue 15, English
        (EN, "needs focal loss"),
        (EN, "third and fourth terms"),
        (EN, "along these derivatives"),
        (EN, "α_t (1 + γ)"),
        (EN, "moderately hard"),
        (EN, "almost untouched"),
        (EN, "stays close to 1"),
        (EN, "keep full weight"),
        (EN, "81 times more"),
        (EN, "near p_t = 1"),
        (EN, "Spread σ"),
        (EN, "−|q − p|"),
        (EN, "the gradient arriving from"),
        (EN, "infinitely smaller"),
        # issue 15, Chinese
        (ZH, "比 CE 小"),
        (ZH, "小了无穷多倍"),
        (ZH, "已被分对"),
        (ZH, "已分类良好"),
        (ZH, "不再用力"),
        (ZH, "什么也不剩"),
        (ZH, "花损失"),
        (ZH, "旋钮"),
        (ZH, "印"),
        (ZH, "扫到"),
        (ZH, "看点"),
        (ZH, "Adam 算法"),
        (ZH, "答得越自信越错"),
        (ZH, "第三、四项"),
    ],
)
def test_corrected_wording_stays_corrected(
    table: Mapping[str, str], phrase: str
) -> None:
    assert [key for key, text in table.items() if phrase in text] == []


def test_the_hard_easy_view_titles_in_chinese() -> None:
    assert ZH["name.view.ratio"] == "2 · 难易样本对比"
    assert ZH["ratio.title"] == "困难样本与简单样本的损失之比随 γ 的变化"


def test_fl_star_is_gamma_star_on_every_page() -> None:
    for table in (EN, ZH):
        assert "γ*" in table["param.var_star_gamma"]
        assert table["variants.params.fl_star"].startswith("γ* = ")
        assert "γ*" in table["param.gamma_star"]
        assert "σ(γ x_t" not in table["variants.note.fl_star"]
