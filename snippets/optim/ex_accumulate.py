"""Exercise: gradient accumulation. Four micro-batches, each loss divided by 4,
then one step: the same update as one step on the whole batch."""
import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(64, 10)                          # (N, D_in)
y = torch.randn(64, 1)                           # (N, 1)
loss_fn = nn.MSELoss()                           # mean over the batch
accum_steps = 4

model = nn.Linear(10, 1)
twin = nn.Linear(10, 1)
twin.load_state_dict(model.state_dict())         # same starting weights
opt_full = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
opt_accum = torch.optim.SGD(twin.parameters(), lr=0.1, momentum=0.9)

for step in range(5):
    # the whole batch at once
    opt_full.zero_grad()
    loss_fn(model(x), y).backward()
    opt_full.step()

    # the same batch in four pieces of 16
    opt_accum.zero_grad()
    for xb, yb in zip(x.chunk(accum_steps), y.chunk(accum_steps)):
        # each piece is a quarter of the mean
        loss = loss_fn(twin(xb), yb) / accum_steps
        loss.backward()  # gradients add up in .grad
    opt_accum.step()

gap = (model.weight - twin.weight).abs().max().item()
print(f"after 5 steps: largest weight difference {gap:.1e}")
assert torch.allclose(model.weight, twin.weight, atol=1e-6)
assert torch.allclose(model.bias, twin.bias, atol=1e-6)

# forgetting the division makes every step four times too large
forgot = nn.Linear(10, 1)
forgot.load_state_dict(twin.state_dict())
opt = torch.optim.SGD(forgot.parameters(), lr=0.1)
opt.zero_grad()
for xb, yb in zip(x.chunk(accum_steps), y.chunk(accum_steps)):
    loss_fn(forgot(xb), yb).backward()
g_sum = forgot.weight.grad.clone()
opt.zero_grad()
loss_fn(forgot(x), y).backward()
ratio = (g_sum / forgot.weight.grad).mean().item()
print(f"without dividing by {accum_steps}: gradient "
      f"is {ratio:.2f} times the full-batch one")
assert abs(ratio - accum_steps) < 1e-4
