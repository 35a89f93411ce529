"""Exercise: cross-entropy by hand (softmax, true
class, -log, mean) against nn.CrossEntropyLoss."""
import math

import torch
from torch import nn

torch.manual_seed(0)
logits = torch.tensor([[2.0, 1.0, 0.0],
                       [0.5, 2.5, -1.0]])                # (N=2, C=3)
target = torch.tensor([0, 2])                            # class indices, int64

# softmax by hand
probs = torch.exp(logits) / torch.exp(logits).sum(dim=1, keepdim=True)
# probability of the true class, (N,)
picked = probs[torch.arange(len(target)), target]
by_hand = -torch.log(picked).mean()
library = nn.CrossEntropyLoss()(logits, target)
print("softmax rows:", [[round(p, 4) for p in row] for row in probs.tolist()])
print(
    f"by hand {by_hand.item():.4f} | nn.CrossEntropyLoss {library.item():.4f}")
assert torch.allclose(by_hand, library)

# the first row on paper: -log(e^2 / (e^2 + e^1 + e^0)) = log(1 + e^-1 + e^-2)
paper = math.log(1 + math.exp(-1) + math.exp(-2))
print(f"first row on paper: {paper:.4f}")
assert (
    abs(
        nn.CrossEntropyLoss(reduction="none")(logits, target)[0].item() - paper
    )
    < 1e-6
)

# a classic bug: softmax first, then
# CrossEntropyLoss, which applies log-softmax again
double = nn.CrossEntropyLoss()(torch.softmax(logits, dim=1), target)
floor = math.log(1 + 2 / math.e)  # its value even for a perfect (1, 0, 0)
print(f"softmax fed to CrossEntropyLoss: {double.item():.4f} "
      f"(wrong); it never goes below {floor:.4f}")
assert abs(double.item() - library.item()) > 0.5
# probabilities (1, 0, 0)
sure_and_right = torch.softmax(torch.tensor([[100.0, 0.0, 0.0]]), dim=1)
perfect = nn.CrossEntropyLoss()(sure_and_right, torch.tensor([0]))
assert abs(perfect.item() - floor) < 1e-6

# big logits: the by-hand exp overflows, the
# library subtracts the row maximum first
big = logits * 100
# inf / inf = nan
big_probs = torch.exp(big) / torch.exp(big).sum(dim=1, keepdim=True)
naive = -torch.log(big_probs[torch.arange(2), target]).mean()
print(f"logits x 100: by hand {naive.item()}, library "
      f"{nn.CrossEntropyLoss()(big, target).item():.1f}")
assert torch.isnan(naive)
assert torch.isfinite(nn.CrossEntropyLoss()(big, target))
