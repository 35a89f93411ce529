"""Figures for the preface (drawn by ./book record through tools/figures.py)."""
from __future__ import annotations

from figures import Figure, dot_font, dot_svg

# --- Part 0: the CUDA troubleshooting flow (Graphviz, one per language) -------

TROUBLESHOOTING = {
    # node: (shape, zh, en)
    "start": ("oval", "python -c \"import torch\"", "python -c \"import torch\""),
    "imports": ("diamond", "能导入吗？", "Does it import?"),
    "install": ("box", "在当前虚拟环境里安装：\npython -m pip install torch", "Install into the active venv:\npython -m pip install torch"),
    "avail": ("diamond", "torch.cuda.is_available()", "torch.cuda.is_available()"),
    "done": ("oval", "可以用 GPU 了", "The GPU is ready"),
    "cpu_build": ("diamond", "torch.version.cuda\n是 None 吗？", "Is torch.version.cuda\nNone?"),
    "reinstall": ("box", "装的是 CPU 版：\n按官网选择器换成 CUDA 版", "A CPU-only build:\nreinstall a CUDA build\n(the website's selector)"),
    "smi": ("diamond", "nvidia-smi 能运行吗？", "Does nvidia-smi run?"),
    "driver": ("box", "安装或修复 NVIDIA 驱动；\n容器里记得 --gpus all", "Install or repair the NVIDIA driver;\nin a container pass --gpus all"),
    "version": ("diamond", "驱动支持的 CUDA 版本\n≥ torch.version.cuda ？", "Driver's CUDA version\n≥ torch.version.cuda?"),
    "upgrade": ("box", "升级驱动，或换用\n更低 CUDA 版本的 torch", "Upgrade the driver, or install\na torch built for an older CUDA"),
    "visible": ("box", "检查 CUDA_VISIBLE_DEVICES\n是否把 GPU 藏起来了", "Check that CUDA_VISIBLE_DEVICES\ndoes not hide the GPU"),
}
# the checks run down a straight spine; each fix sits to the right of its check
TROUBLESHOOTING_SPINE = ["start", "imports", "avail", "cpu_build", "smi", "version", "visible"]
TROUBLESHOOTING_EDGES = [
    # (from, to, zh label, en label)
    ("start", "imports", "", ""),
    ("imports", "install", "否", "no"),
    ("imports", "avail", "是", "yes"),
    ("avail", "done", "True", "True"),
    ("avail", "cpu_build", "False", "False"),
    ("cpu_build", "reinstall", "是", "yes"),
    ("cpu_build", "smi", "否", "no"),
    ("smi", "driver", "否", "no"),
    ("smi", "version", "是", "yes"),
    ("version", "upgrade", "否", "no"),
    ("version", "visible", "是", "yes"),
]


def _dot_source(colors: dict) -> str:
    col = 1 if colors["lang"] == "zh" else 2
    font = dot_font(colors)
    q = lambda s: s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    lines = [
        "digraph troubleshooting {",
        f'  graph [bgcolor="transparent", rankdir=TB, nodesep=0.35, ranksep=0.35, fontname="{font}"];',
        f'  node [fontname="{font}", fontsize=11, color="{colors["muted"]}", fontcolor="{colors["fg"]}",'
        f' style=filled, fillcolor="{colors["box"]}", margin="0.12,0.05"];',
        f'  edge [fontname="{font}", fontsize=10, color="{colors["muted"]}", fontcolor="{colors["fg"]}"];',
    ]
    for node, spec in TROUBLESHOOTING.items():
        shape = {"oval": "ellipse", "diamond": "diamond", "box": "box"}[spec[0]]
        lines.append(f'  {node} [shape={shape}, label="{q(spec[col])}"];')
    spine = set(zip(TROUBLESHOOTING_SPINE, TROUBLESHOOTING_SPINE[1:]))
    for a, b, *labels in TROUBLESHOOTING_EDGES:
        attrs = [f'label=" {q(labels[col - 1])} "'] if labels[col - 1] else []
        if (a, b) in spine:
            attrs.append("weight=10")
        else:
            lines.append(f"  {{rank=same; {a}; {b}}}")
        lines.append(f"  {a} -> {b}" + (f" [{', '.join(attrs)}];" if attrs else ";"))
    lines.append("}")
    return "\n".join(lines)


def _plot_diagram(_, colors, path):
    path.write_text(dot_svg(_dot_source(colors)), encoding="utf-8")


FIGURES = [
    Figure("preface/troubleshooting", [], lambda: None, _plot_diagram),
]
