"""SGD written from scratch (weight decay, momentum, dampening, Nesterov),
checked step for step against torch.optim.SGD."""
# --8<-- [start:setup]
import torch

if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# mps has no float64
dtype = torch.float32 if device.type == "mps" else torch.float64
tol = 1e-5 if dtype == torch.float32 else 1e-10
# --8<-- [end:setup]


# --8<-- [start:sgd]
class ScratchSGD(torch.optim.Optimizer):
    def __init__(self, params, lr, momentum=0.0, dampening=0.0,
                 weight_decay=0.0, nesterov=False):
        defaults = dict(lr=lr, momentum=momentum, dampening=dampening,
                        weight_decay=weight_decay, nesterov=nesterov)
        super().__init__(params, defaults)       # (1)!

    @torch.no_grad()                             # (2)!
    def step(self):
        for group in self.param_groups:
            lr, mu, tau = group["lr"], group["momentum"], group["dampening"]
            for p in group["params"]:
                if p.grad is None:
                    continue                     # no gradient: leave p alone
                g = p.grad.clone()
                if group["weight_decay"] != 0:
                    g += group["weight_decay"] * p  # g = grad + wd * w
                if mu != 0:
                    state = self.state[p]
                    if "momentum_buffer" not in state:
                        buf = g.clone()                      # (3)!
                    else:
                        buf = mu * state["momentum_buffer"] + (1 - tau) * g
                    state["momentum_buffer"] = buf
                    g = g + mu * buf if group["nesterov"] else buf   # (4)!
                p -= lr * g  # against the gradient
# --8<-- [end:sgd]


# --8<-- [start:compare]
def trajectories(options, steps=50, device="cpu", dtype=torch.float64):
    """Train two copies of a small net, one with
    each SGD; return both parameter lists."""
    g = torch.Generator().manual_seed(0)
    x = torch.randn(32, 5, generator=g, dtype=dtype).to(device)     # (N, D_in)
    y = torch.randn(32, 1, generator=g, dtype=dtype).to(device)     # (N, 1)
    init = [torch.randn(5, 8, generator=g, dtype=dtype),
            torch.randn(8, 1, generator=g, dtype=dtype)]
    results = []
    for cls in (ScratchSGD, torch.optim.SGD):
        w1, w2 = (w.clone().to(device).requires_grad_() for w in init)
        optimizer = cls([w1, w2], lr=0.05, **options)
        for _ in range(steps):
            optimizer.zero_grad()
            loss = (torch.tanh(x @ w1) @ w2 - y).pow(2).mean()
            loss.backward()
            optimizer.step()
        results.append([w1.detach(), w2.detach()])
    return results
# --8<-- [end:compare]


# --8<-- [start:leaf]
w = torch.zeros(2, requires_grad=True)
try:
    w -= 0.1 * torch.ones(2)  # an update outside torch.no_grad()
except RuntimeError as err:
    print("RuntimeError:", err)
    assert "leaf Variable that requires grad" in str(err)
else:
    raise AssertionError("autograd should refuse an in-place change to a leaf")
# --8<-- [end:leaf]

# --8<-- [start:check]
for options in [dict(), dict(weight_decay=0.01), dict(momentum=0.9),
                dict(momentum=0.9, dampening=0.5, weight_decay=0.01),
                dict(momentum=0.9, nesterov=True, weight_decay=0.01)]:
    mine, theirs = trajectories(options, device=device, dtype=dtype)
    gap = max((a - b).abs().max().item() for a, b in zip(mine, theirs))
    name = ", ".join(f"{k}={v}" for k, v in options.items()) or "plain SGD"
    print(f"{name:50s} largest difference after 50 steps: {gap:.0e}")
    assert gap < tol
# --8<-- [end:check]
