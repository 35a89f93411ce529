"""Figures for the digits CNN page of Part 8 (drawn by ./book record through tools/figures.py)."""
from __future__ import annotations

import runner
from figures import Figure, plot, tr

DIGITS_CNN = "snippets/cnn/cnn_digits.py"


def _digits_cnn():
    """The recorded run's confusion matrix, first-layer filters and one digit's feature maps."""
    import torch
    names = runner.snippet_globals(DIGITS_CNN)
    model, x_test, y_test = names["model"], names["x_test"], names["y_test"]
    model.eval()
    with torch.no_grad():
        digit = x_test[:1]                                  # (1, 1, 8, 8)
        maps = model[0][:3](digit)                           # conv, BN, ReLU: (1, 16, 8, 8)
    return {
        "confusion": names["confusion"].tolist(),
        "filters": model[0][0].weight.detach().cpu()[:, 0].tolist(),   # (16, 3, 3)
        "digit": digit[0, 0].cpu().tolist(),
        "label": int(y_test[0]),
        "maps": maps[0].cpu().tolist(),                      # (16, 8, 8)
    }


def _plot_confusion(data, colors, path):
    import numpy as np
    counts = np.array(data["confusion"])

    def draw(ax):
        ax.imshow(np.log1p(counts), cmap="Blues" if colors["theme"] == "light" else "cividis")
        top = np.log1p(counts).max()
        for t in range(10):
            for p in range(10):
                if counts[t, p]:
                    dark_cell = np.log1p(counts[t, p]) > top / 2
                    light = dark_cell if colors["theme"] == "light" else not dark_cell
                    ax.text(p, t, str(counts[t, p]), ha="center", va="center", fontsize=8,
                            color="white" if light else "black")
        ax.set_xticks(range(10))
        ax.set_yticks(range(10))
        ax.set_xlabel(tr(colors, "预测的数字", "predicted digit"))
        ax.set_ylabel(tr(colors, "真实的数字", "true digit"))
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
        ax.tick_params(length=0)
    plot(colors, path, draw, figsize=(4.6, 4.2))


def _plot_filters(data, colors, path):
    import numpy as np
    filters = np.array(data["filters"])                     # (16, 3, 3)
    scale = np.abs(filters).max()

    def draw(ax):
        ax.axis("off")
        for i, kernel in enumerate(filters):
            row, col = divmod(i, 8)
            inset = ax.inset_axes([col / 8 + 0.01, 0.52 - row * 0.5, 1 / 8 - 0.02, 0.44])
            image = inset.imshow(kernel, cmap="RdBu_r", vmin=-scale, vmax=scale)
            inset.set_xticks([])
            inset.set_yticks([])
            inset.set_title(tr(colors, f"滤波器 {i}", f"filter {i}"), fontsize=8)
        bar = ax.inset_axes([1.02, 0.1, 0.02, 0.8])
        ax.figure.colorbar(image, cax=bar)
    plot(colors, path, draw, figsize=(7.2, 2.4))


def _plot_feature_maps(data, colors, path):
    import numpy as np
    maps = np.array(data["maps"])                           # (16, 8, 8)

    def draw(ax):
        ax.axis("off")
        digit = ax.inset_axes([0.0, 0.12, 0.2, 0.76])
        digit.imshow(np.array(data["digit"]), cmap="gray_r")
        digit.set_xticks([])
        digit.set_yticks([])
        digit.set_title(tr(colors, f"输入（数字 {data['label']}）", f"input (a {data['label']})"), fontsize=9)
        top = maps.max()
        for i, fmap in enumerate(maps):
            row, col = divmod(i, 8)
            inset = ax.inset_axes([0.25 + col * 0.094, 0.52 - row * 0.5, 0.086, 0.42])
            inset.imshow(fmap, cmap="magma", vmin=0, vmax=top)
            inset.set_xticks([])
            inset.set_yticks([])
            inset.set_title(str(i), fontsize=8)
    plot(colors, path, draw, figsize=(8.0, 2.4))


FIGURES = [
    Figure("cnn/digits-confusion", [DIGITS_CNN], _digits_cnn, _plot_confusion),
    Figure("cnn/digits-filters", [DIGITS_CNN], _digits_cnn, _plot_filters),
    Figure("cnn/digits-feature-maps", [DIGITS_CNN], _digits_cnn, _plot_feature_maps),
]
