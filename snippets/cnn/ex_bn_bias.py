"""A convolution's bias before batch norm is wasted: the mean removes it."""
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

conv = nn.Conv2d(1, 4, kernel_size=3).to(device)
bn = nn.BatchNorm2d(4).to(device)                    # train mode
x = torch.randn(8, 1, 6, 6, device=device)
before = bn(conv(x))
with torch.no_grad():
    conv.bias.add_(torch.tensor([10.0, -3.0, 0.5, 7.0], device=device))
after = bn(conv(x))
gap = (before - after).abs().max().item()
assert gap < 1e-4
print("bias changed by up to 10, output changed by less than 1e-4")

with_bias = sum(p.numel() for p in nn.Conv2d(64, 128, 3).parameters())
without = sum(p.numel() for p in nn.Conv2d(64, 128, 3, bias=False)
              .parameters())
print(f"Conv2d(64, 128, 3): {with_bias} parameters, "
      f"{without} with bias=False")
assert with_bias - without == 128
