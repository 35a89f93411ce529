"""Parts 11 to 13: misconceptions about curves, speed and distributed
training, each checked; lines start with the row's number in the table."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data.distributed import DistributedSampler
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)

# 11.1 the mean of an epoch's batch losses lags behind the model
X = torch.randn(256, 4)
y = X @ torch.tensor([1.0, -2.0, 0.5, 3.0])
model = nn.Linear(4, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.05)
batch_losses = []
for xb, yb in zip(X.split(32), y.split(32)):
    loss = F.mse_loss(model(xb).squeeze(1), yb)
    opt.zero_grad()
    loss.backward()
    opt.step()
    batch_losses.append(loss.item())
with torch.no_grad():
    after = F.mse_loss(model(X).squeeze(1), y).item()
running = sum(batch_losses) / len(batch_losses)
print("11.1 mean of batch losses:", round(running, 3),
      "| loss after the epoch:", round(after, 3))
assert after < running

# 11.2 an EMA started at 0 needs the bias correction 1 - beta^t
beta, ema, curve = 0.9, 0.0, [5.0] * 3
for t, value in enumerate(curve, start=1):
    ema = beta * ema + (1 - beta) * value
print("11.2 EMA of a constant 5 after 3 steps:", round(ema, 4),
      "| corrected:", round(ema / (1 - beta ** 3), 4))
assert abs(ema / (1 - beta ** 3) - 5) < 1e-9 and ema < 1.5

# 12.1 an n x n matrix product costs 2 n^3 floating-point operations
n = 64
with FlopCounterMode(display=False) as counter:
    torch.randn(n, n) @ torch.randn(n, n)
print("12.1 FLOPs of a 64 x 64 product:", counter.get_total_flops(),
      "= 2 * 64**3")
assert counter.get_total_flops() == 2 * n ** 3

# 12.2 autocast lowers the precision of operations, not of parameters
lin = nn.Linear(4, 2)
with torch.autocast("cpu", dtype=torch.bfloat16):
    out = lin(torch.randn(3, 4))
    loss = F.cross_entropy(out, torch.tensor([0, 1, 0]))
loss.backward()
print("12.2 under autocast: output", out.dtype, "| weight", lin.weight.dtype,
      "| loss", loss.dtype, "| grad", lin.weight.grad.dtype)
assert out.dtype == torch.bfloat16 and lin.weight.grad.dtype == torch.float32

# 12.3 float16 flushes a gradient of 2e-8 to zero; loss scaling keeps it
g = torch.tensor(2e-8)
kept = (g * 65536).half().float() / 65536
print("12.3 2e-8 in float16:", g.half().item(), "| scaled by 65536:",
      f"{kept.item():.3g}")
assert g.half() == 0 and abs(kept.item() - 2e-8) < 1e-10

# 13.1 DistributedSampler repeats its order unless you call set_epoch
data = list(range(10))
sampler = DistributedSampler(data, num_replicas=2, rank=0, seed=0)
first, again = list(sampler), list(sampler)
sampler.set_epoch(1)
print("13.1 rank 0, epoch 0 twice:", first, again, "| after set_epoch(1):",
      list(sampler))
assert first == again and list(sampler) != first

# 13.2 the shards cover the data; to make them equal in size the sampler
# repeats the first samples (here sample 0), drawing nothing at random
shards = [list(DistributedSampler(data[:7], num_replicas=2, rank=r,
                                  shuffle=False)) for r in range(2)]
print("13.2 shards of 7 samples:", shards)
assert sorted(set(shards[0] + shards[1])) == data[:7]
assert len(shards[0]) == len(shards[1]) == 4     # 7 samples, 8 places
assert shards[1][-1] == data[0]                  # the padding: sample 0
assert set(shards[0]) & set(shards[1]) == {data[0]}  # only it is shared

# 13.3 averaging two ranks' gradients equals the gradient on the union
w = torch.randn(4, requires_grad=True)


def grad_on(xb, yb):
    return torch.autograd.grad(F.mse_loss(xb @ w, yb), w)[0]


ranks = [grad_on(X[:8], y[:8]), grad_on(X[8:16], y[8:16])]
together = grad_on(X[:16], y[:16])
print("13.3 mean of 2 ranks' gradients equals 16-sample gradient:",
      torch.allclose((ranks[0] + ranks[1]) / 2, together))
assert torch.allclose((ranks[0] + ranks[1]) / 2, together)

# 13.4 DDP replicates: Adam in float32 keeps 16 bytes per parameter
net = nn.Linear(100, 10)
adam = torch.optim.Adam(net.parameters())
F.mse_loss(net(torch.randn(2, 100)), torch.zeros(2, 10)).backward()
adam.step()
count = sum(p.numel() for p in net.parameters())
nbytes = sum(p.nbytes + p.grad.nbytes for p in net.parameters())
nbytes += sum(s["exp_avg"].nbytes + s["exp_avg_sq"].nbytes
              for s in adam.state.values())
print("13.4 bytes per parameter with Adam:", nbytes / count)
assert nbytes / count == 16
