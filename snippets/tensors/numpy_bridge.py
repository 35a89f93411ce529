"""Moving data between NumPy and PyTorch: which
conversions share memory and which copy."""
# --8<-- [start:setup]
import numpy as np
import torch

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:from_numpy]
arr = np.array([1.0, 2.0, 3.0])          # numpy's default float is float64
t = torch.from_numpy(arr)                # shares arr's memory
arr[0] = 100.0                           # change the array...
print("from_numpy:", t.dtype, t.tolist())

assert t.dtype == torch.float64          # the dtype is kept
assert t[0].item() == 100.0              # ...and the tensor changed too
# --8<-- [end:from_numpy]

# --8<-- [start:to_numpy]
t = torch.arange(3.0)                    # float32, on the cpu
a = t.numpy()                            # shares t's memory
t[0] = -1.0                              # change the tensor...
print("numpy():   ", a.dtype, a.tolist())

assert a.dtype == np.float32
assert a[0] == -1.0                      # ...and the array changed too
# --8<-- [end:to_numpy]

# --8<-- [start:copies]
arr = np.array([1.0, 2.0, 3.0])
c = torch.tensor(arr)                    # always copies
s = torch.as_tensor(arr)                 # shares when dtype and device allow
f = torch.as_tensor(arr, dtype=torch.float32)   # a dtype change forces a copy
arr[0] = 100.0
print("tensor:    ", c.tolist())
print("as_tensor: ", s.tolist())

assert c[0].item() == 1.0                # the copy did not see the change
assert s[0].item() == 100.0              # the shared one did
assert f[0].item() == 1.0
# --8<-- [end:copies]

# --8<-- [start:gpu]
t = torch.arange(3.0, device=device)  # on the accelerator if there is one
arr = t.cpu().numpy()  # .cpu() is a no-op on the cpu, a copy otherwise
print("back to numpy:", arr.tolist())

assert isinstance(arr, np.ndarray)
assert arr.tolist() == [0.0, 1.0, 2.0]
if device.type != "cpu":
    try:
        t.numpy()                        # numpy only sees host memory
    except TypeError as err:
        assert "Tensor.cpu()" in str(err)
    else:
        raise AssertionError("numpy() on an accelerator tensor should fail")
# --8<-- [end:gpu]
