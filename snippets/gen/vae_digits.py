"""A variational autoencoder on scikit-learn's digits: train, then sample."""
# --8<-- [start:setup]
import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:data]
digits = load_digits()
images = torch.tensor(digits.data, dtype=torch.float32) / 16   # (1797, 64)
labels = torch.tensor(digits.target)
train_idx, test_idx = train_test_split(range(len(labels)), test_size=0.25,
                                       random_state=0, stratify=digits.target)
x_train, y_train = images[train_idx].to(device), labels[train_idx]  # 1347
x_test, y_test = images[test_idx].to(device), labels[test_idx]      # 450
# --8<-- [end:data]


# --8<-- [start:model]
class VAE(nn.Module):
    def __init__(self, latent_size=4, hidden=64):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(64, hidden), nn.ReLU(),
                                     nn.Linear(hidden, 2 * latent_size))
        self.decoder = nn.Sequential(nn.Linear(latent_size, hidden), nn.ReLU(),
                                     nn.Linear(hidden, 64))    # pixel logits

    def forward(self, x):
        mu, logvar = self.encoder(x).chunk(2, dim=1)    # (N, 4) each
        z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
        return self.decoder(z), mu, logvar


def vae_loss(model, x):
    """The two terms of the negative ELBO, in nats per image."""
    logits, mu, logvar = model(x)
    recon = F.binary_cross_entropy_with_logits(logits, x, reduction="sum")
    kl = 0.5 * (mu ** 2 + logvar.exp() - 1 - logvar).sum()
    return recon / len(x), kl / len(x)


model = VAE().to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=0.005)
# --8<-- [end:model]

# --8<-- [start:train]
generator = torch.Generator().manual_seed(0)
num_epochs = 40
history = []                                   # test (recon, KL) per epoch
for epoch in range(num_epochs):
    model.train()
    for idx in torch.randperm(len(x_train), generator=generator).split(64):
        recon, kl = vae_loss(model, x_train[idx])
        loss = recon + kl
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        history.append([t.item() for t in vae_loss(model, x_test)])
    if epoch in (0, 9, 19, 39):
        recon, kl = history[-1]
        print(f"epoch {epoch + 1:2d}  test: reconstruction {recon:6.2f}"
              f"  KL {kl:5.2f}  loss {recon + kl:6.2f} nats per image")
assert sum(history[-1]) < sum(history[0]) - 3  # the loss fell
assert history[-1][1] > history[0][1]          # the codes came to matter
# two yardsticks: pixels in (0, 1) have an entropy of their own, below
# which no reconstruction goes, and a code-free model draws the mean image
n_test = len(x_test)
floor = F.binary_cross_entropy(x_test, x_test, reduction="sum") / n_test
mean_image = x_train.mean(dim=0).expand_as(x_test)
blind = F.binary_cross_entropy(mean_image, x_test, reduction="sum") / n_test
print(f"reconstruction floor {floor:.2f}, the mean image {blind:.2f}")
assert floor < history[-1][0] < blind - 4
assert 0.3 < (blind - history[-1][0]) / (blind - floor) < 0.5  # ~2/5
# --8<-- [end:train]

# --8<-- [start:sample]
with torch.no_grad():
    z = torch.randn(1000, 4, device=device)    # samples from the prior
    samples = torch.sigmoid(model.decoder(z))  # (1000, 64) pixel values
# label each sample with the nearest class mean of the training images
centroids = torch.stack([x_train[y_train == k].mean(dim=0)
                         for k in range(10)])                # (10, 64)
counts = torch.bincount(torch.cdist(samples, centroids).argmin(dim=1).cpu(),
                        minlength=10)
print("1000 samples, per digit:", counts.tolist())
assert counts.min() >= 20                      # every digit turns up
# --8<-- [end:sample]

# --8<-- [start:interpolate]
first_3 = x_test[y_test == 3][:1]
first_6 = x_test[y_test == 6][:1]
with torch.no_grad():
    mu_3 = model.encoder(first_3).chunk(2, dim=1)[0]
    mu_6 = model.encoder(first_6).chunk(2, dim=1)[0]
    t = torch.linspace(0, 1, 8, device=device).unsqueeze(1)     # (8, 1)
    path = torch.sigmoid(model.decoder((1 - t) * mu_3 + t * mu_6))
steps = torch.cdist(path, centroids).argmin(dim=1).tolist()
print("from a 3 to a 6, nearest class mean along the way:", steps)
assert steps[0] == 3 and steps[-1] == 6
# --8<-- [end:interpolate]
