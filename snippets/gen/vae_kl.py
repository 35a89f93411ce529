"""The KL term of a VAE: closed form against a Monte Carlo estimate."""
# --8<-- [start:setup]
import torch
from torch.distributions import Normal, kl_divergence

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]


# --8<-- [start:closed]
def kl_to_standard_normal(mu, logvar):
    """KL(N(mu, exp(logvar)) || N(0, 1)), summed over the last dimension."""
    return 0.5 * (mu ** 2 + logvar.exp() - 1 - logvar).sum(dim=-1)


mu = torch.tensor([0.5, -1.0, 0.0], device=device)
logvar = torch.tensor([0.0, 0.4, -2.0], device=device)
closed = kl_to_standard_normal(mu, logvar)
print(f"closed form        {closed.item():.4f}")
q = Normal(mu, torch.exp(0.5 * logvar))        # the encoder's distribution
p = Normal(torch.zeros_like(mu), torch.ones_like(mu))        # the prior
library = kl_divergence(q, p).sum()
print(f"kl_divergence      {library.item():.4f}")
torch.testing.assert_close(closed, library)
# --8<-- [end:closed]

# --8<-- [start:monte_carlo]
# KL(q || p) = E_q[log q(z) - log p(z)]: average it over samples of q
z = q.sample((400_000,))                                     # (400000, 3)
log_ratio = (q.log_prob(z) - p.log_prob(z)).sum(dim=1)      # (400000,)
estimate = log_ratio.mean()
std_error = log_ratio.std() / len(log_ratio) ** 0.5
print(f"Monte Carlo        {estimate.item():.4f} "
      f"+- {std_error.item():.4f} (one standard error)")
assert (estimate - closed).abs() < 4 * std_error
# --8<-- [end:monte_carlo]

# --8<-- [start:zero]
# the KL term is zero exactly when q is the prior, positive otherwise
zero = kl_to_standard_normal(torch.zeros(3), torch.zeros(3))
wide = kl_to_standard_normal(torch.zeros(3), torch.full((3,), 1.0))
narrow = kl_to_standard_normal(torch.zeros(3), torch.full((3,), -1.0))
print(f"KL of the prior itself {zero.item():.4f}, of a wider q "
      f"{wide.item():.4f}, of a narrower q {narrow.item():.4f}")
assert zero == 0 and wide > 0 and narrow > 0
# --8<-- [end:zero]
