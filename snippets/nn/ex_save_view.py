"""Exercise solution: torch.save writes a tensor's whole
storage, so saving a small slice of a big tensor writes
the big tensor; clone() the slice to save only it."""
import os
import tempfile

import torch

torch.manual_seed(0)

# --8<-- [start:solution]
big = torch.randn(1_000_000)                     # 4 MB of float32
head = big[:10]                                  # a view: 40 bytes of values

with tempfile.TemporaryDirectory() as tmp:
    sizes = {}
    for name, tensor in {"view": head, "clone": head.clone()}.items():
        path = os.path.join(tmp, f"{name}.pt")
        torch.save(tensor, path)
        sizes[name] = os.path.getsize(path)
        print(f"saving big[:10] as a {name:5s}: {sizes[name] / 1e6:.3f} MB")
    loaded = torch.load(os.path.join(tmp, "view.pt"))

print("loaded view: shape", tuple(loaded.shape),
      "| storage elements", loaded.untyped_storage().nbytes() // 4)
assert sizes["view"] > 4_000_000 > 100 * sizes["clone"]
assert torch.equal(loaded, head)
assert loaded.untyped_storage().nbytes() == big.untyped_storage().nbytes()
# --8<-- [end:solution]
