"""Comparing tensors: element-wise comparisons,
torch.equal, and allclose for floats."""
# --8<-- [start:setup]
import torch

torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:elementwise]
a = torch.tensor([1, 5, 3])
b = torch.tensor([2, 5, 1])
print("a == b:", a == b)
print("a >= b:", a.ge(b))
assert torch.equal(a == b, torch.eq(a, b))
assert torch.equal(a > b, torch.gt(a, b))
assert torch.equal(a < b, torch.lt(a, b))
assert (a == b).dtype == torch.bool
assert torch.equal(a >= b, torch.tensor([False, True, True]))

col = torch.tensor([[2], [4]])               # (2, 1)
g = a > col                                  # broadcasts to (2, 3)
assert g.shape == (2, 3) and g.dtype == torch.bool
assert (a > 2).tolist() == [False, True, True]     # a scalar broadcasts too
# --8<-- [end:elementwise]

# --8<-- [start:equal]
a = torch.tensor([1.0, 2.0, 3.0])            # (3,)
b = torch.tensor([1.0, 2.0, 3.0])            # (3,)
r = torch.tensor([[1.0, 2.0, 3.0]])          # (1, 3): same values, other shape
print("equal(a, b):", torch.equal(a, b), "| equal(a, r):", torch.equal(a, r))
assert torch.equal(a, b) is True             # one python bool
assert torch.equal(a, r) is False            # shapes differ
assert torch.equal(a, a + 1) is False        # values differ

# == broadcasts (3,) against (1, 3), so .all() misses the shape difference
print("(a == r).all():", (a == r).all().item())
assert (a == r).all().item() is True
# --8<-- [end:equal]

# --8<-- [start:allclose]
x = torch.tensor(0.1, dtype=torch.float64) + 0.2  # float64, like python floats
y = torch.tensor(0.3, dtype=torch.float64)
print(f"0.1 + 0.2 = {x.item():.17f}")
print("equal:", torch.equal(x, y), "| allclose:", torch.allclose(x, y))
assert not torch.equal(x, y)                 # off in the last bit
assert torch.allclose(x, y)                  # |x - y| <= atol + rtol * |y|

s = torch.full((10,), 0.1).sum()             # float32: ten times 0.1
print(f"float32 sum of ten 0.1: {s.item():.8f}")
assert not torch.equal(s, torch.tensor(1.0))
assert torch.allclose(s, torch.tensor(1.0))

u = torch.tensor([1.0, 2.0, 3.0])
v = torch.tensor([1.0 + 1e-7, 2.0, 3.1])
print("isclose:", torch.isclose(u, v))       # element-wise, like allclose
assert torch.isclose(u, v).tolist() == [True, True, False]
assert torch.allclose(u, v) == torch.isclose(u, v).all().item()
# --8<-- [end:allclose]
