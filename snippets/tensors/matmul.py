"""Matrix products: mm, matmul, @ and einsum,
batched products, and vector products."""
# --8<-- [start:setup]
import torch

torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:products]
a = torch.randn(2, 3)                        # (2, 3)
b = torch.randn(3, 4)                        # (3, 4)
p1 = torch.mm(a, b)                          # (2, 4)
p2 = torch.matmul(a, b)
p3 = a @ b
p4 = torch.einsum("ij,jk->ik", a, b)
print("a @ b:", tuple(p3.shape), p3[0, :2].round(decimals=4))
assert p3.shape == (2, 4)
assert torch.allclose(p1, p2)
assert torch.allclose(p1, p3)
assert torch.allclose(p1, p4)

# * is element-wise: the shapes must broadcast, not match like in a product
w = torch.tensor([1.0, 10.0, 100.0])         # (3,)
e = a * w                                    # (2, 3): column j scaled by w[j]
assert e.shape == a.shape and torch.allclose(e[:, 1], 10 * a[:, 1])
try:
    a * b                                    # (2, 3) * (3, 4)
except RuntimeError as err:
    assert "must match the size" in str(err)
    print("a * b -> RuntimeError (shapes do not broadcast)")
else:
    raise AssertionError("(2, 3) * (3, 4) should not broadcast")
# --8<-- [end:products]

# --8<-- [start:batched]
x = torch.randn(5, 2, 3)                     # (B, n, m)
y = torch.randn(5, 3, 4)                     # (B, m, p)
q1 = torch.bmm(x, y)                         # (B, n, p)
q2 = x @ y
q3 = torch.einsum("bij,bjk->bik", x, y)
print("bmm:", tuple(q1.shape))
assert q1.shape == (5, 2, 4)
assert torch.allclose(q1, q2) and torch.allclose(q1, q3)
assert torch.allclose(q1[2], x[2] @ y[2])  # one matrix product per batch entry

m = torch.randn(3, 4)  # (m, p): shared by every batch entry
r = x @ m              # (B, n, p): m broadcasts over B
print("(5, 2, 3) @ (3, 4) ->", tuple(r.shape))
assert torch.allclose(r, torch.bmm(x, m.expand(5, 3, 4)))
# --8<-- [end:batched]

# --8<-- [start:vectors]
u = torch.tensor([1.0, 2.0, 3.0])
v = torch.tensor([4.0, 5.0, 6.0])
s = torch.eye(3) * 2 + 1                     # (3, 3)
print("dot:", torch.dot(u, v).item())        # 1*4 + 2*5 + 3*6
print("mv: ", torch.mv(s, u))                # (3, 3) @ (3,) -> (3,)
print("outer shape:", tuple(torch.outer(u, v).shape))
assert torch.dot(u, v).item() == 32.0
assert torch.equal(torch.mv(s, u), s @ u)
assert torch.equal(torch.outer(u, v), u[:, None] * v[None, :])
assert torch.equal(torch.einsum("i,i->", u, v), torch.dot(u, v))

k = torch.arange(9.0).view(3, 3)
print("trace:", torch.einsum("ii->", k).item())   # 0 + 4 + 8
assert torch.equal(torch.einsum("ii->", k), torch.trace(k))
assert torch.equal(torch.einsum("ij->ji", k), k.t())
# --8<-- [end:vectors]
