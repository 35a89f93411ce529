"""Figures for the character-level language model page of Part 9 (drawn by ./book record through tools/figures.py)."""
from __future__ import annotations

import runner
from figures import Figure, plot, tr

CHAR_LM = "snippets/rnn/char_lm.py"


def _char_lm():
    """The recorded run's perplexity per training step, on the held-out tail, and the two baselines."""
    names = runner.snippet_globals(CHAR_LM)
    return {
        "train": list(names["train_ppl"]),
        "held": [list(pair) for pair in names["held_ppl"]],
        "unigram": names["unigram"],
        "vocab": names["vocab_size"],
    }


def _plot_perplexity(data, colors, path):
    train, held = data["train"], data["held"]

    def draw(ax):
        ax.plot(range(len(train)), train, color=colors["line"][1], lw=1.4,
                label=tr(colors, "训练文本（每步）", "training text (every step)"))
        ax.plot([s for s, _ in held], [p for _, p in held], "o-", color=colors["line"][0], lw=1.4, ms=4,
                label=tr(colors, "保留的尾部（每 5 个 epoch）", "held-out tail (every 5 epochs)"))
        for value, label, style in [
                (data["vocab"], tr(colors, f"词表大小 {data['vocab']}", f"vocabulary size {data['vocab']}"), ":"),
                (data["unigram"], tr(colors, f"一元基线 {data['unigram']:.1f}", f"unigram {data['unigram']:.1f}"), "--")]:
            ax.axhline(value, color=colors["muted"], ls=style, lw=1)
            ax.text(len(train) - 1, value * 1.07, label, ha="right", va="bottom", fontsize=9, color=colors["muted"])
        ax.set_yscale("log")
        ax.set_xlabel(tr(colors, "训练步数", "training step"))
        ax.set_ylabel(tr(colors, "困惑度（对数坐标）", "perplexity (log scale)"))
        ax.legend(loc="lower left", fontsize=9)
    plot(colors, path, draw, figsize=(6.4, 3.6))


FIGURES = [
    Figure("rnn/charlm-perplexity", [CHAR_LM], _char_lm, _plot_perplexity),
]
