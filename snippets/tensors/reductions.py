"""Reductions: over the whole tensor, along one dimension, and cumulative."""
# --8<-- [start:setup]
import torch

torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:whole]
x = torch.tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]])   # (2, 3)
print("sum:", x.sum().item(), "| mean:", x.mean().item(),
      "| prod:", x.prod().item())
print("min:", x.min().item(), "| max:", x.max().item())
print(f"var: {x.var().item():.4f} | std: {x.std().item():.4f}")
assert x.sum().item() == 21.0
assert x.mean().item() == 3.5
assert x.prod().item() == 720.0
assert x.min().item() == 1.0 and x.max().item() == 6.0

# var and std are unbiased by default (correction=1): divide by n - 1
n = x.numel()
ss = ((x - x.mean()) ** 2).sum()             # sum of squared deviations
assert torch.allclose(x.var(), ss / (n - 1))
assert torch.allclose(x.var(correction=0), ss / n)    # population variance
assert torch.allclose(x.std(), x.var().sqrt())
print(f"var(correction=0): {x.var(correction=0).item():.4f}")
# --8<-- [end:whole]

# --8<-- [start:along_dim]
x = torch.tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]])   # (2, 3)
s0 = x.sum(dim=0)                            # (3,): down the columns
s1 = x.sum(dim=1)                            # (2,): across the rows
k1 = x.sum(dim=1, keepdim=True)              # (2, 1): keeps the reduced dim
print("sum(dim=0):", s0, "| sum(dim=1):", s1)
print("keepdim shape:", tuple(k1.shape))
assert torch.equal(s0, torch.tensor([5.0, 7.0, 9.0]))
assert torch.equal(s1, torch.tensor([9.0, 12.0]))
assert s1.shape == (2,) and k1.shape == (2, 1)
# keepdim lets the result broadcast back
assert torch.equal(x / k1, x / s1[:, None])

values, indices = x.max(dim=1)               # a (values, indices) pair
print("max(dim=1):", values, indices)
assert torch.equal(values, torch.tensor([5.0, 6.0]))
assert torch.equal(indices, torch.tensor([1, 2]))
assert torch.equal(x.argmax(dim=1), indices)
assert torch.equal(x.argmin(dim=0), torch.tensor([0, 1, 0]))
assert x.argmax().item() == 5  # no dim: index into the flattened tensor
# --8<-- [end:along_dim]

# --8<-- [start:cumulative]
r = torch.arange(1, 6)                       # 1, 2, 3, 4, 5
cs = torch.cumsum(r, dim=0)
cp = torch.cumprod(r, dim=0)
print("cumsum: ", cs.tolist())
print("cumprod:", cp.tolist())

total, product, sums, prods = 0, 1, [], []   # the same by hand
for value in r.tolist():
    total += value
    product *= value
    sums.append(total)
    prods.append(product)
assert cs.tolist() == sums == [1, 3, 6, 10, 15]
assert cp.tolist() == prods == [1, 2, 6, 24, 120]
assert cs[-1] == r.sum() and cp[-1] == r.prod()
# --8<-- [end:cumulative]
