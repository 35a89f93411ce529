"""Adam from scratch (bias correction, L2 weight decay, AMSGrad) and AdamW's
decoupled weight decay, checked step for step against torch.optim."""
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


# --8<-- [start:adam]
class ScratchAdam(torch.optim.Optimizer):
    def __init__(
        self,
        params,
        lr=1e-3,
        betas=(0.9, 0.999),
        eps=1e-8,
        weight_decay=0.0,
        amsgrad=False,
        decoupled=False,
    ):
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                        amsgrad=amsgrad, decoupled=decoupled)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, (beta1, beta2), eps, wd = (
                group["lr"],
                group["betas"],
                group["eps"],
                group["weight_decay"],
            )
            for p in group["params"]:
                if p.grad is None:
                    continue
                g = p.grad
                if wd != 0 and group["decoupled"]:
                    p *= 1 - lr * wd  # AdamW: shrink w directly
                elif wd != 0:
                    g = g + wd * p  # Adam: L2 term added to the gradient
                state = self.state[p]
                if not state:  # first step: zero moments
                    state["step"] = 0
                    state["m"] = torch.zeros_like(p)
                    state["v"] = torch.zeros_like(p)
                    state["v_max"] = torch.zeros_like(p)
                state["step"] += 1
                t = state["step"]
                state["m"] = beta1 * state["m"] + (1 - beta1) * g  # mean of g
                # mean of g**2
                state["v"] = beta2 * state["v"] + (1 - beta2) * g * g
                v = state["v"]
                if group["amsgrad"]:
                    # never shrinks
                    v = state["v_max"] = torch.maximum(state["v_max"], v)
                m_hat = state["m"] / (1 - beta1 ** t)        # (1)!
                v_hat = v / (1 - beta2 ** t)
                p -= lr * m_hat / (v_hat.sqrt() + eps)
# --8<-- [end:adam]


# --8<-- [start:compare]
def trajectories(options, decoupled=False, steps=50, device="cpu",
                 dtype=torch.float64):
    """Train a small net with ScratchAdam and
    with torch's Adam (AdamW when decoupled)."""
    g = torch.Generator().manual_seed(0)
    x = torch.randn(32, 5, generator=g, dtype=dtype).to(device)     # (N, D_in)
    y = torch.randn(32, 1, generator=g, dtype=dtype).to(device)     # (N, 1)
    init = [torch.randn(5, 8, generator=g, dtype=dtype),
            torch.randn(8, 1, generator=g, dtype=dtype)]
    reference = torch.optim.AdamW if decoupled else torch.optim.Adam
    results = []
    for make in (
        lambda ps: ScratchAdam(ps, lr=0.01, decoupled=decoupled, **options),
        lambda ps: reference(ps, lr=0.01, **options),
    ):
        w1, w2 = (w.clone().to(device).requires_grad_() for w in init)
        optimizer = make([w1, w2])
        for _ in range(steps):
            optimizer.zero_grad()
            loss = (torch.tanh(x @ w1) @ w2 - y).pow(2).mean()
            loss.backward()
            optimizer.step()
        results.append([w1.detach(), w2.detach()])
    return results
# --8<-- [end:compare]


# --8<-- [start:check]
for name, decoupled, options in [
    ("Adam", False, dict()),
    ("Adam", False, dict(betas=(0.5, 0.9), eps=1e-3)),
    ("Adam", False, dict(weight_decay=0.1, amsgrad=True)),
    ("AdamW", True, dict(weight_decay=0.1)),
    ("AdamW", True, dict(weight_decay=0.1, amsgrad=True, betas=(0.8, 0.99))),
]:
    mine, theirs = trajectories(options, decoupled, device=device, dtype=dtype)
    gap = max((a - b).abs().max().item() for a, b in zip(mine, theirs))
    described = ", ".join(f"{k}={v}" for k, v in options.items()) or "defaults"
    print(f"{name:5s} {described:52s} largest "
          f"difference after 50 steps: {gap:.0e}")
    assert gap < tol
# --8<-- [end:check]
