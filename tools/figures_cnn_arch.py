"""Figures for Part 8's architecture pages (classic CNNs, ResNet and DenseNet)
(drawn by ./book record through tools/figures.py)."""
from __future__ import annotations

import runner
from figures import Figure, plot, tr

# --- cnn/classic.md: where each network keeps its parameters -----------------

_CLASSIC = [  # (label, snippet, the global that holds the network)
    ("LeNet", "snippets/cnn/lenet.py", "lenet"),
    ("AlexNet", "snippets/cnn/alexnet.py", "paper"),
    ("VGG-11", "snippets/cnn/vgg.py", "vgg11"),
    ("NiN", "snippets/cnn/nin.py", "nin"),
    ("GoogLeNet", "snippets/cnn/inception.py", "net"),
]


def _classic_params():
    from torch import nn
    rows = []
    for label, snippet, name in _CLASSIC:
        net = runner.snippet_globals(snippet)[name]
        conv = sum(p.numel() for m in net.modules() if isinstance(m, nn.Conv2d)
                   for p in m.parameters())
        linear = sum(p.numel() for m in net.modules() if isinstance(m, nn.Linear)
                     for p in m.parameters())
        assert conv + linear == sum(p.numel() for p in net.parameters()), label
        rows.append((label, conv, linear))
    return rows


def _plot_classic_params(rows, colors, path):
    def draw(ax):
        ys = range(len(rows))
        height = 0.38
        conv = [r[1] for r in rows]
        linear = [r[2] for r in rows]
        ax.barh([y - height / 2 for y in ys], conv, height,
                label=tr(colors, "卷积层", "convolutional layers"), color=colors["line"][1])
        ax.barh([y + height / 2 for y in ys], [max(v, 1) for v in linear], height,
                label=tr(colors, "全连接层", "fully connected layers"), color=colors["line"][0])
        for y, v in zip(ys, linear):
            if v == 0:
                ax.text(1.5, y + height / 2, tr(colors, "无", "none"), va="center",
                        color=colors["muted"], fontsize=9)
        ax.set_xscale("log")
        ax.set_xlim(1, 3e8)
        ax.set_yticks(list(ys), [r[0] for r in rows])
        ax.invert_yaxis()
        ax.set_xlabel(tr(colors, "参数个数（对数刻度）", "parameters (log scale)"))
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2)
    plot(colors, path, draw)


# --- cnn/resnet-densenet.md: gradient norm per layer, plain vs residual ------

def _grad_norms():
    return runner.snippet_globals("snippets/cnn/plain_vs_residual.py")["norms"]


def _plot_grad_norms(norms, colors, path):
    def draw(ax):
        for (name, values), style, marker in zip(norms.items(), ("--", "-"), ("s", "o")):
            label = {"plain": tr(colors, "普通网络", "plain"),
                     "residual": tr(colors, "残差网络", "residual")}[name]
            ax.plot(range(1, len(values) + 1), values, linestyle=style, marker=marker,
                    markersize=3, label=label)
        ax.set_yscale("log")
        ax.set_xlabel(tr(colors, "卷积层（1 = 靠近输入）", "convolution (1 = next to the input)"))
        ax.set_ylabel(tr(colors, "权重梯度的范数", "norm of the weight gradient"))
        ax.legend(loc="lower right")
    plot(colors, path, draw)


FIGURES = [
    Figure("cnn/classic-params", [s for _, s, _ in _CLASSIC], _classic_params, _plot_classic_params),
    Figure("cnn/grad-norm-depth", ["snippets/cnn/plain_vs_residual.py"], _grad_norms, _plot_grad_norms),
]
