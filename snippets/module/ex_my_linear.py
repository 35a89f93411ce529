"""A Linear layer written from scratch, with the same
parameter shapes and the same init as nn.Linear: same
seed, same weights, same outputs, same state_dict."""
import math

import torch
import torch.nn as nn

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))


class MyLinear(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        # (out, in)
        self.weight = nn.Parameter(torch.empty(out_features, in_features))
        self.bias = nn.Parameter(torch.empty(out_features))  # (out,)
        self.reset_parameters()

    def reset_parameters(self):
        bound = 1 / math.sqrt(self.weight.shape[1])  # 1 / sqrt(fan_in)
        with torch.no_grad():  # init is not part of the graph
            self.weight.uniform_(-bound, bound)
            self.bias.uniform_(-bound, bound)

    def forward(self, x):                                 # x: (..., in)
        return x @ self.weight.T + self.bias              # (..., out)


torch.manual_seed(0)
mine = MyLinear(5, 3).to(device)
torch.manual_seed(0)
theirs = nn.Linear(5, 3).to(device)
x = torch.randn(4, 5, device=device)                      # (N, in)

print("state_dict keys:", list(mine.state_dict()), list(theirs.state_dict()))
print("same weight:", torch.equal(mine.weight, theirs.weight),
      "same bias:", torch.equal(mine.bias, theirs.bias))
print("same outputs:", torch.allclose(mine(x), theirs(x), atol=1e-6))
assert list(mine.state_dict()) == list(theirs.state_dict())
assert torch.equal(mine.weight, theirs.weight)
assert torch.equal(mine.bias, theirs.bias)
assert torch.allclose(mine(x), theirs(x), atol=1e-6)

# their state_dicts are interchangeable
theirs.load_state_dict(MyLinear(5, 3).state_dict())
print("loaded MyLinear's state into nn.Linear: ok")

# why reset_parameters needs no_grad: an
# in-place change to a leaf that requires grad
try:
    nn.Parameter(torch.empty(3)).uniform_(-1, 1)
except RuntimeError as err:
    print("without no_grad: RuntimeError:", err)
    # the old name survives here
    assert "leaf Variable that requires grad" in str(err)
