"""Figures for the nn chapter (Part 4) (drawn by ./book record through tools/figures.py)."""
from __future__ import annotations

import runner
from figures import Figure, dot_font, dot_svg, plot, tr

# --- Part 4: the two-layer net's loss: manual steps (sum, mean) and Adam -------

def _loss_curves():
    import torch
    train = runner.snippet_globals("snippets/nn/loss_reduction.py")["train"]
    return {
        "gradient descent, 'sum', lr 1e-4": list(runner.snippet_globals("snippets/nn/sequential_two_layer.py")["losses"]),
        "gradient descent, 'mean', lr 1e-4": train("mean", 1e-4, 500, torch.device("cpu"))[1],
        "Adam, 'sum', lr 1e-4": list(runner.snippet_globals("snippets/nn/adam_two_layer.py")["losses"]),
    }


def _plot_loss_curves(losses, colors, path):
    def draw(ax):
        for (label, values), style in zip(losses.items(), ("-", ":", "--")):
            if colors["lang"] == "zh":
                label = label.replace("gradient descent", "梯度下降").replace(", ", "，")
            ax.semilogy(range(1, len(values) + 1), values, label=label, linestyle=style)
        ax.set_xlabel(tr(colors, "训练步数", "step"))
        ax.set_ylabel(tr(colors, "平方和损失（对数坐标）", "sum-of-squares loss (log scale)"))
        ax.legend()
    plot(colors, path, draw)


# --- Part 4: module trees, registered (ModuleList) and not (a plain list) -----

TREE_TEXT = {
    "zh": {"registered": "nn.ModuleList：层已注册", "unregistered": "普通 list：层未注册",
           "hidden": "不在 named_modules() 里，\n也没有出现在 parameters() 中"},
    "en": {"registered": "nn.ModuleList: layers registered", "unregistered": "plain list: layers not registered",
           "hidden": "not in named_modules(),\nnor in parameters()"},
}


def _module_tree(module, prefix=""):
    """Nodes (path, label lines) and edges of a module tree, from named_children and own parameters."""
    import torch.nn as nn
    nodes, edges, stray = [], [], []
    own = [f"{prefix + '.' if prefix else ''}{n} {tuple(p.shape)}" for n, p in module.named_parameters(recurse=False)]
    name = prefix.rsplit(".", 1)[-1] or "model"
    nodes.append((prefix or "model", [f"{name}: {type(module).__name__}", *own]))
    for attr, value in vars(module).items():     # modules hidden in a plain list
        if isinstance(value, (list, tuple)) and value and all(isinstance(v, nn.Module) for v in value):
            stray.append((prefix or "model", attr, [type(v).__name__ for v in value]))
    for child_name, child in module.named_children():
        path = f"{prefix}.{child_name}" if prefix else child_name
        edges.append((prefix or "model", path))
        n, e, s = _module_tree(child, path)
        nodes, edges, stray = nodes + n, edges + e, stray + s
    return nodes, edges, stray


def _trees():
    import torch
    snippet = runner.snippet_globals("snippets/nn/list_vs_modulelist.py")
    torch.manual_seed(0)
    cpu = torch.device("cpu")
    trees = {"registered": _module_tree(snippet["ModuleListNet"](cpu)),
             "unregistered": _module_tree(snippet["ListNet"](cpu))}
    # the drawing must agree with what the modules report
    assert sum(len(lines) - 1 for _, lines in trees["registered"][0]) == len(list(snippet["ModuleListNet"](cpu).parameters()))
    assert sum(len(lines) - 1 for _, lines in trees["unregistered"][0]) == len(list(snippet["ListNet"](cpu).parameters()))
    return trees


def _dot_trees(trees, colors):
    q = lambda s: s.replace("\\", "\\\\").replace('"', '\\"')
    text = TREE_TEXT[colors["lang"]]
    sans, mono = dot_font(colors), dot_font(colors, "mono")
    lines = [
        "digraph trees {",
        f'  graph [bgcolor="transparent", rankdir=TB, nodesep=0.3, ranksep=0.35, fontname="{sans}",'
        f' fontcolor="{colors["fg"]}", fontsize=12];',
        f'  node [shape=box, fontname="{mono}", fontsize=10, color="{colors["muted"]}", fontcolor="{colors["fg"]}",'
        f' style=filled, fillcolor="{colors["box"]}", margin="0.12,0.05"];',
        f'  edge [color="{colors["muted"]}", arrowsize=0.6];',
    ]
    for k, (kind, (nodes, edges, stray)) in enumerate(trees.items()):
        lines.append(f'  subgraph cluster_{k} {{ label="{q(text[kind])}"; color="{colors["muted"]}"; style=dashed;')
        for path, label in nodes:
            lines.append(f'    "{k}:{path}" [label="{q(chr(10).join(label)).replace(chr(10), chr(92) + "l")}\\l"];')
        for a, b in edges:
            lines.append(f'    "{k}:{a}" -> "{k}:{b}";')
        for owner, attr, kinds in stray:
            label = f"{attr}: list [{', '.join(kinds)}]\n{text['hidden']}"
            lines.append(f'    "{k}:{owner}.{attr}" [label="{q(label).replace(chr(10), chr(92) + "n")}", style="dashed",'
                         f' fontcolor="{colors["muted"]}", fontname="{sans}"];')
            lines.append(f'    "{k}:{owner}" -> "{k}:{owner}.{attr}" [style=dashed];')
        lines.append("  }")
    lines.append("}")
    return "\n".join(lines)


def _plot_tree(trees, colors, path):
    path.write_text(dot_svg(_dot_trees(trees, colors)), encoding="utf-8")


FIGURES = [
    Figure("nn/loss-curves", ["snippets/nn/sequential_two_layer.py", "snippets/nn/loss_reduction.py",
                              "snippets/nn/adam_two_layer.py"], _loss_curves, _plot_loss_curves),
    Figure("nn/module-tree", ["snippets/nn/list_vs_modulelist.py"], _trees, _plot_tree),
]
