"""Figures for the autograd chapter (Part 2) (drawn by ./book record through tools/figures.py).

The graphs are walked from real `grad_fn` objects: each node is a backward
function, each arrow one of its `next_functions`, in the direction backward()
travels; leaves end in AccumulateGrad, which writes the tensor's `.grad`, and a
None slot (dashed) stands for an input that needs no gradient.
"""
from __future__ import annotations

import re

import runner
from figures import Figure, dot_font, dot_svg, tr


def _walk(root, names):
    """Nodes and edges of the graph below root.grad_fn, in depth-first order.

    names maps id(tensor) -> name for the leaves; the root tensor is drawn as 'loss'."""
    nodes, edges, seen = [("root", "tensor", "loss\n" + _shape(root))], [("root", "n0")], {}

    def visit(fn):
        if id(fn) in seen:
            return seen[id(fn)]
        key = seen[id(fn)] = f"n{len(seen)}"
        if hasattr(fn, "variable"):      # AccumulateGrad: the end of the path to a leaf
            leaf = fn.variable
            nodes.append((key, "leaf", f"{type(fn).__name__}\n{names[id(leaf)]}.grad  {_shape(leaf)}"))
        else:
            nodes.append((key, "op", type(fn).__name__))
        for next_fn, _ in fn.next_functions:
            if next_fn is None:          # an input that needs no gradient (data such as x)
                none = f"none{len(nodes)}"
                nodes.append((none, "none", "None"))
                edges.append((key, none))
            else:
                edges.append((key, visit(next_fn)))
        return key

    visit(root.grad_fn)
    return {"nodes": nodes, "edges": edges}


def _shape(t):
    return str(tuple(t.shape)) if t.dim() else "scalar"


def _dot(graph, colors):
    q = lambda s: s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    mono = dot_font(colors, "mono")
    # a shape of () reads "scalar" in the drawing's language
    say = lambda label: re.sub(r"\bscalar$", tr(colors, "标量", "scalar"), label, flags=re.M)
    leaf, root = colors["line"][1], colors["line"][0]
    lines = [
        "digraph autograd {",
        f'  graph [bgcolor="transparent", rankdir=TB, nodesep=0.3, ranksep=0.3, fontname="{mono}"];',
        f'  node [fontname="{mono}", fontsize=11, color="{colors["muted"]}", fontcolor="{colors["fg"]}",'
        f' style=filled, fillcolor="{colors["box"]}", margin="0.12,0.05"];',
        f'  edge [color="{colors["muted"]}", arrowsize=0.7];',
    ]
    for key, kind, label in graph["nodes"]:
        style = {
            "tensor": f'shape=box, style="rounded,filled", color="{root}", penwidth=1.5',
            "op": "shape=ellipse",
            "leaf": f'shape=box, color="{leaf}", penwidth=1.5',
            "none": f'shape=plaintext, style="", fontcolor="{colors["muted"]}", fontsize=10',
        }[kind]
        lines.append(f'  {key} [label="{q(say(label))}", {style}];')
    kinds = {key: kind for key, kind, _ in graph["nodes"]}
    for a, b in graph["edges"]:
        lines.append(f"  {a} -> {b}" + (" [style=dashed];" if kinds[b] == "none" else ";"))
    lines.append("}")
    return "\n".join(lines)


def _plot_graph(graph, colors, path):
    path.write_text(dot_svg(_dot(graph, colors)), encoding="utf-8")


# --- the small expression of graph.md: loss = ((w * x + b) ** 2).sum() ---------

def _graph_basics():
    import torch
    snippet = runner.snippet_globals("snippets/autograd/graph_basics.py")
    loss, w, b = snippet["loss"], snippet["w"], snippet["b"]
    # the snippet already ran backward(); the structure of the graph stays readable
    assert isinstance(loss, torch.Tensor) and loss.grad_fn is not None
    return _walk(loss, {id(w): "w", id(b): "b"})


# --- the two-layer net of two-layer.md, from its forward_backward ----------------

def _two_layer_graph():
    import torch
    forward_backward = runner.snippet_globals("snippets/autograd/autograd_two_layer.py")["forward_backward"]
    N, D_in, H, D_out = 64, 1000, 100, 10
    x, y = torch.zeros(N, D_in), torch.zeros(N, D_out)
    w1 = torch.zeros(D_in, H, requires_grad=True)
    w2 = torch.zeros(H, D_out, requires_grad=True)
    loss, _, _ = forward_backward(x, y, w1, w2)
    return _walk(loss, {id(w1): "w1", id(w2): "w2"})


FIGURES = [
    Figure("autograd/graph-basics", ["snippets/autograd/graph_basics.py"], _graph_basics, _plot_graph),
    Figure("autograd/two-layer-graph", ["snippets/autograd/autograd_two_layer.py"], _two_layer_graph, _plot_graph),
]
