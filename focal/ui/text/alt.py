"""What a screen reader says for each chart, in English and Chinese.

Every chart's text alternative is its title, then one of these sentences on what
it shows (:func:`focal.ui.plot.plot`). Keys start with ``alt.``; ``alt.chart``
joins the two.
"""

EN: dict[str, str] = {
    "alt.chart": "{title}. {shows}",
    # Explorer (and the walkthrough's last steps)
    "alt.loss": "Line chart: cross-entropy and focal loss against the predicted "
    "probability, with the current example marked on each curve.",
    "alt.ratio": "Line chart on a log scale: how many times more loss a hard "
    "example gets than an easy one, under cross-entropy and under focal loss, "
    "against γ; the current γ is marked.",
    "alt.family": "Line chart after the paper's Figure 1: focal loss against p_t "
    "for several values of γ, the current γ drawn bold.",
    "alt.family_sweep": "Line chart after the paper's Figure 1: focal loss "
    "against p_t for several values of γ; a play button and a slider sweep the "
    "bold curve through γ.",
    # Gradients
    "alt.gradients": "Line chart after the paper's Figure 6: the derivatives of "
    "cross-entropy, focal loss and FL* with respect to the logit x, against x, "
    "with the current example marked.",
    "alt.gradients_ratio": "Line chart: the focal loss gradient divided by the "
    "cross-entropy gradient, against the logit x, with the current example marked.",
    # Imbalance
    "alt.imbalance_shares": "Stacked bar chart, one bar per loss: the share of "
    "the image's total loss that comes from each group of predictions.",
    "alt.imbalance_figure4": "Line chart after the paper's Figure 4: the "
    "cumulative share of the loss against the fraction of examples, sorted from "
    "the lowest loss to the highest, one line per γ, the current γ drawn bold.",
    # Training
    "alt.training_boundary": "Map of the plane shaded by the model's "
    "probability p, with its p = 0.5 decision line and a sample of the training "
    "points, positives and negatives.",
    "alt.training_loss": "Line chart on a log scale: the training loss of both "
    "runs against the training step.",
    # Variants
    "alt.variants": "Line chart: each chosen loss against p_t, with the current "
    "example marked on each curve.",
    "alt.table1": "Line chart of the paper's Table 1: the reported AP, AP50 and "
    "AP75 against this setting, the current setting drawn as a dashed line.",
    # Walkthrough
    "alt.wt_background": "Bar chart: the share of the image's summed loss that "
    "comes from background, under cross-entropy and under focal loss.",
    "alt.wt_ce_by_label": "Line chart: cross-entropy against p, one curve for the "
    "label y = 1 and one for y = 0, with the current example marked.",
    "alt.wt_ce_p_t": "Line chart: cross-entropy against p_t, one curve for both "
    "labels, with the current example marked.",
    "alt.wt_alpha": "Line chart: cross-entropy, and α-balanced cross-entropy for "
    "objects and for background, against p_t, with the current example marked.",
}

ZH: dict[str, str] = {
    "alt.chart": "{title}。{shows}",
    "alt.loss": "折线图：交叉熵与 Focal Loss 随预测概率的变化，"
    "每条曲线上标出当前样本。",
    "alt.ratio": "对数坐标折线图：困难样本的损失是简单样本的多少倍，分别在交叉熵和 "
    "Focal Loss 下随 γ 的变化；图中标出当前的 γ。",
    "alt.family": "仿论文图 1 的折线图：不同 γ 下 Focal Loss 随 p_t 的变化，当前的 γ "
    "加粗。",
    "alt.family_sweep": "仿论文图 1 的折线图：不同 γ 下 Focal Loss 随 p_t 的变化；"
    "播放按钮和滑块让加粗的曲线随 γ 连续变化。",
    "alt.gradients": "仿论文图 6 的折线图：交叉熵、Focal Loss 和 FL* 对 logit x "
    "的导数随 x 的变化，标出当前样本。",
    "alt.gradients_ratio": "折线图：Focal Loss 的梯度与交叉熵的梯度之比随 logit x "
    "的变化，标出当前样本。",
    "alt.imbalance_shares": "堆叠柱状图，每种损失一根柱子：整张图片的总损失中各组预测"
    "所占的比例。",
    "alt.imbalance_figure4": "仿论文图 4 的折线图：样本按损失从小到大排序后，累计损失"
    "占比随样本比例的变化，每个 γ 一条曲线，当前的 γ 加粗。",
    "alt.training_boundary": "按模型输出的概率 p 给平面着色的图，画出 p = 0.5 "
    "的决策线，以及部分训练样本（正样本和负样本）。",
    "alt.training_loss": "对数坐标折线图：两次训练的损失随训练步数的变化。",
    "alt.variants": "折线图：所选的各个损失随 p_t 的变化，每条曲线上标出当前样本。",
    "alt.table1": "论文表 1 的折线图：报告的 AP、AP50 和 AP75 随这一设置的变化，"
    "当前设置画为虚线。",
    "alt.wt_background": "柱状图：在交叉熵和 Focal Loss 下，背景在整张图片总损失中"
    "所占的比例。",
    "alt.wt_ce_by_label": "折线图：交叉熵随 p 的变化，标签 y = 1 和 y = 0 各一条曲线，"
    "标出当前样本。",
    "alt.wt_ce_p_t": "折线图：交叉熵随 p_t 的变化，两种标签共用一条曲线，"
    "标出当前样本。",
    "alt.wt_alpha": "折线图：交叉熵，以及目标和背景各自的 α 加权交叉熵随 p_t 的变化，"
    "标出当前样本。",
}
