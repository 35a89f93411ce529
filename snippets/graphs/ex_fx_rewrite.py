"""A graph is data a program can rewrite: an FX
pass that replaces clamp(min=0) with torch.relu.

This is the kind of whole-graph transformation a compiler makes, in miniature.
"""
import torch
import torch.fx


def two_layer(x, w1, w2):
    return x.mm(w1).clamp(min=0).mm(w2)


gm = torch.fx.symbolic_trace(two_layer)

replaced = 0
for node in gm.graph.nodes:
    if node.op == "call_method" and node.target == "clamp" and node.kwargs == {
        "min": 0}:
        with gm.graph.inserting_after(node):
            relu = gm.graph.call_function(torch.relu, args=(node.args[0],))
        node.replace_all_uses_with(relu)
        gm.graph.erase_node(node)
        replaced += 1
gm.graph.lint()  # check the graph is still well formed
gm.recompile()   # regenerate gm.code and gm.forward from the graph
print(gm.code.strip())

torch.manual_seed(0)
x, w1, w2 = torch.randn(64, 1000), torch.randn(1000, 100), torch.randn(100, 10)
same = torch.equal(gm(x, w1, w2), two_layer(x, w1, w2))
print("replaced:", replaced, "| same output:", same)
assert replaced == 1 and same
