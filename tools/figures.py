"""The book's figures, drawn from real runs by `./book record`.

Each figure names the snippets it depends on; recording one of them redraws
it. Every figure is written twice, for Material's light and dark palettes, and
pages show the right one with `![...](file-light.svg#only-light)` and
`![...](file-dark.svg#only-dark)`.
"""
from __future__ import annotations

import contextlib
import dataclasses
import io
import shutil
import subprocess
from pathlib import Path
from typing import Callable

import runner

FIGURES = runner.ROOT / "docs" / "assets" / "figures"
THEMES = {
    "light": {"fg": "#1f2328", "muted": "#6e7781", "bg": "none", "line": ["#d9480f", "#1c7ed6"], "box": "#fff4e6"},
    "dark": {"fg": "#e6edf3", "muted": "#8b949e", "bg": "none", "line": ["#ff922b", "#74c0fc"], "box": "#2b2f36"},
}


def quietly(fn, *args):
    with contextlib.redirect_stdout(io.StringIO()):
        return fn(*args)


@dataclasses.dataclass
class Figure:
    name: str                 # docs/assets/figures/<name>-<theme>.svg
    depends_on: list[str]     # snippet paths, or [] for a diagram drawn from data here
    compute: Callable         # () -> data, run once (the real run of the snippets)
    plot: Callable            # (data, theme colours, path) -> None, once per theme

    def paths(self) -> list[Path]:
        return [FIGURES / f"{self.name}-{theme}.svg" for theme in THEMES]

    def draw(self) -> list[Path]:
        data = self.compute()
        for colors, path in zip(THEMES.values(), self.paths()):
            path.parent.mkdir(parents=True, exist_ok=True)
            self.plot(data, colors, path)
        return self.paths()


def _plot(colors, path, draw):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    style = {
        "svg.fonttype": "none", "svg.hashsalt": "runnable-pytorch", "font.size": 11,
        "text.color": colors["fg"], "axes.labelcolor": colors["fg"], "axes.edgecolor": colors["muted"],
        "xtick.color": colors["fg"], "ytick.color": colors["fg"], "axes.prop_cycle": matplotlib.cycler(color=colors["line"]),
        "legend.frameon": False,
    }
    with plt.rc_context(style):
        fig, ax = plt.subplots(figsize=(6.4, 3.6))
        draw(ax)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()
        fig.savefig(path, transparent=True, metadata={"Date": None}, bbox_inches="tight")
        plt.close(fig)


# --- Part 1: the two-layer net's loss, NumPy and torch -----------------------

def _two_layer_losses():
    return {
        "NumPy (float64)": quietly(runner.load_snippet("snippets/tensors/numpy_two_layer.py").main),
        "torch (float32)": quietly(runner.load_snippet("snippets/tensors/torch_two_layer.py").main),
    }


def _plot_two_layer_losses(losses, colors, path):
    def draw(ax):
        for (label, values), style in zip(losses.items(), ("-", "--")):
            ax.semilogy(range(1, len(values) + 1), values, label=label, linestyle=style)
        ax.set_xlabel("step")
        ax.set_ylabel("sum-of-squares loss (log scale)")
        ax.legend()
    _plot(colors, path, draw)


# --- Part 1: one storage, three views (shapes, strides and offsets from torch) --

def _views_of_one_storage():
    import torch
    a = torch.arange(6).view(2, 3)
    views = {"a = arange(6).view(2, 3)": a, "a.t()": a.t(), "a[:, 1:]": a[:, 1:]}
    # where each element of each view lives in the shared storage, from its real strides
    layout = {}
    for name, v in views.items():
        assert v.untyped_storage().data_ptr() == a.untyped_storage().data_ptr()
        rows, cols = v.shape
        cells = [[v.storage_offset() + i * v.stride(0) + j * v.stride(1) for j in range(cols)] for i in range(rows)]
        assert [[int(a.flatten()[k]) for k in row] for row in cells] == v.tolist()
        layout[name] = {"cells": cells, "stride": v.stride(), "offset": v.storage_offset()}
    return layout


def _plot_views(layout, colors, path):
    import matplotlib.patches as patches

    palette = ["#e8590c", "#1c7ed6", "#2f9e44", "#ae3ec9", "#f08c00", "#0c8599"]

    def cell(ax, x, y, k):
        ax.add_patch(patches.Rectangle((x, y), 0.9, 0.9, facecolor=palette[k], alpha=0.35, edgecolor=colors["muted"]))
        ax.text(x + 0.45, y + 0.45, str(k), ha="center", va="center", fontsize=11)

    def draw(ax):
        ax.text(0, 5.55, "storage (one block of memory)", fontsize=10)
        for k in range(6):
            cell(ax, k, 4.5, k)
        x0 = 0
        for name, view in layout.items():
            cells = view["cells"]
            for i, row in enumerate(cells):
                for j, k in enumerate(row):
                    cell(ax, x0 + j, 2.5 - i, k)
            ax.text(x0, 3.6, name, fontsize=10)
            ax.text(x0, 2.5 - (len(cells) - 1) - 0.15, f"stride {view['stride']}, offset {view['offset']}",
                    fontsize=9, color=colors["muted"], va="top")
            x0 += len(cells[0]) + 1.4
        ax.set_xlim(-0.2, x0)
        ax.set_ylim(-0.2, 6)
        ax.set_aspect("equal")
        ax.axis("off")
    _plot(colors, path, draw)


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


def _dot_source(lang: str, colors: dict) -> str:
    col = 1 if lang == "zh" else 2
    q = lambda s: s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    lines = [
        "digraph troubleshooting {",
        f'  graph [bgcolor="transparent", rankdir=TB, nodesep=0.35, ranksep=0.35, fontname="sans-serif"];',
        f'  node [fontname="sans-serif", fontsize=11, color="{colors["muted"]}", fontcolor="{colors["fg"]}",'
        f' style=filled, fillcolor="{colors["box"]}", margin="0.12,0.05"];',
        f'  edge [fontname="sans-serif", fontsize=10, color="{colors["muted"]}", fontcolor="{colors["fg"]}"];',
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


def _plot_diagram(lang, colors, path):
    dot = shutil.which("dot")
    if dot is None:
        raise SystemExit("record: the troubleshooting diagram needs Graphviz's `dot` (Debian: apt-get install graphviz)")
    svg = subprocess.run([dot, "-Tsvg"], input=_dot_source(lang, colors), capture_output=True, text=True, check=True).stdout
    path.write_text(svg, encoding="utf-8")


REGISTRY = [
    Figure("tensors/two-layer-loss", ["snippets/tensors/numpy_two_layer.py", "snippets/tensors/torch_two_layer.py"],
           _two_layer_losses, _plot_two_layer_losses),
    Figure("tensors/views-of-one-storage", ["snippets/tensors/views.py"], _views_of_one_storage, _plot_views),
    Figure("preface/troubleshooting-zh", [], lambda: "zh", _plot_diagram),
    Figure("preface/troubleshooting-en", [], lambda: "en", _plot_diagram),
]


def affected(recorded: set[str]) -> list[Figure]:
    """Figures to redraw after recording these snippets (diagrams: on a full record)."""
    everything = recorded >= {runner.rel(p) for p in runner.all_snippets()}
    return [f for f in REGISTRY if (everything and not f.depends_on) or set(f.depends_on) & recorded]
