"""Copy Streamlit's frontend files for nginx, each compressed once, at deploy time.

Behind nginx the JavaScript, CSS and fonts need not come from Python at all:
this copies the ``static`` folder of the Streamlit the replicas run into DEST
with ``FILE.gz`` (gzip -9) and, when the ``brotli`` command (Debian's
``brotli`` package) is installed, ``FILE.br`` (quality 11) beside every text
file (:func:`focal.ui.static.precompress`). nginx's ``gzip_static`` and
``brotli_static`` (``libnginx-mod-http-brotli-static``) then send the smallest
one the browser accepts, as it is.

Run it with the replicas' Python after every install or upgrade of Streamlit
(file names carry a hash of their content; ``focal.conf`` falls back to the
replicas for a file not copied)::

    sudo apt-get install brotli libnginx-mod-http-brotli-static
    sudo .venv/bin/python deploy/nginx/precompress.py /var/lib/focal/static

Compressed files newer than their source are kept, so a second run is quick.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from focal.ui.static import find_brotli, precompress  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path, help="the folder nginx serves /static/ from")
    parser.add_argument(
        "--brotli-quality", type=int, default=11, choices=range(12), metavar="0-11"
    )
    parser.add_argument("--no-brotli", action="store_true", help="gzip only")
    args = parser.parse_args(argv)
    brotli = None if args.no_brotli else find_brotli()
    counts = precompress(args.dest, brotli=brotli, quality=args.brotli_quality)
    if not args.no_brotli and brotli is None:
        print("no brotli command (apt-get install brotli): gzip only", file=sys.stderr)
    print(
        f"{args.dest}: {counts['files']} files, {counts['gz']} .gz, {counts['br']} .br"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
