"""Figures for Part 11's training-curves page (drawn by ./book record through tools/figures.py)."""
from __future__ import annotations

import runner
from figures import Figure, plot, tr


def _log_ticks(ax, ticks):
    """A log axis labelled with plain numbers (0.05, not 5 x 10^-2)."""
    from matplotlib.ticker import NullFormatter
    ax.set_yticks(ticks, labels=[f"{t:g}" for t in ticks])
    ax.yaxis.set_minor_formatter(NullFormatter())

# --- the digits MLP: train against validation, loss (log scale) and accuracy ---

def _curves():
    names = runner.snippet_globals("snippets/viz/curves_digits.py")
    return {"history": names["history"], "best": names["best"]}


def _plot_curves(which):
    def draw_figure(data, colors, path):
        history = data["history"]
        epochs = range(1, len(history["train_loss"]) + 1)

        def draw(ax):
            ax.plot(epochs, history[f"train_{which}"], marker="o", markersize=3,
                    label=tr(colors, "训练集", "training set"))
            ax.plot(epochs, history[f"val_{which}"], marker="s", markersize=3, linestyle="--",
                    label=tr(colors, "验证集", "validation set"))
            ax.set_xlabel(tr(colors, "轮次（epoch）", "epoch"))
            ax.set_xticks([1, 5, 10, 15, 20])
            if which == "loss":
                best = data["best"] + 1
                ax.axvline(best, color=colors["muted"], linewidth=0.8, linestyle=":")
                ax.annotate(tr(colors, f"验证损失最低：第 {best} 轮", f"lowest validation loss: epoch {best}"),
                            xy=(best, 0.5), xytext=(-6, 0), textcoords="offset points", ha="right",
                            color=colors["muted"], fontsize=9)
                ax.set_yscale("log")
                _log_ticks(ax, [0.02, 0.05, 0.1, 0.2, 0.5, 1])
                ax.set_ylabel(tr(colors, "交叉熵损失（对数坐标）", "cross-entropy loss (log scale)"))
                ax.legend(loc="lower left")
            else:
                ax.set_ylim(0.8, 1.0)
                ax.set_ylabel(tr(colors, "准确率", "accuracy"))
                ax.legend(loc="lower right")
        plot(colors, path, draw)
    return draw_figure


# --- smoothing a noisy loss: the EMA with and without its bias correction ------

def _smoothing():
    names = runner.snippet_globals("snippets/viz/curves_smoothing.py")
    return {key: names[key].tolist() for key in ("raw", "truth", "smooth", "biased")} | {"beta": names["beta"]}


def _plot_smoothing(data, colors, path):
    def draw(ax):
        steps = range(len(data["raw"]))
        ax.plot(steps, data["raw"], linewidth=0.5, alpha=0.45, color=colors["muted"],
                label=tr(colors, "每批损失（含噪声）", "per-batch loss (noisy)"))
        ax.plot(steps, data["truth"], color=colors["fg"], linestyle=":", label=tr(colors, "真实曲线", "truth"))
        ax.plot(steps, data["smooth"], color=colors["line"][0],
                label=tr(colors, f"EMA，β = {data['beta']}（已修正偏差）",
                         f"EMA, β = {data['beta']} (bias-corrected)"))
        ax.plot(steps, data["biased"], color=colors["line"][1], linestyle="--",
                label=tr(colors, "EMA，未修正偏差", "EMA without the correction"))
        ax.set_yscale("log")
        _log_ticks(ax, [0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5])
        ax.set_xlabel(tr(colors, "步数", "step"))
        ax.set_ylabel(tr(colors, "损失（对数坐标）", "loss (log scale)"))
        ax.legend(loc="lower left", fontsize=9)
    plot(colors, path, draw, figsize=(6.4, 4.0))


FIGURES = [
    Figure("viz/curves-loss", ["snippets/viz/curves_digits.py"], _curves, _plot_curves("loss")),
    Figure("viz/curves-accuracy", ["snippets/viz/curves_digits.py"], _curves, _plot_curves("acc")),
    Figure("viz/curves-smoothing", ["snippets/viz/curves_smoothing.py"], _smoothing, _plot_smoothing),
]
