"""Exercise: ReduceLROnPlateau watches a metric you pass to step(metric) and
cuts the learning rate when it stops improving."""
import torch

torch.manual_seed(0)
w = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(
    optimizer, mode="min", factor=0.5, patience=2)

# a validation loss that improves for 4 epochs, then stalls
val_losses = [1.0, 0.8, 0.6, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]
history = []
for epoch, val_loss in enumerate(val_losses):
    optimizer.zero_grad()
    (w - 1).pow(2).sum().backward()
    optimizer.step()
    scheduler.step(val_loss)                     # the metric, not a step count
    history.append(optimizer.param_groups[0]["lr"])
    print(f"epoch {epoch:2d}: val_loss {val_loss:.1f} "
          f" lr after the epoch {history[-1]:.4f}")

# the best value 0.5 is reached at epoch 3; epochs 4, 5 are within patience,
# epoch 6 is the third without improvement:
# the lr halves; then again 3 epochs later
assert history[:6] == [0.1] * 6
assert history[6:9] == [0.05] * 3
assert history[9:] == [0.025] * 2
