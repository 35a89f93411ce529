"""Batch normalization from scratch, checked against nn.BatchNorm2d/1d."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# --8<-- [end:setup]


# --8<-- [start:module]
class BatchNorm(nn.Module):
    """Normalizes dim 1 of (N, C) or (N, C, H, W) inputs, like nn.BatchNorm."""

    def __init__(self, num_features, eps=1e-5, momentum=0.1):
        super().__init__()
        self.eps, self.momentum = eps, momentum
        self.weight = nn.Parameter(torch.ones(num_features))   # gamma
        self.bias = nn.Parameter(torch.zeros(num_features))    # beta
        self.register_buffer("running_mean", torch.zeros(num_features))
        self.register_buffer("running_var", torch.ones(num_features))

    def forward(self, x):
        dims = [0] + list(range(2, x.dim()))       # every dim but C
        shape = [1, -1] + [1] * (x.dim() - 2)      # (1, C) or (1, C, 1, 1)
        if self.training:
            mean = x.mean(dim=dims)
            var = x.var(dim=dims, correction=0)    # (1)!
            n = x.numel() // x.shape[1]            # values per channel
            m = self.momentum
            with torch.no_grad():                  # (2)!
                self.running_mean.mul_(1 - m).add_(m * mean)
                self.running_var.mul_(1 - m).add_(m * var * n / (n - 1))
        else:
            mean, var = self.running_mean, self.running_var
        x_hat = (x - mean.view(shape)) / torch.sqrt(var.view(shape) + self.eps)
        return self.weight.view(shape) * x_hat + self.bias.view(shape)
# --8<-- [end:module]


# --8<-- [start:stats]
x = torch.randn(3, 5, 2, 3, device=device) * 4 + 7      # (N, C, H, W)
y = BatchNorm(5).to(device)(x)
mean = y.mean(dim=(0, 2, 3))                             # per channel
var = y.var(dim=(0, 2, 3))                               # unbiased: / 17
print("per-channel mean:", [round(v, 4) + 0.0 for v in mean.tolist()])
print("per-channel var: ", [round(v, 4) for v in var.tolist()])
assert mean.abs().max() < 1e-5
assert torch.allclose(var, torch.full_like(var, 18 / 17), atol=1e-4)
# --8<-- [end:stats]


# --8<-- [start:compare]
def compare(mine, ref, shape, steps=4):
    """Outputs, gradients and buffers agree, step after step."""
    with torch.no_grad():                          # same random gamma, beta
        mine.weight.uniform_(0.5, 1.5)
        mine.bias.uniform_(-0.5, 0.5)
    ref.load_state_dict(mine.state_dict(), strict=False)   # (3)!
    worst = 0.0
    for step in range(steps):
        x = torch.randn(shape, device=device) * 3 + 2
        w = torch.randn(shape, device=device)      # a loss: sum(w * y)
        for training in (True, False):
            mine.train(training)
            ref.train(training)
            x1, x2 = x.clone().requires_grad_(), x.clone().requires_grad_()
            y1, y2 = mine(x1), ref(x2)
            (w * y1).sum().backward()
            (w * y2).sum().backward()
            for a, b in [(y1, y2), (x1.grad, x2.grad),
                         (mine.weight.grad, ref.weight.grad),
                         (mine.running_mean, ref.running_mean),
                         (mine.running_var, ref.running_var)]:
                torch.testing.assert_close(a, b, rtol=1e-4, atol=1e-4)
                worst = max(worst, (a - b).abs().max().item())
            mine.zero_grad()
            ref.zero_grad()
    return worst


for ref, shape in [(nn.BatchNorm2d(5), (8, 5, 4, 4)),
                   (nn.BatchNorm1d(6), (16, 6))]:
    worst = compare(BatchNorm(shape[1]).to(device), ref.to(device), shape)
    assert worst < 1e-4
    print(f"{type(ref).__name__}, 4 steps, train and eval: equal"
          " (largest difference < 1e-4)")
# --8<-- [end:compare]
