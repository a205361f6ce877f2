"""Words of the Training page ("watch it learn"), in English and Chinese.

The keys of the page's own controls (``param.train_*``, ``short.train_*``,
``help.train_*``, ``name.train_*``) follow the pattern
:func:`focal.ui.controls.render` looks up; the radios show the ``name.`` of each
option (its URL value stays ``ce``, ``alpha_fl``, ``mlp``, ...).
"""

from __future__ import annotations

_LOSS_OPTIONS_EN = {
    "ce": "CE",
    "alpha_ce": "α-balanced CE",
    "fl": "FL",
    "alpha_fl": "α-balanced FL",
}
_LOSS_OPTIONS_ZH = {
    "ce": "CE",
    "alpha_ce": "α 加权 CE",
    "fl": "FL",
    "alpha_fl": "α 加权 FL",
}

EN: dict[str, str] = {
    "training.nav": "Training",
    "training.title": "Watch it learn",
    "training.intro": "A small classifier learns to find a rare class among many "
    "negatives, twice, on the same seeded data: once with the loss on the left "
    "and once with the loss on the right. The gradients are the core's analytic "
    "derivatives, chained through the model by hand in NumPy. γ and α come from "
    "the shared controls.",
    "training.settings": "More settings: data size, steps, initialisation, optimiser",
    "training.data": "{train} training points ({train_positives} positive) and "
    "{test} held out ({test_positives} positive), positives to negatives "
    "1 : {imbalance}. Both runs see the same data and start from the same weights.",
    "training.loss.ce": "CE",
    "training.loss.alpha_ce": "α-balanced CE (α = {alpha})",
    "training.loss.fl": "FL (γ = {gamma})",
    "training.loss.alpha_fl": "α-balanced FL (γ = {gamma}, α = {alpha})",
    "training.boundary_title": "p after {steps} steps",
    "training.x": "x₁",
    "training.y": "x₂",
    "training.p": "p",
    "training.boundary": "p = 0.5",
    "training.negatives": "negatives",
    "training.positives": "positives",
    "training.precision": "Precision",
    "training.recall": "Recall",
    "training.ap": "Average precision",
    "training.ap_short": "AP",
    "training.precision_help": "The share of positives among the held-out points "
    "with p ≥ 0.5; “—” when no point reaches p ≥ 0.5.",
    "training.recall_help": "Held-out positives with p ≥ 0.5, as a share of all "
    "held-out positives.",
    "training.ap_help": "The area under the precision-recall steps of the held-out "
    "points ranked by p: it needs no threshold. 1 means every positive ranks "
    "above every negative.",
    "training.sample": "Drawn: all {positives} positives and {shown} of the "
    "{negatives} negatives of the training part. Colour: the model's p; black "
    "line: p = 0.5.",
    "training.loss_title": "Training loss per step",
    "training.loss_x": "step",
    "training.loss_y": "loss per positive",
    "training.loss_caption": "Each run's own loss, summed over all training points "
    "and divided by the number of positives, as in the paper. CE and FL are on "
    "different scales: compare how the curves fall, not their heights.",
    "training.progress": "Training {name} …",
    "training.look": "What to look for: CE keeps pressing p down on the many easy "
    "negatives; FL stops caring about negatives that are already right, so its p "
    "falls off more slowly around the positives and the tinted area is wider. With "
    "the logistic model and Adam the p = 0.5 line itself moves little, and average "
    "precision, which only looks at the ranking, barely at all. Try plain gradient "
    "descent, the network, or 1:1000 negatives.",
    # the page's controls (keys as focal.ui.controls.render looks them up)
    "param.train_left": "Left: loss",
    "param.train_right": "Right: loss",
    "param.train_model": "Model",
    "param.train_imbalance": "Negatives per positive",
    "param.train_points": "Points (training + held out)",
    "param.train_steps": "Steps",
    "param.train_prior": "Prior initialisation (p = 0.01 at the start)",
    "param.train_optimizer": "Optimiser",
    "param.train_lr": "Learning rate",
    "param.train_seed": "Seed",
    "short.train_left": "Left",
    "short.train_right": "Right",
    "short.train_model": "Model",
    "short.train_imbalance": "Negatives per positive",
    "help.train_imbalance": "1:10 to 1:1000, as between object anchors and "
    "background anchors in a detector.",
    "help.train_prior": "The paper's §3.3: the output bias starts at "
    "−log((1 − π)/π) with π = 0.01, so every point starts at p = 0.01 "
    "instead of 0.5.",
    "help.train_optimizer": "Adam moves each weight by about the learning rate per "
    "step, whatever the loss's scale; gradient descent moves it by the learning "
    "rate times the gradient.",
    "help.train_steps": "Full-batch steps over the training part.",
    "help.train_seed": "Seeds the data, its split and the initial weights.",
    **{f"name.train_left.{k}": v for k, v in _LOSS_OPTIONS_EN.items()},
    **{f"name.train_right.{k}": v for k, v in _LOSS_OPTIONS_EN.items()},
    "name.train_model.logistic": "Logistic regression",
    "name.train_model.mlp": "One hidden layer (16 ReLU)",
    "name.train_optimizer.adam": "Adam",
    "name.train_optimizer.gd": "Gradient descent",
}

ZH: dict[str, str] = {
    "training.nav": "训练",
    "training.title": "看模型学习",
    "training.intro": "一个小分类器要在大量负样本中找出稀有的正样本。它在同一份"
    "固定随机种子的数据上训练两次：左边用一种损失，右边用另一种。梯度取自核心模块"
    "的解析导数，再用 NumPy 手工按链式法则传到模型的每个参数。γ 和 α 取自公共"
    "控制面板。",
    "training.settings": "更多设置：数据量、步数、初始化、优化器",
    "training.data": "训练集 {train} 个点（正样本 {train_positives} 个），留出集 "
    "{test} 个点（正样本 {test_positives} 个），正负样本之比为 1 : {imbalance}。"
    "两次训练用的是同一份数据、同一组初始权重。",
    "training.loss.ce": "CE",
    "training.loss.alpha_ce": "α 加权 CE（α = {alpha}）",
    "training.loss.fl": "FL（γ = {gamma}）",
    "training.loss.alpha_fl": "α 加权 FL（γ = {gamma}，α = {alpha}）",
    "training.boundary_title": "训练 {steps} 步后的 p",
    "training.x": "x₁",
    "training.y": "x₂",
    "training.p": "p",
    "training.boundary": "p = 0.5",
    "training.negatives": "负样本",
    "training.positives": "正样本",
    "training.precision": "精确率",
    "training.recall": "召回率",
    "training.ap": "平均精度（AP）",
    "training.ap_short": "AP",
    "training.precision_help": "在留出集中 p ≥ 0.5 的点里，真正是正样本的比例。"
    "没有任何点达到 p ≥ 0.5 时显示“—”。",
    "training.recall_help": "留出集的正样本中，p ≥ 0.5 的比例。",
    "training.ap_help": "把留出集的点按 p 排序后，精确率-召回率阶梯曲线下的面积："
    "不需要阈值。等于 1 表示每个正样本都排在所有负样本之前。",
    "training.sample": "图中画出：训练集的全部 {positives} 个正样本，以及 "
    "{negatives} 个负样本中的 {shown} 个。底色：模型的 p；黑线：p = 0.5。",
    "training.loss_title": "每一步的训练损失",
    "training.loss_x": "步数",
    "training.loss_y": "每个正样本的损失",
    "training.loss_caption": "每条曲线是各自的损失：对全部训练点求和，再除以正样本"
    "个数（与论文相同）。CE 与 FL 的量级不同：请比较曲线下降的方式，而不是高低。",
    "training.progress": "正在训练 {name} …",
    "training.look": "值得注意的是：CE 会一直把大量简单负样本的 p 往下压；FL 不再理会"
    "已经分对的负样本，所以正样本周围的 p 下降得更慢，着色的区域更宽。用逻辑回归"
    "和 Adam 时，p = 0.5 这条线本身移动不大；平均精度只看排序，几乎不变。"
    "可以试试普通梯度下降、单隐藏层网络，或 1:1000 的负样本比例。",
    "param.train_left": "左边：损失",
    "param.train_right": "右边：损失",
    "param.train_model": "模型",
    "param.train_imbalance": "每个正样本对应的负样本数",
    "param.train_points": "点数（训练集 + 留出集）",
    "param.train_steps": "步数",
    "param.train_prior": "先验初始化（开始时 p = 0.01）",
    "param.train_optimizer": "优化器",
    "param.train_lr": "学习率",
    "param.train_seed": "随机种子",
    "short.train_left": "左边",
    "short.train_right": "右边",
    "short.train_model": "模型",
    "short.train_imbalance": "每个正样本对应的负样本数",
    "help.train_imbalance": "从 1:10 到 1:1000，就像检测器中有目标的锚框"
    "与背景锚框之比。",
    "help.train_prior": "论文 §3.3：输出层偏置初始化为 −log((1 − π)/π)，π = 0.01，"
    "于是每个点一开始的 p = 0.01，而不是 0.5。",
    "help.train_optimizer": "Adam 每步让每个权重移动大约一个学习率，与损失的量级无关；"
    "梯度下降则移动学习率乘以梯度。",
    "help.train_steps": "在训练集上做全批量更新的步数。",
    "help.train_seed": "决定数据、数据划分和初始权重。",
    **{f"name.train_left.{k}": v for k, v in _LOSS_OPTIONS_ZH.items()},
    **{f"name.train_right.{k}": v for k, v in _LOSS_OPTIONS_ZH.items()},
    "name.train_model.logistic": "逻辑回归",
    "name.train_model.mlp": "单隐藏层网络（16 个 ReLU）",
    "name.train_optimizer.adam": "Adam",
    "name.train_optimizer.gd": "梯度下降",
}
