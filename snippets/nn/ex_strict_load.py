"""Exercise solution: load_state_dict into a model that does not
quite match. strict=True (the default) refuses missing or extra keys;
strict=False reports them; a shape mismatch is refused either way."""
import torch
from torch import nn

torch.manual_seed(0)

# --8<-- [start:solution]
old = nn.Sequential(nn.Linear(1000, 100), nn.ReLU(), nn.Linear(100, 10))
state = old.state_dict()

deeper = nn.Sequential(nn.Linear(1000, 100), nn.ReLU(), nn.Linear(100, 10),
                       nn.ReLU(), nn.Linear(10, 10))
try:
    deeper.load_state_dict(state)
except RuntimeError as err:
    print("strict=True  -> RuntimeError:", str(err).splitlines()[1].strip())
    assert 'Missing key(s) in state_dict: "4.weight", "4.bias"' in str(err)
else:
    raise AssertionError("strict loading should refuse")

result = deeper.load_state_dict(state, strict=False)
print("strict=False -> missing", result.missing_keys,
      "unexpected", result.unexpected_keys)
assert result.missing_keys == ["4.weight", "4.bias"]
assert result.unexpected_keys == []
assert torch.equal(deeper[0].weight, old[0].weight)  # what matched was loaded

wider = nn.Sequential(nn.Linear(1000, 200), nn.ReLU(), nn.Linear(200, 10))
try:
    wider.load_state_dict(state, strict=False)
except RuntimeError as err:
    line = next(
        l for l in str(err).splitlines() if "size mismatch" in l).strip()
    print("wider layer  -> RuntimeError:", line.split(": copying")[0])
    assert "size mismatch for 0.weight" in str(err)
else:
    raise AssertionError("shapes must match even with strict=False")
# --8<-- [end:solution]
