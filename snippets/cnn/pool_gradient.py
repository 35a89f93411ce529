"""Where the gradient of max and average pooling goes."""
# --8<-- [start:setup]
import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:max]
X = torch.arange(20.0, device=device).reshape(1, 1, 4, 5).requires_grad_()
Y, indices = F.max_pool2d(X, 2, return_indices=True)
Y.sum().backward()
print("argmax (flat indices):", indices[0, 0].tolist())
print("gradient of max pooling:")
for row in X.grad[0, 0].int().tolist():
    print("  ", row)
assert X.grad.sum() == Y.numel()             # one 1 per output
assert X.grad.flatten()[indices.flatten()].eq(1).all()
# --8<-- [end:max]

# --8<-- [start:avg]
X.grad = None
F.avg_pool2d(X, 2).sum().backward()
print("gradient of average pooling:")
for row in X.grad[0, 0].tolist():
    print("  ", row)
assert (X.grad[0, 0, :, :4] == 0.25).all() and (X.grad[0, 0, :, 4] == 0).all()
# --8<-- [end:avg]
