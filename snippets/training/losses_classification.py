"""Classification losses by hand: BCE, BCEWithLogits,
NLL, CrossEntropy = LogSoftmax + NLL, KLDiv."""
# --8<-- [start:setup]
import math

import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:binary]
p = torch.tensor([0.8, 0.3], device=device)             # predicted P(class 1)
y = torch.tensor([1.0, 0.0], device=device)
bce = nn.BCELoss()(p, y)
by_hand = -(math.log(0.8) + math.log(1 - 0.3)) / 2
print(f"BCELoss           {bce.item():.4f}   by "
      f"hand -(ln 0.8 + ln 0.7) / 2 = {by_hand:.4f}")
assert abs(bce.item() - by_hand) < 1e-6

z = torch.log(p / (1 - p))  # the logits whose sigmoid is p
bce_logits = nn.BCEWithLogitsLoss()(z, y)
print(f"BCEWithLogitsLoss {bce_logits.item():.4f}   on "
      f"the logits {[round(v, 4) for v in z.tolist()]}")
assert torch.allclose(bce_logits, bce)
# --8<-- [end:binary]

# --8<-- [start:multiclass]
logits = torch.tensor([[2.0, 1.0, 0.0],
                       [1.0, 3.0, 0.0]], device=device)  # (N=2, C=3)
target = torch.tensor([0, 2], device=device)             # int64 class indices

log_probs = nn.LogSoftmax(dim=1)(logits)  # (N, C), log of the softmax
nll = nn.NLLLoss()(log_probs, target)                    # (1)!
ce = nn.CrossEntropyLoss()(logits, target)
row0 = math.log(1 + math.exp(-1) + math.exp(-2))  # -log softmax([2, 1, 0])[0]
# -log softmax([1, 3, 0])[2]
row1 = 3 + math.log(1 + math.exp(-2) + math.exp(-3))
print(
    f"NLLLoss(LogSoftmax) {nll.item():.4f} | CrossEntropyLoss {ce.item():.4f}"
    f" | by hand ({row0:.4f} + {row1:.4f}) / 2 = {(row0 + row1) / 2:.4f}"
)
assert torch.allclose(ce, nll)  # CrossEntropy = LogSoftmax + NLL
assert abs(ce.item() - (row0 + row1) / 2) < 1e-5

# NLL is just "pick and negate"
picked = -log_probs[torch.arange(2), target].mean()
assert torch.allclose(picked, nll)
# --8<-- [end:multiclass]

# --8<-- [start:kl]
# the model's distribution
q = torch.tensor([[0.5, 0.25, 0.25]], device=device)
t = torch.tensor([[0.25, 0.5, 0.25]], device=device)  # the target distribution
kl = nn.KLDivLoss(reduction="batchmean")(q.log(), t)     # (1)!
by_hand = (
    0.25 * math.log(0.25 / 0.5)
    + 0.5 * math.log(0.5 / 0.25)
    + 0.25 * math.log(1)
)
print(f"KLDivLoss {kl.item():.4f}   by hand sum t "
      f"log(t / q) = {by_hand:.4f}  (= 0.25 ln 2)")
assert abs(kl.item() - by_hand) < 1e-6
assert abs(by_hand - 0.25 * math.log(2)) < 1e-12
# --8<-- [end:kl]
