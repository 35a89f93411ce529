"""Figures for Part 9's attention pages: the seq2seq attention heat map and the
sinusoidal positional encodings (drawn by ./book record through tools/figures.py)."""
from __future__ import annotations

import runner
from figures import Figure, plot, tr

SEQ2SEQ = "snippets/rnn/seq2seq_attention.py"
POSITIONAL = "snippets/rnn/positional_encoding.py"


def _attention():
    """The recorded run's attention weights for the first test string."""
    names = runner.snippet_globals(SEQ2SEQ)
    length = int(names["len_test"][0])
    return {
        "weights": names["example"].cpu().tolist(),               # (L + 1, L)
        "source": names["src_test"][0, :length].cpu().tolist(),
        "output": names["pred"][0, :length + 1].cpu().tolist(),
        "eos": names["EOS"],
    }


def _plot_attention(data, colors, path):
    import numpy as np
    weights = np.array(data["weights"])
    out_labels = ["EOS" if t == data["eos"] else str(t)
                  for t in data["output"]]

    def draw(ax):
        cmap = "Blues" if colors["theme"] == "light" else "cividis"
        image = ax.imshow(weights, cmap=cmap, vmin=0, vmax=1)
        for t in range(weights.shape[0]):
            for j in range(weights.shape[1]):
                w = weights[t, j]
                light = (w > 0.5) if colors["theme"] == "light" else (w < 0.5)
                ax.text(j, t, f"{w:.2f}", ha="center", va="center", fontsize=8,
                        color="white" if light else "black")
        ax.set_xticks(range(weights.shape[1]), [str(d) for d in data["source"]])
        ax.set_yticks(range(weights.shape[0]), out_labels)
        ax.set_xlabel(tr(colors, "输入（编码器的位置）", "input (encoder position)"))
        ax.set_ylabel(tr(colors, "输出（解码的每一步）", "output (decoder step)"))
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
        ax.tick_params(length=0)
        ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    plot(colors, path, draw, figsize=(5.0, 4.6))


def _positional():
    """The snippet's encodings: 50 positions, 16 dimensions."""
    return {"pe": runner.snippet_globals(POSITIONAL)["pe"].cpu().tolist()}


def _plot_positional(data, colors, path):
    import numpy as np
    pe = np.array(data["pe"])                                    # (50, 16)

    def draw(ax):
        image = ax.imshow(pe.T, cmap="RdBu_r", vmin=-1, vmax=1, aspect="auto",
                          interpolation="nearest")
        ax.set_xlabel(tr(colors, "位置 p", "position p"))
        ax.set_ylabel(tr(colors, "维度（偶数 sin，奇数 cos）",
                         "dimension (even: sin, odd: cos)"))
        ax.set_yticks(range(0, pe.shape[1], 2))
        ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.03)
    plot(colors, path, draw, figsize=(7.0, 3.2))


FIGURES = [
    Figure("rnn/attention-heatmap", [SEQ2SEQ], _attention, _plot_attention),
    Figure("rnn/positional-encoding", [POSITIONAL], _positional, _plot_positional),
]
