"""torch.compile on the CPU: the first call compiles, later calls run fast."""
# --8<-- [start:setup]
import statistics
import time

import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")


def sync():
    """Wait for the accelerator's queued work (no-op on the CPU)."""
    if device.type != "cpu":
        torch.accelerator.synchronize()


def median_ms(fn, x, repeats=30):
    """Median wall time of fn(x) in ms, after two warm-up calls."""
    for _ in range(2):
        fn(x)
    times = []
    for _ in range(repeats):
        sync()
        start = time.perf_counter()
        fn(x)
        sync()
        times.append(time.perf_counter() - start)
    return 1e3 * statistics.median(times)
# --8<-- [end:setup]


# --8<-- [start:model]
class Block(nn.Module):
    """Linear, a tanh GELU written out, a residual and a layer norm."""

    def __init__(self, dim=64):
        super().__init__()
        self.fc = nn.Linear(dim, dim)
        self.norm = nn.LayerNorm(dim)

    def forward(self, x):
        h = self.fc(x)
        h = 0.5 * h * (1 + torch.tanh(0.7978846 * (h + 0.044715 * h**3)))
        return self.norm(x + h)


model = Block().to(device).eval()
x = torch.randn(4096, 64, device=device)
compiled = torch.compile(model, fullgraph=True, dynamic=False)
# --8<-- [end:model]

# --8<-- [start:first]
with torch.no_grad():
    start = time.perf_counter()
    y_compiled = compiled(x)          # Dynamo captures, inductor compiles
    sync()
    first_s = time.perf_counter() - start
    y_eager = model(x)
print(f"first compiled call: {first_s:.1f} s")
torch.testing.assert_close(y_compiled, y_eager, rtol=1e-4, atol=1e-4)
print("compiled equals eager within 1e-4: True")
# --8<-- [end:first]

# --8<-- [start:steady]
with torch.no_grad():
    eager_ms = median_ms(model, x)
    compiled_ms = median_ms(compiled, x)
print(f"eager:    {eager_ms:.3f} ms per call (median)")
print(f"compiled: {compiled_ms:.3f} ms per call (median)")
print(f"speed-up: {eager_ms / compiled_ms:.2f}x on {device.type}")
calls = first_s / (compiled_ms / 1e3)
print(f"the first call cost as much as {calls:,.0f} compiled calls")
assert first_s > 10 * compiled_ms / 1e3, "compiling costs more than a call"
# --8<-- [end:steady]
