"""Exercise: maximize=True turns SGD into
gradient ascent, w <- w + lr * grad."""
import torch

torch.manual_seed(0)
w = torch.randn(2, requires_grad=True)           # (2,)
peak = torch.tensor([3.0, -1.0])                 # where the reward is largest
lr = 0.1


def reward(w):
    return -(w - peak).pow(2).sum()  # a hill with its top at `peak`


optimizer = torch.optim.SGD([w], lr=lr, maximize=True)

# one step: plus the gradient, not minus
reward(w).backward()
expected = (w + lr * w.grad).detach()
optimizer.step()
assert torch.allclose(w, expected)

for step in range(100):
    optimizer.zero_grad()
    r = reward(w)
    r.backward()
    optimizer.step()
print("w after 100 ascent steps:", [round(v, 4) for v in w.tolist()])
print(f"reward {reward(w).item():.2e}")
assert torch.allclose(w, peak, atol=1e-4)

# the same thing without the flag: minimise the negated objective
v = torch.randn(2, requires_grad=True)
plain = torch.optim.SGD([v], lr=lr)
for step in range(100):
    plain.zero_grad()
    (-reward(v)).backward()
    plain.step()
assert torch.allclose(v, peak, atol=1e-4)
print("minimising -reward reaches the same point:",
      [round(x, 4) for x in v.tolist()])
