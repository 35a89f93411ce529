"""The reparameterization trick: why sampling blocks gradients, and the fix."""
# --8<-- [start:setup]
import torch
from torch.distributions import Normal

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:blocked]
# what an encoder outputs for one image: a mean and a log-variance per number
mu = torch.tensor([0.5, -1.0], device=device, requires_grad=True)
logvar = torch.tensor([0.0, 0.4], device=device, requires_grad=True)
std = torch.exp(0.5 * logvar)

z = Normal(mu, std).sample()                   # (1)!
print("sample():      requires_grad", z.requires_grad)
assert z.grad_fn is None

z = torch.normal(mu, std)                      # (2)!
z.sum().backward()
print("torch.normal:  grad_fn", type(z.grad_fn).__name__)
print("               mu.grad", mu.grad.tolist(),
      " logvar.grad", logvar.grad.tolist())
assert mu.grad.abs().sum() == 0 and logvar.grad.abs().sum() == 0
mu.grad, logvar.grad = None, None
# --8<-- [end:blocked]

# --8<-- [start:trick]
std = torch.exp(0.5 * logvar)                  # a fresh graph
eps = torch.randn_like(mu)                     # the randomness, no parameters
z = mu + std * eps                             # a function of mu and logvar
z.sum().backward()
print("mu + std * eps: mu.grad", mu.grad.tolist(),
      " logvar.grad", [round(g, 4) for g in logvar.grad.tolist()])
assert torch.equal(mu.grad, torch.ones_like(mu))            # dz/dmu = 1
torch.testing.assert_close(logvar.grad,                     # dz/dlogvar
                           0.5 * std.detach() * eps)        # = std*eps/2
z_r = Normal(mu, std).rsample()                # the same trick, built in
print("rsample():     grad_fn", type(z_r.grad_fn).__name__)
assert z_r.grad_fn is not None
# --8<-- [end:trick]

# --8<-- [start:expectation]
# the gradient of an expectation, E[z^2] = mu^2 + std^2, estimated from
# samples: d/dmu = 2 mu and d/dlogvar = std^2
mu.grad, logvar.grad = None, None
z = Normal(mu, torch.exp(0.5 * logvar)).rsample((200_000,))  # (200000, 2)
(z ** 2).mean(dim=0).sum().backward()
exact_mu, exact_logvar = 2 * mu.detach(), torch.exp(logvar.detach())
print("d/dmu     estimate", [round(g, 3) for g in mu.grad.tolist()],
      " exact", exact_mu.tolist())
print("d/dlogvar estimate", [round(g, 3) for g in logvar.grad.tolist()],
      " exact", [round(g, 3) for g in exact_logvar.tolist()])
torch.testing.assert_close(mu.grad, exact_mu, rtol=0, atol=0.03)
torch.testing.assert_close(logvar.grad, exact_logvar, rtol=0, atol=0.03)
# --8<-- [end:expectation]
