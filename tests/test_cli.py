"""The command line ``python -m focal``: formats, numbers and error handling."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The bare `pytest` command, unlike `python -m pytest`, leaves the project root
# off sys.path, and the project is not installed.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import focal  # noqa: E402
from focal.cli import main  # noqa: E402
from focal.ui.display import number  # noqa: E402
from tests.helpers import run_cli  # noqa: E402

EXACT_KEYS = ("p", "p_t", "ce", "modulating", "fl")


def ok(*argv: str) -> str:
    status, out, err = run_cli(*argv)
    assert (status, err) == (0, "")
    return out


def loss_json(*argv: str) -> dict:
    return json.loads(ok("loss", *argv, "--format", "json"))


# ---------------------------------------------------------------- table


def test_table_json_matches_the_core():
    rows = json.loads(ok("table", "--format", "json"))
    expected = focal.document_table()
    assert len(rows) == 4
    for row, exact in zip(rows, expected, strict=True):
        assert set(row) == {"y", "gamma", *EXACT_KEYS}
        assert row["y"] == exact.y and row["gamma"] == 2.0
        for key in EXACT_KEYS:
            assert row[key] == getattr(exact, key)  # repr precision round-trips


def test_table_json_alpha_and_printed_add_keys():
    rows = json.loads(ok("table", "--format", "json", "--alpha", "0.25", "--printed"))
    expected = focal.document_table(alpha=0.25)
    for row, exact in zip(rows, expected, strict=True):
        assert {"alpha", "alpha_t", "fl_alpha", "printed", "differs"} <= set(row)
        assert row["alpha"] == 0.25
        assert row["alpha_t"] == exact.alpha_t
        assert row["fl_alpha"] == exact.fl_alpha
        assert row["printed"] == exact.printed
    assert rows[0]["printed"]["fl"] == "0.0011"
    assert [row["differs"]["fl"] for row in rows] == [False, True, True, True]
    assert not any(row["differs"][k] for row in rows for k in ("p_t", "ce"))


def test_table_csv_parses_to_the_core_values():
    text = ok("table", "--format", "csv", "--printed")
    records = list(csv.DictReader(io.StringIO(text)))
    for record, exact in zip(records, focal.document_table(), strict=True):
        assert int(record["y"]) == exact.y
        for key in EXACT_KEYS:
            assert float(record[key]) == getattr(exact, key)
        assert record["printed_ce"] == exact.printed["ce"]
    assert [r["differs_fl"] for r in records] == ["false", "true", "true", "true"]
    assert "alpha" not in records[0]


def test_table_text_printed_marks_exactly_the_fl_cells_of_rows_2_to_4():
    lines = ok("table", "--printed").splitlines()
    header, body = lines[0].split(), lines[1:5]
    marked = [
        (row, cell)
        for row, line in enumerate(body, start=1)
        for cell in line.split()
        if cell.endswith("*")
    ]
    assert marked == [(2, "1.863*"), (3, "0.0088*"), (4, "1.0304*")]
    assert body[0].split()[-1] == "0.0011"  # 0.0010536 rounds to it: not marked
    assert header[-2:] == ["FL", "printed"]
    assert "1.865094" in body[1]
    footnote = lines[-1]
    assert footnote.startswith("* ")
    assert "2.30 × 0.81 = 1.863" in footnote and "1.8651" in footnote


def test_table_text_other_gamma_says_printed_values_are_for_gamma_2():
    out = ok("table", "--printed", "--gamma", "0.5")
    assert "γ = 2" in out.splitlines()[-1]
    assert "rounded" not in out
    assert f"{focal.document_table(0.5)[1].fl:.7g}" in out


def test_table_text_without_printed_has_no_marks():
    out = ok("table")
    assert "*" not in out and "printed" not in out
    assert "0.001053605" in out


def test_table_markdown():
    out = ok("table", "--format", "markdown", "--printed", "--alpha", "0.25")
    lines = out.splitlines()
    assert lines[0].startswith("| y | γ | p |") and lines[1].startswith("|---|")
    for exact in focal.document_table(alpha=0.25):
        assert f"{exact.fl:.7g}" in out and f"{exact.fl_alpha:.7g}" in out
    assert out.count("**") == 6
    for cell in ("**1.863**", "**0.0088**", "**1.0304**"):
        assert cell in out
    assert "| 0.0011 |" in out


def test_table_latex():
    out = ok("table", "--format", "latex", "--printed")
    lines = out.splitlines()
    assert lines[0].startswith(r"\begin{tabular}") and lines[-1] == r"\end{tabular}"
    assert r"\toprule" in out and r"\bottomrule" in out
    assert out.count("{") == out.count("}")
    for exact in focal.document_table():
        assert f"{exact.fl:.7g}" in out
    assert out.count(r"\textbf") == 3
    assert r"\textbf{1.863}" in out and r"\textbf{0.0011}" not in out
    assert r"$\times$" in out and "×" not in out


# ---------------------------------------------------------------- loss


def test_loss_by_logit_and_by_p_agree():
    by_logit = loss_json("--logit", "0.7", "--y", "1")
    assert by_logit["dfl_dx"] == pytest.approx(-0.0958547224, rel=1e-9)
    by_p = loss_json("--p", repr(by_logit["p"]), "--y", "1")
    assert by_p.keys() == by_logit.keys()
    for key, value in by_logit.items():
        assert by_p[key] == pytest.approx(value, rel=1e-12), key


def test_loss_negative_label_gradient():
    values = loss_json("--logit", "0.7", "--y", "0")
    assert values["dfl_dx"] == pytest.approx(0.6251938956, rel=1e-9)
    assert values["p_t"] == pytest.approx(1 - values["p"], rel=1e-15)


def test_loss_alpha_adds_weighted_values():
    values = loss_json("--logit", "-3", "--y", "1", "--alpha", "0.25")
    assert values["alpha"] == 0.25 and values["alpha_t"] == 0.25
    assert values["ce"] == pytest.approx(3.048587352, rel=1e-9)
    assert values["fl_alpha"] == pytest.approx(0.6915701103, rel=1e-9)
    assert values["dfl_alpha_dx"] == pytest.approx(-0.2816874702, rel=1e-9)
    assert "alpha" not in loss_json("--logit", "-3", "--y", "1")


def test_loss_at_p_zero_reports_infinite_ce():
    values = loss_json("--p", "0", "--y", "1")
    assert values["ce"] is None and values["fl"] is None and values["logit"] is None
    assert values["p_t"] == 0.0 and values["dce_dx"] == -1.0
    text = ok("loss", "--p", "0", "--y", "1")
    assert "inf" in text.split("CE")[1].split()[0]


def test_loss_text_lists_every_intermediate():
    out = ok("loss", "--p", "0.9", "--y", "1", "--alpha", "0.25")
    labels = [line.split()[0] for line in out.splitlines()]
    assert labels == [
        "y",
        "γ",
        "α",
        "p",
        "x",
        "p_t",
        "α_t",
        "CE",
        "(1-p_t)^γ",
        "FL",
        "α_t·FL",
        "dCE/dx",
        "dFL/dx",
        "d(α_t·FL)/dx",
    ]
    assert "0.1053605157" in out


def test_negative_number_values_are_read_as_values():
    values = loss_json("--logit", "-1e3", "--y", "1", "--gamma", "0")
    assert values["ce"] == 1000.0 and values["fl"] == 1000.0
    assert loss_json("--logit", "-inf", "--y", "0")["fl"] == 0.0


# ---------------------------------------------------------------- ratio


def test_ratio_of_the_documents_positives():
    out = ok("ratio", "--hard", "0.1", "--easy", "0.9", "--y", "1")
    assert "21.85434533" in out and "1770.201971" in out
    values = json.loads(
        ok(
            "ratio",
            "--hard",
            "0.1",
            "--easy",
            "0.9",
            "--y",
            "1",
            "--format",
            "json",
        )
    )
    assert round(values["ce_ratio"], 2) == 21.85
    assert round(values["fl_ratio"], 1) == 1770.2
    assert values["amplification"] == pytest.approx(81.0, rel=1e-12)


def test_ratio_with_an_easy_example_at_certainty_is_null_in_json():
    values = json.loads(
        ok(
            "ratio",
            "--hard",
            "0.5",
            "--easy",
            "1",
            "--y",
            "1",
            "--format",
            "json",
        )
    )
    assert values["ce_ratio"] is None and values["amplification"] is None


# ---------------------------------------------------------------- errors

BAD = [
    (["table", "--gamma", "-1"], "--gamma"),
    (["table", "--gamma", "nan"], "--gamma"),
    (["table", "--gamma", "inf"], "--gamma"),
    (["table", "--gamma", "abc"], "--gamma"),
    (["table", "--alpha", "1.5"], "--alpha"),
    (["table", "--format", "xml"], "--format"),
    (["loss", "--p", "2", "--y", "1"], "--p"),
    (["loss", "--p", "0.5", "--y", "3"], "--y"),
    (["loss", "--p", "0.5"], "--y"),
    (["loss", "--p", "0.5", "--logit", "0", "--y", "1"], "--logit"),
    (["loss", "--y", "1"], "--logit"),
    (["loss", "--logit", "nan", "--y", "1"], "--logit"),
    (["loss", "--p", "0.5", "--y", "1", "--format", "csv"], "--format"),
    (["ratio", "--hard", "1.5", "--easy", "0.5", "--y", "1"], "--hard"),
    (["ratio", "--hard", "0.5", "--easy", "-0.5", "--y", "1"], "--easy"),
    (
        ["ratio", "--hard", "0.5", "--easy", "0.5", "--y", "1", "--alpha", "2"],
        "--alpha",
    ),
    ([], "command"),
    (["nonsense"], "command"),
]


@pytest.mark.parametrize(("argv", "option"), BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_arguments_print_one_line_and_exit_2(argv, option):
    status, out, err = run_cli(*argv)
    assert status == 2
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1
    assert err.startswith("focal") and "error:" in err and option in err


def test_core_messages_name_the_option_and_range():
    _, _, err = run_cli("table", "--gamma", "-1")
    assert err == "focal table: error: argument --gamma: must be finite and >= 0\n"
    _, _, err = run_cli("ratio", "--hard", "2", "--easy", "0.5", "--y", "1")
    assert err == "focal ratio: error: argument --hard: must be in [0, 1]\n"


@pytest.mark.parametrize("command", [[], ["table"], ["loss"], ["ratio"]])
def test_help_exits_0_and_documents_defaults(command):
    status, out, err = run_cli(*command, "--help")
    assert (status, err) == (0, "")
    assert out.startswith("usage: focal")
    if command in (["table"], ["loss"], ["ratio"]):
        assert "--gamma" in out and "default: 2.0" in out and "[0, 1]" in out
        assert "null" in out


# ---------------------------------------------------------------- real runs


def python_m_focal(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "focal", *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_subprocess_table_printed():
    done = python_m_focal("table", "--printed")
    assert (done.returncode, done.stderr) == (0, "")
    assert "1.863*" in done.stdout and "0.0011*" not in done.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["table", "--gamma", "-1"],
        ["loss", "--p", "0.5", "--logit", "1", "--y", "1"],
        [],
    ],
)
def test_subprocess_errors_are_one_line_without_traceback(argv):
    done = python_m_focal(*argv)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "argv", [["table", "--format", "json"], ["loss", "--logit", "40", "--y", "1"]]
)
def test_subprocess_reader_that_closed_early_gets_no_traceback(argv):
    # `python -m focal table --format json | head -c 20`, without the race: the
    # pipe's reading end is closed before the command writes its first byte
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "focal", *argv],
            cwd=ROOT,
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (0, "")


def test_a_reader_that_closed_early_ends_the_output_quietly(monkeypatch, capsys):
    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["table", "--format", "json"]) == 0
    assert capsys.readouterr().err == ""


def test_subprocess_showcase_values():
    # docs/python.md ("Losses and gradients"): FL at x = 40 is 7.667648e-53,
    # where sigmoid(40) rounds to 1 and the textbook formula gives 0
    done = python_m_focal("loss", "--logit", "40", "--y", "1")
    assert (done.returncode, done.stderr) == (0, "")
    lines = {line.split()[0]: line.split()[1] for line in done.stdout.splitlines()}
    assert lines["FL"] == "7.667648074e-53"
    assert lines["CE"] == "4.248354255e-18"
    assert lines["(1-p_t)^γ"] == "1.804851388e-35"
    assert lines["p"] == "1"


def test_an_undefined_ratio_reads_as_in_the_app():
    # both examples certain: 0 / 0; the app shows "—" (focal.ui.display), so
    # does the text, and JSON writes null
    out = ok("ratio", "--hard", "1", "--easy", "1", "--y", "1")
    cells = {line[:13].strip(): line[13:].split()[0] for line in out.splitlines()}
    assert cells["CE ratio"] == cells["FL ratio"] == cells["amplification"] == "—"
    assert "nan" not in out
    assert number(math.nan) == "—"
    values = json.loads(
        ok(
            "ratio",
            "--hard",
            "1",
            "--easy",
            "1",
            "--y",
            "1",
            "--format",
            "json",
        )
    )
    assert values["ce_ratio"] is None


def test_subprocess_json_is_strict():
    done = python_m_focal("loss", "--p", "0", "--y", "1", "--format", "json")
    assert done.returncode == 0

    def reject(constant: str) -> float:
        raise AssertionError(f"non-standard JSON constant {constant}")

    values = json.loads(done.stdout, parse_constant=reject)
    assert values["ce"] is None
    assert math.isclose(values["dfl_dx"], -1.0)
