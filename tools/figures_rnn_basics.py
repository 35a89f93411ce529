"""Figures for Part 9's first page, recurrent networks (drawn by ./book record through tools/figures.py)."""
from __future__ import annotations

import runner
from figures import Figure, plot, tr

BPTT = "snippets/rnn/bptt_gradients.py"


def _bptt_gradients():
    """The recorded run's gradient norms, for every step back, in each case."""
    cases = runner.snippet_globals(BPTT)["cases"]
    return {name: [float(v) for v in norms] for name, norms in cases.items()}


def _plot_bptt_gradients(cases, colors, path):
    def draw(ax):
        for (name, norms), style in zip(cases.items(), ("-", "-", "-", "-", "--")):
            label = name
            if colors["lang"] == "zh":
                label = label.replace(", inputs x1000", "，输入 ×1000")
            else:
                label = label.replace("x1000", "×1000")
            ax.semilogy(range(len(norms)), norms, label=label, linestyle=style, linewidth=1.6)
        ax.set_xlabel(tr(colors, "从最后一步往回的步数 k", "steps back from the last step, k"))
        ax.set_ylabel(tr(colors, "梯度范数（对数坐标）", "gradient norm (log scale)"))
        ax.legend(fontsize=9, loc="lower left")
    plot(colors, path, draw, figsize=(6.4, 3.8))


FIGURES = [
    Figure("rnn/bptt-gradients", [BPTT], _bptt_gradients, _plot_bptt_gradients),
]
