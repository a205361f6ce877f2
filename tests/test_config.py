"""The app's Streamlit settings keep it private and offline."""

from __future__ import annotations

import tomllib
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml"


def test_private_and_offline_settings() -> None:
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    # a named address: a headless start does not look up the external IP online
    assert config["browser"]["serverAddress"] == "localhost"
    assert config["server"]["enableXsrfProtection"] is True
    assert config["client"]["toolbarMode"] == "viewer"
    assert config["theme"]["base"] == "light"


def test_tuned_for_a_lecture_hall() -> None:
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    # make run binds to this machine only; a room is served on purpose
    assert config["server"]["address"] == "localhost"
    assert config["server"]["enableCORS"] is True
    # no reloader work and no full collection on every rerun (bench/load.py)
    assert config["server"]["fileWatcherType"] == "none"
    assert config["server"]["runOnSave"] is False
    assert config["runner"]["postScriptGC"] is False
    # half the bytes per move on a shared wifi (bench/network.py)
    assert config["server"]["enableWebsocketCompression"] is True
