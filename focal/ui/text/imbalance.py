"""Words of the Imbalance page (``/imbalance``), in English and Chinese.

Keys start with ``imbalance.``, except the labels of the page's own controls
(``imb_*``): :func:`focal.ui.controls.render` looks those up as
``param.<key>``, ``short.<key>`` (presenter mode), ``help.<key>``,
``option.<key>.<option>`` (radio captions) and ``name.<key>.<option>`` (radio
labels).
"""

EN: dict[str, str] = {
    "imbalance.nav": "Imbalance",
    "imbalance.title": "Why imbalance matters in a one-stage detector",
    "imbalance.intro": "One image, every prediction a one-stage detector makes for "
    "it: a handful cover an object (positives), some background looks like an "
    "object (hard negatives), and everything else is plain background (easy "
    "negatives). Each easy negative costs almost nothing, but there are "
    "thousands of them. Add up the loss of each group and compare cross-entropy "
    "with focal loss.",
    "imbalance.yolo_note": "YOLO v3 itself does not use focal loss: its authors "
    "tried it and lost about 2 mAP points (Redmon & Farhadi, YOLOv3: An "
    "Incremental Improvement, 2018, §4, “Things We Tried That Didn't Work”). They "
    "suggest YOLO v3 may already be robust to the problem, since it predicts "
    "objectness apart from the class scores; its objectness loss also ignores a "
    "prediction that overlaps an object above a threshold (IoU 0.5) without being "
    "its best match (§2.1). The imbalance is real in every one-stage detector; "
    "focal loss is how RetinaNet met it.",
    "imbalance.headline": "Under CE, easy negatives make {ce_share} of the loss; "
    "under {fl_name}, {fl_share}.",
    "imbalance.headline_count": "They are {count_share} of the {total} predictions.",
    # controls
    "param.imb_preset": "Detector",
    "param.imb_positives": "Positives (objects)",
    "param.imb_hard": "Hard negatives",
    "param.imb_easy": "Easy negatives",
    "param.imb_spread": "Spread s (of the logit)",
    "param.imb_seed": "Random seed",
    "short.imb_preset": "Detector",
    "short.imb_positives": "Positives",
    "short.imb_hard": "Hard negatives",
    "short.imb_easy": "Easy negatives",
    "short.imb_spread": "s",
    "short.imb_seed": "Seed",
    "help.imb_preset": "Choosing a detector sets the three counts and "
    "the spread; move them afterwards as you like.",
    "help.imb_positives": "Predictions matched to an object. RetinaNet, as in "
    "the focal loss paper, divides the loss of an image by their number.",
    "help.imb_hard": "Background predictions that look like an object "
    "(typical p = 0.4).",
    "help.imb_easy": "Plain background (typical p = 0.01, an illustrative "
    "value: a trained detector puts easy negatives far lower).",
    "help.imb_spread": "Standard deviation of the logit in each group: "
    "0 puts every prediction at its group's typical p; 1 multiplies or divides "
    "the odds p/(1 − p) by e ≈ 2.7 for one standard deviation.",
    "help.imb_seed": "Another seed draws another population with the "
    "same counts and spread.",
    "name.imb_preset.yolo": "YOLO v3 416×416",
    "name.imb_preset.retinanet": "RetinaNet",
    "option.imb_preset.yolo": "(13² + 26² + 52²) × 3 = 10,647 predictions",
    "option.imb_preset.retinanet": "about 100,000 anchors",
    "imbalance.total": "{total} predictions: one positive for every {per_positive}.",
    "imbalance.model": "How the predictions are drawn: in each group the logit x "
    "is normal around the logit of a typical p (positives 0.7, hard negatives "
    "0.4, easy negatives 0.01) with standard deviation s; p = σ(x).",
    # section 1: the shares
    "imbalance.shares.header": "1 · Who makes the loss",
    "imbalance.shares.explain": "Each bar is one loss; its segments are the "
    "groups' shares of that loss's total. Hover for the totals. The α-balanced "
    "CE bar always uses α = {alpha}; the FL bar is α-balanced when α-balancing "
    "is on.",
    "imbalance.shares.title": "Share of the image's loss by group",
    "imbalance.shares.y": "share of the loss",
    "imbalance.shares.total": "total",
    "imbalance.shares.per_positive": "per positive",
    "imbalance.group.positives": "positives",
    "imbalance.group.hard_negatives": "hard negatives",
    "imbalance.group.easy_negatives": "easy negatives",
    "imbalance.loss.ce": "CE",
    "imbalance.loss.ce_balanced": "α-balanced CE (α = {alpha})",
    "imbalance.loss.fl": "FL (γ = {gamma})",
    "imbalance.loss.fl_balanced": "α-balanced FL (γ = {gamma}, α = {alpha})",
    "imbalance.table.header": "Loss per positive",
    "imbalance.table.explain": "The focal loss paper (RetinaNet) divides the loss "
    "of an image by its number of positives (here {positives}).",
    "imbalance.table.loss": "loss",
    "imbalance.table.all": "image",
    # section 2: Figure 4
    "imbalance.figure4.header": "2 · The paper's Figure 4",
    "imbalance.figure4.explain": "Sort the losses of the positives (and, apart, "
    "of the negatives) from smallest to largest, add them up and divide by the "
    "total: the curve shows how much of the loss the easiest fraction of the "
    "examples carries. For the negatives here, the larger γ, the more of their "
    "loss sits in the few hardest: at γ = 2 the curve stays near 0 almost to the "
    "right edge. The positives' curves move with γ too, but less, and with only a "
    "few positives they are coarse steps. In the paper (a trained detector, about "
    "10^5 positives) they barely changed with γ: the positives drawn here are not a "
    "trained detector's.",
    "imbalance.figure4.positives": "Positives",
    "imbalance.figure4.negatives": "Negatives",
    "imbalance.figure4.x_positives": "fraction of positives",
    "imbalance.figure4.x_negatives": "fraction of negatives",
    "imbalance.figure4.y": "cumulative normalised loss",
    "imbalance.figure4.gamma": "γ = {gamma}",
    "imbalance.figure4.current": "current γ = {gamma}",
    "imbalance.figure4.empty": "No negatives: set hard or easy negatives above 0.",
}

ZH: dict[str, str] = {
    "imbalance.nav": "样本不平衡",
    "imbalance.title": "样本不平衡为何困扰一阶段检测器",
    "imbalance.intro": "一张图片，一阶段检测器对它给出的全部预测：只有少数几个"
    "框住了目标（正样本），一些背景看起来像目标（困难负样本），其余都是普通背景"
    "（简单负样本）。每个简单负样本的损失几乎为零，可它们有成千上万个。把每组的"
    "损失加起来，比较交叉熵和 Focal Loss。",
    "imbalance.yolo_note": "YOLO v3 本身并不使用 Focal Loss：它的作者试过，mAP "
    "反而下降了约 2 个点（Redmon 与 Farhadi，YOLOv3: An Incremental Improvement，"
    "2018，§4“Things We Tried That Didn't Work”）。作者推测 YOLO v3 可能本来就"
    "不受这个问题困扰，因为它把 objectness 与类别分数分开预测；此外，它的 "
    "objectness 损失会忽略与某个目标的 IoU 超过阈值（0.5）、却不是其最佳匹配的预测"
    "（§2.1）。样本不平衡在每个一阶段检测器中都真实存在；Focal Loss 是 RetinaNet "
    "的解法。",
    "imbalance.headline": "用 CE 时，简单负样本占损失的 {ce_share}；"
    "用 {fl_name}时，占 {fl_share}。",
    "imbalance.headline_count": "它们占全部 {total} 个预测的 {count_share}。",
    "param.imb_preset": "检测器",
    "param.imb_positives": "正样本（有目标）",
    "param.imb_hard": "困难负样本",
    "param.imb_easy": "简单负样本",
    "param.imb_spread": "离散程度 s（logit 的标准差）",
    "param.imb_seed": "随机种子",
    "short.imb_preset": "检测器",
    "short.imb_positives": "正样本",
    "short.imb_hard": "困难负样本",
    "short.imb_easy": "简单负样本",
    "short.imb_spread": "s",
    "short.imb_seed": "种子",
    "help.imb_preset": "选择检测器会设置三组数量和离散程度；之后可以随意调整。",
    "help.imb_positives": "与目标匹配的预测。RetinaNet（与 Focal Loss 论文相同）"
    "把一张图片的损失除以它们的个数。",
    "help.imb_hard": "看起来像目标的背景预测（典型 p = 0.4）。",
    "help.imb_easy": "普通背景（典型 p = 0.01，仅作示意：训练好的检测器给简单负样本"
    "的 p 要低得多）。",
    "help.imb_spread": "每组 logit 的标准差：为 0 时每个预测都等于本组"
    "的典型 p；为 1 时，每偏离一个标准差，几率 p/(1 − p) 就乘以或除以 e ≈ 2.7。",
    "help.imb_seed": "换一个种子，就以相同的数量和离散程度重新抽取一组预测。",
    "name.imb_preset.yolo": "YOLO v3（输入 416×416）",
    "name.imb_preset.retinanet": "RetinaNet 检测器",
    "option.imb_preset.yolo": "(13² + 26² + 52²) × 3 = 10,647 个预测",
    "option.imb_preset.retinanet": "约 100,000 个锚框",
    "imbalance.total": "共 {total} 个预测：每 {per_positive} 个中有一个正样本。",
    "imbalance.model": "预测的抽取方式：每组的 logit x 服从正态分布，中心是该组"
    "典型 p 的 logit（正样本 0.7，困难负样本 0.4，简单负样本 0.01），标准差为 s；"
    "p = σ(x)。",
    "imbalance.shares.header": "1 · 损失从哪里来",
    "imbalance.shares.explain": "每根柱子代表一种损失，各段是各组在该损失总和中"
    "所占的比例。鼠标悬停可查看总和。α 加权 CE 始终使用 α = {alpha}；开启 α 加权"
    "时，FL 柱子也乘以 α_t。",
    "imbalance.shares.title": "整张图片的损失按组的占比",
    "imbalance.shares.y": "占损失的比例",
    "imbalance.shares.total": "总和",
    "imbalance.shares.per_positive": "每个正样本",
    "imbalance.group.positives": "正样本",
    "imbalance.group.hard_negatives": "困难负样本",
    "imbalance.group.easy_negatives": "简单负样本",
    "imbalance.loss.ce": "CE",
    "imbalance.loss.ce_balanced": "α 加权 CE（α = {alpha}）",
    "imbalance.loss.fl": "FL（γ = {gamma}）",
    "imbalance.loss.fl_balanced": "α 加权 FL（γ = {gamma}，α = {alpha}）",
    "imbalance.table.header": "每个正样本的损失",
    "imbalance.table.explain": "Focal Loss 论文（RetinaNet）把一张图片的损失除以"
    "其中正样本的个数"
    "（这里是 {positives}）。",
    "imbalance.table.loss": "损失",
    "imbalance.table.all": "整张图片",
    "imbalance.figure4.header": "2 · 论文中的图 4",
    "imbalance.figure4.explain": "把正样本（以及另外把负样本）的损失从小到大排序，"
    "依次累加，再除以总和：曲线表示最容易的那部分样本承担了多少损失。这里的负样本，"
    "γ 越大，损失越集中在最难的少数样本上：γ = 2 时曲线几乎一直贴近 0，直到最右端"
    "才升起。正样本的曲线也随 γ 变化，但幅度较小；正样本只有几个时，曲线是粗糙的"
    "台阶。论文中（训练好的检测器，约 10^5 个正样本），正样本的曲线几乎不随 γ 变化："
    "这里抽取的正样本并非来自训练好的检测器。",
    "imbalance.figure4.positives": "正样本",
    "imbalance.figure4.negatives": "负样本",
    "imbalance.figure4.x_positives": "正样本的比例",
    "imbalance.figure4.x_negatives": "负样本的比例",
    "imbalance.figure4.y": "累计归一化损失",
    "imbalance.figure4.gamma": "γ = {gamma}",
    "imbalance.figure4.current": "当前 γ = {gamma}",
    "imbalance.figure4.empty": "没有负样本：请把困难或简单负样本的数量设为大于 0。",
}
