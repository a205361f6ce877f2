"""Training: one small classifier trained twice, with two losses, side by side."""

import streamlit as st

from focal import training
from focal.figures.training import boundary_figure, loss_history_figure
from focal.ui.controls import render
from focal.ui.display import number
from focal.ui.params import BY_KEY
from focal.ui.phone import fitted, row
from focal.ui.plot import plot
from focal.ui.routing import through_entry
from focal.ui.shared import CHART, Shared

through_entry()  # first: run inside app.py (focal/ui/routing.py)

now = Shared.now()
alpha = now.alpha_slider
#: Points drawn over each decision boundary (every positive, then negatives).
SCATTER_LIMIT = 1500
#: Runs of more point-steps than this show a progress bar (the default is 2M);
#: the network's runs always do (each of its steps costs several of the line's).
LONG_RUN = 4_000_000


@st.cache_data(max_entries=16, show_spinner=False)
def dataset(n: int, imbalance: float, seed: int) -> training.Dataset:
    return training.make_dataset(n, imbalance, seed)


# Keyed on every input of a run: moving an unrelated control does not retrain.
# A long run draws its own progress bar (created in here, so a cached result
# replays it, already emptied); its label, in the page's language, is no key.
@st.cache_data(max_entries=64, show_spinner=False)
def experiment(
    n: int,
    imbalance: float,
    seed: int,
    model: str,
    setting: tuple[str, float, float | None],
    steps: int,
    optimizer: str,
    learning_rate: float,
    prior_init: bool,
    _progress_label: str | None,
) -> training.Outcome:
    loss, loss_gamma, loss_alpha = setting
    label = _progress_label
    bar = st.progress(0.0, text=label) if label else None

    def report(done: float) -> None:
        if bar is not None:
            bar.progress(done, text=label)

    outcome = training.run_experiment(
        dataset(n, imbalance, seed),
        model=model,
        loss=loss,
        gamma=loss_gamma,
        alpha=loss_alpha,
        steps=steps,
        optimizer=optimizer,
        learning_rate=learning_rate,
        prior_init=prior_init,
        seed=seed,
        callback=report if bar is not None else None,
    )
    if bar is not None:
        bar.empty()
    return outcome


if not now.present:
    st.title(now.text["training.title"])
    now.later(st.write, now.text["training.intro"])

# Controls: the model and the imbalance in one row (on a projector, the two
# losses too; on a phone with short labels), the rest folded away.
if now.present:
    cells = st.columns([2, 3, 3, 3], gap="small")
    control_columns = dict(
        zip(("model", "imbalance", "left", "right"), cells, strict=True)
    )
else:
    control_columns = dict(
        zip(("model", "imbalance"), row(st, [2, 3], now.phone), strict=True)
    )
compact = now.present or now.phone
model = str(render(BY_KEY["train_model"], now.text, control_columns["model"], compact))
imbalance = float(
    render(BY_KEY["train_imbalance"], now.text, control_columns["imbalance"], compact)
)
if now.present:
    choices = {
        side: str(
            render(BY_KEY[f"train_{side}"], now.text, control_columns[side], True)
        )
        for side in ("left", "right")
    }
# a phone draws the two runs first, the settings folded away under them
runs = st.container() if now.phone else st
settings = st.expander(now.text["training.settings"])
columns = settings.columns(3)
n = int(render(BY_KEY["train_points"], now.text, columns[0]))
steps = int(render(BY_KEY["train_steps"], now.text, columns[1]))
seed = int(render(BY_KEY["train_seed"], now.text, columns[2]))
columns = settings.columns(3)
prior_init = bool(render(BY_KEY["train_prior"], now.text, columns[0]))
optimizer = str(render(BY_KEY["train_optimizer"], now.text, columns[1]))
learning_rate = float(render(BY_KEY["train_lr"], now.text, columns[2]))

data = dataset(n, imbalance, seed)
if not now.present:
    now.later(
        st.caption,
        now.text["training.data"].format(imbalance=f"{imbalance:g}", **data.counts),
    )

# The two runs, side by side: a loss, its decision boundary, its numbers.
sides = dict(zip(("left", "right"), runs.columns(2, gap="medium"), strict=True))
if not now.present:
    choices = {
        side: str(render(BY_KEY[f"train_{side}"], now.text, column))
        for side, column in sides.items()
    }
names = {
    side: now.text[f"training.loss.{choice}"].format(
        gamma=f"{now.gamma:g}", alpha=f"{alpha:g}"
    )
    for side, choice in choices.items()
}
long_run = model == "mlp" or n * steps > LONG_RUN
outcomes = {
    side: experiment(
        n,
        imbalance,
        seed,
        model,
        training.loss_setting(choice, now.gamma, alpha),
        steps,
        optimizer,
        learning_rate,
        prior_init,
        now.text["training.progress"].format(name=names[side]) if long_run else None,
    )
    for side, choice in choices.items()
}

shown = training.display_sample(data.y_train, SCATTER_LIMIT, seed)
counts = data.counts
for side, column in sides.items():
    outcome = outcomes[side]
    plot(
        column,
        now.text,
        "training_boundary",
        fitted(
            boundary_figure(
                outcome.grid,
                data.x_train[shown],
                data.y_train[shown],
                labels={
                    "title": f"{names[side]} · "
                    + now.text["training.boundary_title"].format(steps=steps),
                    "x": now.text["training.x"],
                    "y": now.text["training.y"],
                    "p": now.text["training.p"],
                    "boundary": now.text["training.boundary"],
                    "negatives": now.text["training.negatives"],
                    "positives": now.text["training.positives"],
                },
                presenter=now.present,
            ),
            now.phone,
        ),
        key=f"train_boundary_{side}",
        **CHART,
    )
    metrics = row(column, 3, now.phone)  # a phone: "Average precision" uncut
    metrics[0].metric(
        now.text["training.precision"],
        number(outcome.precision, 3),
        help=now.text["training.precision_help"],
    )
    metrics[1].metric(
        now.text["training.recall"],
        number(outcome.recall, 3),
        help=now.text["training.recall_help"],
    )
    metrics[2].metric(
        now.text["training.ap_short" if now.present else "training.ap"],
        number(outcome.average_precision, 3),
        help=now.text["training.ap_help"],
    )
if not now.present:
    now.later(
        st.caption,
        now.text["training.sample"].format(
            positives=counts["train_positives"],
            shown=len(shown) - counts["train_positives"],
            negatives=counts["train_negatives"],
        ),
    )
now.later.draw()

# The loss of both runs against the step
history = {side: outcomes[side].history.loss for side in sides}
plot(
    st,
    now.text,
    "training_loss",
    fitted(
        loss_history_figure(
            outcomes["left"].history.steps,
            history,
            labels={
                "title": now.text["training.loss_title"],
                "x": now.text["training.loss_x"],
                "y": now.text["training.loss_y"],
                **names,
            },
            presenter=now.present,
        ),
        now.phone,
    ),
    key="train_loss_chart",
    **CHART,
)
if not now.present:
    st.caption(now.text["training.loss_caption"])
    st.info(now.text["training.look"])
