"""Focal: the focal loss of Lin et al. (2017), exact, in NumPy.

The core is array in, array out, float64 throughout, and imports neither
Streamlit nor Plotly. Every formula the app shows lives here, once.
"""

from focal.document import (
    DOCUMENT_EXAMPLES,
    DOCUMENT_GAMMA,
    TableRow,
    document_table,
    table_row,
)
from focal.gradients import (
    focal_gradient_ratio,
    grad_cross_entropy,
    grad_focal_loss,
    grad_focal_loss_autograd_naive,
    grad_focal_loss_star,
)
from focal.imbalance import (
    CumulativeLoss,
    GroupLosses,
    Population,
    Preset,
    cumulative_loss,
    draw_population,
    loss_by_group,
)
from focal.losses import (
    alpha_t,
    cross_entropy,
    cross_entropy_from_logits,
    focal_loss,
    focal_loss_from_logits,
    focal_loss_star,
    focal_reduction,
    logit,
    modulating_factor,
    modulating_factor_from_logits,
    p_t,
    p_t_from_logits,
    prior_bias,
    sigmoid,
)
from focal.ratios import HardEasyRatio, hard_easy_ratio
from focal.variants import (
    asymmetric_loss,
    poly1_focal_loss,
    quality_focal_loss,
    varifocal_loss,
)
from focal.walkthrough import (
    YOLO_V3_ANCHORS,
    YOLO_V3_STRIDES,
    background_loss_share,
    yolo_v3_grid,
    yolo_v3_predictions,
)

__all__ = [
    "DOCUMENT_EXAMPLES",
    "DOCUMENT_GAMMA",
    "YOLO_V3_ANCHORS",
    "YOLO_V3_STRIDES",
    "CumulativeLoss",
    "GroupLosses",
    "HardEasyRatio",
    "Population",
    "Preset",
    "TableRow",
    "alpha_t",
    "asymmetric_loss",
    "background_loss_share",
    "cross_entropy",
    "cross_entropy_from_logits",
    "cumulative_loss",
    "document_table",
    "draw_population",
    "focal_gradient_ratio",
    "focal_loss",
    "focal_loss_from_logits",
    "focal_loss_star",
    "focal_reduction",
    "grad_cross_entropy",
    "grad_focal_loss",
    "grad_focal_loss_autograd_naive",
    "grad_focal_loss_star",
    "hard_easy_ratio",
    "logit",
    "loss_by_group",
    "modulating_factor",
    "modulating_factor_from_logits",
    "p_t",
    "p_t_from_logits",
    "poly1_focal_loss",
    "prior_bias",
    "quality_focal_loss",
    "sigmoid",
    "table_row",
    "varifocal_loss",
    "yolo_v3_grid",
    "yolo_v3_predictions",
]
