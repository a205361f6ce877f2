"""Words of the Variants page: focal loss next to what came after it.

Keys start with ``variants.``, except the labels of the page's own controls
(``var_*``), which :func:`focal.ui.controls.render` looks up as ``param.<key>``
and ``help.<key>``.
"""

from __future__ import annotations

EN: dict[str, str] = {
    "variants.nav": "Variants",
    "variants.title": "Focal loss and what came after",
    "variants.intro": "Focal loss was not the last word. Later papers kept its idea "
    "of spending less loss on easy examples and changed who gets down-weighted and "
    "why: soft IoU targets, separate treatment of positives and negatives, or one "
    "more tunable term. All of them are drawn here on the same axes as Figure 1.",
    # the chart
    "variants.chart_title_pos": "Loss against p_t for a positive (y = 1, IoU target "
    "q = {q})",
    "variants.chart_title_neg": "Loss against p_t for a negative (y = 0, target 0)",
    "variants.x": "p_t (probability of the true class)",
    "variants.y": "loss (nats)",
    "variants.axis_note": "Why p_t: right means correct for either label, as in the "
    "paper's Figure 1. CE and FL* treat both labels alike, and so do FL and Poly-1 "
    "FL while α-balancing is off: their curves stay put when you switch y. With "
    "α-balancing on, FL and Poly-1 FL weigh positives by α and negatives by "
    "1 − α, so their curves move. ASL and VFL treat positives and negatives "
    "differently: switch y to see their other side. So does QFL once q < 1; at "
    "q = 1 it is FL with γ = β and no α. A positive's soft target q (its IoU) "
    "enters QFL and VFL; a negative's target is 0. Markers: the current p.",
    "variants.legend": "{name} ({params})",
    "variants.name.ce": "CE",
    "variants.name.fl": "FL",
    "variants.name.fl_star": "FL*",
    "variants.name.poly1": "Poly-1 FL",
    "variants.name.qfl": "QFL",
    "variants.name.vfl": "VFL",
    "variants.name.asl": "ASL",
    "variants.params.ce": "γ = 0",
    "variants.params.fl": "γ = {gamma}",
    "variants.params.fl_alpha": "γ = {gamma}, α = {alpha}",
    "variants.params.fl_star": "γ* = {gamma}, β = {beta}",
    "variants.params.poly1": "γ = {gamma}, ε = {epsilon}",
    "variants.params.poly1_alpha": "γ = {gamma}, α = {alpha}, ε = {epsilon}",
    "variants.params.qfl": "β = {beta}, q = {q}",
    "variants.params.vfl": "α = {alpha}, γ = {gamma}, q = {q}",
    "variants.params.asl": "γ+ = {gamma_pos}, γ− = {gamma_neg}, m = {margin}",
    # one line per variant: the problem it targets, and where it comes from
    "variants.note.fl": "FL (Lin et al., ICCV 2017): multiplies CE by (1 − p_t)^γ so "
    "that the flood of easy background anchors stops drowning the few objects. γ "
    "and α are the shared controls.",
    "variants.note.fl_star": "FL* (Lin et al., ICCV 2017, Appendix A): reaches the "
    "same goal by scaling and shifting the logit, −log σ(γ* x_t + β) / γ*, instead "
    "of multiplying by (1 − p_t)^γ: the exact form matters little.",
    "variants.note.poly1": "Poly-1 FL (Leng et al., PolyLoss, ICLR 2022): adds "
    "ε (1 − p_t)^(γ+1), the leading term of FL's polynomial expansion, so that one "
    "parameter ε adapts the loss to a task or dataset.",
    "variants.note.qfl": "QFL (Li et al., Generalized Focal Loss, NeurIPS 2020): "
    "|q − p|^β BCE(p, q) trains one score to be both class and box quality (IoU "
    "target q), so ranking at NMS follows localisation quality.",
    "variants.note.vfl": "VFL (Zhang et al., VarifocalNet, CVPR 2021): down-weights "
    "only negatives, −α p^γ log(1 − p); a positive's BCE is weighted by its target "
    "q instead, q · BCE(p, q), so high-IoU boxes lead training.",
    "variants.note.asl": "ASL (Ridnik et al., ICCV 2021): separate γ+ and γ− for "
    "positives and negatives, and a probability margin: a negative is scored at "
    "p_m = max(p − m, 0), so one with p ≤ m costs nothing. Proposed for "
    "multi-label image classification.",
    # the values at the current point
    "variants.values_header": "At the current point",
    "variants.values_explain": "p = {p}, y = {y}, so p_t = {p_t}.",
    "variants.column_loss": "loss",
    "variants.column_params": "parameters",
    "variants.column_value": "value",
    "variants.controls_header": "Each variant and its parameters",
    # the paper's Table 1
    "variants.paper_header": "What the paper measured",
    "variants.paper_explain": "Reported in Lin et al. 2017, Table 1 (ResNet-50-FPN, "
    "600 px images, COCO minival): these are the paper's measurements, not something "
    "this app computes. The dashed line marks the current α or γ.",
    "variants.table1a_title": "Table 1(a): α-balanced CE (γ = 0)",
    "variants.table1b_title": "Table 1(b): FL, best α for each γ",
    "variants.table1_source": "reported in Lin et al. 2017, Table 1",
    "variants.table1a_x": "α (weight of the positive class)",
    "variants.table1b_x": "γ",
    "variants.table1_y": "COCO AP (%)",
    "variants.ap": "AP",
    "variants.ap50": "AP50",
    "variants.ap75": "AP75",
    "variants.table1_best_alpha": "α = {alpha}",
    "variants.current_alpha": "current α = {alpha}",
    "variants.current_gamma": "current γ = {gamma}",
    "variants.table1_caption": "Best: γ = {gamma} with α = {alpha} ({ap} AP), "
    "{gain} AP above the best α-balanced CE. As γ grows the best α falls: "
    "focusing already quiets the easy negatives, so they need less down-weighting "
    "by α.",
    # the page's own controls
    "param.var_q": "q — IoU target of the positive (QFL, VFL)",
    "param.var_log": "Log scale",
    "param.var_star": "Show FL*",
    "param.var_star_gamma": "γ* of FL*",
    "param.var_star_beta": "β of FL*",
    "param.var_poly": "Show Poly-1 FL",
    "param.var_poly_epsilon": "ε of Poly-1 FL",
    "param.var_qfl": "Show QFL",
    "param.var_qfl_beta": "β of QFL",
    "param.var_vfl": "Show VFL",
    "param.var_vfl_alpha": "α of VFL (weight of negatives)",
    "param.var_vfl_gamma": "γ of VFL",
    "param.var_asl": "Show ASL",
    "param.var_asl_gamma_pos": "γ+ of ASL (positives)",
    "param.var_asl_gamma_neg": "γ− of ASL (negatives)",
    "param.var_asl_margin": "m of ASL (probability margin)",
    "help.var_q": "1 is a hard label. Below 1, QFL is 0 at p = q and VFL "
    "is smallest there: the score should equal the box's IoU.",
    "help.var_poly_epsilon": "0 gives FL back. −1 removes the first polynomial "
    "term, but only with α-balancing off: with it on, the loss can turn negative "
    "(−0.082 at p = 0.5, y = 1, γ = 2, α = 0.25).",
    "help.var_asl_margin": "Negatives with p ≤ m cost nothing.",
}

ZH: dict[str, str] = {
    "variants.nav": "变体",
    "variants.title": "Focal Loss 及其后继",
    "variants.intro": "Focal Loss 并不是终点。后来的论文沿用了它“降低简单样本损失"
    "权重”的思路，只是改变了压低谁、为什么压低：有的用 IoU 软标签，有的把正负样本"
    "分开处理，有的再加一个可调的项。这里把它们和论文图 1 画在同一坐标系里。",
    "variants.chart_title_pos": "正样本（y = 1，IoU 目标 q = {q}）的损失随 p_t 的变化",
    "variants.chart_title_neg": "负样本（y = 0，目标为 0）的损失随 p_t 的变化",
    "variants.x": "p_t（真实类别的概率）",
    "variants.y": "损失（nats）",
    "variants.axis_note": "为什么用 p_t：不论标签是什么，越往右越正确，"
    "与论文图 1 一致。CE 和 FL* 对两种标签一视同仁；关闭 α 加权时，FL 和 Poly-1 "
    "型 FL 也是如此：切换 y 时它们的曲线不动。开启 α 加权后，FL 和 Poly-1 型 FL "
    "给正样本乘 α、给负样本乘 1 − α，曲线就会变化。ASL 和 VFL 对正负样本区别对待："
    "切换 y 就能看到它们的另一面。QFL 在 q < 1 时也是如此；q = 1 时它就是 "
    "γ = β、不加 α 的 FL。正样本的软目标 q（即 IoU）进入 QFL 和 VFL；负样本的目标"
    "为 0。标记点：当前的 p。",
    "variants.legend": "{name}（{params}）",
    "variants.name.ce": "CE",
    "variants.name.fl": "FL",
    "variants.name.fl_star": "FL*",
    "variants.name.poly1": "Poly-1 型 FL",
    "variants.name.qfl": "QFL",
    "variants.name.vfl": "VFL",
    "variants.name.asl": "ASL",
    "variants.params.ce": "γ = 0",
    "variants.params.fl": "γ = {gamma}",
    "variants.params.fl_alpha": "γ = {gamma}，α = {alpha}",
    "variants.params.fl_star": "γ* = {gamma}，β = {beta}",
    "variants.params.poly1": "γ = {gamma}，ε = {epsilon}",
    "variants.params.poly1_alpha": "γ = {gamma}，α = {alpha}，ε = {epsilon}",
    "variants.params.qfl": "β = {beta}，q = {q}",
    "variants.params.vfl": "α = {alpha}，γ = {gamma}，q = {q}",
    "variants.params.asl": "γ+ = {gamma_pos}，γ− = {gamma_neg}，m = {margin}",
    "variants.note.fl": "FL（Lin 等，ICCV 2017）：给 CE 乘上 (1 − p_t)^γ，"
    "让海量的简单背景锚框不再淹没少数目标。γ 和 α 用的是共享控件。",
    "variants.note.fl_star": "FL*（Lin 等，ICCV 2017，附录 A）：不乘 (1 − p_t)^γ，"
    "而是对 logit 缩放并平移，−log σ(γ* x_t + β) / γ*，也能达到同样目的："
    "具体形式并不关键。",
    "variants.note.poly1": "Poly-1 型 FL（Leng 等，PolyLoss，ICLR 2022）：加上 "
    "FL 多项式展开的首项 ε (1 − p_t)^(γ+1)，用一个参数 ε 让损失适应具体任务和数据集。",
    "variants.note.qfl": "QFL（Li 等，Generalized Focal Loss，NeurIPS 2020）："
    "|q − p|^β BCE(p, q) 让同一个分数既表示类别又表示框的质量（IoU 目标 q），"
    "使 NMS 时的排序与定位质量一致。",
    "variants.note.vfl": "VFL（Zhang 等，VarifocalNet，CVPR 2021）：只压低负样本，"
    "−α p^γ log(1 − p)；正样本的 BCE 则按其目标 q 加权，q · BCE(p, q)，让 IoU 高的"
    "框主导训练。",
    "variants.note.asl": "ASL（Ridnik 等，ICCV 2021）：正负样本各用 γ+ 和 γ−，"
    "并给负样本的概率减去一个间隔，按 p_m = max(p − m, 0) 计分，所以 p ≤ m 的负样本"
    "没有损失。为多标签图像分类而提出。",
    "variants.values_header": "当前点的数值",
    "variants.values_explain": "p = {p}，y = {y}，所以 p_t = {p_t}。",
    "variants.column_loss": "损失",
    "variants.column_params": "参数",
    "variants.column_value": "数值",
    "variants.controls_header": "各个变体及其参数",
    "variants.paper_header": "论文的实测结果",
    "variants.paper_explain": "数据取自 Lin 等 2017 年论文的表 1（ResNet-50-FPN，"
    "600 像素图像，COCO minival）：这是论文报告的实测值，不是本应用计算的结果。"
    "虚线标出当前的 α 或 γ。",
    "variants.table1a_title": "表 1(a)：α 加权 CE（γ = 0）",
    "variants.table1b_title": "表 1(b)：FL，每个 γ 取最佳 α",
    "variants.table1_source": "数据来自 Lin 等 2017 年论文的表 1",
    "variants.table1a_x": "α（正样本的权重）",
    "variants.table1b_x": "γ",
    "variants.table1_y": "COCO AP（%）",
    "variants.ap": "AP",
    "variants.ap50": "AP50",
    "variants.ap75": "AP75",
    "variants.table1_best_alpha": "α = {alpha}",
    "variants.current_alpha": "当前 α = {alpha}",
    "variants.current_gamma": "当前 γ = {gamma}",
    "variants.table1_caption": "最佳设置：γ = {gamma}、α = {alpha}"
    "（{ap} AP），比最好的 α 加权 CE 高 {gain} AP。γ 越大，最佳 α 越小："
    "聚焦已经压低了简单负样本，不再需要 α 过多地降低它们的权重。",
    "param.var_q": "q —— 正样本的 IoU 目标（QFL、VFL）",
    "param.var_log": "对数坐标",
    "param.var_star": "显示 FL*",
    "param.var_star_gamma": "FL* 的 γ*",
    "param.var_star_beta": "FL* 的 β",
    "param.var_poly": "显示 Poly-1 型 FL",
    "param.var_poly_epsilon": "Poly-1 型 FL 的 ε",
    "param.var_qfl": "显示 QFL",
    "param.var_qfl_beta": "QFL 的 β",
    "param.var_vfl": "显示 VFL",
    "param.var_vfl_alpha": "VFL 的 α（负样本的权重）",
    "param.var_vfl_gamma": "VFL 的 γ",
    "param.var_asl": "显示 ASL",
    "param.var_asl_gamma_pos": "ASL 的 γ+（正样本）",
    "param.var_asl_gamma_neg": "ASL 的 γ−（负样本）",
    "param.var_asl_margin": "ASL 的 m（概率间隔）",
    "help.var_q": "1 表示硬标签。小于 1 时，QFL 在 p = q 处为 0，VFL 在那里"
    "最小：分数应当等于框的 IoU。",
    "help.var_poly_epsilon": "取 0 即回到 FL。取 −1 会去掉多项式的首项，但仅限于"
    "关闭 α 加权时：开启后损失可能为负（p = 0.5、y = 1、γ = 2、α = 0.25 时为 "
    "−0.082）。",
    "help.var_asl_margin": "p ≤ m 的负样本没有损失。",
}
