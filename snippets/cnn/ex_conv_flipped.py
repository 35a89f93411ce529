"""Exercise: learn a kernel from data made by a true (flipped) convolution."""
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))

K_true = torch.tensor([[1.0, 2.0, 0.0],
                       [0.0, -1.0, 0.0],
                       [0.0, 0.0, 3.0]], device=device)   # not symmetric
X = torch.randn(16, 1, 12, 12, device=device)
# a true convolution is a cross-correlation with the kernel flipped
Y = F.conv2d(X, K_true.flip(0, 1)[None, None])

conv = nn.Conv2d(1, 1, kernel_size=3, bias=False).to(device)
optimizer = torch.optim.SGD(conv.parameters(), lr=0.1)
for step in range(100):
    loss = F.mse_loss(conv(X), Y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

K_learned = conv.weight.detach()[0, 0]
print("learned:", (K_learned.round(decimals=3) + 0.0).tolist())
print("true, flipped:", K_true.flip(0, 1).tolist())
assert (K_learned - K_true.flip(0, 1)).abs().max() < 1e-3
assert (K_learned - K_true).abs().max() > 1
