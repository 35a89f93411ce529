"""Figures for the tensors chapter (Part 1) (drawn by ./book record through tools/figures.py)."""
from __future__ import annotations

import runner
from figures import Figure, plot, tr

# --- Part 1: the two-layer net's loss, NumPy and torch -----------------------

def _two_layer_losses():
    return {
        "NumPy (float64)": runner.snippet_globals("snippets/tensors/numpy_two_layer.py")["losses"],
        "torch (float32)": runner.snippet_globals("snippets/tensors/torch_two_layer.py")["losses"],
    }


def _plot_two_layer_losses(losses, colors, path):
    def draw(ax):
        for (label, values), style in zip(losses.items(), ("-", "--")):
            ax.semilogy(range(1, len(values) + 1), values, label=label, linestyle=style)
        ax.set_xlabel(tr(colors, "训练步数", "step"))
        ax.set_ylabel(tr(colors, "平方和损失（对数坐标）", "sum-of-squares loss (log scale)"))
        ax.legend()
    plot(colors, path, draw)


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
        ax.text(0, 5.55, tr(colors, "存储（一整块内存）", "storage (one block of memory)"), fontsize=10)
        for k in range(6):
            cell(ax, k, 4.5, k)
        x0 = 0
        for name, view in layout.items():
            cells = view["cells"]
            for i, row in enumerate(cells):
                for j, k in enumerate(row):
                    cell(ax, x0 + j, 2.5 - i, k)
            ax.text(x0, 3.6, name, fontsize=10)
            where = tr(colors, "步长 {stride}，偏移 {offset}", "stride {stride}, offset {offset}").format(**view)
            ax.text(x0, 2.5 - (len(cells) - 1) - 0.15, where,
                    fontsize=9, color=colors["muted"], va="top")
            x0 += len(cells[0]) + 1.4
        ax.set_xlim(-0.2, x0)
        ax.set_ylim(-0.2, 6)
        ax.set_aspect("equal")
        ax.axis("off")
    plot(colors, path, draw)


FIGURES = [
    Figure("tensors/two-layer-loss", ["snippets/tensors/numpy_two_layer.py", "snippets/tensors/torch_two_layer.py"],
           _two_layer_losses, _plot_two_layer_losses),
    Figure("tensors/views-of-one-storage", ["snippets/tensors/views.py"], _views_of_one_storage, _plot_views),
]
