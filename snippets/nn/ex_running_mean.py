"""Exercise solution: a module that keeps a running mean
of its inputs in a buffer, updated in training mode, used
as is in eval mode, and saved with state_dict."""
import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))


# --8<-- [start:solution]
class Center(nn.Module):
    """Subtract a running mean of the inputs
    (an exponential moving average)."""
    def __init__(self, D, momentum=0.1):
        super().__init__()
        self.momentum = momentum
        self.register_buffer("running_mean", torch.zeros(D))

    def forward(self, x):                        # x: (N, D)
        if self.training:
            with torch.no_grad():  # bookkeeping, not part of the graph
                self.running_mean.lerp_(x.mean(dim=0), self.momentum)
        return x - self.running_mean


center = Center(2).to(device)
for step in range(100):                          # inputs centred at (3, -1)
    center(torch.randn(32, 2, device=device) + torch.tensor(
        [3.0, -1.0], device=device))
print("running mean after 100 batches:",
      [round(m, 2) for m in center.running_mean.tolist()])
assert torch.allclose(center.running_mean,
                      torch.tensor([3.0, -1.0], device=device), atol=0.1)

center.eval()  # eval mode: the buffer stops moving
before = center.running_mean.clone()
center(torch.randn(32, 2, device=device) + 100)
assert torch.equal(center.running_mean, before)

copy = Center(2).to(device)
copy.load_state_dict(center.state_dict())  # the buffer is saved and loaded
assert torch.equal(copy.running_mean, center.running_mean)
print("state_dict:", list(center.state_dict()),
      "| parameters:", list(center.parameters()))
# --8<-- [end:solution]
