"""Exercise: train the VAE with sample() instead of the reparameterization."""
import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.distributions import Normal

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))

digits = load_digits()
images = torch.tensor(digits.data, dtype=torch.float32) / 16   # (1797, 64)
train_idx, test_idx = train_test_split(range(len(images)), test_size=0.25,
                                       random_state=0, stratify=digits.target)
x_train, x_test = images[train_idx].to(device), images[test_idx].to(device)


def train_vae(reparameterise, num_epochs=20):
    """The page's VAE, its z drawn by rsample() or by sample()."""
    torch.manual_seed(0)
    encoder = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 8))
    decoder = nn.Sequential(nn.Linear(4, 64), nn.ReLU(), nn.Linear(64, 64))
    encoder, decoder = encoder.to(device), decoder.to(device)
    params = list(encoder.parameters()) + list(decoder.parameters())
    optimizer = torch.optim.Adam(params, lr=0.005)

    def terms(x):
        mu, logvar = encoder(x).chunk(2, dim=1)
        q = Normal(mu, torch.exp(0.5 * logvar))
        z = q.rsample() if reparameterise else q.sample()
        recon = F.binary_cross_entropy_with_logits(decoder(z), x,
                                                   reduction="sum")
        kl = 0.5 * (mu ** 2 + logvar.exp() - 1 - logvar).sum()
        return recon / len(x), kl / len(x)

    generator = torch.Generator().manual_seed(0)
    for epoch in range(num_epochs):
        for idx in torch.randperm(len(x_train), generator=generator).split(64):
            recon, kl = terms(x_train[idx])
            optimizer.zero_grad()
            (recon + kl).backward()
            optimizer.step()
    # how much of the encoder's gradient comes from the reconstruction term?
    recon, kl = terms(x_train[:64])
    grads = torch.autograd.grad(recon, list(encoder.parameters()),
                                allow_unused=True)
    from_recon = sum(0 if g is None else g.norm().item() for g in grads)
    with torch.no_grad():
        return [t.item() for t in terms(x_test)] + [from_recon]


mean_image = x_train.mean(dim=0).expand_as(x_test)
blind = F.binary_cross_entropy(mean_image, x_test, reduction="sum")
print(f"the mean image: reconstruction {blind / len(x_test):.2f}")
for reparameterise in (True, False):
    recon, kl, from_recon = train_vae(reparameterise)
    name = "rsample()" if reparameterise else "sample() "
    print(f"{name}: test reconstruction {recon:5.2f}  KL {kl:4.2f}")
    print(f"  gradient norm reaching the encoder from the reconstruction"
          f" {from_recon:.3f}")
    if not reparameterise:
        assert from_recon == 0 and kl < 0.01   # the codes carry nothing
        assert abs(recon - blind / len(x_test)) < 0.5
