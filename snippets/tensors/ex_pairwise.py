"""Exercise solution: pairwise Euclidean distances
by broadcasting, checked against torch.cdist."""
# --8<-- [start:setup]
import torch

torch.manual_seed(0)
x = torch.randn(5, 3)                        # (N, D)
y = torch.randn(4, 3)                        # (M, D)
# --8<-- [end:setup]

# --8<-- [start:solution]
diff = x[:, None, :] - y[None, :, :]  # (N, 1, D) - (1, M, D) -> (N, M, D)
dist = diff.pow(2).sum(-1).sqrt()     # (N, M)
print("diff:", tuple(diff.shape), "| dist:", tuple(dist.shape))
print("dist[:2, :2]:", dist[:2, :2].round(decimals=4))

assert diff.shape == (5, 4, 3) and dist.shape == (5, 4)
assert torch.allclose(dist, torch.cdist(x, y), atol=1e-6)
assert torch.allclose(dist[2, 3], (x[2] - y[3]).norm())   # one pair by hand
assert (dist >= 0).all()

# the same distances from |x|^2 - 2 x.y + |y|^2, with one matrix product
sq = x.pow(2).sum(1, keepdim=True) - 2 * x @ y.T + y.pow(2).sum(1)   # (N, M)
assert torch.allclose(sq.clamp(min=0).sqrt(), dist, atol=1e-5)
# --8<-- [end:solution]
