"""Figures for the graphs chapter (Part 3) (drawn by ./book record through tools/figures.py).

This process imports torch, so it never imports TensorFlow: each TensorFlow snippet runs
as a top-level script in a subprocess of its own, which sends back its `losses` as JSON.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import runner
from figures import Figure, dot_font, dot_svg, plot, tr

TWO_LAYER = {
    "TensorFlow 1 (Session)": "snippets/graphs/tf1_two_layer.py",
    "TensorFlow 2 (tf.function)": "snippets/graphs/tf2_two_layer.py",
    "PyTorch (autograd)": "snippets/graphs/torch_two_layer.py",
}

# run in the subprocess: the snippet as a script, then its top-level `losses` into a JSON file
_DUMP_LOSSES = (
    "import json, runpy, sys\n"
    "names = runpy.run_path(sys.argv[1], run_name='__main__')\n"
    "with open(sys.argv[2], 'w', encoding='utf-8') as f:\n"
    "    json.dump([float(v) for v in names['losses']], f)\n"
)


def losses_in_subprocess(snippet: str, env: dict[str, str] | None = None) -> tuple[list[float], str]:
    """Run a snippet as a script in a fresh Python; return its top-level `losses` and its stderr."""
    env = env if env is not None else runner.snippet_env("cpu")
    with tempfile.TemporaryDirectory(prefix="snippet-") as cwd:
        out = Path(cwd) / "losses.json"
        proc = subprocess.run([sys.executable, "-c", _DUMP_LOSSES, str(runner.ROOT / snippet), str(out)],
                              cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
        if proc.returncode != 0:
            raise RuntimeError(f"{snippet} failed in its subprocess:\n{proc.stderr[-3000:]}")
        return json.loads(out.read_text(encoding="utf-8")), proc.stderr


# --- Part 3: the two-layer net trained three ways -------------------------------

def _three_ways():
    losses = {}
    for label, snippet in TWO_LAYER.items():
        if "torch" in snippet:   # torch may run here; TensorFlow never does
            losses[label] = list(runner.snippet_globals(snippet)["losses"])
        else:
            losses[label] = losses_in_subprocess(snippet)[0]
    return losses


def _plot_three_ways(losses, colors, path):
    reference = losses["PyTorch (autograd)"]

    def draw(ax):
        fig = ax.figure
        grid = fig.add_gridspec(1, 2, width_ratios=[1.25, 1])
        ax.set_subplotspec(grid[0])
        right = fig.add_subplot(grid[1])
        # the three curves coincide: wide solid, dashed and dotted lines keep all three visible
        for (label, values), (style, width) in zip(losses.items(), [("-", 4.5), ("--", 2.5), (":", 1.5)]):
            ax.semilogy(range(1, len(values) + 1), values, label=label, linestyle=style, linewidth=width)
        ax.set_xlabel(tr(colors, "训练步数", "step"))
        ax.set_ylabel(tr(colors, "平方和损失（对数坐标）", "sum-of-squares loss (log scale)"))
        ax.legend()
        # how far apart they are: relative difference from PyTorch, per step
        tf1, tf2 = (losses[label] for label in list(losses)[:2])
        runs = {"TensorFlow 1 = TensorFlow 2": tf1} if tf1 == tf2 else {"TensorFlow 1": tf1, "TensorFlow 2": tf2}
        for (label, values), color in zip(runs.items(), colors["line"]):
            gap = [max(abs(a - b) / b, FLOOR) for a, b in zip(values, reference)]
            right.semilogy(range(1, len(gap) + 1), gap, label=label, color=color, linewidth=1)
        right.set_ylim(FLOOR / 3, 1e-3)
        right.set_xlabel(tr(colors, "训练步数", "step"))
        right.set_ylabel(tr(colors, "相对差 |TF − PyTorch| / PyTorch", "|TF - PyTorch| / PyTorch"))
        right.legend()
        for side in ("top", "right"):
            right.spines[side].set_visible(False)
    plot(colors, path, draw, figsize=(10, 3.8))


FLOOR = 1e-17   # identical steps (difference 0) are drawn at this floor of the log scale


# --- Part 3: define-and-run against define-by-run (Graphviz, one per language) ---

WORKFLOW = {
    # node: (cluster, shape, zh, en)
    "build": ("tf1", "box", "Python 代码构建计算图\n（只运行一次）", "Python code builds the graph\n(runs once)"),
    "static": ("tf1", "box3d", "静态图\nplaceholder → matmul → maximum → matmul → loss\n→ tf.gradients → assign",
              "static graph\nplaceholder → matmul → maximum → matmul → loss\n→ tf.gradients → assign"),
    "run": ("tf1", "box", "sess.run(fetches, feed_dict)\n喂入数据，执行整张图", "sess.run(fetches, feed_dict)\nfeed the data, execute the graph"),
    "step": ("torch", "box", "Python 循环的第 t 步", "Python loop, step t"),
    "forward": ("torch", "box", "前向：一边计算，一边记录\n第 t 张图", "forward: compute, and record\ngraph t on the way"),
    "backward": ("torch", "box", "loss.backward()\n沿第 t 张图求梯度，然后释放它", "loss.backward()\ngradients along graph t, then free it"),
    "update": ("torch", "box", "在 torch.no_grad() 下更新权重", "update the weights under torch.no_grad()"),
}
WORKFLOW_EDGES = [
    # (from, to, zh label, en label)
    ("build", "static", "定义", "define"),
    ("static", "run", "运行", "run"),
    ("run", "static", "500 次：同一张图", "500 times: the same graph"),
    ("step", "forward", "", ""),
    ("forward", "backward", "", ""),
    ("backward", "update", "", ""),
    ("update", "step", "t + 1：新的一张图", "t + 1: a new graph"),
]
CLUSTERS = {"tf1": ("TensorFlow 1：先定义后运行", "TensorFlow 1: define, then run"),
            "torch": ("PyTorch：边运行边定义", "PyTorch: define by running")}


def _workflow_dot(colors: dict) -> str:
    col = 0 if colors["lang"] == "zh" else 1
    font = dot_font(colors)
    q = lambda text: text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    lines = [
        "digraph workflow {",
        f'  graph [bgcolor="transparent", rankdir=TB, nodesep=0.4, ranksep=0.45, fontname="{font}",'
        f' fontcolor="{colors["fg"]}", fontsize=13];',
        f'  node [fontname="{font}", fontsize=11, color="{colors["muted"]}", fontcolor="{colors["fg"]}",'
        f' style=filled, fillcolor="{colors["box"]}", margin="0.15,0.06"];',
        f'  edge [fontname="{font}", fontsize=10, color="{colors["muted"]}", fontcolor="{colors["fg"]}"];',
    ]
    for cluster, titles in CLUSTERS.items():
        lines.append(f'  subgraph cluster_{cluster} {{ label="{titles[col]}"; color="{colors["muted"]}"; style=dashed;')
        for node, (where, shape, *labels) in WORKFLOW.items():
            if where == cluster:
                lines.append(f'    {node} [shape={shape}, label="{q(labels[col])}"];')
        lines.append("  }")
    for a, b, *labels in WORKFLOW_EDGES:
        back = (a, b) in {("run", "static"), ("update", "step")}
        attrs = [f'label=" {q(labels[col])} "'] if labels[col] else []
        if back:
            attrs += ["constraint=false", "style=dashed"]
        lines.append(f"  {a} -> {b}" + (f" [{', '.join(attrs)}];" if attrs else ";"))
    lines.append("}")
    return "\n".join(lines)


def _plot_workflow(_, colors, path):
    path.write_text(dot_svg(_workflow_dot(colors)), encoding="utf-8")


FIGURES = [
    Figure("graphs/two-layer-three-ways", list(TWO_LAYER.values()), _three_ways, _plot_three_ways),
    Figure("graphs/define-and-run", ["snippets/graphs/tf1_two_layer.py", "snippets/graphs/torch_two_layer.py"],
           lambda: None, _plot_workflow),
]
