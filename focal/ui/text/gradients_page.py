"""Further words of the Gradients page (``/gradients``): FL*'s controls, the
gradient ratio and the NaN of autograd. The page's first words are in
:mod:`focal.ui.strings`; keys here start with ``gradients.``, except the labels
of the page's own controls (``param.<key>`` and ``help.<key>`` of the parameter
table, whose keys ``gamma_star`` and ``beta_star`` are unique app-wide).
"""

from __future__ import annotations

EN: dict[str, str] = {
    "param.gamma_star": "γ* — sharpness of FL*",
    "help.gamma_star": "FL* = −log σ(γ* x_t + β) / γ* (Appendix A). The paper "
    "shows γ* = 2, β = 1 and γ* = 4, β = 0.",
    "param.beta_star": "β — shift of FL*",
    "help.beta_star": "Moves FL*'s curve along x_t by −β / γ*.",
    "gradients.fl_star_header": "FL*, the paper's Appendix A variant",
    "gradients.ratio_header": "How much of the cross-entropy gradient focal loss keeps",
    "gradients.ratio_explain": "The ratio of the two derivatives at each logit. "
    "Below 1, focal loss pushes the example less than cross-entropy would: easy "
    "examples keep almost nothing, hard ones keep about all of it, and moderately "
    "hard ones can get a little more (at most α_t (1 + γ)).",
    "gradients.ratio_title": "(dFL/dx) / (dCE/dx) for y = {y}",
    "gradients.ratio_y": "ratio of the gradients",
    "gradients.ratio_line": "dFL/dx ÷ dCE/dx (γ = {gamma})",
    "gradients.ratio_line_alpha": "dFL/dx ÷ dCE/dx (γ = {gamma}, α = {alpha})",
    "gradients.ratio_ce": "CE: ratio 1",
    "gradients.ratio_metric": "dFL/dx ÷ dCE/dx here",
    "gradients.nan_header": "Why not leave it to autograd? NaN for γ < 1",
    "gradients.nan_explain": "Autograd differentiates focal loss step by step, "
    "through the factor (1 − p_t)^γ. That factor's derivative, −γ (1 − p_t)^(γ−1), "
    "has a negative exponent when γ < 1, so it is infinite at p_t = 1. Autograd "
    "multiplies it by the gradient arriving from −log p_t, which is 0 there, and "
    "0 · ∞ is NaN in floating point. In float64, σ(x) already rounds to exactly 1 "
    "from x ≈ 37 on, so one confident, correct prediction is enough, and a NaN "
    "spoils every weight it reaches. This app evaluates the closed form of "
    "Appendix B instead: it has no such product and stays finite.",
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
    "help.gamma_star": "FL* = −log σ(γ* x_t + β) / γ*（附录 A）。论文给出了 "
    "γ* = 2、β = 1 和 γ* = 4、β = 0 两组设置。",
    "param.beta_star": "β —— FL* 的平移",
    "help.beta_star": "把 FL* 的曲线沿 x_t 平移 −β / γ*。",
    "gradients.fl_star_header": "FL*：论文附录 A 中的变体",
    "gradients.ratio_header": "Focal Loss 保留了多少交叉熵的梯度",
    "gradients.ratio_explain": "每个 logit 处两个导数之比。小于 1 时，Focal Loss "
    "对该样本的推动比交叉熵弱：简单样本几乎什么也不剩，困难样本几乎全部保留，中等"
    "难度的样本甚至会略多一些（最多为 α_t (1 + γ)）。",
    "gradients.ratio_title": "y = {y} 时的 (dFL/dx) / (dCE/dx)",
    "gradients.ratio_y": "梯度之比",
    "gradients.ratio_line": "dFL/dx ÷ dCE/dx（γ = {gamma}）",
    "gradients.ratio_line_alpha": "dFL/dx ÷ dCE/dx（γ = {gamma}，α = {alpha}）",
    "gradients.ratio_ce": "CE：比值为 1",
    "gradients.ratio_metric": "此处的 dFL/dx ÷ dCE/dx",
    "gradients.nan_header": "为什么不交给自动求导？γ < 1 时会出现 NaN",
    "gradients.nan_explain": "自动求导会顺着因子 (1 − p_t)^γ 一步步求 Focal Loss 的"
    "导数。这个因子的导数是 −γ (1 − p_t)^(γ−1)，当 γ < 1 时指数为负，在 p_t = 1 "
    "处为无穷大。自动求导再把它乘上从 −log p_t 传回来的梯度，而那里的梯度是 0；"
    "在浮点运算中 0 · ∞ 得到 NaN。在 float64 中，x 约大于 37 时 σ(x) 就已舍入为 "
    "1，所以只要有一个自信又正确的预测就够了，而 NaN 会污染它传到的每一个权重。"
    "本应用改用附录 B 的解析式计算，其中没有这样的乘积，结果始终有限。",
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
