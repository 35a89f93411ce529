"""Exercise solution: torch.optim.SGD with lr=1e-4 takes the same steps as the
hand-written update `param -= lr * param.grad` under torch.no_grad()."""
import torch
from torch import nn

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
N, D_in, H, D_out = 64, 1000, 100, 10


def make_problem():
    torch.manual_seed(0)
    x, y = torch.randn(N, D_in, device=device), torch.randn(
        N, D_out, device=device)
    model = nn.Sequential(nn.Linear(D_in, H), nn.ReLU(),
                          nn.Linear(H, D_out)).to(device)
    return x, y, model


# --8<-- [start:solution]
loss_fn = nn.MSELoss(reduction="sum")
lr, steps = 1e-4, 50

x, y, by_hand = make_problem()
hand_losses = []
for t in range(steps):
    loss = loss_fn(by_hand(x), y)
    hand_losses.append(loss.item())
    by_hand.zero_grad()
    loss.backward()
    with torch.no_grad():
        for param in by_hand.parameters():
            param -= lr * param.grad

x, y, with_sgd = make_problem()
optimizer = torch.optim.SGD(with_sgd.parameters(), lr=lr)
sgd_losses = []
for t in range(steps):
    loss = loss_fn(with_sgd(x), y)
    sgd_losses.append(loss.item())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

print(f"loss after {steps} steps: by hand "
      f"{hand_losses[-1]:.4f}, SGD {sgd_losses[-1]:.4f}")
assert torch.allclose(torch.tensor(hand_losses), torch.tensor(sgd_losses),
                      rtol=1e-5)
# float32 rounds `lr * grad` and SGD's fused add differently; the parameters
# agree to rounding error (in float64 they agree to about 1e-16)
for p, q in zip(by_hand.parameters(), with_sgd.parameters()):
    assert torch.allclose(p, q, atol=1e-4)
assert hand_losses[-1] < 0.1 * hand_losses[0]
# --8<-- [end:solution]
