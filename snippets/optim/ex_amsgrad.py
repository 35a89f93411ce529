"""Exercise: AMSGrad keeps the largest second moment
seen so far. When gradients suddenly shrink, Adam's
steps grow back to lr while AMSGrad's stay small."""
import torch

lr, steps, drop_at = 0.01, 200, 50
betas = (0.9, 0.9)  # a short memory, to see the effect soon


def grad_size(t):
    return 10.0 if t < drop_at else 0.1  # large gradients, then small ones


def run(amsgrad):
    w = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.Adam([w], lr=lr, betas=betas, amsgrad=amsgrad)
    step_sizes, largest = [], []
    for t in range(steps):
        before = w.item()
        optimizer.zero_grad()
        (grad_size(t) * w).sum().backward()      # gradient = grad_size(t)
        optimizer.step()
        step_sizes.append(abs(w.item() - before))
        if amsgrad:
            largest.append(optimizer.state[w]["max_exp_avg_sq"].item())
    return step_sizes, largest


adam_steps, _ = run(amsgrad=False)
ams_steps, largest = run(amsgrad=True)
for t in (drop_at - 1, drop_at + 10, steps - 1):
    print(f"step {t:3d}: Adam step {adam_steps[t]:.5f} "
          f"| AMSGrad step {ams_steps[t]:.5f}")

# the stored maximum never decreases
assert all(b >= a for a, b in zip(largest, largest[1:]))
# before the drop both take steps of about lr; after it Adam soon returns to lr
# (its second moment forgets the large
# gradients) while AMSGrad's steps stay tiny
assert abs(adam_steps[drop_at - 1] - lr) < 1e-4
assert abs(ams_steps[drop_at - 1] - lr) < 1e-4
assert adam_steps[-1] > 0.5 * lr
assert ams_steps[-1] < 0.05 * lr
