"""torch.autocast with bfloat16 on the CPU: which ops change dtype."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:formats]
for dtype in (torch.float32, torch.bfloat16, torch.float16):
    info = torch.finfo(dtype)
    print(f"{str(dtype):15} eps {info.eps:.1e}  max {info.max:.1e}  "
          f"smallest normal {info.smallest_normal:.1e}")
# --8<-- [end:formats]

# --8<-- [start:dtypes]
model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
loss_fn = nn.CrossEntropyLoss()
X = torch.randn(256, 64)
y = torch.randint(0, 10, (256,))

seen = {}
for name, layer in model.named_children():
    layer.register_forward_hook(
        lambda mod, inp, out, name=name: seen.update({name: out.dtype}))

with torch.autocast(device_type="cpu", dtype=torch.bfloat16):
    logits = model(X)
    loss = loss_fn(logits, y)
    mixed = logits + X[:, :10]            # bfloat16 + float32
for name, layer in model.named_children():
    print(f"{name} {type(layer).__name__:6} -> {seen[name]}")
print(f"loss (cross_entropy) -> {loss.dtype}")
print(f"bfloat16 + float32   -> {mixed.dtype}")
assert seen == {"0": torch.bfloat16, "1": torch.bfloat16,
                "2": torch.bfloat16}
assert loss.dtype == torch.float32 and mixed.dtype == torch.float32

loss.backward()
weight = model[0].weight
print(f"parameters stay {weight.dtype}, gradients are {weight.grad.dtype}")
assert weight.dtype == weight.grad.dtype == torch.float32
# --8<-- [end:dtypes]

# --8<-- [start:numerics]
with torch.no_grad():
    ref_logits = model(X)                 # the same model in float32
    ref_loss = loss_fn(ref_logits, y)
    with torch.autocast(device_type="cpu", dtype=torch.bfloat16):
        bf_logits = model(X)
        bf_loss = loss_fn(bf_logits, y)
rel = ((bf_logits.float() - ref_logits).norm() / ref_logits.norm()).item()
print(f"logits, relative difference from float32: {rel:.1e}")
print(f"loss: float32 {ref_loss.item():.5f}, "
      f"autocast {bf_loss.item():.5f}")
assert 0 < rel < 2e-2, "bfloat16 keeps about 3 significant digits"
assert abs(bf_loss - ref_loss) < 1e-2
# --8<-- [end:numerics]
