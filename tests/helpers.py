"""What several test modules need, written once."""

from __future__ import annotations

import asyncio
import base64
import io
import itertools
import json
import logging
import os
import random
import re
import urllib.error
import urllib.request
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from decimal import Decimal
from email.message import Message
from pathlib import Path
from typing import Any, NoReturn
from unittest import mock

import numpy as np
import plotly.graph_objects as go
import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.testing.v1 import AppTest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from bench.load import Student, run_async
from bench.streamlit_server import start_server
from focal.cli import main
from focal.ui.params import BY_KEY, Value
from focal.ui.strings import strings

#: The repository's root.
ROOT = Path(__file__).resolve().parents[1]

# ---------------------------------------------------------------- CI


def in_ci() -> bool:
    """Whether this run is CI's: ``CI=true`` (as ``.ci/run`` and most CI
    services set it) or ``1``/``yes``; ``CI=false``, ``0`` or empty is not."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def missing(what: str) -> NoReturn:
    """A tool the test needs is not installed: fail in CI, where everything
    must be (``.ci/run`` installs it), else skip."""
    if in_ci():
        pytest.fail(what)
    pytest.skip(what)


def serve_app(*options: str) -> Iterator[str]:
    """Start ``streamlit run app.py`` with ``options``; yield its base URL; stop it."""
    server = start_server("app.py", *options)
    try:
        yield server.base
    finally:
        server.stop()


def run_cli(*argv: str) -> tuple[int, str, str]:
    """``python -m focal`` in-process (``focal.cli.main``), warnings as errors:
    its status, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with warnings.catch_warnings(), redirect_stdout(out), redirect_stderr(err):
        warnings.simplefilter("error")
        status = main(list(argv))
    return status, out.getvalue(), err.getvalue()


# ---------------------------------------------------------------- logged errors


@contextmanager
def logged_errors() -> Iterator[list[str]]:
    """Errors and tracebacks that any logger handles meanwhile, heard where every
    record passes (``Logger.callHandlers``): Streamlit's module loggers do not
    propagate, so a handler on the root logger would miss them."""
    found: list[str] = []
    call_handlers = logging.Logger.callHandlers

    def listen(logger: logging.Logger, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.levelno >= logging.ERROR or record.exc_info or "Traceback" in text:
            found.append(f"{record.name}: {text[:300]}")
        call_handlers(logger, record)

    with mock.patch.object(logging.Logger, "callHandlers", listen):
        yield found


# ---------------------------------------------------------------- numbers, messages


def quoted(text: str) -> object:
    """``pytest.approx`` for a number quoted in the facts, to the digits quoted:
    the larger of 1e-9 relative and half a unit in the last quoted place."""
    exponent = Decimal(text).as_tuple().exponent
    assert isinstance(exponent, int)
    return pytest.approx(float(text), rel=1e-9, abs=0.5 * 10.0**exponent)


def whole(message: str) -> str:
    """A ``match`` pattern that ``message`` fills exactly."""
    return "^" + re.escape(message) + "$"


def central_difference(function: Callable[[Any], Any], x: Any, h: float) -> Any:
    """The slope of ``function`` at ``x``: ``(f(x + h) - f(x - h)) / 2h``."""
    return (function(x + h) - function(x - h)) / (2.0 * h)


# ---------------------------------------------------------------- Plotly


def plotly_data(node: Any) -> Any:
    """Plotly JSON with its typed arrays (``{"dtype", "bdata", "shape"}``)
    decoded to ndarrays, as the browser decodes them."""
    if isinstance(node, dict):
        if "bdata" in node and "dtype" in node:
            array = np.frombuffer(base64.b64decode(node["bdata"]), node["dtype"])
            # plotly.py writes a shape ("3, 4") for two dimensions or more only
            return array.reshape([int(n) for n in node.get("shape", "-1").split(",")])
        return {key: plotly_data(value) for key, value in node.items()}
    if isinstance(node, list):
        return [plotly_data(value) for value in node]
    return node


def figure_data(figure: go.Figure) -> dict[str, Any]:
    """A figure as the browser receives it: its JSON, typed arrays decoded."""
    return plotly_data(json.loads(figure.to_json()))


def assert_strict_json(figure: go.Figure) -> None:
    """The figure's JSON is valid JSON: no NaN, no Infinity."""
    json.loads(figure.to_json(), parse_constant=pytest.fail)


#: Charts go out as float32 (focal.figures.wire): half a unit in the 24th bit.
FLOAT32 = 2.0**-24


def on_grid(x: Any, grid: np.ndarray) -> np.ndarray:
    """The indices on the core's ``grid`` of a trace's x (to float32): a line
    thinned by :func:`focal.figures.wire.lean` keeps points in order, both ends."""
    x, grid = np.asarray(x, dtype=float), np.asarray(grid, dtype=float)
    if x.size == grid.size:  # every point kept
        np.testing.assert_allclose(x, grid, rtol=FLOAT32, atol=1e-45)
        return np.arange(x.size)
    index = np.array([int(np.argmin(np.abs(grid - value))) for value in x])
    np.testing.assert_allclose(x, grid[index], rtol=FLOAT32, atol=1e-45)
    assert np.all(np.diff(index) > 0), "the points keep the grid's order"
    assert index[0] == 0 and index[-1] == grid.size - 1, "both ends are drawn"
    return index


def assert_same_series(
    actual: Any, expected: np.ndarray, grid: np.ndarray | None = None, rtol: float = 0.0
) -> None:
    """Trace data (or a trace's ``y``) equals the core's array (exactly, or to
    ``rtol``), NaN (a gap) where it is infinite; with ``grid``, the core's x, a
    thinned trace is matched to it by its x (:func:`on_grid`)."""
    if isinstance(actual, dict):
        if grid is not None:
            expected = np.asarray(expected)[on_grid(actual["x"], grid)]
        actual = actual["y"]
    actual = np.asarray(actual, dtype=float)
    assert actual.shape == expected.shape
    assert (np.isnan(actual) == ~np.isfinite(expected)).all(), "gaps where infinite"
    finite = np.isfinite(expected)
    atol = 1e-45 if rtol else 0.0  # float32 has no subnormal below 1.4e-45
    np.testing.assert_allclose(actual[finite], expected[finite], rtol, atol)


#: A point of an SVG path: its pen (M or L) and x, y.
SVG_POINT = re.compile(r"([ML])(-?[\d.]+),(-?[\d.]+)")


def assert_svg_path(path: str, x: np.ndarray, y: np.ndarray) -> None:
    """The path runs within 0.1 px (+ 0.05 of rounding) of every finite point,
    its corners on the points, with one piece per run of finite points."""
    finite = np.isfinite(y)
    pieces = re.findall(r"M[^M]*", path)
    starts = np.flatnonzero(finite & ~np.r_[False, finite[:-1]])
    ends = np.flatnonzero(finite & ~np.r_[finite[1:], False])
    assert len(pieces) == len(starts)
    for piece, start, end in zip(pieces, starts, ends, strict=True):
        corners = np.array(SVG_POINT.findall(piece))[:, 1:].astype(float)
        assert np.all(np.isfinite(corners))
        xs, ys = x[start : end + 1], y[start : end + 1]
        np.testing.assert_allclose(corners[[0, -1], 0], xs[[0, -1]], atol=0.051)
        at = [int(np.argmin(np.abs(xs - cx))) for cx in corners[:, 0]]
        # every corner is one of the points, in order
        assert at == sorted(at) and len(set(at)) == len(at)
        np.testing.assert_allclose(corners, np.c_[xs[at], ys[at]], atol=0.051)
        # between corners the straight line through the points passes within
        # 0.1 px of every point it skips (x may run either way)
        way = 1.0 if xs[-1] >= xs[0] else -1.0
        line = np.interp(way * xs, way * xs[at], ys[at])
        assert np.max(np.abs(line - ys)) <= 0.1 + 1e-9


# ---------------------------------------------------------------- the document

#: The project's notes on the source document, beside the checkout (not in CI's
#: clone): section 7 holds the worked table as the document printed it.
SEED_README = ROOT.parent / "shared" / "seed" / "README.md"

#: The document's worked table as printed (seed README, section 7), written by
#: hand: y, p, then p_t, CE, (1 - p_t)^2, FL as printed (γ = 2, no α).
PRINTED_TABLE: list[tuple[int, float, str, str, str, str]] = [
    (1, 0.9, "0.9", "0.11", "0.01", "0.0011"),
    (1, 0.1, "0.1", "2.30", "0.81", "1.863"),
    (0, 0.2, "0.8", "0.22", "0.04", "0.0088"),
    (0, 0.8, "0.2", "1.61", "0.64", "1.0304"),
]

#: The same rows' exact values, written by hand: CE = -ln(p_t) to ten digits
#: and FL as the seed README gives them (0.0010536, 1.8651, 0.0089257, 1.0300).
EXACT_CE = [0.1053605157, 2.302585093, 0.2231435513, 1.609437912]
EXACT_FL = [0.0010536, 1.8651, 0.0089257, 1.0300]


def seed_printed_table() -> list[tuple[int, float, str, str, str, str]] | None:
    """Section 7's table read from :data:`SEED_README`, or None without it."""
    if not SEED_README.is_file():
        return None
    rows = []
    for line in SEED_README.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[0] in ("0", "1"):
            y, _, p, p_t, ce, modulating, fl = cells
            rows.append((int(y), float(p), p_t, ce, modulating, fl))
    return rows


# ---------------------------------------------------------------- AppTest


def run(at: AppTest) -> AppTest:
    """Run ``at``; the run raised nothing."""
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def app(script: str | None = None, /, **query: Any) -> AppTest:
    """The app opened by a link with ``query`` (a list value repeats its key)
    to ``script``'s page (default: the Explorer at ``/``), after a first run.

    ``script`` is positional-only, so any query key (even ``script``) is a key.
    """
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update(query)
    if script:
        at.switch_page(script)
    return run(at)


def walk(node: Any) -> Iterator[Any]:
    """``node`` (an AppTest's tree or a block) and everything under it, blocks
    and elements, in the order they are drawn."""
    yield node
    for index in sorted(getattr(node, "children", {})):
        yield from walk(node.children[index])


def page_table(at: AppTest) -> str:
    """The page's one Markdown table."""
    (table,) = [m.value for m in at.markdown if m.value.startswith("| ")]
    return table


def widget_values(at: AppTest) -> dict[str, Value]:
    """Every slider, toggle and radio on the page, by key."""
    return {
        widget.key: widget.value
        for kind in ("slider", "toggle", "radio")
        for widget in at.get(kind)
    }


def slider_steps(key: str) -> np.ndarray:
    """Every value the slider ``key`` (:data:`focal.ui.params.BY_KEY`) can take."""
    param = BY_KEY[key]
    count = round((param.high - param.low) / param.step) + 1
    return np.round(param.low + param.step * np.arange(count), 10)


def mounts(at: AppTest) -> dict[str, Any]:
    """The page's ``st.components.v2`` mounts by component name."""
    return {m.proto.component_name: m for m in at.get("bidi_component")}


def mount_data(at: AppTest, component: str) -> dict[str, Any]:
    """The data the page's mount of ``component`` got."""
    return json.loads(mounts(at)[component].proto.json)


_RELEASES = itertools.count(1)


def release(at: AppTest, component: str, name: str, value: Any) -> AppTest:
    """Release the on-drag chart ``component``'s ``name`` input at ``value``, as
    the browser does: the chart's state ``{"commit": {name, value, n}}``."""
    sent = at._tree.get_widget_states()  # the widgets (the chart is none of them)
    state = sent.widgets.add()
    state.id = mounts(at)[component].proto.id
    commit = {"name": name, "value": value, "n": next(_RELEASES)}
    state.json_value = json.dumps({"commit": commit})
    at._run(sent)
    assert not at.exception, at.exception
    return at


def notice(key: str, lang: str = "en") -> str:
    """The notice that a link's value of ``key`` was refused."""
    param = BY_KEY[key]
    return strings(lang)["notice.bad_param"].format(
        name=key, default=param.format(param.default)
    )


def assert_only_notice(at: AppTest, key: str, lang: str = "en") -> None:
    """The page's one warning is the notice about ``key``."""
    assert [w.value for w in at.warning] == [notice(key, lang)]


def assert_projector_fonts(charts: Iterable[dict[str, Any]], present: bool) -> None:
    """Every chart's text is 20 px or more in presenter mode (read from the back
    of a room on a projector), and below 20 px on a laptop."""
    sizes = [chart["layout"]["font"]["size"] for chart in charts]
    assert sizes and (min(sizes) >= 20 if present else max(sizes) < 20), sizes


# ---------------------------------------------------------------- Chinese pages

#: A Chinese character (CJK Unified Ideographs and Extension A).
CJK = re.compile(r"[\u3400-\u9fff]")

#: Latin words a Chinese page may show: symbols and their subscripts, units and
#: number types, the names of losses, models, data sets, venues, libraries,
#: file formats, appendices and people, and the terms the field writes in Latin
#: letters (logit, sigmoid, objectness).
LATIN_ALLOWED = frozenset(
    {
        *("a", "b", "m", "p", "q", "s", "t", "x", "y", "p_t", "p_m", "x_t", "v3"),
        *("dx", "dL", "dCE", "dFL", "dFL*", "log", "max", "logit", "nats", "NaN"),
        *("float32", "float64", "NumPy", "Adam", "ReLU", "mAP", "AP", "AP50"),
        *("AP75", "IoU", "NMS", "BCE", "CE", "FL", "FL*", "QFL", "VFL", "ASL"),
        *("Poly-1", "PolyLoss", "VarifocalNet", "Focal", "Loss", "RetinaNet"),
        *("YOLO", "YOLOv3", "ResNet-50", "ResNet-50-FPN", "COCO", "minival"),
        *("objectness", "ICCV", "ICLR", "CVPR", "NeurIPS", "Lin", "Li", "Leng"),
        *("Zhang", "Ridnik", "Redmon", "Farhadi", "Language", "English", "en"),
        *("zh", "sigmoid", "CSV", "Markdown", "LaTeX", "A", "B", "d", "e"),
    }
)

#: Titles of cited works, in their own language.
CITED_TITLES = (
    "YOLOv3: An Incremental Improvement",
    "Things We Tried That Didn't Work",
    "Generalized Focal Loss",
)

_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_*'-]*")
#: What is not prose: formulas ($...$, \(...\)), code, link targets, the name
#: of a Streamlit colour directive (its text in brackets stays), format fields
#: and query keys.
_NOT_PROSE = re.compile(
    r"\$\$.*?\$\$|\$[^$]*\$|\\\(.*?\\\)|`[^`]*`|\]\([^)]*\)|https?://\S+"
    r"|:[a-z]+(?:-[a-z]+)*\[|\{[A-Za-z_]*(?::[^}]*)?\}|\?[a-z_]+=",
    re.S,
)


def latin_words(text: str) -> list[str]:
    """The words of ``text`` in Latin letters that no Chinese page should show
    (not in formulas, code, links, cited titles or :data:`LATIN_ALLOWED`)."""
    for title in CITED_TITLES:
        text = text.replace(title, "")
    text = _NOT_PROSE.sub(" ", text)
    return [word for word in _LATIN_WORD.findall(text) if word not in LATIN_ALLOWED]


def page_texts(at: AppTest) -> list[str]:
    """What a person reads on the page: headings, prose and notices, and the
    labels of its metrics and widgets."""
    kinds = ("title", "header", "subheader", "caption", "markdown", "info", "warning")
    labelled = ("metric", "slider", "toggle", "radio", "button")
    texts = [str(element.value) for kind in kinds for element in at.get(kind)]
    return texts + [element.label for kind in labelled for element in at.get(kind)]


def assert_chinese(texts: Iterable[str]) -> None:
    """Everything in ``texts`` reads as Chinese: no English word in it."""
    english = {text: words for text in texts if (words := latin_words(text))}
    assert not english, f"English on a Chinese page: {english}"


# ---------------------------------------------------------------- a tab, by hand


class Tab(Student):
    """A browser tab speaking Streamlit's protocol (``bench/load.py``'s
    student) that keeps its session's id, its download buttons and the
    messages of its last rerun, and can reconnect as a browser does."""

    def __init__(self, base: str, path: str = "/", query: str = "") -> None:
        super().__init__(base, path, query, random.Random(0), timeout_s=60.0)
        self.session_id = ""
        #: Download buttons whose data is made on click: label -> deferred id.
        self.downloads: dict[str, str] = {}
        self.messages: list[ForwardMsg] = []

    async def rerun(self, widgets: bool = True) -> float:
        self.messages = []
        return await super().rerun(widgets)

    def _read(self, message: ForwardMsg) -> int | None:
        self.messages.append(message)
        if message.HasField("new_session"):
            self.session_id = message.new_session.initialize.session_id
        button = message.delta.new_element.download_button  # if there is one
        if button.HasField("deferred_file_id"):
            self.downloads[button.label] = button.deferred_file_id
        return super()._read(message)

    async def reconnect(self) -> None:
        """Close the websocket and open a new one that names this session."""
        await self.close()
        token = self.cookies.get("_streamlit_xsrf", "")
        protocols = ["streamlit", token, self.session_id]
        self.ws = await stream(self.base, self.base, protocols, self.cookies)
        await self.rerun(widgets=False)

    async def download(self, label: str) -> str:
        """Click a deferred download button: the URL the server made for it."""
        assert self.ws is not None
        request = BackMsg()
        operation = request.backend_operation_request
        operation.request_id = label
        operation.session_id = self.session_id
        operation.deferred_file.file_id = self.downloads[label]
        await self.ws.send(request.SerializeToString())
        async with asyncio.timeout(self.timeout_s):
            while True:
                message = ForwardMsg.FromString(await self.ws.recv())
                answer = message.backend_operation_response
                if answer.request_id == label:
                    break
                self._read(message)
        assert not answer.error_msg, answer.error_msg
        return answer.deferred_file.url


async def open_tab(base: str, path: str = "/", query: str = "") -> Tab:
    """A :class:`Tab` that has loaded the page and run it once (its websocket
    belongs to the running event loop: use it inside one ``run_async``)."""
    opened = Tab(base, path, query)
    await opened.open()
    return opened


def cookie_header(cookies: dict[str, str]) -> str:
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def stream(
    base: str, origin: str | None, protocols: list[str], cookies: dict[str, str]
) -> Any:
    """The app's websocket, opened as a browser opens it (never via a proxy)."""
    return connect(
        "ws" + base.removeprefix("http") + "/_stcore/stream",
        subprotocols=protocols,
        origin=origin,
        additional_headers={"Cookie": cookie_header(cookies)} if cookies else {},
        max_size=None,
        open_timeout=60,
        proxy=None,
    )


def http(
    method: str, url: str, headers: dict[str, str] | None = None, data: bytes = b""
) -> tuple[int, Message, bytes]:
    """Status, headers and body of a request on loopback (never via a proxy)."""
    request = urllib.request.Request(
        url, data=data or None, method=method, headers=headers or {}
    )
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        response = opener.open(request, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        return response.status, response.headers, response.read()


def handshake(
    base: str,
    origin: str | None,
    token: str | None,
    cookies: dict[str, str] | None = None,
) -> int:
    """The HTTP status of a websocket handshake: 101 if accepted. ``origin`` as
    a browser sends it (None: none, as from a program); ``token`` the XSRF token
    in the subprotocols, as Streamlit's frontend sends it (None: left out)."""

    async def attempt() -> int:
        protocols = ["streamlit"] if token is None else ["streamlit", token]
        try:
            async with stream(base, origin, protocols, cookies or {}):
                return 101
        except InvalidStatus as refused:
            return refused.response.status_code

    return run_async(attempt)


def xsrf_cookie(base: str) -> dict[str, str]:
    """The cookies a browser holds after loading the page (the XSRF cookie,
    and behind nginx its sticky cookie)."""
    page = Tab(base)
    page._page_load()
    return page.cookies


def upload(base: str, cookies: dict[str, str], token: str | None) -> int:
    """Status of a file upload (PUT, a state-changing request) with ``token``
    in its ``X-Xsrftoken`` header (None: no header)."""
    headers = {"Cookie": cookie_header(cookies)}
    if token is not None:
        headers["X-Xsrftoken"] = token
    url = f"{base}/_stcore/upload_file/no-session/no-file"
    return http("PUT", url, headers, b"x")[0]
