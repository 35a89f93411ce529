"""Exercise: view needs a compatible memory layout and never copies;
reshape returns a view when it can and a copy when it must."""
import torch

torch.manual_seed(0)
m = torch.arange(6.0).view(2, 3)
t = m.T                              # (3, 2), strides swapped
print("m strides", m.stride(), "| m.T strides", t.stride(),
      "| m.T contiguous:", t.is_contiguous())

try:
    t.view(6)
except RuntimeError as err:
    print("m.T.view(6):", type(err).__name__)
    assert "view size is not compatible" in str(err)
else:
    raise AssertionError("view should refuse a transposed tensor")

flat_m = m.reshape(6)
flat_t = t.reshape(6)
print("reshape shares memory: m", flat_m.data_ptr() == m.data_ptr(),
      "| m.T", flat_t.data_ptr() == t.data_ptr())
print("m.T.reshape(6):", flat_t.tolist())
assert flat_m.data_ptr() == m.data_ptr()        # a view
assert flat_t.data_ptr() != t.data_ptr()        # a copy
assert torch.equal(flat_t, t.contiguous().view(6))
