"""Exercise: how the reconstruction error depends on the code size."""
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))

digits = load_digits()
images = torch.tensor(digits.data, dtype=torch.float32) / 16   # (1797, 64)
train_idx, test_idx = train_test_split(range(len(images)), test_size=0.25,
                                       random_state=0, stratify=digits.target)
x_train = images[train_idx].to(device)                          # 1347
x_test = images[test_idx].to(device)                            # 450
mean = x_train.mean(dim=0)
_, _, v_t = torch.linalg.svd(x_train - mean, full_matrices=False)


def autoencoder_mse(code_size, num_epochs=25):
    """Train the page's autoencoder with another code size: test MSE."""
    torch.manual_seed(0)
    model = nn.Sequential(
        nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, code_size),
        nn.Linear(code_size, 64), nn.ReLU(), nn.Linear(64, 64), nn.Sigmoid(),
    ).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    generator = torch.Generator().manual_seed(0)
    for epoch in range(num_epochs):
        for idx in torch.randperm(len(x_train), generator=generator).split(64):
            xb = x_train[idx]
            loss = nn.functional.mse_loss(model(xb), xb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    with torch.no_grad():
        return nn.functional.mse_loss(model(x_test), x_test).item()


def pca_mse(code_size):
    """Test MSE of the best linear reconstruction from code_size numbers."""
    components = v_t[:code_size].T                              # (64, k)
    recon = (x_test - mean) @ components @ components.T + mean
    return nn.functional.mse_loss(recon, x_test).item()


results = {}
for code_size in (2, 3, 8, 16):
    results[code_size] = autoencoder_mse(code_size), pca_mse(code_size)
    ae, pca = results[code_size]
    print(f"code size {code_size:2d}: test MSE autoencoder {ae:.4f}, "
          f"PCA {pca:.4f}, ratio {ae / pca:.2f}")
ae_errors = [ae for ae, _ in results.values()]
assert ae_errors == sorted(ae_errors, reverse=True)   # more numbers help
ratios = [ae / pca for ae, pca in results.values()]
assert max(ratios) < 1                         # better than PCA at every size
assert ratios[-1] == max(ratios)               # but by the least at 16
