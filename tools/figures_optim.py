"""Figures for the optimizers chapter (Part 6) (drawn by ./book record through tools/figures.py)."""
from __future__ import annotations

import runner
from figures import Figure, plot, tr

# --- Part 6: plain SGD, momentum and Nesterov in a narrow valley --------------

MOMENTUM = "snippets/optim/momentum.py"


def _momentum_paths():
    snippet = runner.snippet_globals(MOMENTUM)
    runs = snippet["runs"]
    return {
        "curvature": snippet["curvature"].tolist(),
        "paths": {name: (steps, path[:80].tolist()) for name, (path, steps) in runs.items()},
    }


def _plot_momentum_paths(data, colors, path):
    import numpy as np

    def draw(ax):
        a, b = data["curvature"]
        u, v = np.meshgrid(np.linspace(-4.5, 1.5, 200), np.linspace(-1.6, 1.6, 200))
        ax.contour(u, v, 0.5 * (a * u * u + b * v * v), levels=[0.05, 0.3, 1, 2.5, 5, 9, 15],
                   colors=colors["muted"], linewidths=0.6)
        for (name, (steps, points)), style in zip(data["paths"].items(), ("-", "-", "--")):
            zh = name.replace("plain SGD", "普通 SGD").replace("momentum", "动量")
            label = tr(colors, f"{zh}（{steps} 步）", f"{name} ({steps} steps)")
            points = np.array(points)
            ax.plot(points[:, 0], points[:, 1], linestyle=style, marker="o", markersize=2.2,
                    linewidth=1.1, label=label)
        ax.plot([0], [0], marker="*", markersize=11, color=colors["fg"], linestyle="none")
        ax.set_xlabel(tr(colors, "w[0]（平缓方向）", "w[0] (flat direction)"))
        ax.set_ylabel(tr(colors, "w[1]（陡峭方向）", "w[1] (steep direction)"))
        ax.set_aspect("equal")
        ax.legend(loc="upper right", fontsize=9)
    plot(colors, path, draw, figsize=(6.4, 3.2))


# --- Part 6: seven optimizers on one problem ------------------------------------

COMPARE = "snippets/optim/compare_optimizers.py"


def _compare_losses():
    return runner.snippet_globals(COMPARE)["curves"]


def _plot_compare_losses(curves, colors, path):
    def draw(ax):
        for (name, losses), style in zip(curves.items(), ("-", "-", "--", "-", "--", "-.", ":")):
            ax.semilogy(range(1, len(losses) + 1), losses, label=name, linestyle=style, linewidth=1.4)
        ax.set_xlabel(tr(colors, "训练步数", "step"))
        ax.set_ylabel(tr(colors, "均方误差（对数坐标）", "mean squared error (log scale)"))
        ax.legend(ncol=2, fontsize=9)
    plot(colors, path, draw)


# --- Part 6: three learning-rate schedules, from the real schedulers -----------

SCHEDULERS = "snippets/optim/schedulers.py"


def _schedules():
    return runner.snippet_globals(SCHEDULERS)["schedules"]


def _plot_schedules(schedules, colors, path):
    def draw(ax):
        for (name, lrs), style in zip(schedules.items(), ("-", "--", "-")):
            ax.plot(range(len(lrs)), lrs, label=name, linestyle=style, linewidth=1.6,
                    drawstyle="steps-post" if name == "StepLR" else "default")
        ax.set_xlabel(tr(colors, "训练步数（每步一次 optimizer.step()）", "step (one optimizer.step() each)"))
        ax.set_ylabel(tr(colors, "学习率", "learning rate"))
        ax.legend()
    plot(colors, path, draw)


FIGURES = [
    Figure("optim/momentum-paths", [MOMENTUM], _momentum_paths, _plot_momentum_paths),
    Figure("optim/compare-loss", [COMPARE], _compare_losses, _plot_compare_losses),
    Figure("optim/lr-schedules", [SCHEDULERS], _schedules, _plot_schedules),
]
