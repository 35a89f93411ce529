"""Exercise: an old script ported to today's PyTorch, with every warning
turned into an error so that no old idiom can hide."""
import warnings

import torch
import torch.nn as nn
from torch import optim

warnings.simplefilter("error")       # a leftover old idiom would stop us
torch.manual_seed(0)
# was: set_default_tensor_type('torch.cuda.FloatTensor') and .cuda()
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))

model = nn.Sequential(nn.Linear(10, 32), nn.Tanh(),
                      nn.Linear(32, 1)).to(device)
loss_fn = nn.MSELoss(reduction="sum")           # was: size_average=False
optimizer = optim.SGD(model.parameters(), lr=1e-3)
x = torch.randn(64, 10, device=device)          # was: Variable(...)
y = torch.rand(64, 1, device=device)

losses = []
for t in range(200):
    loss = loss_fn(torch.sigmoid(model(x)), y)  # F.sigmoid also works
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    losses.append(loss.item())                  # was: loss.data[0]
    if t % 50 == 0:
        print(t, round(loss.item(), 4))
print("loss: first", round(losses[0], 4), "last", round(losses[-1], 4))
assert losses[-1] < 0.85 * losses[0]
assert all(a > b for a, b in zip(losses[::50], losses[50::50]))

with torch.inference_mode():                    # was: volatile=True
    pred = torch.sigmoid(model(torch.randn(8, 10, device=device)))
print("prediction", tuple(pred.shape), "requires_grad:",
      pred.requires_grad)
assert not pred.requires_grad and pred.grad_fn is None
