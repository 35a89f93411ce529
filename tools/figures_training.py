"""Figures for the training chapter (Part 7) (drawn by ./book record through tools/figures.py)."""
from __future__ import annotations

import runner
from figures import Figure, plot, quietly

# --- Part 7: the 15 points and the line fitted by nn.Linear + SGD ------------

def _linreg_fit():
    return quietly(runner.load_snippet("snippets/training/linreg_nn.py").main)


def _plot_linreg_fit(fit, colors, path):
    def draw(ax):
        xs = [min(fit["x"]) - 0.5, max(fit["x"]) + 0.5]
        ax.scatter(fit["x"], fit["y"], color=colors["line"][1], zorder=3, label="training data (15 points)")
        ax.plot(xs, [fit["w"] * x + fit["b"] for x in xs], color=colors["line"][0],
                label=f"fitted line: y = {fit['w']:.3f} x + {fit['b']:.3f}")
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        ax.legend(loc="upper left")
    plot(colors, path, draw)


FIGURES = [
    Figure("training/linreg-fit", ["snippets/training/linreg_nn.py"], _linreg_fit, _plot_linreg_fit),
]
