"""Exercise solution: count TwoLayerNet's parameters by hand and with
parameters(); a Linear(in, out) has in * out weights and out biases."""
import torch
from torch import nn

torch.manual_seed(0)


class TwoLayerNet(nn.Module):
    def __init__(self, D_in, H, D_out):
        super().__init__()
        self.linear1 = nn.Linear(D_in, H)
        self.linear2 = nn.Linear(H, D_out)

    def forward(self, x):
        return self.linear2(self.linear1(x).clamp(min=0))


# --8<-- [start:solution]
D_in, H, D_out = 1000, 100, 10
model = TwoLayerNet(D_in, H, D_out)

by_hand = (D_in * H + H) + (H * D_out + D_out)
counted = sum(p.numel() for p in model.parameters())
trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"by hand {by_hand}, counted {counted}, trainable {trainable}")
assert by_hand == counted == trainable == 101_110

for name, child in model.named_children():
    n = sum(p.numel() for p in child.parameters())
    print(f"  {name}: {n} ({n / counted:.1%})")
# 99 % of the model
assert sum(p.numel() for p in model.linear1.parameters()) == 100_100

# the ReLU has no parameters, so swapping clamp for nn.ReLU() changes no count
seq = nn.Sequential(nn.Linear(D_in, H), nn.ReLU(), nn.Linear(H, D_out))
assert sum(p.numel() for p in seq.parameters()) == counted
assert list(seq[1].parameters()) == []
# --8<-- [end:solution]
