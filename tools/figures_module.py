"""Figures for the module chapter (Part 5) (drawn by ./book record through tools/figures.py)."""
from __future__ import annotations

import runner
from figures import Figure, dot_font, dot_svg

# --- Part 5: the call path of model(x), in the order the hooks really fire -----

HOOK_SNIPPET = "snippets/module/hook_order.py"

# one box per event that snippets/module/hook_order.py records: (zh, en)
EVENT_LABELS = {
    "global forward pre-hook": ("全局前向预钩子\nregister_module_forward_pre_hook",
                                "global forward pre-hook\nregister_module_forward_pre_hook"),
    "forward pre-hook": ("前向预钩子（可返回新输入）\nregister_forward_pre_hook",
                         "forward pre-hook (may return new input)\nregister_forward_pre_hook"),
    "forward": ("self.forward(*args)", "self.forward(*args)"),
    "global forward hook": ("全局前向钩子\nregister_module_forward_hook",
                            "global forward hook\nregister_module_forward_hook"),
    "forward hook": ("前向钩子（可返回新输出）\nregister_forward_hook",
                     "forward hook (may return new output)\nregister_forward_hook"),
    "tensor hook on output": ("输出张量的钩子\ny.register_hook", "hook on the output tensor\ny.register_hook"),
    "backward pre-hook": ("反向预钩子（拿到 grad_output）\nregister_full_backward_pre_hook",
                          "backward pre-hook (gets grad_output)\nregister_full_backward_pre_hook"),
    "tensor hook on weight": ("权重张量的钩子\nweight.register_hook", "hook on the weight tensor\nweight.register_hook"),
    "backward hook": ("反向钩子（拿到 grad_input）\nregister_full_backward_hook",
                      "backward hook (gets grad_input)\nregister_full_backward_hook"),
}
FIXED = {
    # node: (zh, en)
    "call": ("y = layer(x)", "y = layer(x)"),
    "impl": ("{call}\n→ self._call_impl(x)", "{call}\n→ self._call_impl(x)"),
    "wrap_in": ("x 穿过 BackwardHookFunction（恒等）\n反向钩子将在这里触发",
                "x passes through BackwardHookFunction (identity):\nthe backward hook will fire here"),
    "wrap": ("y 穿过 BackwardHookFunction 后返回\n反向预钩子将在这里触发",
             "y passes through BackwardHookFunction, returned:\nthe backward pre-hook will fire here"),
    "backward": ("y.sum().backward()\n（自动求导引擎）", "y.sum().backward()\n(the autograd engine)"),
    "fwd_title": ("前向：在 __call__ 之内", "forward: inside __call__"),
    "bwd_title": ("反向：在 backward() 之内", "backward: inside backward()"),
}


def _call_path():
    import torch.nn as nn
    fired = runner.snippet_globals(HOOK_SNIPPET)["fired"]   # the real order, from a real run
    unknown = [e for phase in fired.values() for e in phase if e not in EVENT_LABELS]
    assert not unknown, f"{HOOK_SNIPPET} records events this figure has no label for: {unknown}"
    # what Module.__call__ is bound to on the installed torch
    call_name = f"Module.__call__ = {nn.Module.__call__.__name__}"
    return {"fired": fired, "call": call_name}


def _dot_source(data, colors):
    col = 0 if colors["lang"] == "zh" else 1
    sans, mono = dot_font(colors), dot_font(colors, "mono")
    q = lambda s: s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    label = lambda key: FIXED[key][col].format(call=data["call"])
    accent_fwd, accent_bwd = colors["line"][0], colors["line"][1]
    lines = [
        "digraph call_path {",
        f'  graph [bgcolor="transparent", rankdir=TB, nodesep=0.3, ranksep=0.28, fontname="{sans}",'
        f' fontcolor="{colors["fg"]}", fontsize=12];',
        f'  node [fontname="{sans}", fontsize=11, shape=box, style="rounded,filled", color="{colors["muted"]}",'
        f' fontcolor="{colors["fg"]}", fillcolor="{colors["box"]}", margin="0.14,0.06"];',
        f'  edge [color="{colors["muted"]}", arrowsize=0.7];',
    ]
    # forward cluster: the call, _call_impl, then the forward-phase events as they fired
    # (_call_impl wraps the input just before forward and the output after the forward hooks)
    fwd_nodes = ["call", "impl"]
    for i, event in enumerate(data["fired"]["forward"]):
        fwd_nodes += (["wrap_in"] if event == "forward" else []) + [f"f{i}"]
    fwd_nodes.append("wrap")
    lines.append(f'  subgraph cluster_fwd {{ label="{q(label("fwd_title"))}"; color="{accent_fwd}"; style=dashed;')
    lines.append(f'    call [label="{q(label("call"))}", shape=plaintext, style="", fontname="{mono}"];')
    lines.append(f'    impl [label="{q(label("impl"))}", fontname="{mono}", style="filled", fillcolor="none"];')
    for i, event in enumerate(data["fired"]["forward"]):
        extra = f', style="filled", fillcolor="none", fontname="{mono}"' if event == "forward" else ""
        lines.append(f'    f{i} [label="{q(EVENT_LABELS[event][col])}"{extra}];')
    for key in ("wrap_in", "wrap"):
        lines.append(f'    {key} [label="{q(label(key))}", style="filled", fillcolor="none", fontsize=10];')
    lines.append("  }")
    # backward cluster: the backward-phase events as they fired
    bwd_nodes = ["backward"] + [f"b{i}" for i in range(len(data["fired"]["backward"]))]
    lines.append(f'  subgraph cluster_bwd {{ label="{q(label("bwd_title"))}"; color="{accent_bwd}"; style=dashed;')
    lines.append(f'    backward [label="{q(label("backward"))}", shape=plaintext, style="", fontname="{mono}"];')
    for i, event in enumerate(data["fired"]["backward"]):
        lines.append(f'    b{i} [label="{q(EVENT_LABELS[event][col])}"];')
    lines.append("  }")
    for chain in (fwd_nodes, bwd_nodes):
        lines += [f"  {a} -> {b};" for a, b in zip(chain, chain[1:])]
    lines.append(f'  wrap -> backward [style=dashed, constraint=false];')
    lines.append("}")
    return "\n".join(lines)


def _plot_call_path(data, colors, path):
    path.write_text(dot_svg(_dot_source(data, colors)), encoding="utf-8")


FIGURES = [
    Figure("module/call-path", [HOOK_SNIPPET], _call_path, _plot_call_path),
]
