"""Exercise: train and validation loss on one TensorBoard chart with
add_scalars, and where its event files go."""
import shutil
import sys
import types
from pathlib import Path

import torch
from torch import nn

sys.modules["tensorboard.compat.notf"] = types.ModuleType("notf")
from tensorboard.backend.event_processing.event_accumulator import (  # noqa
    EventAccumulator)
from torch.utils.tensorboard import SummaryWriter  # noqa: E402

torch.manual_seed(0)
# a noisy line, 80 points to fit and 20 to validate on
x = torch.rand(100, 1) * 4 - 2
y = 3 * x + 1 + 0.5 * torch.randn(100, 1)
x_train, y_train, x_val, y_val = x[:80], y[:80], x[80:], y[80:]
model = nn.Linear(1, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)

log_dir = Path("runs") / "one_chart"
shutil.rmtree(log_dir, ignore_errors=True)
writer = SummaryWriter(log_dir)
for epoch in range(30):
    loss = nn.functional.mse_loss(model(x_train), y_train)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        val_loss = nn.functional.mse_loss(model(x_val), y_val)
    writer.add_scalars("loss", {"train": loss.item(),
                                "val": val_loss.item()}, epoch)
writer.close()

# add_scalars writes one sub-run per key, beside the main event file
for path in sorted(log_dir.rglob("events.out.tfevents.*")):
    print(path.parent.relative_to(log_dir.parent))
curves = {}
for key in ("train", "val"):
    events = EventAccumulator(str(log_dir / f"loss_{key}"))
    events.Reload()
    curves[key] = [e.value for e in events.Scalars("loss")]
    print(f"{key}: {len(curves[key])} points, "
          f"{curves[key][0]:.3f} -> {curves[key][-1]:.3f}")
assert len(curves["train"]) == len(curves["val"]) == 30
assert curves["train"][-1] < curves["train"][0] / 10
assert curves["val"][-1] == torch.tensor(val_loss.item()).item()
