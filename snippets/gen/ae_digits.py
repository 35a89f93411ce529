"""An autoencoder squeezing scikit-learn's 8x8 digits into 3 numbers."""
# --8<-- [start:setup]
import torch
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
labels = torch.tensor(digits.target)                            # (1797,)
train_idx, test_idx = train_test_split(range(len(labels)), test_size=0.25,
                                       random_state=0, stratify=digits.target)
x_train, y_train = images[train_idx].to(device), labels[train_idx]  # 1347
x_test, y_test = images[test_idx].to(device), labels[test_idx]      # 450
# --8<-- [end:data]

# --8<-- [start:model]
code_size = 3
encoder = nn.Sequential(
    nn.Linear(64, 64), nn.ReLU(),
    nn.Linear(64, code_size),                  # the code, (N, 3)
)
decoder = nn.Sequential(
    nn.Linear(code_size, 64), nn.ReLU(),
    nn.Linear(64, 64), nn.Sigmoid(),           # pixels in (0, 1), (N, 64)
)
model = nn.Sequential(encoder, decoder).to(device)
loss_fn = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
print("parameters:", sum(p.numel() for p in model.parameters()))
# --8<-- [end:model]

# --8<-- [start:train]
generator = torch.Generator().manual_seed(0)
num_epochs = 40
history = []                                   # (train MSE, test MSE)
for epoch in range(num_epochs):
    model.train()
    for idx in torch.randperm(len(x_train), generator=generator).split(64):
        xb = x_train[idx]
        loss = loss_fn(model(xb), xb)          # the input is the target
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        history.append((loss_fn(model(x_train), x_train).item(),
                        loss_fn(model(x_test), x_test).item()))
    if epoch in (0, 4, 9, 19, 39):
        print(f"epoch {epoch + 1:2d}  train MSE {history[-1][0]:.4f}"
              f"  test MSE {history[-1][1]:.4f}")
ae_mse = history[-1][1]
assert ae_mse < history[0][1] / 2              # the error fell by half
# --8<-- [end:train]

# --8<-- [start:pca]
mean = x_train.mean(dim=0)
_, _, v_t = torch.linalg.svd(x_train - mean, full_matrices=False)
components = v_t[:code_size].T                 # (64, 3), orthonormal


def pca_code(x):
    return (x - mean) @ components             # (N, 3)


pca_recon = pca_code(x_test) @ components.T + mean
pca_mse = loss_fn(pca_recon, x_test).item()
print(f"test MSE with 3 numbers: autoencoder {ae_mse:.4f}, PCA {pca_mse:.4f}")
assert ae_mse < 0.8 * pca_mse                  # measured: 0.66 of it
# --8<-- [end:pca]

# --8<-- [start:codes]
with torch.no_grad():
    codes_train, codes_test = encoder(x_train), encoder(x_test)


def nearest_centroid(train, test):
    """Accuracy of labelling each test point with the nearest class mean."""
    centroids = torch.stack([train[y_train == k].mean(dim=0)
                             for k in range(10)])          # (10, D)
    y_hat = torch.cdist(test, centroids).argmin(dim=1).cpu()
    return (y_hat == y_test).float().mean().item()


acc = {
    "autoencoder code (3)": nearest_centroid(codes_train, codes_test),
    "PCA (3)": nearest_centroid(pca_code(x_train), pca_code(x_test)),
    "raw pixels (64)": nearest_centroid(x_train, x_test),
}
for name, value in acc.items():
    print(f"nearest-centroid test accuracy, {name:20s} {value:.3f}")
assert (acc["PCA (3)"] + 0.05 < acc["autoencoder code (3)"]
        < acc["raw pixels (64)"] - 0.05)
# --8<-- [end:codes]
