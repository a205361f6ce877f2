"""The command line: ``python -m focal table | loss | ratio``.

Every number printed here comes from a core function; this module only parses
arguments, picks the core calls and formats their results. A bad argument
prints one line on stderr and exits with status 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

import focal
from focal.formats import TABLE_FORMATS, format_table, text_number, to_json

Value = float | int | None

#: The core's argument names and the command-line options they come from.
OPTION_NAMES = {
    "p": "--p",
    "pi": "--p",
    "x": "--logit",
    "y": "--y",
    "gamma": "--gamma",
    "alpha": "--alpha",
    "p_hard": "--hard",
    "p_easy": "--easy",
}

#: Options whose value is a number, possibly negative (see ``_attach_values``).
NUMBER_OPTIONS = frozenset(OPTION_NAMES.values())

RESULT_FORMATS = ("text", "json")

#: Significant digits in the text form of ``loss`` and ``ratio``.
RESULT_DIGITS = 10

#: The text form of a ratio with no value (0 / 0), as the app shows it.
UNDEFINED = "—"


class UsageError(Exception):
    """A bad command line, already worded as the one line to print."""


class _Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors are one line, with no usage block."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: error: {message}")


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a number") from None


# ---------------------------------------------------------------- the parser

_JSON_NOTE = "JSON is strict: infinite and NaN values are written as null."


def build_parser() -> argparse.ArgumentParser:
    """Build the parser for ``python -m focal`` and its three commands.

    Returns
    -------
    argparse.ArgumentParser
        A parser whose ``error`` raises :class:`UsageError` instead of exiting.
    """
    parser = _Parser(
        prog="focal",
        description="Focal loss (Lin et al., 2017), computed exactly from the "
        "command line.",
        epilog="Examples:\n"
        "  python -m focal table --printed\n"
        "  python -m focal loss --p 0.9 --y 1 --gamma 2 --alpha 0.25\n"
        "  python -m focal loss --logit -3 --y 1 --format json\n"
        "  python -m focal ratio --hard 0.1 --easy 0.9 --y 1\n\n"
        "Exit status: 0 on success, 2 on a bad argument (one line on stderr).\n"
        + _JSON_NOTE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", title="commands")

    table = commands.add_parser(
        "table",
        help="the source document's worked table, recomputed exactly",
        description="The document's four examples (y, p) = (1, 0.9), (1, 0.1), "
        "(0, 0.2), (0, 0.8), recomputed exactly.",
        epilog=_JSON_NOTE,
    )
    _add_gamma_alpha(table)
    table.add_argument(
        "--format",
        choices=TABLE_FORMATS,
        default="text",
        help="output format (default: text); csv and json keep full precision",
    )
    table.add_argument(
        "--printed",
        action="store_true",
        help="add the document's printed values (printed for γ = 2) beside the "
        "exact ones and mark the printed cells that differ at the printed "
        "precision",
    )
    table.set_defaults(run=_run_table)

    loss = commands.add_parser(
        "loss",
        help="every intermediate of CE and focal loss for one example",
        description="p, logit, p_t, CE, (1 - p_t)^γ, FL and the derivatives "
        "dCE/dx and dFL/dx with respect to the logit x, for one example. With "
        "--alpha, also α_t, α_t·FL and its derivative.",
        epilog=_JSON_NOTE,
    )
    given = loss.add_mutually_exclusive_group(required=True)
    given.add_argument(
        "--p",
        type=_number,
        metavar="P",
        help="predicted probability of the positive class, in [0, 1] "
        "(give exactly one of --p and --logit)",
    )
    given.add_argument(
        "--logit",
        type=_number,
        metavar="X",
        help="logit x, with p = sigmoid(x): any real number, -inf and inf allowed",
    )
    _add_label(loss)
    _add_gamma_alpha(loss)
    _add_result_format(loss)
    loss.set_defaults(run=_run_loss)

    ratio = commands.add_parser(
        "ratio",
        help="how focal loss shifts the balance between a hard and an easy example",
        description="Loss of a hard example over the loss of an easy one of the "
        "same class, under CE and under FL. A ratio of two zero losses (0 / 0) "
        f"has no value: the text shows {UNDEFINED}, JSON null.",
        epilog=_JSON_NOTE,
    )
    ratio.add_argument(
        "--hard",
        type=_number,
        required=True,
        metavar="P",
        help="p of the hard example, in [0, 1] (required)",
    )
    ratio.add_argument(
        "--easy",
        type=_number,
        required=True,
        metavar="P",
        help="p of the easy example, in [0, 1] (required)",
    )
    _add_label(ratio)
    _add_gamma_alpha(ratio, alpha_note="; it cancels from every ratio")
    _add_result_format(ratio)
    ratio.set_defaults(run=_run_ratio)
    return parser


def _add_gamma_alpha(parser: argparse.ArgumentParser, alpha_note: str = "") -> None:
    parser.add_argument(
        "--gamma",
        type=_number,
        default=2.0,
        metavar="G",
        help="focusing parameter γ, finite and >= 0 (default: 2.0)",
    )
    parser.add_argument(
        "--alpha",
        type=_number,
        default=None,
        metavar="A",
        help="α-balancing weight of the positive class, in [0, 1] "
        f"(default: none, no α-balancing{alpha_note})",
    )


def _add_label(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--y", type=_number, required=True, help="label, 0 or 1 (required)"
    )


def _add_result_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=RESULT_FORMATS,
        default="text",
        help="output format (default: text); json keeps full precision",
    )


def _attach_values(argv: Sequence[str]) -> list[str]:
    """Write ``--logit -1e3`` as ``--logit=-1e3``.

    argparse reads a value such as ``-1e3`` or ``-inf`` as an option name, so a
    number option followed by a negative number is joined into one token.
    """
    tokens: list[str] = []
    index = 0
    while index < len(argv):
        token = argv[index]
        following = argv[index + 1] if index + 1 < len(argv) else ""
        if token in NUMBER_OPTIONS and following.startswith("-"):
            try:
                float(following)
            except ValueError:
                pass
            else:
                tokens.append(f"{token}={following}")
                index += 2
                continue
        tokens.append(token)
        index += 1
    return tokens


# ---------------------------------------------------------------- the commands


def _run_table(args: argparse.Namespace) -> str:
    rows = focal.document_table(args.gamma, args.alpha)
    return format_table(rows, args.format, args.printed)


def _run_loss(args: argparse.Namespace) -> str:
    if args.p is not None:
        values = loss_from_p(args.p, args.y, args.gamma, args.alpha)
    else:
        values = loss_from_logit(args.logit, args.y, args.gamma, args.alpha)
    return _render_result(values, _LOSS_LABELS, args.format)


def _run_ratio(args: argparse.Namespace) -> str:
    values = ratio(args.hard, args.easy, args.y, args.gamma, args.alpha)
    return _render_result(values, _RATIO_LABELS, args.format)


def loss_from_p(
    p: float, y: float, gamma: float, alpha: float | None
) -> dict[str, Value]:
    """Every intermediate of one example given by its probability.

    Parameters
    ----------
    p : float
        Predicted probability of the positive class, in [0, 1].
    y : float
        Label, 0 or 1.
    gamma : float
        Focusing parameter, finite and >= 0.
    alpha : float or None
        α-balancing weight in [0, 1], or None.

    Returns
    -------
    dict
        Keys ``y, gamma, p, logit, p_t, ce, modulating, fl, dce_dx, dfl_dx``,
        plus ``alpha, alpha_t, fl_alpha, dfl_alpha_dx`` when ``alpha`` is given.

    Raises
    ------
    ValueError
        From the core, naming the bad argument.
    """
    values: dict[str, Value] = {
        "p_t": focal.p_t(p, y),
        "ce": focal.cross_entropy(p, y),
        "modulating": focal.modulating_factor(p, y, gamma),
        "fl": focal.focal_loss(p, y, gamma),
    }
    x = focal.logit(p)  # -inf and +inf at 0 and 1, which the gradients accept
    values["dce_dx"] = focal.grad_cross_entropy(x, y)
    values["dfl_dx"] = focal.grad_focal_loss(x, y, gamma)
    if alpha is not None:
        values["alpha_t"] = focal.alpha_t(alpha, y)
        values["fl_alpha"] = focal.focal_loss(p, y, gamma, alpha)
        values["dfl_alpha_dx"] = focal.grad_focal_loss(x, y, gamma, alpha)
    return _with_inputs(values, p=p, logit=x, y=y, gamma=gamma, alpha=alpha)


def loss_from_logit(
    x: float, y: float, gamma: float, alpha: float | None
) -> dict[str, Value]:
    """Every intermediate of one example given by its logit ``x``.

    Everything comes from the fused logit functions of the core, so the
    modulating factor and FL keep their tiny values where ``p = sigmoid(x)``
    itself rounds to 1.

    Parameters
    ----------
    x : float
        Logit, any real number (``±inf`` allowed).
    y : float
        Label, 0 or 1.
    gamma : float
        Focusing parameter, finite and >= 0.
    alpha : float or None
        α-balancing weight in [0, 1], or None.

    Returns
    -------
    dict
        The same keys as :func:`loss_from_p`.

    Raises
    ------
    ValueError
        From the core, naming the bad argument.
    """
    values: dict[str, Value] = {
        "ce": focal.cross_entropy_from_logits(x, y),
        "fl": focal.focal_loss_from_logits(x, y, gamma),
        "dce_dx": focal.grad_cross_entropy(x, y),
        "dfl_dx": focal.grad_focal_loss(x, y, gamma),
    }
    p = focal.sigmoid(x)
    values["p_t"] = focal.p_t_from_logits(x, y)
    values["modulating"] = focal.modulating_factor_from_logits(x, y, gamma)
    if alpha is not None:
        values["alpha_t"] = focal.alpha_t(alpha, y)
        values["fl_alpha"] = focal.focal_loss_from_logits(x, y, gamma, alpha)
        values["dfl_alpha_dx"] = focal.grad_focal_loss(x, y, gamma, alpha)
    return _with_inputs(values, p=p, logit=x, y=y, gamma=gamma, alpha=alpha)


def ratio(
    hard: float, easy: float, y: float, gamma: float, alpha: float | None
) -> dict[str, Value]:
    """Hard-to-easy loss ratios under CE and FL (``focal.hard_easy_ratio``).

    Parameters
    ----------
    hard, easy : float
        Predicted probability of the positive class for each example, in [0, 1].
    y : float
        Their common label, 0 or 1.
    gamma : float
        Focusing parameter, finite and >= 0.
    alpha : float or None
        α-balancing weight in [0, 1], or None; it cancels from the ratios.

    Returns
    -------
    dict
        Keys ``y, gamma, p_hard, p_easy, ce_ratio, fl_ratio, amplification``,
        plus ``alpha`` when it is given.
    """
    result = focal.hard_easy_ratio(hard, easy, y, gamma, alpha)
    values: dict[str, Value] = {"y": int(y), "gamma": gamma}
    if alpha is not None:
        values["alpha"] = alpha
    values |= {
        "p_hard": hard,
        "p_easy": easy,
        "ce_ratio": result.ce_ratio,
        "fl_ratio": result.fl_ratio,
        "amplification": result.amplification,
    }
    return values


def _with_inputs(
    values: dict[str, Value], *, alpha: float | None, **inputs: float
) -> dict[str, Value]:
    """Put the (validated) inputs first, in a fixed order of keys."""
    inputs["y"] = int(inputs["y"])
    if alpha is not None:
        inputs["alpha"] = alpha
    merged = {**inputs, **values}
    return {key: merged[key] for key in _LOSS_LABELS if key in merged}


# ---------------------------------------------------------------- loss / ratio

#: Key: (label, note) of each line of the text form, in output order.
_LOSS_LABELS: dict[str, tuple[str, str]] = {
    "y": ("y", "label"),
    "gamma": ("γ", "focusing parameter"),
    "alpha": ("α", "weight of the positive class"),
    "p": ("p", "sigmoid(x)"),
    "logit": ("x", "logit"),
    "p_t": ("p_t", "p if y = 1 else 1 - p"),
    "alpha_t": ("α_t", "α if y = 1 else 1 - α"),
    "ce": ("CE", "-log(p_t)"),
    "modulating": ("(1-p_t)^γ", "modulating factor"),
    "fl": ("FL", "(1-p_t)^γ · CE"),
    "fl_alpha": ("α_t·FL", "α-balanced focal loss"),
    "dce_dx": ("dCE/dx", "derivative of CE with respect to x"),
    "dfl_dx": ("dFL/dx", "derivative of FL with respect to x"),
    "dfl_alpha_dx": ("d(α_t·FL)/dx", "derivative of α_t·FL with respect to x"),
}

_RATIO_LABELS: dict[str, tuple[str, str]] = {
    "y": ("y", "label of both examples"),
    "gamma": ("γ", "focusing parameter"),
    "alpha": ("α", "cancels from every ratio"),
    "p_hard": ("hard p", "the hard example"),
    "p_easy": ("easy p", "the easy example"),
    "ce_ratio": ("CE ratio", "CE(hard) / CE(easy)"),
    "fl_ratio": ("FL ratio", "FL(hard) / FL(easy)"),
    "amplification": ("amplification", "FL ratio / CE ratio"),
}


def _render_result(
    values: dict[str, Value], labels: dict[str, tuple[str, str]], fmt: str
) -> str:
    if fmt == "json":
        return to_json(values)
    keys = [key for key in labels if key in values]
    cells = [(labels[k][0], _result_number(values[k])) for k in keys]
    width_label = max(len(label) for label, _ in cells)
    width_value = max(len(value) for _, value in cells)
    lines = [
        f"{label:<{width_label}}  {value:<{width_value}}  {labels[key][1]}"
        for key, (label, value) in zip(keys, cells, strict=True)
    ]
    return "\n".join(lines) + "\n"


def _result_number(value: Value) -> str:
    if isinstance(value, float) and value != value:  # NaN: 0 / 0
        return UNDEFINED
    return text_number(value, RESULT_DIGITS)


# ---------------------------------------------------------------- entry point


def _option_message(message: str) -> str:
    """Reword a core error such as ``x must not be NaN`` with the option name."""
    name, _, rest = message.partition(" ")
    if name in OPTION_NAMES and rest.startswith("must"):
        return f"argument {OPTION_NAMES[name]}: {rest}"
    return message


#: Longest error line; an echoed 10 kB argument is cut in the middle.
MESSAGE_LIMIT = 300


def _one_line(message: str) -> str:
    """``message`` as one printable line of at most :data:`MESSAGE_LIMIT` characters.

    argparse echoes some arguments as they came (``unrecognized arguments: ...``):
    a newline, a control character or an undecodable byte (a lone surrogate)
    in them is written as its escape instead.
    """
    line = "".join(
        c
        if c.isprintable()
        else c.encode("unicode_escape", "backslashreplace").decode()
        for c in message
    )
    if len(line) > MESSAGE_LIMIT:
        half = MESSAGE_LIMIT // 2
        line = line[:half] + " ... " + line[-half:]
    return line


def main(argv: list[str] | None = None) -> int:
    """Run ``python -m focal`` with ``argv`` (default: ``sys.argv[1:]``).

    Parameters
    ----------
    argv : list of str, optional
        The arguments after the program name.

    Returns
    -------
    int
        The exit status: 0 on success (and for ``--help``), 2 on a bad
        argument, after one line on stderr.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(_attach_values(sys.argv[1:] if argv is None else argv))
        if args.command is None:
            parser.error("a command is required: table, loss or ratio")
    except UsageError as error:
        print(_one_line(str(error)), file=sys.stderr)
        return 2
    except SystemExit as done:  # --help has printed its text
        return done.code if isinstance(done.code, int) else 0
    try:
        output = args.run(args)
    except ValueError as error:
        print(
            _one_line(f"focal {args.command}: error: {_option_message(str(error))}"),
            file=sys.stderr,
        )
        return 2
    try:
        sys.stdout.write(output)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader closed early (`| head -c 20`): it has what it wanted. Stop
        # quietly, and let the interpreter's last flush write to nowhere.
        _stdout_to_devnull()
    return 0


def _stdout_to_devnull() -> None:
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's capture): nothing is left to flush
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)
