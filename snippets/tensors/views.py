"""Indexing, and which results share memory
with the original: views, clones, contiguity."""
# --8<-- [start:setup]
import torch

torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:indexing]
a = torch.arange(12).reshape(3, 4)       # (3, 4)
print("a[1, 2]:    ", a[1, 2].item())     # one element
print("a[1]:       ", a[1])               # one row, (4,)
print("a[:, 1]:    ", a[:, 1])            # one column, (3,)
print("a[:2, ::2]: ", a[:2, ::2].tolist())  # rows 0-1, every second column
print("a[a > 8]:   ", a[a > 8])           # boolean mask -> 1-d tensor
print("a[[0, 2]]:  ", a[[0, 2]].tolist())   # fancy indexing: rows 0 and 2

assert a[1, 2].item() == 6
assert a[:, 1].shape == (3,) and a[:2, ::2].shape == (2, 2)
assert torch.equal(a[a > 8], torch.tensor([9, 10, 11]))
assert torch.equal(a[[0, 2]], torch.stack([a[0], a[2]]))
# --8<-- [end:indexing]

# --8<-- [start:views]
a = torch.arange(6.0)                    # (6,)
b = a.view(2, 3)                         # (2, 3), same memory
s = a[2:]                                # slicing also gives a view
b[0, 0] = 100.0
s[0] = -1.0
print("a after writing through views:", a)

assert a[0].item() == 100.0 and a[2].item() == -1.0
assert a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr()
assert a.untyped_storage().data_ptr() == s.untyped_storage().data_ptr()
assert s.storage_offset() == 2           # the slice starts 2 elements in
# --8<-- [end:views]

# --8<-- [start:clone]
a = torch.arange(6.0)
c = a.clone()                            # new memory with a copy of the values
c[0] = 100.0
print("a after writing to the clone:", a)

assert a[0].item() == 0.0
assert a.untyped_storage().data_ptr() != c.untyped_storage().data_ptr()
# --8<-- [end:clone]

# --8<-- [start:contiguous]
a = torch.arange(6.0).view(2, 3)         # (2, 3)
t = a.t()                                # (3, 2), a view with swapped strides
print("strides:", a.stride(), "->", t.stride(),
      "| contiguous:", t.is_contiguous())
assert a.is_contiguous() and not t.is_contiguous()

try:
    t.view(6)
except RuntimeError as err:
    assert "view size is not compatible" in str(err)
    print("t.view(6) -> RuntimeError:", str(err).split(" (")[0])
else:
    raise AssertionError("view on a non-contiguous tensor should fail")

r = t.reshape(6)                         # works: copies here, since it must
assert r.untyped_storage().data_ptr() != a.untyped_storage().data_ptr()
v = t.contiguous().view(6)               # same result, the copy made explicit
assert torch.equal(r, v)
print("t.reshape(6):", r)
# --8<-- [end:contiguous]
