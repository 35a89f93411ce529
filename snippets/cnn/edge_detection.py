"""Edge detection: a 1x2 kernel finds where neighbouring pixels differ."""
# --8<-- [start:setup]
import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:image]
X = torch.zeros(10, 12, device=device)      # a dark 10x12 image
X[2:8, 3:9] = 1.0                           # with a bright 6x6 square
K = torch.tensor([[1.0, -1.0]], device=device)   # this pixel minus its right
print((X == 1).sum().item(), "bright pixels")
# --8<-- [end:image]

# --8<-- [start:detect]
def corr(X, K):
    """Cross-correlate a 2-D image with a 2-D kernel via F.conv2d."""
    return F.conv2d(X[None, None], K[None, None])[0, 0]


Y = corr(X, K)                              # (10, 11)
rows, cols = Y.nonzero(as_tuple=True)
print("Y", tuple(Y.shape), "non-zero in columns",
      sorted(set(cols.tolist())), "rows", sorted(set(rows.tolist())))
print("left edge", Y[4, 2].item(), " right edge", Y[4, 8].item())
assert set(cols.tolist()) == {2, 8} and set(rows.tolist()) == set(range(2, 8))
assert (Y[2:8, 2] == -1).all() and (Y[2:8, 8] == 1).all()
# --8<-- [end:detect]

# --8<-- [start:transpose]
Y_rows = corr(X, K.T)               # K.T (2x1): this pixel minus the one below
rows_t, cols_t = Y_rows.nonzero(as_tuple=True)
print("with K.T: non-zero in rows", sorted(set(rows_t.tolist())))
assert set(rows_t.tolist()) == {1, 7}
assert set(cols_t.tolist()) == set(range(3, 9))
assert (corr(X.T, K) == Y_rows.T).all()     # the same as turning the image
# --8<-- [end:transpose]
