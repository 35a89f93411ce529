"""Why scaled dot-product attention divides by sqrt(d)."""
import torch

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))


def largest_weight(scores):
    """Mean over rows of the largest softmax weight: 0.1 uniform, 1 one-hot."""
    return torch.softmax(scores, dim=-1).amax(dim=-1).mean().item()


results = {}
for d in (4, 64, 1024):
    q = torch.randn(1000, 10, d, device=device)    # unit-variance entries
    k = torch.randn(1000, 10, d, device=device)
    scores = q @ k.transpose(1, 2)                 # (1000, 10, 10)
    std = scores.std().item()
    top, top_scaled = largest_weight(scores), largest_weight(scores / d ** 0.5)
    results[d] = top, top_scaled
    print(f"d = {d:4d}: score std {std:6.2f}, "
          f"mean largest weight {top:.3f} unscaled, {top_scaled:.3f} scaled")
    assert abs(std / d ** 0.5 - 1) < 0.05          # std grows like sqrt(d)
assert results[1024][0] > 0.95                     # nearly one-hot
assert all(abs(scaled - 0.32) < 0.03 for _, scaled in results.values())
