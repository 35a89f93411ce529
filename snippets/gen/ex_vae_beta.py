"""Exercise: weigh the KL term by beta and watch the two terms trade off."""
import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))

digits = load_digits()
images = torch.tensor(digits.data, dtype=torch.float32) / 16   # (1797, 64)
labels = torch.tensor(digits.target)
train_idx, test_idx = train_test_split(range(len(labels)), test_size=0.25,
                                       random_state=0, stratify=digits.target)
x_train, y_train = images[train_idx].to(device), labels[train_idx]  # 1347
x_test = images[test_idx].to(device)                                # 450
centroids = torch.stack([x_train[y_train == k].mean(dim=0)
                         for k in range(10)])                # (10, 64)


def train_vae(beta, num_epochs=20):
    """The page's VAE and loop, with loss = recon + beta * KL."""
    torch.manual_seed(0)
    encoder = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 8))
    decoder = nn.Sequential(nn.Linear(4, 64), nn.ReLU(), nn.Linear(64, 64))
    encoder, decoder = encoder.to(device), decoder.to(device)
    params = list(encoder.parameters()) + list(decoder.parameters())
    optimizer = torch.optim.Adam(params, lr=0.005)

    def terms(x):
        mu, logvar = encoder(x).chunk(2, dim=1)
        z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
        recon = F.binary_cross_entropy_with_logits(decoder(z), x,
                                                   reduction="sum")
        kl = 0.5 * (mu ** 2 + logvar.exp() - 1 - logvar).sum()
        return recon / len(x), kl / len(x)

    generator = torch.Generator().manual_seed(0)
    for epoch in range(num_epochs):
        for idx in torch.randperm(len(x_train), generator=generator).split(64):
            recon, kl = terms(x_train[idx])
            optimizer.zero_grad()
            (recon + beta * kl).backward()
            optimizer.step()
    with torch.no_grad():
        recon, kl = (t.item() for t in terms(x_test))
        samples = torch.sigmoid(decoder(torch.randn(1000, 4, device=device)))
    counts = torch.bincount(torch.cdist(samples, centroids).argmin(dim=1),
                            minlength=10)
    return recon, kl, counts.tolist()


results = {}
for beta in (0.0, 1.0, 4.0):
    results[beta] = recon, kl, counts = train_vae(beta)
    print(f"beta {beta}: test reconstruction {recon:5.2f}  KL {kl:5.2f}")
    print(f"  1000 prior samples per digit {counts}")
recons = [r[0] for r in results.values()]
kls = [r[1] for r in results.values()]
assert recons == sorted(recons) and kls == sorted(kls, reverse=True)
assert min(results[0.0][2]) < min(results[1.0][2])   # a worse prior fit
