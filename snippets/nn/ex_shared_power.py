"""Exercise solution: a Linear(1, 1) with weight w
used k times in a row computes w^k x, and its gradient
is k w^(k-1) x: 3^k and k 3^(k-1) for w = 3, x = 1."""
import torch
from torch import nn

torch.manual_seed(0)

# --8<-- [start:solution]
for k in range(1, 5):
    shared = nn.Linear(1, 1, bias=False)
    with torch.no_grad():
        shared.weight.fill_(3.0)
    model = nn.Sequential(*[shared] * k)         # the same module k times
    y = model(torch.ones(1, 1))
    y.sum().backward()
    grad = shared.weight.grad.item()
    print(f"k={k}: output {y.item():4.0f} (3^{k}), "
          f"gradient {grad:4.0f} ({k} * 3^{k - 1})")
    assert y.item() == 3 ** k and grad == k * 3 ** (k - 1)
    assert len(list(model.parameters())) == 1 and len(model) == k
# --8<-- [end:solution]
