"""Exercise solution: trace, batched matmul
and a bilinear form x^T A y with einsum."""
# --8<-- [start:setup]
import torch

torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:solution]
a = torch.randn(3, 3)                        # (n, n)
tr = torch.einsum("ii->", a)                 # sum of the diagonal
print(f"trace: {tr.item():.4f}")
assert torch.allclose(tr, torch.trace(a))

p = torch.randn(4, 2, 3)                     # (B, n, m)
q = torch.randn(4, 3, 5)                     # (B, m, k)
bm = torch.einsum("bij,bjk->bik", p, q)      # (B, n, k)
print("batched matmul:", tuple(bm.shape),
      f"| [0, 0, 0] = {bm[0, 0, 0].item():.4f}")
assert torch.allclose(bm, torch.bmm(p, q), atol=1e-6)

x = torch.randn(3)                           # (n,)
y = torch.randn(4)                           # (m,)
w = torch.randn(3, 4)                        # (n, m)
bil = torch.einsum("i,ij,j->", x, w, y)      # x^T w y, a scalar
print(f"bilinear: {bil.item():.4f}")
assert bil.shape == ()
assert torch.allclose(bil, x @ w @ y, atol=1e-6)
assert torch.allclose(bil, torch.dot(x, torch.mv(w, y)), atol=1e-6)
# --8<-- [end:solution]
