"""Exercise: the DCGAN of the page without batch normalization."""
import math
import time

import torch
from sklearn.datasets import load_digits
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

digits = load_digits()
images = torch.tensor(digits.images, dtype=torch.float32) / 16
train_idx, test_idx = train_test_split(range(len(images)), test_size=0.25,
                                       random_state=0, stratify=digits.target)
x_train = (images[train_idx].unsqueeze(1) * 2 - 1).to(device)  # [-1, 1]
clf = LogisticRegression(max_iter=1000).fit(
    digits.data[train_idx] / 16, digits.target[train_idx])


def digit_score(x):
    """Inception-score idea with a digits classifier: 1 (one blurry
    class) up to 10 (ten classes, each recognised with certainty)."""
    pixels = ((x.reshape(len(x), 64).cpu() + 1) / 2).clamp(0, 1)
    p = torch.tensor(clf.predict_proba(pixels.numpy()))   # (N, 10)
    kl = (p * (p.clamp_min(1e-12).log() - p.mean(0).log())).sum(1)
    return math.exp(kl.mean().item())


real_score = digit_score(images[test_idx].unsqueeze(1) * 2 - 1)
print(f"digit score of 450 real test digits: {real_score:.2f}")

nz = 16
G = nn.Sequential(                                    # (N, nz, 1, 1)
    nn.ConvTranspose2d(nz, 32, 2, 1, 0), nn.ReLU(),   # (N, 32, 2, 2)
    nn.ConvTranspose2d(32, 16, 4, 2, 1), nn.ReLU(),   # (N, 16, 4, 4)
    nn.ConvTranspose2d(16, 1, 4, 2, 1),               # (N, 1, 8, 8)
    nn.Tanh()).to(device)
D = nn.Sequential(                                    # (N, 1, 8, 8)
    nn.Conv2d(1, 16, 4, 2, 1), nn.LeakyReLU(0.2),     # (N, 16, 4, 4)
    nn.Conv2d(16, 32, 4, 2, 1), nn.LeakyReLU(0.2),    # (N, 32, 2, 2)
    nn.Conv2d(32, 1, 2, 1, 0), nn.Flatten()).to(device)   # (N, 1) logit
opt_G = torch.optim.Adam(G.parameters(), lr=2e-3, betas=(0.5, 0.999))
opt_D = torch.optim.Adam(D.parameters(), lr=2e-3, betas=(0.5, 0.999))
bce = nn.BCEWithLogitsLoss()
z_fixed = torch.randn(500, nz, 1, 1, device=device)  # the same 500 codes


def snapshot():
    with torch.no_grad():
        x = G(z_fixed)
    return x.cpu()


batch, num_epochs, real_label = 64, 6, 0.9            # 0.9: smoothing
gen = torch.Generator().manual_seed(0)
samples = {0: snapshot()}                             # step -> images
step, start = 0, time.process_time()
for epoch in range(num_epochs):
    perm = torch.randperm(len(x_train), generator=gen)
    for i in range(0, len(perm) - batch + 1, batch):  # 21 batches
        real = x_train[perm[i:i + batch]]
        fake = G(torch.randn(batch, nz, 1, 1, device=device))
        target = torch.full((batch, 1), real_label, device=device)
        loss_D = (bce(D(real), target)
                  + bce(D(fake.detach()), torch.zeros_like(target)))
        opt_D.zero_grad()
        loss_D.backward()
        opt_D.step()
        loss_G = bce(D(fake), torch.ones_like(target))
        opt_G.zero_grad()
        loss_G.backward()
        opt_G.step()
        step += 1
    if epoch + 1 in (1, 2, 6):
        samples[step] = snapshot()
print(f"training: {time.process_time() - start:.1f} s of CPU time")

scores = {s: digit_score(x) for s, x in samples.items()}
for s, value in scores.items():
    kinds = len(set(clf.predict(((samples[s].reshape(-1, 64) + 1) / 2)
                                .clamp(0, 1).numpy())))
    print(f"step {s:3d}: digit score {value:.2f}, {kinds} classes seen")
final = scores[step]
assert kinds < 10 and final < 2.5                     # worse than with BN
