"""Part 1's misconceptions about tensors, each checked: the line printed
starts with the number of its row in the page's table."""
import numpy as np
import torch

torch.manual_seed(0)

# 1.1 torch.empty is not zeros: never initialised (NaN when torch fills)
torch.use_deterministic_algorithms(True)
try:
    e = torch.empty(3)
finally:
    torch.use_deterministic_algorithms(False)
print("1.1 torch.empty(3), uninitialised memory filled:", e.tolist())
assert e.isnan().all()

# 1.2 a slice is a view: writing to it writes to the original
x = torch.arange(6.0).view(2, 3)
row = x[0]
row[0] = 100.0
print("1.2 after row[0] = 100, x[0, 0] =", x[0, 0].item())
assert x[0, 0] == 100 and row.data_ptr() == x.data_ptr()

# 1.3 from_numpy shares memory with the array
a = np.zeros(3)
t = torch.from_numpy(a)
a[0] = 7.0
print("1.3 after a[0] = 7, t[0] =", t[0].item())
assert t[0] == 7

# 1.4 * is element-wise; @ is the matrix product
m = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print("1.4 m * m:", (m * m).tolist(), "| m @ m:", (m @ m).tolist())
assert not torch.equal(m * m, m @ m)

# 1.5 expand copies nothing: a stride of 0
col = torch.tensor([[1.0], [2.0]])
big = col.expand(2, 1000)
print("1.5 expand(2, 1000): strides", big.stride(), "| same memory:",
      big.data_ptr() == col.data_ptr())
assert big.stride() == (1, 0)

# 1.6 == compares element by element; torch.equal answers "same?"
u, v = torch.tensor([1.0, 2.0]), torch.tensor([1.0, 3.0])
print("1.6 u == v:", (u == v).tolist(), "| torch.equal:",
      torch.equal(u, v))
assert (u == v).shape == (2,) and not torch.equal(u, v)

# 1.7 torch.std divides by N - 1, NumPy's by N
d = torch.tensor([1.0, 2.0, 3.0, 4.0])
print("1.7 torch.std:", round(d.std().item(), 4), "| np.std:",
      round(float(np.std(d.numpy())), 4))
assert abs(d.std().item() - np.std(d.numpy(), ddof=1)) < 1e-6
assert abs(d.std().item() - np.std(d.numpy())) > 0.1

# 1.8 torch's default float is float32, NumPy's float64
print("1.8 torch:", torch.tensor([0.1]).dtype, "| numpy:",
      np.array([0.1]).dtype)
assert torch.tensor([0.1]).dtype == torch.float32
assert np.array([0.1]).dtype == np.float64

# 1.9 x.to(...) returns a new tensor and leaves x alone
x = torch.ones(2)
x.to(torch.float64)                  # result thrown away
print("1.9 after x.to(torch.float64) without assignment:", x.dtype)
assert x.dtype == torch.float32
