"""Exercise: an old 0.3-style training and
evaluation loop, ported to today's PyTorch."""
import torch

if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

torch.manual_seed(0)
N, D_in, D_out = 64, 100, 10
# was Variable(torch.randn(...))
x = torch.randn(N, D_in, device=device)
y = torch.randn(N, D_out, device=device)
# was Variable(torch.randn(...), requires_grad=True)
w = torch.randn(D_in, D_out, device=device, requires_grad=True)

lr = 1e-4
losses = []
for t in range(100):
    loss = (x.mm(w) - y).pow(2).sum()
    losses.append(loss.item())                   # was loss.data[0]
    if t % 25 == 0:
        print(t, round(loss.item(), 2))          # was print t, loss.data[0]
    loss.backward()
    # was w.data -= lr * w.grad.data
    with torch.no_grad():
        w -= lr * w.grad
    w.grad = None                                # was w.grad.data.zero_()

x_test = torch.randn(16, D_in, device=device)
# was Variable(x_test, volatile=True)
with torch.inference_mode():
    y_test = x_test.mm(w)
print("test output:", tuple(y_test.shape),
      "| requires_grad:", y_test.requires_grad)

assert losses[-1] < 0.1 * losses[0], "the loss should fall"
assert not y_test.requires_grad and w.is_leaf
