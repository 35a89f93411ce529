"""The buggy gradient by hand: the extra softmax multiplies the gradient by its
Jacobian diag(p) - p p^T, which is what shrinks it."""
import torch
import torch.nn as nn
import torch.nn.functional as F

device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
torch.manual_seed(0)

N, D_in, C = 3, 4, 2
x = torch.randn(N, D_in, device=device)       # (N, D_in)
y = torch.tensor([0, 1, 1], device=device)    # (N,)
model = nn.Linear(D_in, C).to(device)

logits = model(x)              # (N, C)
logits.retain_grad()           # keep dL/dlogits of this non-leaf
probs = logits.softmax(dim=1)  # (N, C): the bug
loss = F.cross_entropy(probs, y)
loss.backward()

with torch.no_grad():
    onehot = F.one_hot(y, C).to(probs.dtype)              # (N, C)
    # dL/dprobs: softmax again, minus one-hot
    grad_probs = (probs.softmax(dim=1) - onehot) / N
    # Jacobian of the softmax for each row: J = diag(p) - p p^T, (N, C, C)
    jac = torch.diag_embed(probs) - probs.unsqueeze(2) * probs.unsqueeze(1)
    # J is symmetric, (N, C)
    grad_logits = (jac @ grad_probs.unsqueeze(2)).squeeze(2)
    grad_w = grad_logits.t() @ x                          # (C, D_in)

print("dL/dlogits (autograd):",
      [[round(v, 4) for v in r] for r in logits.grad.tolist()])
print("dL/dlogits (by hand): ",
      [[round(v, 4) for v in r] for r in grad_logits.tolist()])
print("largest Jacobian entry:", round(jac.abs().max().item(), 4))
assert torch.allclose(logits.grad, grad_logits, atol=1e-6)
assert torch.allclose(model.weight.grad, grad_w, atol=1e-6)
# p (1 - p) is at most 1/4: every pass through
# the extra softmax shrinks the signal
assert jac.abs().max() <= 0.25
