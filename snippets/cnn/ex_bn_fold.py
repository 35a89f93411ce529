"""Folding an eval-mode BatchNorm2d into the convolution before it."""
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

conv = nn.Conv2d(3, 8, kernel_size=3, padding=1).to(device)
bn = nn.BatchNorm2d(8).to(device)
for _ in range(20):                                  # give bn real statistics
    bn(conv(torch.randn(16, 3, 10, 10, device=device) * 2 + 1))
bn.eval()
with torch.no_grad():
    bn.weight.uniform_(0.5, 2.0)
    bn.bias.uniform_(-1.0, 1.0)

# y = gamma * (conv(x) - mean) / sqrt(var + eps) + beta, per output channel
scale = bn.weight / torch.sqrt(bn.running_var + bn.eps)          # (8,)
fused = nn.Conv2d(3, 8, kernel_size=3, padding=1).to(device)
with torch.no_grad():
    fused.weight.copy_(conv.weight * scale.view(-1, 1, 1, 1))
    fused.bias.copy_((conv.bias - bn.running_mean) * scale + bn.bias)

x = torch.randn(4, 3, 10, 10, device=device)
with torch.no_grad():
    gap = (bn(conv(x)) - fused(x)).abs().max().item()
assert gap < 1e-4
print("conv + bn vs one fused conv: equal (largest difference < 1e-4)")

bn.train()                                           # in train mode the
with torch.no_grad():                                # batch statistics rule
    gap_train = (bn(conv(x)) - fused(x)).abs().max().item()
print(f"the same fused conv against train-mode bn: {gap_train:.2f}")
assert gap_train > 0.1
