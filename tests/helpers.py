"""What several test modules need, written once."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

# ---------------------------------------------------------------- logged errors


def _is_error(record: logging.LogRecord) -> bool:
    return (
        record.levelno >= logging.ERROR
        or record.exc_info is not None
        or "Traceback" in record.getMessage()
    )


@contextmanager
def logged_errors() -> Iterator[list[str]]:
    """Errors and tracebacks that any logger handles meanwhile.

    Streamlit's module loggers (``streamlit.logger.get_logger``) do not
    propagate, so a handler on the root or the ``streamlit`` logger never sees
    them ("Uncaught app execution" among them). Every logger's records pass
    through ``Logger.callHandlers``; this listens there, whatever the logger,
    its propagation or when it was created.
    """
    found: list[str] = []
    call_handlers = logging.Logger.callHandlers

    def listen(logger: logging.Logger, record: logging.LogRecord) -> None:
        if _is_error(record):
            found.append(f"{record.name}: {record.getMessage()[:300]}")
        call_handlers(logger, record)

    with mock.patch.object(logging.Logger, "callHandlers", listen):
        yield found
