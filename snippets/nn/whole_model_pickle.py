"""Why to save a state_dict rather than a whole pickled model:
torch.load refuses arbitrary objects (weights_only=True, today's
default), and a pickle names the class, not its code."""
# --8<-- [start:setup]
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile

import torch
from torch import nn

torch.manual_seed(0)


class TwoLayerNet(nn.Module):
    def __init__(self, D_in, H, D_out):
        super().__init__()
        self.linear1 = nn.Linear(D_in, H)
        self.linear2 = nn.Linear(H, D_out)

    def forward(self, x):
        return self.linear2(self.linear1(x).clamp(min=0))


model = TwoLayerNet(1000, 100, 10)
x = torch.randn(4, 1000)
tmp = tempfile.mkdtemp()  # a fresh folder for the files, removed at the end
path = os.path.join(tmp, "model.pt")
# --8<-- [end:setup]

# --8<-- [start:refused]
torch.save(model, path)                      # pickles the whole object
try:
    torch.load(path)                         # weights_only=True by default
except pickle.UnpicklingError as err:
    refused = re.search(r"Unsupported global: GLOBAL (\S+)", str(err)).group(1)
    print("weights_only=True -> UnpicklingError, unsupported global:", refused)
    assert refused == "__main__.TwoLayerNet"
else:
    raise AssertionError("weights_only loading should refuse a whole module")

whole = torch.load(path, weights_only=False)  # (1)!
assert torch.equal(whole(x), model(x))
# --8<-- [end:refused]


# --8<-- [start:code]
class Sneaky:
    def __reduce__(self):  # how pickle is told to rebuild the object
        return (print,
                ("    (torch.load just ran code that the file asked for)",))


torch.save(Sneaky(), os.path.join(tmp, "sneaky.pt"))
print("loading with weights_only=False:")
torch.load(os.path.join(tmp, "sneaky.pt"), weights_only=False)
try:
    torch.load(os.path.join(tmp, "sneaky.pt"))
except pickle.UnpicklingError as err:
    refused = re.search(r"Unsupported global: GLOBAL (\S+)", str(err)).group(1)
    print("weights_only=True -> UnpicklingError, unsupported global:", refused)
    assert refused == "print"
else:
    raise AssertionError("weights_only loading should refuse to call print")
# --8<-- [end:code]

# --8<-- [start:fragile]
elsewhere = f"import torch; torch.load({path!r}, weights_only=False)"
done = subprocess.run([sys.executable, "-c", elsewhere],          # (1)!
                      capture_output=True, text=True)
error = done.stderr.strip().splitlines()[-1]  # the last line of its traceback
print("class gone ->", error.split(" on <")[0])
assert done.returncode != 0
assert "AttributeError: Can't get attribute 'TwoLayerNet'" in error

torch.save(model.state_dict(), os.path.join(tmp, "weights.pt"))
# plain tensors: always loads
state = torch.load(os.path.join(tmp, "weights.pt"))
print("state_dict keys:", list(state))
assert torch.equal(state["linear1.weight"], model.linear1.weight)
shutil.rmtree(tmp)                           # nothing left behind
# --8<-- [end:fragile]
