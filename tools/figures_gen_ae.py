"""Figures for the autoencoder and VAE pages of Part 10 (drawn by ./book record through tools/figures.py)."""
from __future__ import annotations

import runner
from figures import Figure, plot, tr

AE = "snippets/gen/ae_digits.py"
VAE = "snippets/gen/vae_digits.py"


def _ae():
    """The recorded run's test originals (one per digit), their reconstructions and every test code."""
    import torch
    names = runner.snippet_globals(AE)
    model, x_test, y_test = names["model"], names["x_test"], names["y_test"]
    first = [int((y_test == k).nonzero()[0, 0]) for k in range(10)]
    model.eval()
    with torch.no_grad():
        recon = model(x_test[first])
    return {
        "originals": x_test[first].cpu().reshape(10, 8, 8).tolist(),
        "recons": recon.cpu().reshape(10, 8, 8).tolist(),
        "codes": names["codes_test"].cpu().tolist(),        # (450, 3)
        "labels": y_test.tolist(),
        "accuracy": names["acc"]["autoencoder code (3)"],
    }


def _vae():
    names = runner.snippet_globals(VAE)
    return {
        "samples": names["samples"][:48].cpu().reshape(48, 8, 8).tolist(),
        "path": names["path"].cpu().reshape(-1, 8, 8).tolist(),
        "steps": names["steps"],
    }


def _image_grid(ax, images, rows, cols, top=0.0, height=1.0, titles=None, row_labels=None):
    """Small gray images in a grid inside ax (axes fraction), ink dark on any theme."""
    import numpy as np
    ax.axis("off")
    cell_w, cell_h = 1 / cols, height / rows
    for i, image in enumerate(images):
        row, col = divmod(i, cols)
        inset = ax.inset_axes([col * cell_w + 0.004, 1 - top - (row + 1) * cell_h + 0.01,
                               cell_w - 0.008, cell_h - 0.02])
        inset.imshow(np.array(image), cmap="gray_r", vmin=0, vmax=1)
        inset.set_xticks([])
        inset.set_yticks([])
        if titles is not None and row == 0:
            inset.set_title(titles[col], fontsize=9)
        if row_labels is not None and col == 0:
            inset.set_ylabel(row_labels[row], fontsize=9)


def _plot_reconstructions(data, colors, path):
    def draw(ax):
        _image_grid(ax, data["originals"] + data["recons"], 2, 10,
                    titles=[str(k) for k in range(10)],
                    row_labels=[tr(colors, "原图", "original"), tr(colors, "重建", "rebuilt")])
    plot(colors, path, draw, figsize=(7.2, 1.9))


def _plot_codes(data, colors, path):
    import matplotlib
    import numpy as np
    codes, labels = np.array(data["codes"]), np.array(data["labels"])
    cmap = matplotlib.colormaps["tab10"]

    def draw(ax):
        ax.axis("off")
        for n, (i, j) in enumerate([(0, 1), (0, 2), (1, 2)]):
            sub = ax.inset_axes([n * 0.34, 0.0, 0.28, 0.86])
            for k in range(10):
                mask = labels == k
                sub.scatter(codes[mask, i], codes[mask, j], s=7, color=cmap(k), alpha=0.8,
                            linewidths=0, label=str(k), rasterized=True)
                cx, cy = codes[mask, i].mean(), codes[mask, j].mean()
                sub.text(cx, cy, str(k), fontsize=10, fontweight="bold", ha="center", va="center",
                         color=colors["fg"])
            sub.set_xlabel(tr(colors, f"编码第 {i + 1} 维", f"code {i + 1}"), fontsize=9)
            sub.set_ylabel(tr(colors, f"编码第 {j + 1} 维", f"code {j + 1}"), fontsize=9)
            sub.tick_params(labelsize=8)
            for side in ("top", "right"):
                sub.spines[side].set_visible(False)
        handles = [matplotlib.lines.Line2D([], [], marker="o", linestyle="", color=cmap(k),
                                           label=str(k)) for k in range(10)]
        handles = [handles[k] for k in (0, 5, 1, 6, 2, 7, 3, 8, 4, 9)]   # rows 0-4 and 5-9
        # the key at the left, over the first view (a phone shows a wide figure's left part)
        ax.legend(handles=handles, ncol=5, loc="lower left", bbox_to_anchor=(0.0, 0.88),
                  fontsize=9, handletextpad=0.1, columnspacing=0.8, alignment="left",
                  title=tr(colors, "数字（数字标在各类的均值处）", "digit (each label sits at its class mean)"),
                  title_fontsize=9)
    plot(colors, path, draw, figsize=(8.6, 3.4), dpi=130)


def _plot_samples(data, colors, path):
    def draw(ax):
        _image_grid(ax, data["samples"], 3, 16)
        ax.set_title(tr(colors, "解码从先验 N(0, I) 抽取的 48 个编码", "48 codes drawn from the prior N(0, I), decoded"),
                     fontsize=10, loc="left")
    plot(colors, path, draw, figsize=(7.6, 1.8))


def _plot_interpolation(data, colors, path):
    n = len(data["path"])

    def draw(ax):
        titles = [f"t={t / (n - 1):.2f}" for t in range(n)]
        titles[0] = tr(colors, f"{data['steps'][0]} 的编码", f"a {data['steps'][0]}'s code")
        titles[-1] = tr(colors, f"{data['steps'][-1]} 的编码", f"a {data['steps'][-1]}'s code")
        _image_grid(ax, data["path"], 1, n, titles=titles)
    plot(colors, path, draw, figsize=(7.2, 1.3))


FIGURES = [
    Figure("gen/ae-reconstructions", [AE], _ae, _plot_reconstructions),
    Figure("gen/ae-codes", [AE], _ae, _plot_codes),
    Figure("gen/vae-samples", [VAE], _vae, _plot_samples),
    Figure("gen/vae-interpolation", [VAE], _vae, _plot_interpolation),
]
