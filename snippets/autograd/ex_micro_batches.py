"""Exercise: accumulating gradients over
micro-batches gives the full batch's gradient."""
import torch

torch.manual_seed(0)
N, D_in, H, D_out = 64, 1000, 100, 10
x = torch.randn(N, D_in, dtype=torch.float64)
y = torch.randn(N, D_out, dtype=torch.float64)
w1 = torch.randn(D_in, H, dtype=torch.float64, requires_grad=True)
w2 = torch.randn(H, D_out, dtype=torch.float64, requires_grad=True)


def loss_fn(x, y):
    return (x.mm(w1).clamp(min=0).mm(w2) - y).pow(2).sum()


# the whole batch at once
loss_fn(x, y).backward()
full_w1, full_w2 = w1.grad.clone(), w2.grad.clone()

# four micro-batches of 16; .grad adds them
# up because nobody zeroes it in between
w1.grad, w2.grad = None, None
for x_part, y_part in zip(x.split(16), y.split(16)):
    loss_fn(x_part, y_part).backward()

print("micro-batches:", len(x.split(16)), "of", x.split(16)[0].shape[0])
rel_err = ((w1.grad - full_w1).abs().max() / full_w1.abs().max()).item()
print("largest relative difference in w1.grad below 1e-12:", rel_err < 1e-12)
assert torch.allclose(w1.grad, full_w1) and torch.allclose(w2.grad, full_w2)
print("accumulated gradients equal the full-batch gradients")
