"""Figures for the training chapter (Part 7) (drawn by ./book record through tools/figures.py)."""
from __future__ import annotations

import runner
from figures import Figure, plot, tr

# --- Part 7: the 15 points and the line fitted by nn.Linear + SGD ------------

def _linreg_fit():
    names = runner.snippet_globals("snippets/training/linreg_nn.py")
    return {key: names[name] for key, name in (("x", "x_train"), ("y", "y_train"), ("w", "w"), ("b", "b"))}


def _plot_linreg_fit(fit, colors, path):
    def draw(ax):
        xs = [min(fit["x"]) - 0.5, max(fit["x"]) + 0.5]
        points = tr(colors, "训练数据（{n} 个点）", "training data ({n} points)").format(n=len(fit["x"]))
        line = tr(colors, "拟合直线：", "fitted line: ") + f"y = {fit['w']:.3f} x + {fit['b']:.3f}"
        ax.scatter(fit["x"], fit["y"], color=colors["line"][1], zorder=3, label=points)
        ax.plot(xs, [fit["w"] * x + fit["b"] for x in xs], color=colors["line"][0], label=line)
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        ax.legend(loc="upper left")
    plot(colors, path, draw)


# --- Part 7: activation functions and their derivatives (the snippet's own modules) --

def _activation_curves():
    import torch
    activations = runner.snippet_globals("snippets/training/activations.py")["activations"]
    x = torch.linspace(-4, 4, 401, requires_grad=True)
    curves = {}
    for name in ("sigmoid", "tanh", "relu", "leaky_relu(0.1)", "gelu"):
        y = activations[name].cpu()(x)
        (grad,) = torch.autograd.grad(y.sum(), x)          # elementwise derivative
        curves[name] = (y.detach().tolist(), grad.tolist())
    return {"x": x.detach().tolist(), "curves": curves}


def _plot_activations(which):
    def draw_figure(data, colors, path):
        def draw(ax):
            styles = ["-", "-", "--", ":", "-."]
            for (name, values), style in zip(data["curves"].items(), styles):
                ax.plot(data["x"], values[which], label=name, linestyle=style, linewidth=1.8)
            ax.axhline(0, color=colors["muted"], linewidth=0.6)
            ax.axvline(0, color=colors["muted"], linewidth=0.6)
            ax.set_xlabel("x")
            ax.set_ylabel(tr(colors, "激活值 f(x)", "f(x)") if which == 0 else tr(colors, "f'(x)，由自动求导算出", "f'(x), by autograd"))
            ax.set_ylim((-1.5, 4.2) if which == 0 else (-0.2, 1.25))
            ax.legend(loc="upper left")
        plot(colors, path, draw)
    return draw_figure


# --- Part 7: the MLP on digits, accuracy per epoch -----------------------------

def _mlp_history():
    return runner.snippet_globals("snippets/training/mlp_digits.py")["history"]


def _plot_mlp_history(history, colors, path):
    def draw(ax):
        epochs = range(1, len(history) + 1)
        ax.plot(epochs, [h[1] for h in history], label=tr(colors, "训练集准确率", "training accuracy"),
                marker="o", markersize=3)
        ax.plot(epochs, [h[2] for h in history], label=tr(colors, "测试集准确率", "test accuracy"),
                marker="s", markersize=3, linestyle="--")
        ax.set_xlabel(tr(colors, "轮次（epoch）", "epoch"))
        ax.set_ylabel(tr(colors, "准确率", "accuracy"))
        ax.set_xticks([1, 5, 10, 15, 20])
        ax.legend(loc="lower right")
    plot(colors, path, draw)


FIGURES = [
    Figure("training/linreg-fit", ["snippets/training/linreg_nn.py"], _linreg_fit, _plot_linreg_fit),
    Figure("training/activations", ["snippets/training/activations.py"], _activation_curves, _plot_activations(0)),
    Figure("training/activation-derivatives", ["snippets/training/activations.py"], _activation_curves,
           _plot_activations(1)),
    Figure("training/mlp-accuracy", ["snippets/training/mlp_digits.py"], _mlp_history, _plot_mlp_history),
]
