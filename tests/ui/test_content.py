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

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
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
TOKEN = re.compile(
    r"\s*(?:(?P<number>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][A-Za-z_0-9]*)"
    r"|(?P<op>\*\*|[-+*/(),=]))"
)


def tokens(text: str) -> list[tuple[str, str]]:
    found, position = [], 0
    text = text.strip()
    while position < len(text):
        match = TOKEN.match(text, position)
        assert match and match.end() > position, f"cannot read {text[position:]!r}"
        kind = match.lastgroup
        assert kind is not None
        found.append((kind, match.group(kind)))
        position = match.end()
    return found


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
    found = tokens(text)
    # "log X" -> "log(X)", X a name or a call such as sigma(...)
    applied: list[tuple[str, str]] = []
    index = 0
    while index < len(found):
        kind, value = found[index]
        applied.append((kind, value))
        index += 1
        if value == "log" and found[index][1] != "(":
            end = index + 1
            if found[index][1] in FUNCTIONS and found[end][1] == "(":
                depth = 0
                for end in range(index + 1, len(found)):
                    depth += {"(": 1, ")": -1}.get(found[end][1], 0)
                    if depth == 0:
                        break
                end += 1
            applied += [("op", "("), *found[index:end], ("op", ")")]
            index = end
    # implicit multiplication: "alpha (1 - p)", "p**gamma log(...)", ") p"
    out: list[str] = []
    for (kind, value), (next_kind, next_value) in zip(
        applied, [*applied[1:], ("end", "")], strict=True
    ):
        out.append(value)
        left = (
            kind == "number"
            or value == ")"
            or (kind == "name" and value not in FUNCTIONS)
        )
        right = next_kind in ("number", "name") or next_value == "("
        if left and right:
            out.append("*")
    return " ".join(out)


def namespace(**values: Any) -> dict[str, Any]:
    return {
        "log": np.log,
        "sigma": focal.sigmoid,
        "abs": np.abs,
        "max": np.maximum,
        # BCE with a soft target: QFL with β = 0 is exactly that
        "BCE": lambda p, q: focal.quality_focal_loss(p, q, 0.0),
        **values,
    }


def evaluate(formula: str, **values: Any) -> Any:
    """The value of ``formula`` (both sides of a definition ``a = b``)."""
    expression = python(formula)
    scope = namespace(**values)
    if " = " in expression:
        left, right = expression.split(" = ", 1)
        return eval(left, scope), eval(right, scope)
    return eval(expression, scope)


#: p, γ, y and α on their own axes: one call of a formula checks them all.
P = np.linspace(0.01, 0.99, 99)
GAMMAS = (0.5, 2.0, 3.7)
G = np.array(GAMMAS)[:, None]
Y = np.array([0, 1])[:, None, None]
ALPHAS = (0.25, 0.6)
A = np.array(ALPHAS)[:, None, None, None]


def same(got: Any, expected: Any) -> None:
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-15)


def check_ce(f: Callable[..., Any]) -> None:
    same(*f(p_t=focal.p_t(P, Y), CE=focal.cross_entropy(P, Y)))


def check_modulating(f: Callable[..., Any]) -> None:
    same(f(p_t=focal.p_t(P, Y), gamma=G), focal.modulating_factor(P, Y, G))


#: FL*'s (γ*, β) pairs, one per row.
STAR_GAMMA, STAR_BETA = (
    np.array([[2.0], [4.0], [0.5]]),
    np.array([[1.0], [0.0], [-2.0]]),
)


def check_fl_star(f: Callable[..., Any]) -> None:
    x = np.linspace(-6.0, 6.0, 49)
    value = f(x_t=x, gamma_star=STAR_GAMMA, beta=STAR_BETA, FL_star=np.nan)
    if isinstance(value, tuple):  # "FL* = ..."
        value = value[1]
    same(value, focal.focal_loss_star(x, 1, STAR_GAMMA, STAR_BETA))
    same(value, focal.focal_loss_star(-x, 0, STAR_GAMMA, STAR_BETA))


def check_fl_star_shift(f: Callable[..., Any]) -> None:
    # "moves FL*'s curve along x_t by −β / γ*": FL*(x_t) at β is FL*(x_t − shift)
    # at β = 0
    x = np.linspace(-6.0, 6.0, 49)
    beta = np.array([[1.0], [-3.0], [2.0]])
    shift = f(beta=beta, gamma_star=STAR_GAMMA)
    same(
        focal.focal_loss_star(x + shift, 1, STAR_GAMMA, beta),
        focal.focal_loss_star(x, 1, STAR_GAMMA, 0.0),
    )


def check_poly1_term(f: Callable[..., Any]) -> None:
    epsilon = np.array([-1.0, 1.0, 2.5])[:, None, None, None]
    added = focal.poly1_focal_loss(P, Y, G, epsilon) - focal.focal_loss(P, Y, G)
    value = f(p_t=focal.p_t(P, Y), gamma=G, epsilon=epsilon)
    np.testing.assert_allclose(value, added, rtol=1e-9, atol=1e-15)


def check_qfl(f: Callable[..., Any]) -> None:
    q, beta = np.array([0.0, 0.3, 0.8, 1.0])[:, None, None], np.array([[0.0], [1], [2]])
    same(f(p=P, q=q, beta=beta), focal.quality_focal_loss(P, q, beta))


def check_vfl_negative(f: Callable[..., Any]) -> None:
    alpha = np.array([0.75, 0.3])[:, None, None]
    same(f(p=P, alpha=alpha, gamma=G), focal.varifocal_loss(P, 0.0, alpha, G))


def check_vfl_positive(f: Callable[..., Any]) -> None:
    q = np.array([[0.2], [0.7], [1.0]])
    same(f(p=P, q=q), focal.varifocal_loss(P, q))


def check_asl_margin(f: Callable[..., Any]) -> None:
    # with γ− = 0 a negative's ASL is −log(1 − p_m): p_m = 1 − exp(−ASL)
    m = np.array([[0.0], [0.05], [0.3]])
    p_m = -np.expm1(-focal.asymmetric_loss(P, 0, 1.0, 0.0, m))
    left, right = f(p=P, m=m, p_m=p_m)
    np.testing.assert_allclose(right, left, rtol=1e-12, atol=1e-15)


def check_amplification(f: Callable[..., Any]) -> None:
    hard, easy = np.array([[0.1], [0.3], [0.05]]), np.array([[0.9], [0.8], [0.6]])
    for y in (0, 1):
        p_hard, p_easy = (hard, easy) if y == 1 else (1 - hard, 1 - easy)
        same(
            f(p_t_hard=hard, p_t_easy=easy, gamma=np.array(GAMMAS)),
            focal.hard_easy_ratio(p_hard, p_easy, y, np.array(GAMMAS)).amplification,
        )


def check_sigmoid(f: Callable[..., Any]) -> None:
    x = np.linspace(-8.0, 8.0, 33)
    same(*f(x=x, p=focal.sigmoid(x)))


def check_ce_of(y: int, f: Callable[..., Any]) -> None:
    same(f(p=P), focal.cross_entropy(P, y))


def check_alpha_ce(f: Callable[..., Any]) -> None:
    same(
        f(p_t=focal.p_t(P, Y), alpha_t=focal.alpha_t(A, Y)),
        focal.focal_loss(P, Y, 0.0, A),
    )


def check_alpha_ce_of(y: int, f: Callable[..., Any]) -> None:
    same(f(alpha=A, CE=focal.cross_entropy(P, y)), focal.focal_loss(P, y, 0.0, A))


def check_alpha_fl(f: Callable[..., Any]) -> None:
    value = f(alpha_t=focal.alpha_t(A, Y), FL=focal.focal_loss(P, Y, G))
    same(value, focal.focal_loss(P, Y, G, A))


def check_fl_of(y: int, f: Callable[..., Any]) -> None:
    same(f(p=P, alpha=A, gamma=G), focal.focal_loss(P, y, G, A))


def check_update(f: Callable[..., Any]) -> None:
    # x ← x − η dL/dx lowers the loss: the sign of the step is right
    x, gamma = np.linspace(-6.0, 6.0, 25), np.array([[0.0], [2.0]])
    _, moved = f(x=x, eta=1e-3, dL_dx=focal.grad_focal_loss(x, Y, gamma))
    before = focal.focal_loss_from_logits(x, Y, gamma)
    assert (focal.focal_loss_from_logits(moved, Y, gamma) < before).all()


def check_fl_product(f: Callable[..., Any]) -> None:
    same(f(p_t=focal.p_t(P, Y), gamma=G), focal.focal_loss(P, Y, G))


def check_modulating_derivative(f: Callable[..., Any]) -> None:
    # d/dp_t of (1 − p_t)^γ, against central differences of the core's factor
    p = np.linspace(0.05, 0.95, 19)
    slope = central_difference(lambda q: focal.modulating_factor(q, 1, G), p, 1e-6)
    np.testing.assert_allclose(f(p_t=p, gamma=G), slope, rtol=1e-6)


def check_prior(f: Callable[..., Any]) -> None:
    pi = np.array([0.01, 0.1, 0.5])
    same(f(pi_=pi), focal.prior_bias(pi))


def check_odds(f: Callable[..., Any]) -> None:
    # "one standard deviation multiplies or divides the odds p/(1 − p) by e"
    x = np.linspace(-5.0, 5.0, 21)
    ratio = f(p=focal.sigmoid(x + 1.0)) / f(p=focal.sigmoid(x))
    np.testing.assert_allclose(ratio, math.e, rtol=1e-12)


def check_yolo_count(f: Callable[..., Any]) -> None:
    left, right = f()
    assert left == right == focal.yolo_v3_predictions(416)


def check_gradient_ratio(f: Callable[..., Any]) -> None:
    x = np.linspace(-8.0, 8.0, 33)
    value = f(
        dFL_dx=focal.grad_focal_loss(x, Y, G), dCE_dx=focal.grad_cross_entropy(x, Y)
    )
    np.testing.assert_allclose(value, focal.focal_gradient_ratio(x, Y, G), rtol=1e-12)


@dataclass(frozen=True)
class Formula:
    """A formula as a text shows it, and how the core checks it."""

    key: str
    text: str
    check: Callable[[Callable[..., Any]], None]
    zh: str | None = None  # when the Chinese text writes it otherwise


MODULATING = "(1 − p_t)^γ"
FL_STAR = "−log σ(γ* x_t + β) / γ*"
FORMULAS = [
    Formula("numbers.ce", "CE = −log p_t", check_ce),
    Formula("walkthrough.s3.ce", "CE = −log p_t", check_ce),
    Formula("walkthrough.s3.explain", "CE = −log p_t", check_ce),
    Formula("numbers.modulating", MODULATING, check_modulating),
    Formula("numbers.fl_balanced", "α_t · FL", check_alpha_fl),
    Formula("explorer.intro", MODULATING, check_modulating),
    Formula("table.other_gamma", MODULATING, check_modulating),
    Formula("walkthrough.s5.title", MODULATING, check_modulating),
    Formula("walkthrough.s5.explain", MODULATING, check_modulating),
    Formula("variants.note.fl", MODULATING, check_modulating),
    Formula("variants.note.fl_star", FL_STAR, check_fl_star),
    Formula("variants.note.fl_star", MODULATING, check_modulating),
    Formula("help.gamma_star", "FL* = " + FL_STAR, check_fl_star),
    Formula("help.beta_star", "−β / γ*", check_fl_star_shift),
    Formula("variants.note.poly1", "ε (1 − p_t)^(γ+1)", check_poly1_term),
    Formula("variants.note.qfl", "|q − p|^β BCE(p, q)", check_qfl),
    Formula("variants.note.vfl", "−α p^γ log(1 − p)", check_vfl_negative),
    Formula("variants.note.vfl", "q · BCE(p, q)", check_vfl_positive),
    Formula("variants.note.asl", "p_m = max(p − m, 0)", check_asl_margin),
    Formula(
        "ratio.explain",
        "((1 − p_t,hard) / (1 − p_t,easy))^γ",
        check_amplification,
        zh="((1 − p_t,困难) / (1 − p_t,简单))^γ",
    ),
    Formula("walkthrough.s2.explain", "p = σ(x)", check_sigmoid),
    Formula("walkthrough.s2.explain", "−log p", partial(check_ce_of, 1)),
    Formula("walkthrough.s2.explain", "−log(1 − p)", partial(check_ce_of, 0)),
    Formula("walkthrough.s4.explain", "−α_t log p_t", check_alpha_ce),
    Formula("walkthrough.s4.alpha_y1", "α · CE", partial(check_alpha_ce_of, 1)),
    Formula("walkthrough.s4.alpha_y0", "(1 − α) · CE", partial(check_alpha_ce_of, 0)),
    Formula("walkthrough.s6.explain", "−α (1 − p)^γ log p", partial(check_fl_of, 1)),
    Formula(
        "walkthrough.s6.explain", "−(1 − α) p^γ log(1 − p)", partial(check_fl_of, 0)
    ),
    Formula("gradients.intro", "x ← x − η · dL/dx", check_update),
    Formula("gradients.x", "p = σ(x)", check_sigmoid),
    Formula("imbalance.model", "p = σ(x)", check_sigmoid),
    Formula("gradients.nan_explain", MODULATING + " · (−log p_t)", check_fl_product),
    Formula("gradients.nan_explain", "−γ (1 − p_t)^(γ−1)", check_modulating_derivative),
    Formula("help.train_prior", "−log((1 − π)/π)", check_prior),
    Formula("help.imb_spread", "p/(1 − p)", check_odds),
    Formula(
        "option.imb_preset.yolo", "(13² + 26² + 52²) × 3 = 10,647", check_yolo_count
    ),
    Formula("gradients.ratio_title", "(dFL/dx) / (dCE/dx)", check_gradient_ratio),
    Formula("gradients.ratio_metric", "dFL/dx ÷ dCE/dx", check_gradient_ratio),
    Formula("gradients.ratio_line", "dFL/dx ÷ dCE/dx", check_gradient_ratio),
    Formula("gradients.ratio_line_alpha", "dFL/dx ÷ dCE/dx", check_gradient_ratio),
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
        formula.check(lambda **values: evaluate(text, **values))  # noqa: B023


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
        (FL_STAR, "- log ( sigma ( gamma_star * x_t + beta ) ) / gamma_star"),
    ],
)
def test_formulas_read_as_a_student_reads_them(text: str, expected: str) -> None:
    assert python(text) == expected


def test_a_sign_error_is_caught() -> None:
    # the QFL of issue 15 (a minus too many) fails its check, and its text does
    # not show the right formula
    with pytest.raises(AssertionError):
        check_qfl(lambda **values: evaluate("−|q − p|^β BCE(p, q)", **values))
    assert not shows("QFL: −|q − p|^β BCE(p, q) trains", "|q − p|^β BCE(p, q)")
    assert shows("QFL: |q − p|^β BCE(p, q) trains", "|q − p|^β BCE(p, q)")
    # the gradient step of issue 15 (along the derivative) raises the loss
    with pytest.raises(AssertionError):
        check_update(lambda **values: evaluate("x ← x + η · dL/dx", **values))


# ---------------------------------------------- the LaTeX formulas of the pages


def latex_text(latex: str) -> str:
    """A KaTeX fragment in the strings' Unicode notation."""
    text = latex
    for old, new in (
        (r"\left", ""),
        (r"\right", ""),
        (r"\,", " "),
        (r"\;", " "),
        (r"\quad", " "),
        (r"\log", "log "),
        (r"\alpha", "α"),
        (r"\gamma", "γ"),
        (r"\mathrm{CE}", "CE"),
        (r"\mathrm{FL}", "FL"),
        ("-", "−"),
    ):
        text = text.replace(old, new)
    return re.sub(r"\^\{([^{}]*)\}", r"^(\1)", text)


LATEX = [
    (STEP_FORMULAS[2], r"-\,y \log p", r"-\,(1 - y)\log(1 - p)"),
    (FULL_FL_BY_LABEL, r"-\,\alpha\,(1 - p)^{\gamma} \log p", None),
    (FULL_FL_BY_LABEL, r"-\,(1 - \alpha)\,p^{\gamma} \log(1 - p)", None),
    (STEP_FORMULAS[5], r"-\,(1 - p_t)^{\gamma} \log p_t", None),
    (STEP_FORMULAS[6], r"-\,\alpha_t\,(1 - p_t)^{\gamma} \log p_t", None),
    (NAIVE_CHAIN_RULE, r"\left(-\gamma\,(1 - p_t)^{\gamma - 1}\right)", None),
]


def test_latex_formulas_agree_with_the_core() -> None:
    for latex, *pieces in LATEX:
        for piece in pieces:
            assert piece is None or piece in latex
    # step 2: the two terms of CE add up to CE for either label
    first, second = (latex_text(piece) for piece in LATEX[0][1:])
    for y in (0, 1):
        total = evaluate(first, y=y, p=P) + evaluate(second, y=y, p=P)
        same(total, focal.cross_entropy(P, y))
    check_fl_of(1, lambda **v: evaluate(latex_text(LATEX[1][1]), **v))
    check_fl_of(0, lambda **v: evaluate(latex_text(LATEX[2][1]), **v))
    check_fl_product(lambda **v: evaluate(latex_text(LATEX[3][1]), **v))
    for alpha in ALPHAS:
        for y in (0, 1):
            value = evaluate(
                latex_text(LATEX[4][1]),
                p_t=focal.p_t(P, y),
                alpha_t=focal.alpha_t(alpha, y),
                gamma=2.0,
            )
            same(value, focal.focal_loss(P, y, 2.0, alpha))
    check_modulating_derivative(lambda **v: evaluate(latex_text(LATEX[5][1]), **v))


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
