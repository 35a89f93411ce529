"""Broadcasting rules, the error for
incompatible shapes, and expand versus repeat."""
# --8<-- [start:setup]
import torch

torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:rules]
# align shapes on the right; each pair of sizes must be equal or contain a 1
a = torch.tensor([[0.0], [10.0], [20.0]])    # (3, 1)
b = torch.tensor([[1.0, 2.0, 3.0, 4.0]])     # (1, 4)
c = a + b                                    # (3, 4)
print("(3, 1) + (1, 4) ->", tuple(c.shape))
print(c)
assert c.shape == (3, 4)
assert torch.equal(c, a.expand(3, 4) + b.expand(3, 4))

m = torch.ones(2, 3)                         # (2, 3)
v = torch.tensor([1.0, 2.0, 3.0])            # (3,) acts as (1, 3)
d = m + v
print("(2, 3) + (3,)   ->", tuple(d.shape))
assert d.shape == (2, 3)
assert torch.equal(d, m + v.unsqueeze(0).expand(2, 3))

e = 10 * v + 1                               # a scalar broadcasts to any shape
assert torch.equal(e, torch.tensor([11.0, 21.0, 31.0]))
# --8<-- [end:rules]

# --8<-- [start:error]
m = torch.ones(2, 3)  # (2, 3)
w = torch.ones(2)     # (2,) acts as (1, 2): 3 vs 2 fails
try:
    m + w
except RuntimeError as err:
    assert "must match the size" in str(err)
    print("(2, 3) + (2,) -> RuntimeError:", err)
else:
    raise AssertionError("incompatible shapes should raise")

ok = m + w.unsqueeze(1)                      # (2, 1) broadcasts along the rows
assert ok.shape == (2, 3)
# --8<-- [end:error]

# --8<-- [start:expand_vs_repeat]
v = torch.tensor([1.0, 2.0, 3.0])            # (3,)
ex = v.expand(4, 3)                          # (4, 3) view: no copy
rp = v.repeat(4, 1)                          # (4, 3) new memory
print("expand stride:", ex.stride(), "| repeat stride:", rp.stride())

assert torch.equal(ex, rp)
assert ex.stride() == (0, 1)  # stride 0: every row is the same memory
assert ex.untyped_storage().data_ptr() == v.untyped_storage().data_ptr()
assert rp.untyped_storage().data_ptr() != v.untyped_storage().data_ptr()
assert ex.untyped_storage().nbytes() == 3 * 4       # still only 3 floats
assert rp.untyped_storage().nbytes() == 12 * 4      # 12 floats

v[0] = -1.0  # the view follows v, the copy does not
assert ex[3, 0].item() == -1.0 and rp[3, 0].item() == 1.0
# --8<-- [end:expand_vs_repeat]
