"""Exercise solution: which operations return
a result that shares memory with the original?

Computed by comparing storage pointers, then
confirmed by writing through the result.
"""
# --8<-- [start:setup]
import numpy as np
import torch

torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:solution]
def shares(x, y):
    """True when tensors (or arrays) x and y use the same block of memory."""
    px = (
        x.untyped_storage().data_ptr() if torch.is_tensor(x) else x.ctypes.data
    )
    py = (
        y.untyped_storage().data_ptr() if torch.is_tensor(y) else y.ctypes.data
    )
    return px == py


cases = {  # name -> function of a fresh original
    "a[1:]": lambda a: a[1:],
    "a.view(2, 3)": lambda a: a.view(2, 3),
    "a.clone()": lambda a: a.clone(),
    "a.t()": lambda a: a.t(),
    "a.reshape(6)": lambda a: a.reshape(6),
    "torch.from_numpy(arr)": torch.from_numpy,
    "torch.tensor(arr)": torch.tensor,
}
expected = {"a.clone()": False, "torch.tensor(arr)": False}  # all others: True

for name, make in cases.items():
    if "arr" in name:
        original = np.arange(6.0).reshape(2, 3)   # a numpy array, (2, 3)
    else:
        original = torch.arange(6.0).view(2, 3)   # a contiguous tensor, (2, 3)
    result = make(original)
    same = shares(original, result)
    print(f"{name}: shares memory {same}")
    assert same == expected.get(name, True)

    # check by writing: does changing the result change the original?
    result[(-1,) * result.ndim] = 100.0      # last element of the result
    changed = bool((original == 100.0).any())
    assert changed == same
# --8<-- [end:solution]
