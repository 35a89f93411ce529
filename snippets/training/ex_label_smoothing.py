"""Exercise: CrossEntropyLoss(label_smoothing=eps)
by hand: (1 - eps) * CE + eps * mean_k(-log p_k)."""
import torch
from torch import nn

torch.manual_seed(0)
logits = torch.randn(4, 5)                               # (N=4, C=5)
target = torch.tensor([0, 3, 1, 4])                      # (N,)
eps, C = 0.1, logits.shape[1]

log_p = torch.log_softmax(logits, dim=1)  # (N, C)
ce = -log_p[torch.arange(4), target]      # (N,) the usual cross-entropy
uniform = -log_p.mean(dim=1)  # (N,) cross-entropy against 1/C everywhere
by_hand = ((1 - eps) * ce + eps * uniform).mean()

library = nn.CrossEntropyLoss(label_smoothing=eps)(logits, target)
print(f"label smoothing {eps}: by hand "
      f"{by_hand.item():.4f} | library {library.item():.4f}")
assert torch.allclose(by_hand, library)

# the same thing as cross-entropy against a smoothed target distribution
soft = torch.full((4, C), eps / C)
soft[torch.arange(4), target] += 1 - eps  # true class: 1 - eps + eps / C
print("smoothed target row:", [round(v, 3) for v in soft[0].tolist()])
# targets may be probabilities
assert torch.allclose(nn.CrossEntropyLoss()(logits, soft), library)

# even a perfect, very confident prediction now has a loss above zero
sure = torch.full((1, C), -30.0)
sure[0, 0] = 30.0
plain = nn.CrossEntropyLoss()(sure, torch.tensor([0])).item()
smoothed = nn.CrossEntropyLoss(label_smoothing=eps)(
    sure, torch.tensor([0])).item()
print(f"confident and right: plain {plain:.4f}, smoothed {smoothed:.4f}")
assert plain < 1e-6 and smoothed > 4
