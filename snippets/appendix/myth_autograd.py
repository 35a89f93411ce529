"""Parts 2 and 3: misconceptions about autograd and graphs, each checked;
the line printed starts with the number of its row in the table."""
import torch
import torch.fx

torch.manual_seed(0)

# 2.1 backward() adds into .grad; it does not replace it
w = torch.tensor(3.0, requires_grad=True)
(2 * w).backward()
(2 * w).backward()
print("2.1 d(2w)/dw after two backward():", w.grad.item())
assert w.grad == 4

# 2.2 only leaves keep a .grad, unless you ask with retain_grad()
x = torch.tensor(2.0, requires_grad=True)
h, k = x * 3, x * 5
k.retain_grad()
(h * k).backward()
print("2.2 x.grad:", x.grad.item(), "| h is a leaf:", h.is_leaf,
      "| k.grad (retained):", k.grad.item())
assert x.grad == 60 and k.grad == 6

# 2.3 backward() without arguments needs a scalar
y = torch.ones(3, requires_grad=True) * 2
try:
    y.backward()
except RuntimeError as err:
    print("2.3 non-scalar backward():", type(err).__name__)
    assert "implicitly created only for scalar outputs" in str(err)
else:
    raise AssertionError("expected a RuntimeError")

# 2.4 a graph is freed after one backward pass
z = (torch.ones(2, requires_grad=True).exp()).sum()
z.backward()
try:
    z.backward()
except RuntimeError as err:
    print("2.4 second backward():", type(err).__name__,
          "(use retain_graph=True)")
    assert "Trying to backward through the graph a second time" in str(err)
else:
    raise AssertionError("expected a RuntimeError")

# 2.5 a frozen weight still passes gradients to the layers before it
w1 = torch.randn(3, 3, requires_grad=True)
w2 = torch.randn(3, 1).requires_grad_(False)
(torch.randn(4, 3) @ w1 @ w2).sum().backward()
print("2.5 w2 frozen: w2.grad", w2.grad, "| w1.grad nonzero:",
      bool(w1.grad.abs().sum() > 0))
assert w2.grad is None and w1.grad.abs().sum() > 0

# 2.6 .data edits escape the version counter; detach() edits do not
a = torch.tensor([0.5, -1.0], requires_grad=True)
s = a.sigmoid()
s.data.zero_()
s.sum().backward()
print("2.6 after s.data.zero_(): a.grad =", a.grad.tolist(),
      "(silently wrong)")
assert torch.equal(a.grad, torch.zeros(2))

# 2.7 a running total of losses keeps every batch's graph alive
p = torch.ones(2, requires_grad=True)
total = 0
for _ in range(3):
    total += (p * 2).sum()           # not loss.item()
print("2.7 total_loss += loss: total requires_grad:", total.requires_grad)
assert total.requires_grad and total.grad_fn is not None

# 3.1 PyTorch records a new graph on every forward pass
def forward(x):
    while x.norm() < 10:             # data-dependent loop, plain Python
        x = x * 2
    return x.sum()


depths = []
for start in (torch.ones(2), torch.full((2,), 4.0)):
    out = forward(start.requires_grad_())
    node, depth = out.grad_fn, 0
    while node.next_functions and node.next_functions[0][0] is not None:
        node, depth = node.next_functions[0][0], depth + 1
    depths.append(depth)
print("3.1 graph depth for two inputs:", depths)
assert depths[0] != depths[1]

# 3.2 torch.fx.symbolic_trace cannot follow data-dependent control flow
try:
    torch.fx.symbolic_trace(forward)
except torch.fx.proxy.TraceError as err:
    print("3.2 symbolic_trace on it:", type(err).__name__)
else:
    raise AssertionError("expected a TraceError")
