"""Adam's bias correction: the first step moves every parameter by about lr,
whatever the size of its gradient; without the correction early steps are
several times too large."""
import torch

# --8<-- [start:first_step]
w = torch.zeros(3, requires_grad=True)
# gradients six orders of magnitude apart
scales = torch.tensor([1e-3, 1.0, 1e3])
optimizer = torch.optim.Adam([w], lr=0.01)
(scales * w).sum().backward()                    # grad = scales
optimizer.step()
print("gradient:        ", [f"{s:g}" for s in scales.tolist()])
print("first Adam step: ", [round(v, 6) for v in w.detach().tolist()])
# -lr * sign(grad)
assert torch.allclose(w, torch.full((3,), -0.01), rtol=1e-4)
# --8<-- [end:first_step]

# --8<-- [start:constant_gradient]
beta1, beta2, lr, g = 0.9, 0.999, 0.01, 1.0
p = torch.zeros(1, dtype=torch.float64, requires_grad=True)
optimizer = torch.optim.Adam([p], lr=lr, betas=(beta1, beta2))
m = v = 0.0
print(" step | torch Adam step / lr | without correction / lr")
for t in range(1, 1001):
    before = p.item()
    optimizer.zero_grad()
    (g * p).sum().backward()                     # the same gradient every step
    optimizer.step()
    corrected = (before - p.item()) / lr
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    uncorrected = m / (v ** 0.5 + 1e-8)  # the same update without 1 - beta**t
    if t in (1, 10, 100, 1000):
        print(f"{t:5d} | {corrected:20.4f} | {uncorrected:23.4f}")
    assert abs(corrected - 1) < 1e-6             # corrected: always lr
    if t == 10:
        assert uncorrected > 6  # uncorrected: far too large early on
# --8<-- [end:constant_gradient]
