"""Learning a kernel back from input/output pairs with autograd."""
# --8<-- [start:setup]
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:data]
K_true = torch.tensor([[1.0, 0.0, -1.0],
                       [2.0, 0.0, -2.0],
                       [1.0, 0.0, -1.0]], device=device)   # a Sobel filter
X = torch.randn(16, 1, 12, 12, device=device)             # 16 random images
Y = F.conv2d(X, K_true[None, None])                       # (16, 1, 10, 10)
# --8<-- [end:data]

# --8<-- [start:train]
conv = nn.Conv2d(1, 1, kernel_size=3, bias=False).to(device)
optimizer = torch.optim.SGD(conv.parameters(), lr=0.1)
for step in range(1, 101):
    loss = F.mse_loss(conv(X), Y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if step in (1, 10, 50, 100):
        print(f"step {step:3d}  loss {loss.item():.2e}")
# --8<-- [end:train]

# --8<-- [start:check]
K_learned = conv.weight.detach()[0, 0]
shown = K_learned.round(decimals=3) + 0.0     # + 0.0 turns -0.0 into 0.0
print("learned kernel:", shown.tolist())
error = (K_learned - K_true).abs().max().item()
print(f"largest error: {error:.1e}")
assert error < 1e-3
# --8<-- [end:check]
