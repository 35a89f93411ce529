"""Moving tensors between devices and dtypes
with .to, casting, and dtype promotion."""
# --8<-- [start:setup]
import torch

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
print("device:", device.type)
# --8<-- [end:setup]

# --8<-- [start:to]
x = torch.tensor([1.0, 2.0, 3.0])  # float32, on the cpu
a = x.to(device)                   # a copy on the device (x itself on the cpu)
b = x.to(torch.float64)            # a float64 copy
c = x.to(device, torch.float16)    # both at once (mps has no float64)
print("x.to(float64):", b.dtype, "| x is still:", x.dtype, x.device.type)

assert a.device.type == device.type and c.device.type == device.type
assert b.dtype == torch.float64 and c.dtype == torch.float16
assert x.dtype == torch.float32 and x.device.type == "cpu"   # x unchanged
assert x.to(x.dtype) is x  # nothing to change: x itself comes back
assert x.to("cpu") is x
# --8<-- [end:to]

# --8<-- [start:casting]
i = torch.tensor([7, -7])                # int64
print("i / 2: ", i / 2)                  # true division gives float32
print("i // 2:", i // 2)                 # floor division stays int64
assert (i / 2).dtype == torch.float32
assert (i // 2).dtype == torch.int64
assert torch.equal(i // 2, torch.tensor([3, -4]))   # floor, not truncation

f = torch.tensor([2.7, -2.7])
print("long():", f.long())               # float -> int truncates toward zero
assert torch.equal(f.long(), torch.tensor([2, -2]))
assert f.float().dtype == torch.float32 and f.double().dtype == torch.float64

h = torch.tensor([0.1]).to(torch.float16)  # same as .half()
print(f"float16 0.1: {h.item():.8f}")    # only about 3 significant digits
assert h.dtype == torch.float16 and h.item() != 0.1
# --8<-- [end:casting]

# --8<-- [start:mismatch]
a = torch.ones(2, dtype=torch.float32)
b = torch.ones(2, dtype=torch.float64)
s = a + b                                # promoted to the wider dtype
print("float32 + float64 ->", s.dtype)
assert s.dtype == torch.float64
assert torch.result_type(a, b) == torch.float64

n = torch.ones(2, dtype=torch.int64)
print("int64 + float32   ->", (n + a).dtype)
assert torch.result_type(n, a) == torch.float32
# a python number does not widen a float tensor, it only picks the category
assert torch.result_type(a, 2.5) == torch.float32
assert torch.result_type(n, 2.5) == torch.float32   # the default float dtype
assert torch.result_type(n, 2) == torch.int64
# --8<-- [end:mismatch]
