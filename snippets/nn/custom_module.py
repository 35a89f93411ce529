"""The two-layer net as a subclass of nn.Module: the
layers are made in __init__, the computation is written
in forward, and an optimizer does the update."""
# --8<-- [start:setup]
import torch
from torch import nn

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
torch.manual_seed(0)
N, D_in, H, D_out = 64, 1000, 100, 10
x = torch.randn(N, D_in, device=device)      # (N, D_in)
y = torch.randn(N, D_out, device=device)     # (N, D_out)
# --8<-- [end:setup]


# --8<-- [start:class]
class TwoLayerNet(nn.Module):
    def __init__(self, D_in, H, D_out):
        super().__init__()                       # (1)!
        self.linear1 = nn.Linear(D_in, H)        # (2)!
        self.linear2 = nn.Linear(H, D_out)

    def forward(self, x):                        # x: (N, D_in)
        h_relu = self.linear1(x).clamp(min=0)    # (N, H)
        y_pred = self.linear2(h_relu)            # (N, D_out)
        return y_pred
# --8<-- [end:class]


# --8<-- [start:inspect]
model = TwoLayerNet(D_in, H, D_out).to(device)
print(model)
for name, param in model.named_parameters():
    print(f"  {name:14s} {tuple(param.shape)}")
assert [n for n, _ in model.named_parameters()] == [
    "linear1.weight", "linear1.bias", "linear2.weight", "linear2.bias"]

# the same layers in the same order from the same seed: the same function
torch.manual_seed(1)
net = TwoLayerNet(D_in, H, D_out).to(device)
torch.manual_seed(1)
seq = nn.Sequential(nn.Linear(D_in, H), nn.ReLU(),
                    nn.Linear(H, D_out)).to(device)
assert torch.equal(net(x), seq(x))
# --8<-- [end:inspect]

# --8<-- [start:loop]
loss_fn = nn.MSELoss(reduction="sum")
optimizer = torch.optim.SGD(model.parameters(), lr=1e-4)
losses = []
for t in range(500):
    y_pred = model(x)                        # (1)!
    loss = loss_fn(y_pred, y)
    losses.append(loss.item())
    if t % 100 == 99:
        print(f"step {t + 1:3d}  loss {loss.item():.4g}")
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

assert losses[-1] < 1e-4 * losses[0], (
    "the loss should fall by four orders of magnitude"
)
print(f"first loss {losses[0]:.4g}, last loss {losses[-1]:.4g}")
# --8<-- [end:loop]
