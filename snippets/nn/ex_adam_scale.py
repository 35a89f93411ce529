"""Exercise solution: Adam hardly notices whether the loss is a sum or a mean,
because it divides each step by a running estimate of the gradient's size."""
import torch
from torch import nn

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
N, D_in, H, D_out = 64, 1000, 100, 10


# --8<-- [start:solution]
def train_adam(reduction, lr=1e-4, steps=100):
    torch.manual_seed(0)
    x, y = torch.randn(N, D_in, device=device), torch.randn(
        N, D_out, device=device)
    model = nn.Sequential(nn.Linear(D_in, H), nn.ReLU(),
                          nn.Linear(H, D_out)).to(device)
    loss_fn = nn.MSELoss(reduction=reduction)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    scale = N * D_out if reduction == "mean" else 1  # report losses as sums
    losses = []
    for t in range(steps):
        loss = loss_fn(model(x), y)
        losses.append(loss.item() * scale)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return torch.tensor(losses)


with_sum, with_mean = train_adam("sum"), train_adam("mean")
for t in (0, 49, 99):
    print(f"step {t + 1:3d}: sum {with_sum[t]:.4g}, "
          f"mean (times 640) {with_mean[t]:.4g}")

# the gradient is 640 times smaller with 'mean', but so is the square root of
# adam's running average of its square:
# the step m / (sqrt(v) + eps) is the same
assert torch.allclose(with_sum, with_mean, rtol=1e-3)
assert with_sum[-1] < 0.2 * with_sum[0]
# --8<-- [end:solution]
