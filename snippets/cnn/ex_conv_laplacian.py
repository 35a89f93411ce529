"""Exercise: one 3x3 kernel that finds all four edges of the square."""
import torch
import torch.nn.functional as F
from scipy import signal

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))

X = torch.zeros(10, 12, device=device)
X[2:8, 3:9] = 1.0
K = torch.tensor([[0.0, 1.0, 0.0],
                  [1.0, -4.0, 1.0],
                  [0.0, 1.0, 0.0]], device=device)   # the Laplacian
Y = F.conv2d(X[None, None], K[None, None])[0, 0]   # (8, 10)
for row in Y.int().tolist():
    print(" ".join(f"{v:2d}" for v in row))
# zero on flat areas, inside the square and outside it
assert (Y[2:6, 3:7] == 0).all() and (Y[:, [0, 9]] == 0).all()
# K is symmetric under the flip, so true convolution gives the same
true_conv = signal.convolve2d(X.cpu().numpy(), K.cpu().numpy(), "valid")
assert (torch.from_numpy(true_conv) == Y.cpu()).all()
