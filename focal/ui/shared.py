"""What every page reads first: the shared controls' values in this run, the
language's strings, the screen, and how a chart is drawn.

A page calls :meth:`Shared.now` once, at its top, instead of reading each
widget itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import streamlit as st

from focal.ui.controls import value
from focal.ui.phone import Later
from focal.ui.screen import Screen, current
from focal.ui.strings import strings

#: A view's header (on a laptop; see :meth:`Shared.heading`).
HEADER = partial(st.header, divider="gray")

#: ``st.plotly_chart``'s keywords for every chart. ``theme=None``: the figure's
#: own sizes, which presenter mode enlarges.
CHART: dict[str, Any] = {
    "width": "stretch",
    "theme": None,
    "config": {"displaylogo": False},
}


@dataclass(frozen=True)
class Shared:
    """The shared controls' values in this run, and the language's strings.

    Attributes
    ----------
    lang, text
        The language and its string table.
    screen
        Laptop, projector (presenter mode) or phone.
    y, p, gamma
        The label, the predicted probability and the focusing parameter γ.
    alpha_slider
        The α slider's value, whether or not α-balancing is on.
    alpha
        ``alpha_slider`` when α-balancing is on, else ``None``.
    later
        Explanations a phone draws after the chart (:class:`focal.ui.phone.Later`).
    """

    lang: str
    text: Mapping[str, str]
    y: int
    p: float
    gamma: float
    alpha_slider: float
    alpha: float | None
    screen: Screen = Screen.LAPTOP
    later: Later = field(default_factory=lambda: Later(False))

    @classmethod
    def now(cls) -> Shared:
        """The values the entry script's widgets hold in this run."""
        lang = str(value("lang"))
        screen = current()
        alpha_slider = float(value("alpha"))
        return cls(
            lang=lang,
            text=strings(lang),
            y=int(value("y")),
            p=float(value("p")),
            gamma=float(value("gamma")),
            alpha_slider=alpha_slider,
            alpha=alpha_slider if value("balance") else None,
            screen=screen,
            later=Later(screen is Screen.PHONE),
        )

    @property
    def present(self) -> bool:
        """Whether presenter mode is on (the projector's layout)."""
        return self.screen is Screen.PROJECTOR

    @property
    def phone(self) -> bool:
        """Whether this session is drawn for a phone."""
        return self.screen is Screen.PHONE

    def heading(self, key: str, draw: Callable[[str], object] = HEADER) -> None:
        """Draw the title or header ``key``, on a laptop only.

        On a projector and on a phone the view's radio names the view, so that
        the chart comes first: on a 1280×720 projector, and on a phone beside the
        strip of sliders that moves it.
        """
        if self.screen is Screen.LAPTOP:
            draw(self.text[key])

    def explain(self, key: str) -> None:
        """The explanation ``key``: here on a laptop, after the view on a phone
        (``later.draw()``), not on a projector (the lecturer says it)."""
        if not self.present:
            self.later(st.write, self.text[key])

    def off_projector(self, key: str, draw: Callable[[str], object] = st.write) -> None:
        """Draw the text ``key`` with ``draw``, except on a projector.

        Captions and the numbers' header, which follow the chart: on a
        projector the lecturer says them, so that each chart, and the CE and
        FL view's formula, fits a 1280×720 screen.
        """
        if not self.present:
            draw(self.text[key])
