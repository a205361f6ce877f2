"""Further words of the Gradients page (``/gradients``): FL*'s controls, the
gradient ratio and the NaN of autograd. The page's first words are in
:mod:`focal.ui.strings`; keys here start with ``gradients.``, except the labels
of the page's own controls (``param.<key>``, ``short.<key>`` (a phone) and
``help.<key>`` of the parameter table, whose keys ``gamma_star`` and
``beta_star`` are unique app-wide).
"""

from __future__ import annotations

EN: dict[str, str] = {
    "param.gamma_star": "γ* — sharpness of FL*",
    "short.gamma_star": "γ* of FL*",
    "help.gamma_star": "FL* = −log σ(γ* x_t + β) / γ* (Appendix A). The paper "
    "shows γ* = 2, β = 1 and γ* = 4, β = 0.",
    "param.beta_star": "β — shift of FL*",
    "short.beta_star": "β of FL*",
    "help.beta_star": "Moves FL*'s curve along x_t by −β / γ*.",
    "gradients.fl_star_header": "FL*, the paper's Appendix A variant",
    "gradients.ratio_header": "How much of the cross-entropy gradient focal loss keeps",
    "gradients.ratio_explain": "The ratio of the two derivatives at each logit. "
    "Below 1, focal loss pushes the example less than cross-entropy would: easy "
    "examples keep almost none of their push. Only misclassified examples get "
    "more, and only a little. α-balancing multiplies the whole ratio by α_t.",
    "gradients.ratio_peak": "At γ = {gamma}, before α_t: above 1 only for "
    "p_t < {gain_below}, at most {peak} (at p_t = {p_t}).",
    "gradients.ratio_peak_ce": "At γ = 0 focal loss is cross-entropy: before α_t, "
    "the ratio is 1 everywhere.",
    "gradients.ratio_title": "(dFL/dx) / (dCE/dx) for y = {y}",
    "gradients.ratio_y": "ratio of the gradients",
    "gradients.ratio_line": "dFL/dx ÷ dCE/dx (γ = {gamma})",
    "gradients.ratio_line_alpha": "dFL/dx ÷ dCE/dx (γ = {gamma}, α = {alpha})",
    "gradients.ratio_ce": "CE: ratio 1",
    "gradients.ratio_metric": "dFL/dx ÷ dCE/dx here",
    "gradients.nan_header": "Why not leave it to autograd? NaN for γ < 1",
    "gradients.nan_explain": "Autograd differentiates focal loss step by step, as "
    "the product (1 − p_t)^γ · (−log p_t). By the product rule it multiplies the "
    "derivative of the first factor, −γ (1 − p_t)^(γ−1), by the value of the "
    "second, −log p_t. When γ < 1 the exponent γ − 1 is negative, so at p_t = 1 "
    "that derivative is infinite while −log p_t is 0 (its own derivative there is "
    "−1), and 0 · ∞ is NaN in floating point. σ(x) rounds to exactly 1 from "
    "x ≈ 37 on in float64, and from x ≈ 17 on in float32, the usual training "
    "precision: one confident, correct prediction is enough, and a NaN spoils every "
    "weight it reaches. This app evaluates the closed form of Appendix B instead: "
    "it has no such product and stays finite.",
    "gradients.nan_demo_analytic": "Closed form at x = 40, y = 1, γ = 0.5",
    "gradients.nan_demo_naive": "Autograd's chain rule there",
    "gradients.nan_table": "y = 1 at the current γ = {gamma}{alpha}: the closed "
    "form against the step-by-step chain rule.",
    "gradients.nan_fine": "At γ = {gamma} the chain rule stays finite: for γ ≥ 1 "
    "the exponent γ − 1 is not negative, and at γ = 0 the factor is constant. It "
    "only returns 0 where the true gradient is tiny. Set γ between 0 and 1 to see "
    "the NaN.",
    "gradients.col_x": "x",
    "gradients.col_analytic": "closed form",
    "gradients.col_naive": "chain rule (autograd)",
}

ZH: dict[str, str] = {
    "param.gamma_star": "γ* —— FL* 的陡度",
    "short.gamma_star": "FL* 的 γ*",
    "help.gamma_star": "FL* = −log σ(γ* x_t + β) / γ*（附录 A）。论文给出了 "
    "γ* = 2、β = 1 和 γ* = 4、β = 0 两组设置。",
    "param.beta_star": "β —— FL* 的平移",
    "short.beta_star": "FL* 的 β",
    "help.beta_star": "把 FL* 的曲线沿 x_t 平移 −β / γ*。",
    "gradients.fl_star_header": "FL*：论文附录 A 中的变体",
    "gradients.ratio_header": "Focal Loss 保留了多少交叉熵的梯度",
    "gradients.ratio_explain": "每个 logit 处两个导数之比。小于 1 时，Focal Loss "
    "对该样本的推动比交叉熵弱：简单样本几乎失去了全部推动。只有被分错的样本得到的"
    "推动会多一些，而且只多一点。α 加权把整个比值乘以 α_t。",
    "gradients.ratio_peak": "γ = {gamma} 时（乘 α_t 之前）：只有 p_t < {gain_below} "
    "处比值大于 1，最大为 {peak}（在 p_t = {p_t} 处）。",
    "gradients.ratio_peak_ce": "γ = 0 时 Focal Loss 就是交叉熵：乘 α_t 之前，"
    "比值处处为 1。",
    "gradients.ratio_title": "y = {y} 时的 (dFL/dx) / (dCE/dx)",
    "gradients.ratio_y": "梯度之比",
    "gradients.ratio_line": "dFL/dx ÷ dCE/dx（γ = {gamma}）",
    "gradients.ratio_line_alpha": "dFL/dx ÷ dCE/dx（γ = {gamma}，α = {alpha}）",
    "gradients.ratio_ce": "CE：比值为 1",
    "gradients.ratio_metric": "此处的 dFL/dx ÷ dCE/dx",
    "gradients.nan_header": "为什么不交给自动求导？γ < 1 时会出现 NaN",
    "gradients.nan_explain": "自动求导把 Focal Loss 看作乘积 "
    "(1 − p_t)^γ · (−log p_t)，一步步求导。按乘积法则，它把第一个因子的导数 "
    "−γ (1 − p_t)^(γ−1) 乘以第二个因子的值 −log p_t。当 γ < 1 时指数 γ − 1 为负，"
    "所以在 p_t = 1 处这个导数为无穷大，而 −log p_t 的值为 0（它在那里的导数是 "
    "−1）；在浮点运算中 0 · ∞ 得到 NaN。在 float64 中，x 约大于 37 时 σ(x) 就舍入"
    "为 1；在训练常用的 float32 中，x 约大于 17 时就已如此。所以只要有一个自信又"
    "正确的预测就够了，而 NaN 会污染它传到的每一个权重。本应用改用附录 B 的解析式"
    "计算，其中没有这样的乘积，结果始终有限。",
    "gradients.nan_demo_analytic": "x = 40、y = 1、γ = 0.5 时的解析式",
    "gradients.nan_demo_naive": "同一处自动求导的链式法则",
    "gradients.nan_table": "y = 1，当前 γ = {gamma}{alpha}："
    "解析式与逐步链式法则的对比。",
    "gradients.nan_fine": "γ = {gamma} 时链式法则的结果是有限的：γ ≥ 1 时指数 "
    "γ − 1 不是负数，γ = 0 时该因子是常数。它只是在真实梯度极小的地方返回 0。把 γ "
    "调到 0 和 1 之间即可看到 NaN。",
    "gradients.col_x": "x",
    "gradients.col_analytic": "解析式",
    "gradients.col_naive": "链式法则（自动求导）",
}
