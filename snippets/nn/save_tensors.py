"""torch.save and torch.load with tensors, lists and dicts
of tensors (in a temporary directory); tensors that share
memory are saved once and still share after loading."""
# --8<-- [start:setup]
import os
import shutil
import tempfile

import torch

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
tmp = tempfile.mkdtemp()  # a fresh folder for the files, removed at the end
# --8<-- [end:setup]

# --8<-- [start:tensor]
x = torch.randn(3, device=device)
path = os.path.join(tmp, "x.pt")
torch.save(x, path)                          # (1)!
x_loaded = torch.load(path)  # back on the device it was saved from
print("loaded:", [round(v, 4) for v in x_loaded.tolist()],
      "on", x_loaded.device.type)
assert torch.equal(x_loaded, x) and x_loaded.device == x.device
assert x_loaded.data_ptr() != x.data_ptr()   # a new tensor, not the old memory

x_cpu = torch.load(path, map_location="cpu")  # (2)!
assert x_cpu.device.type == "cpu"
# --8<-- [end:tensor]

# --8<-- [start:containers]
y = torch.arange(4)
torch.save([x, y], os.path.join(tmp, "list.pt"))
torch.save({"weights": x, "labels": y, "epoch": 3},
           os.path.join(tmp, "dict.pt"))
x2, y2 = torch.load(os.path.join(tmp, "list.pt"))
d = torch.load(os.path.join(tmp, "dict.pt"))
print("dict keys:", list(d), "| epoch:", d["epoch"],
      "| labels:", d["labels"].tolist())
assert torch.equal(x2, x) and torch.equal(y2, y)
assert torch.equal(d["weights"], x) and d["epoch"] == 3
# --8<-- [end:containers]

# --8<-- [start:sharing]
a = torch.zeros(6)
b = a[2:4]                                   # a view of a
torch.save({"a": a, "b": b}, os.path.join(tmp, "shared.pt"))
loaded = torch.load(os.path.join(tmp, "shared.pt"))
loaded["a"][2] = 7.0                         # write through the loaded a ...
print("loaded b after writing to loaded a:", loaded["b"].tolist())
assert loaded["b"][0].item() == 7.0          # ... and the loaded b sees it
shutil.rmtree(tmp)                           # nothing left behind
# --8<-- [end:sharing]
