"""Exercise: a linear autoencoder trained with MSE finds PCA's subspace."""
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))

digits = load_digits()
images = torch.tensor(digits.data, dtype=torch.float32) / 16   # (1797, 64)
train_idx, test_idx = train_test_split(range(len(images)), test_size=0.25,
                                       random_state=0, stratify=digits.target)
x_train = images[train_idx].to(device)                          # (1347, 64)

# no activation anywhere: the whole model is one affine map of rank 3
linear_ae = nn.Sequential(nn.Linear(64, 3), nn.Linear(3, 64)).to(device)
optimizer = torch.optim.Adam(linear_ae.parameters(), lr=0.05)
for step in range(500):                        # full batch
    loss = nn.functional.mse_loss(linear_ae(x_train), x_train)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
with torch.no_grad():
    ae_mse = nn.functional.mse_loss(linear_ae(x_train), x_train).item()

mean = x_train.mean(dim=0)
_, _, v_t = torch.linalg.svd(x_train - mean, full_matrices=False)
pca = v_t[:3].T                                # (64, 3), orthonormal columns
pca_recon = (x_train - mean) @ pca @ pca.T + mean
pca_mse = nn.functional.mse_loss(pca_recon, x_train).item()
print(f"train MSE: linear autoencoder {ae_mse:.5f}, PCA {pca_mse:.5f}")

# the decoder's 3 columns span a subspace of pixel space: compare it with
# PCA's through the cosines of the principal angles between the two
basis, _ = torch.linalg.qr(linear_ae[1].weight.detach())    # (64, 3)
cosines = torch.linalg.svdvals(pca.T @ basis)
print("cosines of the principal angles:",
      [round(c, 4) for c in cosines.tolist()])
assert pca_mse * 0.9999 < ae_mse < pca_mse * 1.01   # PCA's is the optimum
assert cosines.min() > 0.99                    # the same subspace

# the same subspace, not the same coordinates: the codes are PCA's codes
# through some invertible 3x3 map A, found here by least squares
with torch.no_grad():
    codes = linear_ae[0](x_train)              # (1347, 3)
pca_codes = torch.cat([(x_train - mean) @ pca,
                       torch.ones(len(x_train), 1, device=device)], dim=1)
A = torch.linalg.lstsq(pca_codes, codes).solution              # (4, 3)
fit = (pca_codes @ A - codes).norm() / codes.norm()
print(f"codes = PCA codes @ A + b, relative residual {fit:.4f}")
assert fit < 0.05
