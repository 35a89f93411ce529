"""momentum=None: BatchNorm keeps a plain average of the batch statistics."""
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

cumulative = nn.BatchNorm2d(3, momentum=None).to(device)
ema = nn.BatchNorm2d(3).to(device)                         # momentum=0.1
batch_means, batch_vars = [], []
for step in range(5):
    x = torch.randn(4, 3, 6, 6, device=device) + 2         # true mean 2
    cumulative(x)                                          # train mode
    ema(x)
    batch_means.append(x.mean(dim=(0, 2, 3)))
    batch_vars.append(x.var(dim=(0, 2, 3)))                # unbiased

mean_of_means = torch.stack(batch_means).mean(dim=0)
torch.testing.assert_close(cumulative.running_mean, mean_of_means)
torch.testing.assert_close(cumulative.running_var,
                           torch.stack(batch_vars).mean(dim=0))
print("batches seen:", cumulative.num_batches_tracked.item())
print("momentum=None:", [round(v, 3) for v in mean_of_means.tolist()])

by_hand = torch.zeros(3, device=device)                    # starts at 0
for m in batch_means:
    by_hand = 0.9 * by_hand + 0.1 * m
torch.testing.assert_close(ema.running_mean, by_hand)
print("momentum=0.1: ", [round(v, 3) for v in by_hand.tolist()],
      f"(0.9^5 = {0.9 ** 5:.0%} of the weight still on the initial 0)")
assert (by_hand < 0.5 * mean_of_means).all()
