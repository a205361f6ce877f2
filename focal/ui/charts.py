"""The Explorer's figures, built once per distinct state and shared by sessions.

In a lecture most students look at the lecturer's state, and moving one slider
leaves most charts as they were: each figure is cached on exactly the values it
depends on, in this process, for every session (the same object, no copy).
Streamlit never changes a figure it is given, so sharing one is safe.

The caches are ``functools.lru_cache``: its key is the arguments' tuple, where
``st.cache_resource`` hashes each argument by name and type (a signature
lookup per argument, about 2 ms a call, as long as the Explorer's own work).
Both are bounded and thread-safe; Streamlit's "clear cache" menu does not reach
these, which hold nothing a user could want refreshed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

import plotly.graph_objects as go

import focal
from focal import curves
from focal.figures import family_figure, loss_figure
from focal.figures.wire import lean
from focal.ui.strings import strings

#: States kept per figure. In a lecture most students share the lecturer's
#: state, so a few recent states serve nearly every rerun; the bound is set by
#: memory (trimmed for the screen, about 150 kB per loss chart and per Figure
#: 1, 12 kB per set of curves; the sweep, 0.5 MB, once per language and
#: screen): about 42 MB when all are full.
_ENTRIES = 128


class SharedFigure(go.Figure):
    """A finished figure, shared by sessions: only its dict is kept.

    ``st.plotly_chart`` asks every figure for ``to_dict()``, a deep copy with a
    walk over all arrays; a figure nobody changes any more needs that copy only
    once. Every way out of a figure (``to_dict``, ``to_json``, ``show``) goes
    through ``to_dict``; the object itself holds no traces, so it cannot be
    updated, and the figure builders' tests look at the builders' own figures.

    Parameters
    ----------
    finished : dict
        ``to_dict()`` of the figure to show.
    """

    def __init__(self, finished: dict) -> None:
        super().__init__()
        self._finished = finished

    def to_dict(self) -> dict:
        return self._finished


def _shared(build: Callable[..., go.Figure]) -> Callable[..., SharedFigure]:
    """``build``, cached on its arguments, returning a :class:`SharedFigure`
    trimmed once to what the screen shows (:func:`focal.figures.wire.lean`)."""

    @functools.wraps(build)
    def shared(*args: Any) -> SharedFigure:
        return SharedFigure(lean(build(*args).to_dict()))

    return functools.lru_cache(maxsize=_ENTRIES)(shared)


@functools.lru_cache(maxsize=_ENTRIES)
def _loss_curves(y: int, gamma: float, alpha: float | None) -> curves.LossCurves:
    # the curves do not depend on p: moving p only moves the marked point
    return curves.loss_curves(y, gamma, alpha)


#: Points per curve of Figure 1, and of each of the sweep's 51 frames.
FIGURE1_POINTS = 201


@_shared
def loss_chart(
    p: float,
    y: int,
    gamma: float,
    alpha: float | None,
    axis: str,
    log: bool,
    lang: str,
    present: bool,
) -> go.Figure:
    """CE and FL against ``p`` (or ``p_t``), the current point marked."""
    text = strings(lang)
    row = focal.table_row(p, y, gamma, alpha)
    alpha_text = f"{alpha:g}" if alpha is not None else ""
    point = {
        "x": row.p if axis == "p" else row.p_t,
        "ce": row.ce,
        "fl": row.fl if alpha is None else row.fl_alpha,
        "ce_balanced": focal.focal_loss(p, y, 0.0, alpha) if alpha is not None else 0.0,
    }
    fl_label = "curves.fl" if alpha is None else "curves.fl_balanced"
    labels = {
        "title": text["curves.title"].format(y=y),
        "x_p": text["curves.x_p"],
        "x_p_t": text["curves.x_p_t"],
        "y": text["curves.y"],
        "ce": text["curves.ce"],
        "fl": text[fl_label].format(gamma=f"{gamma:g}", alpha=alpha_text),
        "ce_balanced": text["curves.ce_balanced"].format(alpha=alpha_text),
        "well_classified": text["curves.well_classified"],
    }
    return loss_figure(
        _loss_curves(y, gamma, alpha),
        point,
        y=y,
        axis=axis,
        log=log,
        labels=labels,
        presenter=present,
    )


def _family_labels(
    text: Mapping[str, str], current: str, titled: bool
) -> dict[str, str]:
    return {
        "title": text["family.title"] if titled else "",
        "x": text["family.x"],
        "y": text["family.y"],
        "gamma": text["family.gamma"],
        "current": text[current],
        "play": text["family.play"],
        "pause": text["family.pause"],
        "well_classified": text["curves.well_classified"],
    }


@_shared
def figure_1(gamma: float, lang: str, present: bool, titled: bool = True) -> go.Figure:
    """The paper's Figure 1 with the current γ bold, still (no frames).

    Without a title (``titled=False``) where a header above names it (the
    Walkthrough's step 5).
    """
    return family_figure(
        curves.probability_grid(FIGURE1_POINTS),
        curves.FIGURE1_GAMMAS,
        curves.focal_family(curves.FIGURE1_GAMMAS, FIGURE1_POINTS),
        gamma,
        curves.focal_family((gamma,), FIGURE1_POINTS)[0],
        labels=_family_labels(strings(lang), "family.current", titled),
        presenter=present,
    )


@_shared
def figure_1_sweep(lang: str, present: bool, titled: bool = True) -> go.Figure:
    """Figure 1 with the γ sweep's frames, played in the browser.

    It does not depend on the current γ (the sweep starts at γ = 0), so every
    rerun produces the same message: Streamlit sends a browser that holds it
    a reference of a few bytes instead of the 51 frames again.
    """
    frame_gammas = curves.gamma_grid()
    sweep = curves.focal_family(frame_gammas, FIGURE1_POINTS)
    return family_figure(
        curves.probability_grid(FIGURE1_POINTS),
        curves.FIGURE1_GAMMAS,
        curves.focal_family(curves.FIGURE1_GAMMAS, FIGURE1_POINTS),
        float(frame_gammas[0]),
        sweep[0],
        (frame_gammas, sweep),
        labels=_family_labels(strings(lang), "family.sweep_current", titled),
        presenter=present,
    )
