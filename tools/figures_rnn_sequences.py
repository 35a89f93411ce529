"""Figures for Part 9's digits-LSTM page (drawn by ./book record through tools/figures.py)."""
from __future__ import annotations

import re

import runner
from figures import Figure, plot, tr

DIGITS_LSTM = "snippets/rnn/digits_lstm.py"
DIGITS_RNN_GRU = "snippets/rnn/digits_rnn_gru.py"


def _recorded_accuracy(path, pattern):
    """A final test accuracy from an earlier page's recording (the MLP's, the CNN's)."""
    text = (runner.ROOT / path).read_text(encoding="utf-8")
    return float(re.findall(pattern, text)[-1])


def _digits_epochs():
    """Test hits after each epoch: the LSTM of digits_lstm.py, the GRU and the RNN of
    digits_rnn_gru.py (the recorded runs, one thread as in the tests)."""
    import torch
    torch.set_num_threads(1)
    lstm = runner.snippet_globals(DIGITS_LSTM)["history"]
    others = runner.snippet_globals(DIGITS_RNN_GRU)["history"]
    return {
        "runs": {"LSTM": [n / 450 for n in lstm],
                 "GRU": [n / 450 for n in others["GRU"]],
                 "RNN": [n / 450 for n in others["RNN"]]},
        "mlp": _recorded_accuracy("outputs/training/mlp_digits.txt", r"test acc (\d\.\d+)"),
        "cnn": _recorded_accuracy("outputs/cnn/cnn_digits.txt", r"test accuracy (\d\.\d+)"),
    }


def _plot_epochs(data, colors, path):
    labels = {"LSTM": "LSTM", "GRU": "GRU", "RNN": tr(colors, "普通 RNN", "plain RNN")}

    def draw(ax):
        for i, (name, accs) in enumerate(data["runs"].items()):
            epochs = range(1, len(accs) + 1)
            ax.plot(epochs, accs, marker="o", markersize=3, color=colors["line"][i],
                    label=f"{labels[name]} ({accs[-1]:.3f})")
        for value, name, style, where in ((data["mlp"], "MLP", ":", "top"),
                                          (data["cnn"], "CNN", "--", "bottom")):
            ax.axhline(value, color=colors["muted"], linestyle=style, linewidth=1)
            ax.text(15.6, value, f"{name} {value:.3f}", va=where, fontsize=9,
                    color=colors["muted"])
        ax.set_ylim(0.75, 1.0)
        ax.set_xlim(0.5, 15.5)
        ax.set_xticks([1, 5, 10, 15])
        ax.set_xlabel(tr(colors, "轮次", "epoch"))
        ax.set_ylabel(tr(colors, "测试准确率（450 张）", "test accuracy (450 digits)"))
        ax.legend(loc="lower right", fontsize=9)
    plot(colors, path, draw, figsize=(6.4, 3.8))


FIGURES = [
    Figure("rnn/digits-rnn-epochs", [DIGITS_LSTM, DIGITS_RNN_GRU], _digits_epochs, _plot_epochs),
]
