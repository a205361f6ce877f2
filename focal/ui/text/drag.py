"""The Explorer's on-drag chart (focal/ui/drag.py): its controls and exports."""

EN: dict[str, str] = {
    "drag.controls": "Drag γ or p: the curves and the numbers follow at once.",
    "drag.hover": "Point at the chart to read the values at any p.",
    "drag.hover_value": "{x} = {at}: CE {ce}, {fl_name} {fl}",
    "drag.download_svg": "Download SVG",
    "drag.download_png": "Download PNG",
    "drag.download_help": "Download the chart for slides",
    # the hard/easy view's chart (focal/ui/drag_ratio.py)
    "drag.ratio_gamma": "γ",
    "drag.ratio_hard": "hard p_t",
    "drag.ratio_easy": "easy p_t",
    "drag.ratio_hint": "Point at the chart to read the ratios at any γ.",
    "drag.ratio_hover": "γ = {at}: CE ratio {ce}, FL ratio {fl}",
}

ZH: dict[str, str] = {
    "drag.controls": "拖动 γ 或 p：曲线和数值即时跟随。",
    "drag.hover": "指向图表，读出任意 p 处的数值。",
    "drag.hover_value": "{x} = {at}：CE {ce}，{fl_name} {fl}",
    "drag.download_svg": "下载矢量图",
    "drag.download_png": "下载图片",
    "drag.download_help": "下载图表，用于幻灯片",
    "drag.ratio_gamma": "γ",
    "drag.ratio_hard": "困难 p_t",
    "drag.ratio_easy": "简单 p_t",
    "drag.ratio_hint": "指向图表，读出任意 γ 处的损失之比。",
    "drag.ratio_hover": "γ = {at}：CE 之比 {ce}，FL 之比 {fl}",
}
