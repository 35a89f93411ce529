"""torch.compile with a home-made backend, which
prints the graph Dynamo captured and runs it as is.

Dynamo captures the two-layer loss once; the
next 499 training steps reuse that graph.
"""
import numpy as np
import torch

captured = []


def show_graph(gm, example_inputs):
    captured.append(gm)
    print(f"graph {len(captured)}, {len(example_inputs)} inputs:")
    print(gm.code.strip())
    return gm.forward


def two_layer_loss(x, y, w1, w2):
    h_relu = x.mm(w1).clamp(min=0)           # (N, H)
    y_pred = h_relu.mm(w2)                   # (N, D_out)
    return (y_pred - y).pow(2).sum()


if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# mps has no float64
dtype = torch.float32 if device.type == "mps" else torch.float64
rng = np.random.default_rng(0)
shapes = [(64, 1000), (64, 10), (1000, 100), (100, 10)]  # x, y, w1, w2
x, y, w1, w2 = (
    torch.tensor(rng.standard_normal(s), device=device, dtype=dtype)
    for s in shapes
)
w1.requires_grad_()
w2.requires_grad_()
lr = 1e-6

compiled_loss = torch.compile(two_layer_loss, backend=show_graph)
losses = []
for t in range(500):
    # the first call captures, the others reuse
    loss = compiled_loss(x, y, w1, w2)
    loss.backward()
    with torch.no_grad():
        w1 -= lr * w1.grad
        w2 -= lr * w2.grad
        w1.grad.zero_()
        w2.grad.zero_()
    losses.append(loss.item())
print(f"graphs captured: {len(captured)}; "
      f"first loss {losses[0]:.4g}, last loss {losses[-1]:.4g}")

assert len(captured) == 1, "one capture, reused for all 500 steps"
assert losses[-1] < 1e-3 * losses[0], (
    "the loss should fall by three orders of magnitude"
)
