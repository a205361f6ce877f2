"""Words of the walkthrough page (``/walkthrough``), in English and Chinese.

Keys start with ``walkthrough.``, except the labels of the page's own controls:
:func:`focal.ui.controls.render` looks those up as ``param.<key>``,
``help.<key>``, ``option.<key>.<value>`` (captions) and ``name.<key>.<value>``
(what a radio shows), and its keys (``step``, ``wt_size``) are unique app-wide.
"""

from __future__ import annotations

EN: dict[str, str] = {
    "walkthrough.nav": "Walkthrough",
    "walkthrough.title": "Focal loss in six steps",
    "walkthrough.intro": "The argument of the source document, one step per screen: "
    "from the imbalance that troubles YOLO v3 to the full focal loss. Every chart "
    "follows the controls, and each step ends with something to try.",
    "walkthrough.progress": "Step {step} of {total}",
    "walkthrough.previous": "Previous",
    "walkthrough.next": "Next",
    "walkthrough.try": "**Try this:** {hint}",
    "walkthrough.explain_label": "Explanation",
    "walkthrough.alpha_note": "This step always applies the α slider's value, "
    "whether α-balancing is switched on or not.",
    # controls of this page
    "param.step": "Step",
    "short.step": "Step",
    "help.step": "Each step has its own link: the URL keeps ?step=….",
    "option.step.1": "Imbalance",
    "option.step.2": "Cross-entropy",
    "option.step.3": "p_t",
    "option.step.4": "α-balancing",
    "option.step.5": "Modulating factor",
    "option.step.6": "Focal loss",
    "param.wt_size": "YOLO v3 input size (pixels)",
    "help.wt_size": "YOLO v3 was evaluated at 320, 416 and 608 pixels square.",
    "name.wt_size.320": "320 × 320",
    "name.wt_size.416": "416 × 416",
    "name.wt_size.608": "608 × 608",
    # step 1
    "walkthrough.s1.title": "1 · The imbalance in YOLO v3's confidence loss",
    "walkthrough.s1.explain": "YOLO v3 makes a prediction for every anchor in every "
    "cell of three grids, and each prediction adds a term to the confidence loss "
    "(the objectness terms, as the YOLO v3 loss is usually written). An image "
    "holds a handful of objects, so a handful of terms come from objects and "
    "thousands from background; a background prediction that overlaps an object "
    "above the ignore threshold (IoU 0.5) adds no term. Each background term is "
    "small, because the detector already gets "
    "background right, but there are so many of them that together they outweigh "
    "the objects. Training then spends its effort on making easy background even "
    "more certain.",
    "walkthrough.s1.setting": "Illustration: {objects} objects the detector is "
    "still unsure about (p = {p_object}) among {total} predictions; the other "
    "{background} are easy background (p = {p_background}).",
    "walkthrough.s1.predictions": "Predictions per image",
    "walkthrough.s1.per_object": "Background per object",
    "walkthrough.s1.share_ce": "CE from background",
    "walkthrough.s1.share_fl": "FL from background",
    "walkthrough.s1.chart_title": "Background's share of the summed loss",
    "walkthrough.s1.chart_y": "share of the total loss",
    "walkthrough.s1.bar_ce": "CE",
    "walkthrough.s1.bar_fl": "FL (γ = {gamma})",
    "walkthrough.s1.bar_fl_alpha": "FL (γ = {gamma}, α = {alpha})",
    "walkthrough.s1.try": "switch α-balancing off and set γ = 0: focal loss "
    "becomes cross-entropy, and its bar climbs to the CE bar, about 97% at "
    "416 × 416. Then raise γ a little at a time and watch the share fall. A larger "
    "input size only adds background: both shares grow.",
    # step 2
    "walkthrough.s2.title": "2 · Binary cross-entropy",
    "walkthrough.s2.explain": "The detector outputs p = σ(x), its probability that "
    "the anchor holds an object, and the label y says whether it does. "
    "Cross-entropy charges −log p when there is an object and −log(1 − p) when "
    "there is not: nothing for a certain, correct answer; for a wrong one, the "
    "more confident it is, the more it costs, without bound.",
    "walkthrough.s2.chart_title": "Cross-entropy against p, for both labels",
    "walkthrough.s2.ce_y1": "CE, y = 1 (object)",
    "walkthrough.s2.ce_y0": "CE, y = 0 (background)",
    "walkthrough.s2.metric": "CE at the current (p, y)",
    "walkthrough.s2.try": "set y = 0 and p = 0.1, an easy background anchor. CE is "
    "0.105: small, but not zero. Ten thousand such anchors add up to a loss of "
    "about 1,054. Then move p towards 1: the background is called an object ever "
    "more confidently, and CE grows without bound.",
    # step 3
    "walkthrough.s3.title": "3 · One variable for both labels: p_t",
    "walkthrough.s3.explain": "The two branches of cross-entropy differ only in "
    "which probability they take the logarithm of. Let p_t be the probability the "
    "model gives to the true class: p when y = 1 and 1 − p when y = 0. Then "
    "CE = −log p_t for either label, and p_t close to 1 means a well-classified "
    "example, object or background alike.",
    "walkthrough.s3.chart_title": "Cross-entropy against p_t: one curve, both labels",
    "walkthrough.s3.ce": "CE = −log p_t",
    "walkthrough.s3.try": "set p = 0.2 and switch y between 1 and 0. p_t jumps "
    "between 0.2 and 0.8, and the marker moves along the same curve.",
    # step 4
    "walkthrough.s4.title": "4 · α-balancing, and a warning",
    "walkthrough.s4.explain": "A first remedy weights the two classes: α_t = α for "
    "objects and 1 − α for background, so that CE becomes −α_t log p_t. With "
    "objects rare, the intuitive choice is a large α such as 0.9, so that each "
    "object counts for more.",
    "walkthrough.s4.warning": "The author's warning: the paper's best setting, "
    "α = 0.25 with γ = 2, gives objects less weight than background (0.25 against "
    "0.75), the opposite of the intuition. So in the paper α does not really undo "
    "the imbalance: it behaves like an ordinary hyperparameter, tuned together "
    "with γ, while the modulating factor of step 5 does the real work.",
    "walkthrough.s4.chart_title": "α-balanced cross-entropy at α = {alpha}",
    "walkthrough.s4.ce": "CE",
    "walkthrough.s4.alpha_y1": "α · CE, y = 1 (object)",
    "walkthrough.s4.alpha_y0": "(1 − α) · CE, y = 0 (background)",
    "walkthrough.s4.alpha_object": "α_t of an object",
    "walkthrough.s4.alpha_background": "α_t of background",
    "walkthrough.s4.table": "The paper's Table 1(b): the best α for each γ "
    "(RetinaNet, ResNet-50, COCO minival). The row of the current γ is marked. "
    "As γ grows, the best α drops below 0.5.",
    "walkthrough.s4.col_gamma": "γ",
    "walkthrough.s4.col_alpha": "best α",
    "walkthrough.s4.col_ap": "AP",
    "walkthrough.s4.try": "set α = 0.9, the intuitive choice: an object now weighs "
    "nine times as much as background. Then set α = 0.25, the paper's choice, and "
    "see the object curve fall below the background curve.",
    # step 5
    "walkthrough.s5.title": "5 · The modulating factor (1 − p_t)^γ",
    "walkthrough.s5.explain": "Focal loss multiplies cross-entropy by "
    "(1 − p_t)^γ. For an easy example p_t is close to 1, the factor close to 0, and "
    "its loss almost vanishes (at γ = 2 and p_t = 0.9, 1/100 of it is left); a hard "
    "example's loss is cut far less (never below 1/4 of it for p_t ≤ 0.5; at "
    "p_t = 0.3 the factor is 0.49). γ sets how strongly easy examples are "
    "silenced, and γ = 0 is plain cross-entropy. The table is the document's "
    "worked example, recomputed at the current γ, with the current (p, y) as its "
    "last row.",
    "walkthrough.s5.ratio_note": "Rows 2 and 1 of the table: the hard object "
    "(p = 0.1) against the easy one (p = 0.9).",
    "walkthrough.s5.try": "set γ = 0 and watch FL become CE: the FL column equals "
    "the CE column and the amplification is 1×. Back at γ = 2, the hard object's "
    "loss is 1,770 times the easy one's, against 21.9 times under cross-entropy: "
    "an amplification of 81×.",
    # step 6
    "walkthrough.s6.title": "6 · The full focal loss",
    "walkthrough.s6.explain": "The paper uses both ideas at once: the modulating "
    "factor separates easy from hard, and α_t is tuned alongside it. Written with "
    "p and y instead of p_t, it is −α (1 − p)^γ log p for an object and "
    "−(1 − α) p^γ log(1 − p) for background.",
    "walkthrough.s6.substituted": "With the current values:",
    "walkthrough.s6.try": "set γ = 0 and α = 0.5: focal loss is then exactly half "
    "of cross-entropy. Then set y = 1, γ = 2 and α = 0.25, the setting of the "
    "paper's RetinaNet: on the shaded, well-classified side (p > 0.5) focal loss "
    "stays below 0.05, flat along the axis, while cross-entropy still reaches "
    "0.69.",
}

ZH: dict[str, str] = {
    "walkthrough.nav": "逐步讲解",
    "walkthrough.title": "六步读懂 Focal Loss",
    "walkthrough.intro": "按原文的思路，一屏讲一步：从困扰 YOLO v3 的样本不平衡，"
    "一直到完整的 Focal Loss。每张图都随控制面板变化，每一步最后都有一个小实验。",
    "walkthrough.progress": "第 {step} 步，共 {total} 步",
    "walkthrough.previous": "上一步",
    "walkthrough.next": "下一步",
    "walkthrough.try": "**试一试**：{hint}",
    "walkthrough.explain_label": "讲解",
    "walkthrough.alpha_note": "无论是否打开 α 加权，这一步都使用 α 滑块的取值。",
    "param.step": "步骤",
    "short.step": "步骤",
    "help.step": "每一步都有自己的链接：网址中保留 ?step=…。",
    "option.step.1": "样本不平衡",
    "option.step.2": "交叉熵",
    "option.step.3": "引入 p_t",
    "option.step.4": "α 加权",
    "option.step.5": "调制因子",
    "option.step.6": "完整的 FL",
    "param.wt_size": "YOLO v3 输入尺寸（像素）",
    "help.wt_size": "YOLO v3 在 320、416 和 608 像素见方的输入上做过评测。",
    "name.wt_size.320": "320 × 320",
    "name.wt_size.416": "416 × 416",
    "name.wt_size.608": "608 × 608",
    "walkthrough.s1.title": "1 · YOLO v3 置信度损失中的不平衡",
    "walkthrough.s1.explain": "YOLO v3 在三个尺度网格的每个单元、每个锚框上都做一次"
    "预测，每个预测都给置信度损失（即 YOLO v3 损失通常写法中的 objectness 项）贡献"
    "一项。一张图里只有寥寥几个目标，于是只有几项来自目标，成千上万项来自背景；与某个"
    "目标的 IoU 超过忽略阈值（0.5）的背景预测不计入损失。每一项背景损失都很小，"
    "因为检测器早已能认出背景；可是数量太多，加起来就压过了目标。训练的力气于是花在"
    "了让本来就简单的背景变得更确定上。",
    "walkthrough.s1.setting": "示例：{total} 个预测中，有 {objects} 个目标，检测器"
    "对它们还没有把握（p = {p_object}）；其余 {background} 个是简单背景"
    "（p = {p_background}）。",
    "walkthrough.s1.predictions": "每张图的预测数",
    "walkthrough.s1.per_object": "每个目标对应的背景数",
    "walkthrough.s1.share_ce": "CE 中背景的占比",
    "walkthrough.s1.share_fl": "FL 中背景的占比",
    "walkthrough.s1.chart_title": "背景在总损失中的占比",
    "walkthrough.s1.chart_y": "占总损失的比例",
    "walkthrough.s1.bar_ce": "CE",
    "walkthrough.s1.bar_fl": "FL（γ = {gamma}）",
    "walkthrough.s1.bar_fl_alpha": "FL（γ = {gamma}，α = {alpha}）",
    "walkthrough.s1.try": "关闭 α 加权，把 γ 设为 0：Focal Loss 退化为交叉熵，"
    "它的柱子升到与 CE 的柱子一样高，在 416 × 416 时约为 97%。再一点点增大 γ，"
    "看这个比例如何下降。增大输入尺寸，多出来的只是背景：两个比例都会上升。",
    "walkthrough.s2.title": "2 · 二分类交叉熵",
    "walkthrough.s2.explain": "检测器输出 p = σ(x)，即它认为该锚框有目标的概率；"
    "标签 y 表示实际上有没有目标。有目标时交叉熵记 −log p，没有目标时记 "
    "−log(1 − p)：答得确定又正确时损失为零；答错时，答得越自信，损失越大，"
    "而且没有上限。",
    "walkthrough.s2.chart_title": "交叉熵随 p 的变化（两种标签）",
    "walkthrough.s2.ce_y1": "CE，y = 1（有目标）",
    "walkthrough.s2.ce_y0": "CE，y = 0（背景）",
    "walkthrough.s2.metric": "当前 (p, y) 的 CE",
    "walkthrough.s2.try": "取 y = 0、p = 0.1，即一个简单的背景锚框。CE 为 0.105："
    "很小，但不是零。一万个这样的锚框加起来，损失约为 1,054。再把 p 往 1 推："
    "检测器越来越自信地把背景当成目标，CE 无限增大。",
    "walkthrough.s3.title": "3 · 用一个变量统一两种标签：p_t",
    "walkthrough.s3.explain": "交叉熵的两个分支，区别只在于对哪个概率取对数。"
    "记 p_t 为模型给真实类别的概率：y = 1 时为 p，y = 0 时为 1 − p。于是无论"
    "哪种标签，都有 CE = −log p_t；p_t 接近 1 就表示样本分类良好（既正确又有把握），"
    "不管它是目标还是背景。",
    "walkthrough.s3.chart_title": "交叉熵随 p_t 的变化：两种标签共用一条曲线",
    "walkthrough.s3.ce": "CE = −log p_t",
    "walkthrough.s3.try": "取 p = 0.2，在 y = 1 和 y = 0 之间切换。p_t 在 0.2 和 "
    "0.8 之间跳动，标记点始终在同一条曲线上移动。",
    "walkthrough.s4.title": "4 · α 加权，以及一个提醒",
    "walkthrough.s4.explain": "第一个办法是给两类样本加权：目标取 α_t = α，背景取 "
    "1 − α，交叉熵变成 −α_t log p_t。既然目标稀少，直觉上应取较大的 α，比如 0.9，"
    "让每个目标分量更重。",
    "walkthrough.s4.warning": "原文作者的提醒：论文的最佳设置是 α = 0.25、γ = 2，"
    "此时目标的权重反而比背景小（0.25 对 0.75），与直觉相反。所以在论文里，α 并没有"
    "真正解决正负样本不平衡，它更像一个普通的超参数，和 γ 一起调；真正起作用的是"
    "第 5 步的调制因子。",
    "walkthrough.s4.chart_title": "α = {alpha} 时的 α 加权交叉熵",
    "walkthrough.s4.ce": "CE",
    "walkthrough.s4.alpha_y1": "α · CE，y = 1（有目标）",
    "walkthrough.s4.alpha_y0": "(1 − α) · CE，y = 0（背景）",
    "walkthrough.s4.alpha_object": "目标的 α_t",
    "walkthrough.s4.alpha_background": "背景的 α_t",
    "walkthrough.s4.table": "论文表 1(b)：每个 γ 下的最佳 α（RetinaNet，ResNet-50，"
    "COCO minival）。当前 γ 所在的行已标出。γ 越大，最佳 α 越低，最后低于 0.5。",
    "walkthrough.s4.col_gamma": "γ",
    "walkthrough.s4.col_alpha": "最佳 α",
    "walkthrough.s4.col_ap": "AP",
    "walkthrough.s4.try": "把 α 设为 0.9，也就是直觉上的选择：一个目标的权重是背景的"
    "九倍。再把 α 设为论文选用的 0.25，看目标曲线落到背景曲线下方。",
    "walkthrough.s5.title": "5 · 调制因子 (1 − p_t)^γ",
    "walkthrough.s5.explain": "Focal Loss 给交叉熵乘上 (1 − p_t)^γ。简单样本的 "
    "p_t 接近 1，因子接近 0，损失几乎消失（γ = 2、p_t = 0.9 时只剩 1/100）；困难"
    "样本的损失则压得少得多（p_t ≤ 0.5 时至少保留 1/4；p_t = 0.3 时因子为 0.49）。"
    "γ 决定压低简单样本的力度，γ = 0 就是普通的交叉熵。下表是原文的算例，按当前 γ "
    "重新计算，最后一行是当前的 (p, y)。",
    "walkthrough.s5.ratio_note": "取表中第 2 行和第 1 行：困难目标（p = 0.1）对简单"
    "目标（p = 0.9）。",
    "walkthrough.s5.try": "把 γ 设为 0，看 FL 变回 CE：FL 一列与 CE 一列相同，放大"
    "倍数为 1×。回到 γ = 2，困难目标的损失是简单目标的 1,770 倍，而在交叉熵下只有 "
    "21.9 倍：放大倍数为 81×。",
    "walkthrough.s6.title": "6 · 完整的 Focal Loss",
    "walkthrough.s6.explain": "论文把两个办法合在一起用：调制因子区分简单和困难样本，"
    "α_t 则和它一起调。用 p 和 y 代替 p_t 写出来，目标的损失是 −α (1 − p)^γ log p，"
    "背景的损失是 −(1 − α) p^γ log(1 − p)。",
    "walkthrough.s6.substituted": "代入当前数值：",
    "walkthrough.s6.try": "取 γ = 0、α = 0.5：Focal Loss 恰好是交叉熵的一半。再取 "
    "y = 1、γ = 2、α = 0.25，即论文中 RetinaNet 的设置：在阴影所示的分类良好一侧"
    "（p > 0.5），Focal Loss 始终低于 0.05，几乎贴着横轴，而交叉熵仍可达 0.69。",
}
