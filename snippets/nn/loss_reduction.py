"""nn.MSELoss with reduction='sum' and 'mean': the loss
and its gradients differ by the factor N * D_out, so the
learning rate has to change by that factor too."""
# --8<-- [start:setup]
import torch
from torch import nn

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
N, D_in, H, D_out = 64, 1000, 100, 10
# --8<-- [end:setup]


# --8<-- [start:train]
def make_problem(device):
    """The running example's data and a freshly
    initialised model (same seed every time)."""
    torch.manual_seed(0)
    x = torch.randn(N, D_in, device=device)      # (N, D_in)
    y = torch.randn(N, D_out, device=device)     # (N, D_out)
    model = nn.Sequential(nn.Linear(D_in, H), nn.ReLU(),
                          nn.Linear(H, D_out)).to(device)
    return x, y, model


def train(reduction, lr, steps, device):
    """Plain gradient descent; returns the model
    and the sum-of-squares loss per step."""
    x, y, model = make_problem(device)
    loss_fn = nn.MSELoss(reduction=reduction)
    # report every loss as a sum
    scale = N * D_out if reduction == "mean" else 1
    losses = []
    for t in range(steps):
        loss = loss_fn(model(x), y)
        losses.append(loss.item() * scale)
        model.zero_grad()
        loss.backward()
        with torch.no_grad():
            for param in model.parameters():
                param -= lr * param.grad
    return model, losses
# --8<-- [end:train]


# --8<-- [start:compare]
x, y, model = make_problem(device)
y_pred = model(x)
loss_sum = nn.MSELoss(reduction="sum")(y_pred, y)
loss_mean = nn.MSELoss(reduction="mean")(y_pred, y)   # "mean" is the default
print(f"sum {loss_sum.item():.2f}, mean {loss_mean.item():.4f}, "
      f"ratio {(loss_sum / loss_mean).item():.1f} = N * D_out = {N * D_out}")
assert torch.isclose(loss_sum, N * D_out * loss_mean, rtol=1e-5)

grads = {}
for reduction in ("sum", "mean"):
    model.zero_grad()
    nn.MSELoss(reduction=reduction)(model(x), y).backward()
    grads[reduction] = [p.grad.clone() for p in model.parameters()]
for g_sum, g_mean in zip(grads["sum"], grads["mean"]):
    assert torch.allclose(g_sum, N * D_out * g_mean, rtol=1e-4, atol=1e-6)
ratio = grads["sum"][0].norm() / grads["mean"][0].norm()
print(f"gradient of the first weight: ratio of norms {ratio.item():.1f}")
# --8<-- [end:compare]

# --8<-- [start:runs]
steps = 200
runs = {
    "sum,  lr 1e-4": train("sum", 1e-4, steps, device),
    "mean, lr 1e-4": train("mean", 1e-4, steps, device),
    "mean, lr 6.4e-2": train("mean", 1e-4 * N * D_out, steps, device),
}
for name, (_, losses) in runs.items():
    print(f"{name}: loss {losses[0]:.1f} -> {losses[-1]:.4g}")

first = runs["sum,  lr 1e-4"][1][0]
assert runs["sum,  lr 1e-4"][1][-1] < 1e-3 * first          # converged
assert runs["mean, lr 1e-4"][1][-1] > 0.9 * first           # barely moved
sum_model, mean_model = runs["sum,  lr 1e-4"][0], runs["mean, lr 6.4e-2"][0]
for p, q in zip(sum_model.parameters(), mean_model.parameters()):
    assert torch.allclose(p, q, atol=1e-5), (
        "lr * 640 with 'mean' takes the same steps as 'sum'"
    )
# --8<-- [end:runs]
