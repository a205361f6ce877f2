"""Every text a person reads in the app, in English and in Chinese.

Formulas and numbers are the same in both languages; only words change. A test
fails when a key is missing from either table or a format field differs.
The words of each further page live in their own module in :mod:`focal.ui.text`
and are merged in here.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping

from focal.ui import text as text_package

LANGUAGES: tuple[str, ...] = ("en", "zh")

EN: dict[str, str] = {
    # app and navigation
    "app.title": "Focal — focal loss, explained",
    "nav.explorer": "Explorer",
    "nav.gradients": "Gradients",
    "controls.header": "Controls",
    # controls (keys match focal.ui.params)
    "param.alpha": "α — weight of the positive class",
    "param.balance": "α-balancing",
    "param.gamma": "γ — focusing parameter",
    "param.p": "p — predicted probability of “object”",
    "param.y": "Label y",
    "param.lang": "Language · 语言",
    "param.present": "Presenter mode",
    "param.axis": "x axis",
    "param.log": "Log scale",
    "param.sweep": "Sweep γ in the browser",
    "help.sweep": "The chart plays γ from 0 to 5 in the browser (▶ and the slider "
    "under it); the current γ is not drawn while the sweep is on.",
    "param.hard": "p_t of the hard example",
    "param.easy": "p_t of the easy example",
    "param.view": "Show",
    "short.y": "y",
    "short.p": "p",
    "short.gamma": "γ",
    "short.balance": "α on",
    "short.alpha": "α",
    "short.lang": "Language · 语言",
    "short.present": "Presenter",
    "help.alpha": "α_t = α for positives and α_t = 1 − α for negatives (Eq. 3 and 5).",
    "help.balance": "Off: the document's table (no α). On: multiply by α_t.",
    "help.gamma": "γ = 0 is cross-entropy; the paper's best is γ = 2.",
    "help.p": "The sigmoid output of the detector for this anchor.",
    "help.y": "1: the anchor covers an object. 0: it is background.",
    "option.y.1": "object (positive)",
    "option.y.0": "background (negative)",
    "option.lang.en": "English",
    "option.lang.zh": "中文",
    "option.axis.p": "p",
    "option.axis.p_t": "p_t",
    "name.view.curves": "1 · CE and FL",
    "name.view.ratio": "2 · Hard vs easy",
    "name.view.family": "3 · Figure 1",
    "name.view.table": "4 · The table",
    # links
    "notice.bad_param": "The link's value for “{name}” is not allowed here; "
    "the default ({default}) is used instead.",
    "share.label": "Link to this view",
    "share.help": "Copy this link (button at the right) to open exactly this state.",
    "reset.label": "Reset to defaults",
    # the join screen (focal/ui/join.py)
    "param.join": "Join screen",
    "join.open": "Show the QR code to join",
    "join.help": "A full-screen QR code of this page and its state, for phones.",
    "join.title": "Scan to open this page on your phone",
    "join.alt": "QR code of the link below",
    "join.back": "Back to the page",
    # explorer: intro
    "explorer.title": "Focal loss explorer",
    "explorer.intro": "A one-stage detector such as YOLO v3 scores thousands of "
    "anchors (candidate boxes) per image, and almost all of them are easy "
    "background. Cross-entropy lets their many small losses add up and drown the "
    "few objects. Focal loss multiplies cross-entropy by (1 − p_t)^γ, where p_t is "
    "the probability the detector gives the true class (the Walkthrough builds it "
    "up step by step). The factor shrinks the loss of easy examples sharply (to "
    "1/100 at p_t = 0.9 with γ = 2) and that of hard ones far less (never below "
    "1/4 of it for p_t ≤ 0.5).",
    # explorer: section 1
    "curves.header": "Cross-entropy and focal loss",
    "curves.title": "Loss for y = {y}",
    "curves.x_p": "p (predicted probability of “object”)",
    "curves.x_p_t": "p_t (probability of the true class)",
    "curves.y": "loss (nats)",
    "curves.ce": "CE",
    "curves.fl": "FL (γ = {gamma})",
    "curves.fl_balanced": "α-balanced FL (γ = {gamma}, α = {alpha})",
    "curves.ce_balanced": "α-balanced CE (α = {alpha})",
    "curves.well_classified": "well classified (p_t > 0.5)",
    "curves.caption": "Shaded: well-classified examples. Markers: the current p; "
    "an infinite loss (p_t = 0) puts its marker on the top edge.",
    # explorer: section 2
    "numbers.header": "The numbers at this point",
    "numbers.p_t": "p_t",
    "numbers.alpha_t": "α_t",
    "numbers.ce": "CE = −log p_t",
    "numbers.modulating": "(1 − p_t)^γ",
    "numbers.fl": "FL",
    "numbers.fl_balanced": "α_t · FL",
    "numbers.off": "off",
    "numbers.smaller": "Here {loss} is only 1/{times} of CE.",
    "numbers.smaller_inf": "Here {loss} is 0 while CE is not.",
    "numbers.equal": "Here {loss} equals CE (γ = 0).",
    "numbers.both_zero": "Both losses are 0 here: the prediction is certain and right.",
    "numbers.both_infinite": "Both losses are infinite here (p_t = 0): the "
    "prediction is certain and wrong.",
    "numbers.formula": "Focal loss with the current values substituted:",
    # explorer: section 3
    "ratio.header": "Hard versus easy examples",
    "ratio.explain": "A hard example (low p_t) and an easy one (high p_t); each ratio "
    "is the hard example's loss over the easy one's. Focal loss raises it by "
    "((1 − p_t,hard) / (1 − p_t,easy))^γ, the amplification.",
    "ratio.ce": "CE ratio",
    "ratio.fl": "FL ratio",
    "ratio.amplification": "Amplification",
    "ratio.title": "Hard / easy loss ratio against γ",
    "ratio.x": "γ",
    "ratio.y": "loss ratio hard / easy",
    "ratio.ce_line": "CE",
    "ratio.fl_line": "FL",
    "ratio.current": "γ = {gamma}",
    # explorer: section 4
    "family.header": "The paper's Figure 1",
    "family.explain": "FL against p_t for γ = 0, 0.5, 1, 2 and 5; γ = 0 is CE. "
    "Turn on the sweep, then press ▶ to sweep γ from 0 to 5 in the browser.",
    "family.title": "Focal loss for several γ",
    "family.x": "p_t (probability of the true class)",
    "family.y": "loss (nats)",
    "family.gamma": "γ = {gamma}",
    "family.current": "current γ = {gamma}",
    "family.sweep_current": "sweep: γ = {gamma}",
    "family.play": "Play",
    "family.pause": "Pause",
    # explorer: section 5
    "table.header": "The document's table, regenerated",
    "table.explain": "Exact values for the current γ{alpha}, with the document's "
    "printed values beside them. Highlighted: printed values that differ from the "
    "exact value at the precision printed. The last row is the current (p, y).",
    "table.alpha_note": " and α = {alpha}",
    "table.errata": "Why they differ: the document computed FL from CE already "
    "rounded to two decimals (2.30 × 0.81 = 1.863, while the exact product is "
    "2.302585… × 0.81 = 1.8651).",
    "table.other_gamma": "The document printed its table for γ = 2; at γ = {gamma} "
    "its (1 − p_t)^γ and FL columns are for a different γ. Set γ = 2 to compare "
    "like with like.",
    "table.printed": "printed",
    "table.current": "current",
    "table.row": "row",
    "table.download_csv": "Download CSV",
    "table.download_markdown": "Download Markdown",
    "table.download_latex": "Download LaTeX",
    # gradients page
    "gradients.title": "Gradients with respect to the logit",
    "gradients.intro": "Gradient descent moves the logit x against these "
    "derivatives, x ← x − η · dL/dx with η the learning rate (the paper's Appendix "
    "B and Figure 6, where y = 1). For focal loss the derivative is already small "
    "once the example is classified correctly: easy examples barely move x any "
    "more.",
    "gradients.chart_title": "Derivatives for y = {y}",
    "gradients.x": "x (logit, p = σ(x))",
    "gradients.y": "derivative",
    "gradients.ce": "dCE/dx",
    "gradients.fl": "dFL/dx (γ = {gamma})",
    "gradients.fl_balanced": "d(α_t FL)/dx (γ = {gamma}, α = {alpha})",
    "gradients.fl_star": "dFL*/dx (γ* = {gamma_star}, β = {beta})",
    "gradients.point": "The current example (p, y) has the logit x = {x}.",
    "gradients.prior": "Prior initialisation (§3.3): a bias of {bias} makes every "
    "anchor start at p = 0.01 instead of 0.5. Started at 0.5, the mass of "
    "background anchors, none of them easy yet, would give a huge loss that "
    "destabilises the first iterations of training.",
}

ZH: dict[str, str] = {
    "app.title": "Focal —— 图解 Focal Loss",
    "nav.explorer": "探索",
    "nav.gradients": "梯度",
    "controls.header": "控制面板",
    "param.alpha": "α —— 正样本的权重",
    "param.balance": "α 加权",
    "param.gamma": "γ —— 聚焦参数",
    "param.p": "p —— 预测为“有目标”的概率",
    "param.y": "标签 y",
    "param.lang": "语言 · Language",
    "param.present": "演示模式",
    "param.axis": "横轴",
    "param.log": "对数坐标",
    "param.sweep": "在浏览器中扫描 γ",
    "help.sweep": "图表在浏览器中让 γ 从 0 变到 5（下方的 ▶ 和滑块）；"
    "打开扫描时不画当前的 γ。",
    "param.hard": "困难样本的 p_t",
    "param.easy": "简单样本的 p_t",
    "param.view": "显示",
    "short.y": "y",
    "short.p": "p",
    "short.gamma": "γ",
    "short.balance": "α 加权",
    "short.alpha": "α",
    "short.lang": "语言 · Language",
    "short.present": "演示模式",
    "help.alpha": "正样本 α_t = α，负样本 α_t = 1 − α（式 3 和式 5）。",
    "help.balance": "关：原文表格（无 α）。开：乘以 α_t。",
    "help.gamma": "γ = 0 即交叉熵；论文中的最佳值为 γ = 2。",
    "help.p": "检测器对该锚框的 sigmoid 输出。",
    "help.y": "1：该锚框有目标。0：背景。",
    "option.y.1": "有目标（正样本）",
    "option.y.0": "背景（负样本）",
    "option.lang.en": "English",
    "option.lang.zh": "中文",
    "option.axis.p": "p",
    "option.axis.p_t": "p_t",
    "name.view.curves": "1 · 交叉熵与 FL",
    "name.view.ratio": "2 · 难易样本对比",
    "name.view.family": "3 · 图 1",
    "name.view.table": "4 · 表格",
    "notice.bad_param": "链接中“{name}”的取值无效，已改用默认值（{default}）。",
    "share.label": "当前视图的链接",
    "share.help": "复制此链接（右侧按钮），即可打开完全相同的状态。",
    "reset.label": "恢复默认值",
    "param.join": "扫码页",
    "join.open": "显示扫码二维码",
    "join.help": "全屏显示本页及当前状态的二维码，供手机扫描。",
    "join.title": "用手机扫码，打开本页",
    "join.alt": "下方链接的二维码",
    "join.back": "返回页面",
    "explorer.title": "Focal Loss 探索",
    "explorer.intro": "YOLO v3 这样的一阶段检测器每张图要给成千上万个锚框（候选框）"
    "打分，其中绝大多数是容易分类的背景。交叉熵会让这些大量的小损失累加起来，淹没"
    "少数有目标的样本。Focal Loss 给交叉熵乘上 (1 − p_t)^γ，其中 p_t 是检测器给"
    "真实类别的概率（“逐步讲解”页会一步步引出它）。这个因子大幅压低简单样本的损失"
    "（γ = 2 时，p_t = 0.9 处只剩 1/100），对困难样本则压得少得多（p_t ≤ 0.5 时"
    "至少保留 1/4）。",
    "curves.header": "交叉熵与 Focal Loss",
    "curves.title": "y = {y} 时的损失",
    "curves.x_p": "p（预测为“有目标”的概率）",
    "curves.x_p_t": "p_t（真实类别的概率）",
    "curves.y": "损失（nats）",
    "curves.ce": "CE",
    "curves.fl": "FL（γ = {gamma}）",
    "curves.fl_balanced": "α 加权 FL（γ = {gamma}，α = {alpha}）",
    "curves.ce_balanced": "α 加权 CE（α = {alpha}）",
    "curves.well_classified": "分类良好（p_t > 0.5）",
    "curves.caption": "阴影：分类良好的样本。标记点：当前的 p；损失为无穷大"
    "（p_t = 0）时，标记点画在上边缘。",
    "numbers.header": "当前点的数值",
    "numbers.p_t": "p_t",
    "numbers.alpha_t": "α_t",
    "numbers.ce": "CE = −log p_t",
    "numbers.modulating": "(1 − p_t)^γ",
    "numbers.fl": "FL",
    "numbers.fl_balanced": "α_t · FL",
    "numbers.off": "关闭",
    "numbers.smaller": "此处 {loss} 只有 CE 的 1/{times}。",
    "numbers.smaller_inf": "此处 {loss} 为 0，CE 却不是。",
    "numbers.equal": "此处 {loss} 等于 CE（γ = 0）。",
    "numbers.both_zero": "此处两种损失都为 0：预测完全正确且确定。",
    "numbers.both_infinite": "此处两种损失都是无穷大（p_t = 0）：预测完全确定，"
    "却是错的。",
    "numbers.formula": "代入当前数值的 Focal Loss：",
    "ratio.header": "困难样本与简单样本",
    "ratio.explain": "一个困难样本（p_t 低）和一个简单样本（p_t 高）；"
    "“之比”均为困难样本的损失除以简单样本的损失。Focal Loss 把这个比值放大 "
    "((1 − p_t,困难) / (1 − p_t,简单))^γ 倍，即放大倍数。",
    "ratio.ce": "CE 之比",
    "ratio.fl": "FL 之比",
    "ratio.amplification": "放大倍数",
    "ratio.title": "困难样本与简单样本的损失之比随 γ 的变化",
    "ratio.x": "γ",
    "ratio.y": "损失之比 困难 / 简单",
    "ratio.ce_line": "CE",
    "ratio.fl_line": "FL",
    "ratio.current": "γ = {gamma}",
    "family.header": "论文中的图 1",
    "family.explain": "γ = 0、0.5、1、2、5 时 FL 随 p_t 的变化；γ = 0 即 CE。"
    "打开扫描后点击 ▶，在浏览器中让 γ 从 0 连续变化到 5。",
    "family.title": "不同 γ 下的 Focal Loss",
    "family.x": "p_t（真实类别的概率）",
    "family.y": "损失（nats）",
    "family.gamma": "γ = {gamma}",
    "family.current": "当前 γ = {gamma}",
    "family.sweep_current": "扫描：γ = {gamma}",
    "family.play": "播放",
    "family.pause": "暂停",
    "table.header": "重新计算原文的表格",
    "table.explain": "当前 γ{alpha} 下的精确值，旁边是原文给出的数值。高亮：按原文"
    "给出的精度，与精确值不符的数。最后一行是当前的 (p, y)。",
    "table.alpha_note": "、α = {alpha}",
    "table.errata": "为什么不符：原文先把 CE 四舍五入到两位小数，再用它计算 FL"
    "（2.30 × 0.81 = 1.863，而精确乘积为 2.302585… × 0.81 = 1.8651）。",
    "table.other_gamma": "原文的表格是按 γ = 2 计算的；在 γ = {gamma} 时，其 "
    "(1 − p_t)^γ 和 FL 两列对应的是另一个 γ。把 γ 设为 2 即可对照比较。",
    "table.printed": "原文",
    "table.current": "当前",
    "table.row": "行",
    "table.download_csv": "下载 CSV",
    "table.download_markdown": "下载 Markdown",
    "table.download_latex": "下载 LaTeX",
    "gradients.title": "对 logit 的梯度",
    "gradients.intro": "梯度下降让 logit x 逆着这些导数移动：x ← x − η · dL/dx，"
    "η 为学习率（论文附录 B 与图 6，其中 y = 1）。对 Focal Loss 而言，样本一旦被"
    "正确分类，导数就已经很小：简单样本几乎不再推动 x。",
    "gradients.chart_title": "y = {y} 时的导数",
    "gradients.x": "x（logit，p = σ(x)）",
    "gradients.y": "导数",
    "gradients.ce": "dCE/dx",
    "gradients.fl": "dFL/dx（γ = {gamma}）",
    "gradients.fl_balanced": "d(α_t FL)/dx（γ = {gamma}，α = {alpha}）",
    "gradients.fl_star": "dFL*/dx（γ* = {gamma_star}，β = {beta}）",
    "gradients.point": "当前样本 (p, y) 的 logit 为 x = {x}。",
    "gradients.prior": "先验初始化（§3.3）：偏置取 {bias}，使每个锚框一开始的 "
    "p = 0.01，而不是 0.5。如果从 0.5 开始，海量的背景锚框（此时还谈不上简单）会"
    "产生巨大的损失，使训练最初的几次迭代不稳定。",
}


def _merge_page_tables() -> None:
    """Add the tables of every module in :mod:`focal.ui.text` (one per page).

    Each module defines ``EN`` and ``ZH`` for its own page; keys are prefixed
    with the page's name, so no two modules (and not this one) share a key.
    """
    for module in pkgutil.iter_modules(text_package.__path__):
        page = importlib.import_module(f"{text_package.__name__}.{module.name}")
        for table, extra in ((EN, page.EN), (ZH, page.ZH)):
            clash = set(table) & set(extra)
            if clash:
                raise KeyError(f"string keys defined twice: {sorted(clash)}")
            table.update(extra)


_merge_page_tables()

TABLES: dict[str, dict[str, str]] = {"en": EN, "zh": ZH}


def strings(lang: str) -> Mapping[str, str]:
    """The string table of ``lang``, falling back to English for an unknown code.

    Parameters
    ----------
    lang : str
        ``"en"`` or ``"zh"``.

    Returns
    -------
    mapping of str to str
        Key to text.
    """
    return TABLES.get(lang, EN)
