"""Check the hand-written backward pass
against autograd (a preview of Part 2)."""
import torch

torch.manual_seed(0)
x, y = torch.randn(64, 1000, dtype=torch.float64), torch.randn(
    64, 10, dtype=torch.float64)
w1 = torch.randn(1000, 100, dtype=torch.float64, requires_grad=True)
w2 = torch.randn(100, 10, dtype=torch.float64, requires_grad=True)

# forward pass; autograd records every operation on w1 and w2
h = x.mm(w1)
h_relu = h.clamp(min=0)
y_pred = h_relu.mm(w2)
loss = (y_pred - y).pow(2).sum()
loss.backward()                      # fills w1.grad and w2.grad

# the hand-written backward pass, on the same values
with torch.no_grad():
    grad_y_pred = 2.0 * (y_pred - y)
    grad_w2 = h_relu.t().mm(grad_y_pred)
    grad_h = grad_y_pred.mm(w2.t())
    grad_h[h < 0] = 0
    grad_w1 = x.t().mm(grad_h)

for name, manual, auto in [("w1", grad_w1, w1.grad), ("w2", grad_w2, w2.grad)]:
    assert torch.allclose(manual, auto), name
    print(f"{name}: hand-written and autograd "
          f"gradients agree, shape {tuple(auto.shape)}")
