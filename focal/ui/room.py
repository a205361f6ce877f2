"""``make room``: serve the app to the room's network and show how to join.

Finds this machine's address on the local network (without sending a packet),
prints the link students open and its QR code in the terminal, then runs
the app on every interface with that address as ``browser.serverAddress`` and
``browser.serverPort``: the app's share link and join screen then hand out the
same address (:mod:`focal.ui.links`). The server is
:mod:`focal.ui.room_server`: ``app.py`` as ``streamlit run`` serves it, with
Streamlit's frontend files sent compressed (a room shares one wifi).

``python -m focal.ui.room --port 8501 [--dry-run]``
"""

from __future__ import annotations

import argparse
import io
import os
import socket
import sys
from pathlib import Path

import segno

from focal.ui.links import PUBLIC_URL_ENV, is_loopback, page_link, public_root

APP = Path(__file__).resolve().parents[2] / "app.py"
#: The ``st.App`` around :data:`APP` that ``make room`` serves.
SERVER = Path(__file__).resolve().with_name("room_server.py")

#: A private address to "connect" a UDP socket to: the kernel picks the
#: interface that would route there, and nothing is sent.
PROBE = ("10.255.255.255", 1)

NO_ADDRESS = (
    "focal room: no network address found (is this machine on the room's "
    "network?); serving on every interface, links use the address each browser opens"
)


def lan_address() -> str | None:
    """This machine's IPv4 address on the local network, or None.

    The address of the interface a packet to :data:`PROBE` would leave by
    (a UDP ``connect`` sends nothing), else the first address the host name
    resolves to that is not a loopback one.
    """
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.connect(PROBE)
            found = sock.getsockname()[0]
        if not is_loopback(found):
            return found
    except OSError:
        pass
    try:
        named = socket.gethostbyname_ex(socket.gethostname())[2]
    except OSError:
        named = []
    return next((address for address in named if not is_loopback(address)), None)


def command(address: str | None, port: int) -> list[str]:
    """The ``streamlit run`` command line: every interface, the room's address.

    Parameters
    ----------
    address : str or None
        The address students reach; None leaves Streamlit's default.
    port : int
        The port to serve on.

    Returns
    -------
    list of str
        The arguments, starting with this Python.
    """
    args = [sys.executable, "-m", "streamlit", "run", str(SERVER)]
    args += ["--server.address", "0.0.0.0", "--server.port", str(port)]
    if address is not None:
        args += ["--browser.serverAddress", address, "--browser.serverPort", str(port)]
    return args


def announcement(link: str) -> str:
    """What the terminal shows: the link and its QR code (segno's drawing)."""
    drawing = io.StringIO()
    segno.make(link, error="m", micro=False).terminal(drawing, border=4, compact=True)
    return f"Students open: {link}\n\n{drawing.getvalue()}"


def main(argv: list[str] | None = None) -> int:
    """Print the link and its QR code, then become the Streamlit server."""
    parser = argparse.ArgumentParser(prog="python -m focal.ui.room")
    parser.add_argument("--port", type=int, default=8501)
    parser.add_argument(
        "--dry-run", action="store_true", help="print the command; do not serve"
    )
    args = parser.parse_args(argv)
    address = lan_address()
    if address is None:
        print(NO_ADDRESS, file=sys.stderr)
    else:
        root = public_root(os.environ.get(PUBLIC_URL_ENV), address, args.port, "")
        print(announcement(page_link(root, "", "")))
    run = command(address, args.port)
    if args.dry_run:
        print(" ".join(run))
        return 0
    sys.stdout.flush()
    os.execv(run[0], run)
    return 0  # not reached


if __name__ == "__main__":
    raise SystemExit(main())
