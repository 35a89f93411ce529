"""Part 7: misconceptions about losses and training, each checked; the
line printed starts with the number of its row in the table."""
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset
from torchvision.transforms import v2

torch.manual_seed(0)

# 7.1 sigmoid + BCELoss is not BCEWithLogitsLoss for a large logit
z = torch.tensor([40.0], requires_grad=True)
y = torch.tensor([0.0])
bce = F.binary_cross_entropy(torch.sigmoid(z), y)
grad_bce, = torch.autograd.grad(bce, z)
logits = F.binary_cross_entropy_with_logits(z, y)
grad_logits, = torch.autograd.grad(logits, z)
print("7.1 logit 40, class 0: sigmoid+BCELoss", bce.item(), "grad",
      grad_bce.item(), "| with logits", logits.item(), "grad",
      round(grad_logits.item(), 4))
assert bce.item() == 100 and grad_bce.item() == 0
assert abs(logits.item() - 40) < 1e-4 and grad_logits.item() > 0.99

# 7.2 NLLLoss wants log-probabilities; cross_entropy = log_softmax + nll
scores = torch.randn(4, 3)
target = torch.tensor([0, 2, 1, 2])
ce = F.cross_entropy(scores, target)
print("7.2 cross_entropy:", round(ce.item(), 4), "| nll on logits:",
      round(F.nll_loss(scores, target).item(), 4), "| nll on log_softmax:",
      round(F.nll_loss(scores.log_softmax(1), target).item(), 4))
assert torch.allclose(ce, F.nll_loss(scores.log_softmax(1), target))
assert not torch.allclose(ce, F.nll_loss(scores, target))

# 7.3 KLDivLoss's default "mean" is not the KL divergence
log_q = torch.randn(4, 3).log_softmax(1)
p = torch.randn(4, 3).softmax(1)
kl = (p * (p.log() - log_q)).sum() / 4          # mean over samples
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    default = F.kl_div(log_q, p, reduction="mean")
batchmean = F.kl_div(log_q, p, reduction="batchmean")
print("7.3 KL:", round(kl.item(), 4), "| 'mean':", round(default.item(), 4),
      "| 'batchmean':", round(batchmean.item(), 4))
assert torch.allclose(batchmean, kl) and torch.allclose(default, kl / 3)
assert "batchmean" in str(caught[0].message)

# 7.4 torch.flatten(x) flattens the batch dimension too
x = torch.randn(8, 1, 4, 4)
print("7.4 torch.flatten:", tuple(torch.flatten(x).shape),
      "| nn.Flatten():", tuple(nn.Flatten()(x).shape))
assert torch.flatten(x).shape == (128,) and nn.Flatten()(x).shape == (8, 16)

# 7.5 no_grad() does not switch a model to evaluation mode
drop = nn.Dropout(0.5)
with torch.no_grad():
    zeros = (drop(torch.ones(1000)) == 0).sum().item()
drop.eval()
print("7.5 dropout under no_grad zeroed", zeros, "of 1000 | in eval():",
      (drop(torch.ones(1000)) == 0).sum().item())
assert zeros > 0 and (drop(torch.ones(1000)) == 0).sum() == 0

# 7.6 ToDtype(float32) alone does not scale pixels to [0, 1]
img = torch.tensor([[[0, 128, 255]]], dtype=torch.uint8)
plain = v2.ToDtype(torch.float32)(img)
scaled = v2.ToDtype(torch.float32, scale=True)(img)
print("7.6 max without scale=True:", plain.max().item(), "| with:",
      scaled.max().item())
assert plain.max() == 255 and scaled.max() == 1

# 7.7 shuffle=True draws a new order every epoch
loader = DataLoader(TensorDataset(torch.arange(8)), batch_size=8,
                    shuffle=True, generator=torch.Generator().manual_seed(0))
orders = [next(iter(loader))[0].tolist() for _ in range(2)]
print("7.7 two epochs:", orders)
assert orders[0] != orders[1]

# 7.8 for SGD, weight_decay=lam is an L2 term lam/2 * |w|^2 in the loss
w1 = nn.Parameter(torch.tensor([1.0, -2.0]))
w2 = nn.Parameter(torch.tensor([1.0, -2.0]))
xs, lam = torch.tensor([0.5, 0.3]), 0.1
opt1 = torch.optim.SGD([w1], lr=0.1, weight_decay=lam)
opt2 = torch.optim.SGD([w2], lr=0.1)
for _ in range(5):
    opt1.zero_grad()
    opt2.zero_grad()
    (w1 @ xs).pow(2).backward()
    ((w2 @ xs).pow(2) + lam / 2 * w2.pow(2).sum()).backward()
    opt1.step()
    opt2.step()
print("7.8 after 5 steps:", [round(v, 5) for v in w1.tolist()],
      [round(v, 5) for v in w2.tolist()])
assert torch.allclose(w1, w2)
