"""Changing shapes: squeeze and unsqueeze, cat
and stack, transpose, permute and reshape."""
# --8<-- [start:setup]
import torch

torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:squeeze]
x = torch.zeros(3, 4)                        # (3, 4)
u = x.unsqueeze(0)                           # (1, 3, 4): a new dim of size 1
print("unsqueeze(0):", tuple(u.shape),
      "| unsqueeze(-1):", tuple(x.unsqueeze(-1).shape))
assert u.shape == (1, 3, 4) and x.unsqueeze(-1).shape == (3, 4, 1)

y = torch.zeros(1, 3, 1, 4)                  # (1, 3, 1, 4)
print("squeeze():", tuple(y.squeeze().shape),
      "| squeeze(2):", tuple(y.squeeze(2).shape))
assert y.squeeze().shape == (3, 4)      # removes every size-1 dim
assert y.squeeze(2).shape == (1, 3, 4)  # removes only dim 2
assert y.squeeze(1).shape == y.shape    # dim 1 has size 3: nothing happens
# --8<-- [end:squeeze]

# --8<-- [start:cat_stack]
a = torch.zeros(2, 3)                        # (2, 3)
b = torch.ones(2, 3)                         # (2, 3)
c0 = torch.cat([a, b], dim=0)                # joins along an existing dim
c1 = torch.cat([a, b], dim=1)
s0 = torch.stack([a, b])                     # adds a new dim 0
print("cat dim 0:", tuple(c0.shape), "| cat dim 1:", tuple(c1.shape),
      "| stack:", tuple(s0.shape))
assert c0.shape == (4, 3) and c1.shape == (2, 6) and s0.shape == (2, 2, 3)
assert torch.stack([a, b], dim=2).shape == (2, 3, 2)
assert torch.equal(s0[1], b)  # stack: index the new dim to get b back
assert torch.equal(s0, torch.cat([a.unsqueeze(0), b.unsqueeze(0)]))
# --8<-- [end:cat_stack]

# --8<-- [start:permute]
x = torch.arange(24).reshape(2, 3, 4)        # (2, 3, 4)
t = x.transpose(0, 2)                        # (4, 3, 2): swaps two dims
p = x.permute(2, 0, 1)                       # (4, 2, 3): any order of all dims
f = x.flatten(start_dim=1)                   # (2, 12)
r = x.reshape(-1, 4)                         # (6, 4): -1 is inferred
print("transpose:", tuple(t.shape), "| permute:", tuple(p.shape))
print("flatten(1):", tuple(f.shape), "| reshape(-1, 4):", tuple(r.shape))
assert t.shape == (4, 3, 2) and p.shape == (4, 2, 3)
assert f.shape == (2, 12) and r.shape == (6, 4)
assert x.flatten().shape == (24,)
assert t[3, 1, 0] == x[0, 1, 3] and p[3, 0, 1] == x[0, 1, 3]
assert torch.equal(x.permute(0, 2, 1), x.transpose(1, 2))
# --8<-- [end:permute]
