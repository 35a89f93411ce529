"""Part 10: misconceptions about generative models, each checked; the
line printed starts with the number of its row in the table."""
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

# 10.1 a sampled z carries no gradient to mu and sigma; mu + std * eps does
mu = torch.tensor([0.5, -1.0], requires_grad=True)
std = torch.tensor([1.0, 2.0], requires_grad=True)
torch.normal(mu, std).sum().backward()
blocked = mu.grad.abs().sum().item() + std.grad.abs().sum().item()
mu.grad = std.grad = None
(mu + std * torch.randn(2)).sum().backward()
print("10.1 gradient through torch.normal:", blocked,
      "| through mu + std * eps: mu.grad", mu.grad.tolist())
assert blocked == 0 and torch.equal(mu.grad, torch.ones(2))

# 10.2 without detach(), D's loss fills the generator's gradients
G, D = nn.Linear(2, 2), nn.Linear(2, 1)
fake = G(torch.randn(4, 2))
F.binary_cross_entropy_with_logits(
    D(fake), torch.zeros(4, 1)).backward()
print("10.2 G.weight.grad after D's step on G(z) without detach():",
      G.weight.grad is not None)
assert G.weight.grad is not None

# 10.3 log(1 - D(G(z))) saturates when D wins; -log D(G(z)) does not
logit = torch.tensor([-6.0], requires_grad=True)    # D sure it is fake
g_minimax, = torch.autograd.grad(torch.log1p(-torch.sigmoid(logit)), logit)
g_ns, = torch.autograd.grad(-F.logsigmoid(logit), logit)
print("10.3 gradient at D(G(z)) = 0.0025: minimax",
      round(g_minimax.item(), 4), "| non-saturating", round(g_ns.item(), 4))
assert abs(g_minimax.item()) < 0.01 and abs(g_ns.item()) > 0.99

# 10.4 a transposed convolution is the adjoint of a convolution
x, k = torch.randn(1, 1, 5, 5), torch.randn(1, 1, 3, 3)
y = torch.randn(1, 1, 3, 3)
back = F.conv_transpose2d(F.conv2d(x, k), k)
print("10.4 conv_transpose2d(conv2d(x)) == x:", torch.allclose(back, x),
      "| <conv x, y> == <x, convT y>:", torch.allclose(
          (F.conv2d(x, k) * y).sum(), (x * F.conv_transpose2d(y, k)).sum()))
assert not torch.allclose(back, x)
assert torch.allclose((F.conv2d(x, k) * y).sum(),
                      (x * F.conv_transpose2d(y, k)).sum(), atol=1e-5)
