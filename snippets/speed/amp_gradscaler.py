"""float16 gradients underflow; GradScaler scales the loss to save them."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# --8<-- [end:setup]

# --8<-- [start:underflow]
half = torch.float16
w = torch.ones(4, dtype=half, requires_grad=True)
x = torch.full((4,), 1e-4, dtype=half)


def small_loss(w):
    # float16 arithmetic, a float32 loss (as autocast does)
    return (w * x).sum().float() * 2e-4   # d loss / d w = 2e-8


subnormal = torch.finfo(half).smallest_normal * 2.0**-10
print(f"float16: smallest subnormal {subnormal:.2e}")
small_loss(w).backward()
print("float16 gradient, unscaled:", w.grad.tolist())
assert (w.grad == 0).all(), "2e-8 is below float16's smallest subnormal"

w.grad = None
scale = 2.0**16
(small_loss(w) * scale).backward()   # every gradient is 65536x larger
print(f"float16 gradient, scaled:   {w.grad[0].item():.4g}")
unscaled = w.grad.float() / scale    # divide in float32
print(f"unscaled in float32:        {unscaled[0].item():.4g}")
torch.testing.assert_close(unscaled, torch.full((4,), 2e-8), rtol=1e-3,
                           atol=0)
# --8<-- [end:underflow]

# --8<-- [start:skip]
scaler = torch.amp.GradScaler("cpu", init_scale=2.0**16)
p = nn.Parameter(torch.ones(3))
opt = torch.optim.SGD([p], lr=0.1)
for inputs in ([1.0, float("inf"), 1.0], [1.0, 2.0, 3.0]):
    loss = (p * torch.tensor(inputs)).sum()
    opt.zero_grad()
    scaler.scale(loss).backward()
    scaler.step(opt)                  # skipped if a gradient is inf/nan
    scaler.update()                   # halves the scale after a skip
    print(f"inputs {inputs}: p = {[round(v, 4) for v in p.tolist()]}, "
          f"scale now {scaler.get_scale():.0f}")
assert scaler.get_scale() == 2.0**15
torch.testing.assert_close(p.detach(), torch.tensor([0.9, 0.8, 0.7]))
# --8<-- [end:skip]

# --8<-- [start:loop]
use_fp16 = device.type == "cuda"      # float16 + GradScaler: the GPU recipe
amp_dtype = torch.float16 if use_fp16 else torch.bfloat16
X = torch.randn(512, 32, device=device)
y = (X[:, :4].sum(dim=1) > 0).long()
model = nn.Sequential(nn.Linear(32, 64), nn.ReLU(),
                      nn.Linear(64, 2)).to(device)
opt = torch.optim.SGD(model.parameters(), lr=0.5)
scaler = torch.amp.GradScaler(device.type, enabled=use_fp16)
losses = []
for step in range(60):
    with torch.autocast(device_type=device.type, dtype=amp_dtype):
        loss = nn.functional.cross_entropy(model(X), y)
    opt.zero_grad()
    scaler.scale(loss).backward()     # no-op scaling when disabled
    scaler.step(opt)
    scaler.update()
    losses.append(loss.item())
print(f"{device.type}: autocast to {amp_dtype}, "
      f"GradScaler enabled: {scaler.is_enabled()}")
if use_fp16:
    print(f"loss scale at the end: {scaler.get_scale():.0f}")
else:
    print("no CUDA GPU here: the float16 + GradScaler run did not happen")
print(f"loss {losses[0]:.3f} -> {losses[-1]:.3f}")
assert losses[-1] < 0.5 * losses[0]
# --8<-- [end:loop]
