"""Figures for the GAN and DCGAN pages of Part 10 (drawn by ./book record through tools/figures.py)."""
from __future__ import annotations

import runner
from figures import Figure, plot, tr

GAN = "snippets/gen/gan_mixture.py"
DCGAN = "snippets/gen/dcgan_digits.py"


def _gan():
    import torch
    names = runner.snippet_globals(GAN)
    with torch.no_grad():
        fake = names["G"](names["z_test"]).flatten().cpu()
    return {"history": names["history"], "fake": fake.tolist(),
            "real": names["real_test"].flatten().cpu().tolist(),
            "w1_start": names["w1_start"]}


def _plot_losses(data, colors, path):
    steps, loss_d, loss_g, dist = zip(*data["history"])

    def draw(ax):
        ax.plot(steps, loss_d, label=tr(colors, "判别器损失 loss_D", "discriminator loss_D"))
        ax.plot(steps, loss_g, label=tr(colors, "生成器损失 loss_G", "generator loss_G"))
        ax.plot(steps, dist, label=tr(colors, "W1 距离", "W1 distance"))
        # the key sits at the left (a phone shows the left part of a wide figure first):
        # the legend in the empty band above the curves, the two levels' names near x = 0,
        # log 4 above its line, log 2 below its own (where no curve runs at the start)
        for level, name, dy, va in [(1.386, "log 4", 0.03, "bottom"), (0.693, "log 2", -0.03, "top")]:
            ax.axhline(level, color=colors["muted"], lw=0.8, ls="--")
            ax.text(steps[1], level + dy, name, color=colors["muted"], ha="left", va=va, fontsize=9)
        ax.set_xlabel(tr(colors, "训练步数", "training step"))
        ax.set_ylim(0, 2.4)
        ax.set_yticks([0, 0.5, 1.0, 1.5, 2.0])
        ax.legend(loc="upper left", ncol=1, fontsize=10)
    plot(colors, path, draw)


def _plot_samples(data, colors, path):
    import numpy as np

    def draw(ax):
        bins = np.linspace(-4, 4, 81)
        ax.hist(data["real"], bins=bins, density=True, alpha=0.5, label=tr(colors, "目标分布的样本", "target samples"))
        ax.hist(data["fake"], bins=bins, density=True, histtype="step", lw=1.8,
                label=tr(colors, "生成器的样本（训练后）", "generator samples (trained)"))
        ax.set_xlabel("x")
        ax.set_ylabel(tr(colors, "密度", "density"))
        ax.legend(loc="upper left", bbox_to_anchor=(0, -0.2))    # below, at the left
    plot(colors, path, draw)


def _dcgan():
    names = runner.snippet_globals(DCGAN)
    return {"samples": {int(s): x[:12, 0].tolist() for s, x in names["samples"].items()}}


def _plot_grid(data, colors, path):
    import numpy as np
    steps = sorted(data["samples"])

    def draw(ax):
        ax.axis("off")
        rows = len(steps)
        for r, step in enumerate(steps):
            images = np.array(data["samples"][step])          # (12, 8, 8), in [-1, 1]
            for c, image in enumerate(images):
                inset = ax.inset_axes([0.2 + c * 0.8 / 12, 1 - (r + 1) / rows + 0.01, 0.8 / 12 - 0.006,
                                       1 / rows - 0.02])
                inset.imshow(image, cmap="gray_r" if colors["theme"] == "light" else "gray",
                             vmin=-1, vmax=1)
                inset.set_xticks([])
                inset.set_yticks([])
            ax.text(0.0, 1 - (r + 0.5) / rows,
                    tr(colors, f"第 {step} 步", f"step {step}"),
                    va="center", fontsize=9, transform=ax.transAxes)
    plot(colors, path, draw, figsize=(7.2, 2.8))


FIGURES = [
    Figure("gen/gan-losses", [GAN], _gan, _plot_losses),
    Figure("gen/gan-samples", [GAN], _gan, _plot_samples),
    Figure("gen/dcgan-grid", [DCGAN], _dcgan, _plot_grid),
]
