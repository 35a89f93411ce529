"""Figures for Part 8's first pages (cnn/conv2d, padding-channels, pooling), drawn by
./book record through tools/figures.py."""
from __future__ import annotations

import runner
from figures import Figure, plot, tr

# --- cnn/conv2d: the image, the kernel [1, -1] and the edges it finds -----------


def _edges():
    names = runner.snippet_globals("snippets/cnn/edge_detection.py")
    return {key: names[key].cpu().tolist() for key in ("X", "K", "Y")}


def _plot_edges(data, colors, path):
    def draw(ax):
        fig = ax.figure
        grid = fig.add_gridspec(1, 3, width_ratios=[12, 4, 11])
        ax.set_subplotspec(grid[0])
        kernel_ax, out_ax = fig.add_subplot(grid[1]), fig.add_subplot(grid[2])
        panels = [
            (ax, data["X"], "gray", 0, 1, tr(colors, "输入 X（10×12）", "input X (10×12)")),
            (kernel_ax, data["K"], "RdBu_r", -1.2, 1.2, tr(colors, "卷积核 K（1×2）", "kernel K (1×2)")),
            (out_ax, data["Y"], "RdBu_r", -1.2, 1.2, tr(colors, "输出 Y（10×11）", "output Y (10×11)")),
        ]
        for axes, values, cmap, low, high, title in panels:
            axes.imshow(values, cmap=cmap, vmin=low, vmax=high, interpolation="nearest")
            axes.set_title(title, fontsize=10)
            axes.set_xticks([])
            axes.set_yticks([])
            for side in axes.spines.values():
                side.set_visible(True)
                side.set_color(colors["muted"])
        for j, value in enumerate(data["K"][0]):
            kernel_ax.text(j, 0, f"{value:+.0f}".replace("-", "−"), ha="center", va="center",
                           color="#ffffff", fontsize=12)
        for i, row in enumerate(data["Y"]):
            for j, value in enumerate(row):
                if value:
                    out_ax.text(j, i, "+1" if value > 0 else "−1", ha="center", va="center",
                                color="#ffffff", fontsize=6)
    plot(colors, path, draw, figsize=(8.4, 2.8))


FIGURES = [
    Figure("cnn/edge-detection", ["snippets/cnn/edge_detection.py"], _edges, _plot_edges),
]
