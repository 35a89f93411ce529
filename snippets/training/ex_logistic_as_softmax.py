"""Exercise: binary logistic regression is
two-class softmax regression with logits (0, z)."""
import torch
from torch import nn

torch.manual_seed(0)
z = torch.randn(6) * 3                # (N,) one logit per example
y = torch.tensor([0, 1, 1, 0, 1, 0])  # (N,) class labels

binary = nn.BCEWithLogitsLoss()(z, y.float())  # sigmoid + binary cross-entropy
# (N, 2): class 0 gets logit 0
two_logits = torch.stack([torch.zeros_like(z), z], dim=1)
softmax_version = nn.CrossEntropyLoss()(two_logits, y)
print(f"BCEWithLogitsLoss(z, y)        {binary.item():.6f}")
print(f"CrossEntropyLoss([0, z], y)    {softmax_version.item():.6f}")
assert torch.allclose(binary, softmax_version)

# why: softmax([0, z])[1] = e^z / (1 + e^z) = sigmoid(z)
p1 = torch.softmax(two_logits, dim=1)[:, 1]
assert torch.allclose(p1, torch.sigmoid(z))

# adding the same number to every logit changes
# nothing, so (a, b) acts like (0, b - a)
shifted = two_logits + torch.randn(6, 1)  # a different shift for every row
assert torch.allclose(nn.CrossEntropyLoss()(shifted, y), softmax_version)
print("softmax of (0, z) equals sigmoid(z); "
      "shifting both logits changes nothing")
