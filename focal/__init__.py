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
from focal.gradients import grad_cross_entropy, grad_focal_loss, grad_focal_loss_star
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

__all__ = [
    "DOCUMENT_EXAMPLES",
    "DOCUMENT_GAMMA",
    "HardEasyRatio",
    "TableRow",
    "alpha_t",
    "asymmetric_loss",
    "cross_entropy",
    "cross_entropy_from_logits",
    "document_table",
    "focal_loss",
    "focal_loss_from_logits",
    "focal_loss_star",
    "focal_reduction",
    "grad_cross_entropy",
    "grad_focal_loss",
    "grad_focal_loss_star",
    "hard_easy_ratio",
    "logit",
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
]
