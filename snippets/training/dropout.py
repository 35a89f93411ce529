"""Dropout by hand (a Bernoulli mask scaled by
1/(1-p)) against nn.Dropout; train() against eval()."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]


# --8<-- [start:mine]
class MyDropout(nn.Module):
    def __init__(self, p=0.5):
        super().__init__()
        self.p = p

    def forward(self, x):
        if not self.training or self.p == 0:             # (1)!
            return x
        # 1 with probability 1 - p
        mask = torch.empty_like(x).bernoulli_(1 - self.p)
        return x * mask / (1 - self.p)                   # (2)!
# --8<-- [end:mine]


# --8<-- [start:same_mask]
p = 0.5
x = torch.ones(2, 8)  # on the CPU, where the two masks coincide
torch.manual_seed(0)
theirs = nn.Dropout(p)(x)
torch.manual_seed(0)
mine = MyDropout(p)(x)
print("nn.Dropout:", theirs.tolist())
print("MyDropout: ", mine.tolist())
assert torch.equal(theirs != 0, mine != 0)  # the same mask, from the same seed
assert torch.allclose(theirs, mine)
# --8<-- [end:same_mask]

# --8<-- [start:statistics]
big = torch.ones(1000, 1000, device=device)
for layer in (nn.Dropout(0.3), MyDropout(0.3)):
    out = layer(big)
    zeros = (out == 0).float().mean().item()
    print(
        f"{type(layer).__name__:10s} zeroed {zeros:.3f}, "
        f"kept values {out.max().item():.4f}, mean {out.mean().item():.3f}"
    )
    # the mean survives
    assert abs(zeros - 0.3) < 0.01 and abs(out.mean().item() - 1.0) < 0.01
# --8<-- [end:statistics]

# --8<-- [start:modes]
model = nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Dropout(0.5),
                      nn.Linear(8, 1)).to(device)
inputs = torch.randn(4, 8, device=device)

model.train()  # the default after construction
with torch.no_grad():                                    # (1)!
    a, b = model(inputs), model(inputs)
print("train mode: two passes equal?", torch.equal(a, b),
      "| model[2].training =", model[2].training)
assert not torch.equal(a, b)

model.eval()  # sets .training = False in every submodule
a, b = model(inputs), model(inputs)
print("eval mode:  two passes equal?", torch.equal(a, b),
      "| model[2].training =", model[2].training)
assert torch.equal(a, b) and not any(m.training for m in model.modules())
# identity in eval mode
assert torch.equal(nn.Dropout(0.5).eval()(inputs), inputs)
assert torch.equal(MyDropout(0.5).eval()(inputs), inputs)
# --8<-- [end:modes]
