"""Embedding.from_pretrained: frozen by default, trainable on request."""
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

vectors = torch.randn(5, 3)                          # e.g. vectors from disk
ids = torch.tensor([0, 4, 4], device=device)

frozen = nn.Embedding.from_pretrained(vectors).to(device)
print("frozen: requires_grad =", frozen.weight.requires_grad)
assert not frozen.weight.requires_grad
assert torch.equal(frozen(ids).cpu(), vectors[[0, 4, 4]])

tuned = nn.Embedding.from_pretrained(vectors, freeze=False).to(device)
tuned(ids).sum().backward()
print("freeze=False: row 4 gradient =", tuned.weight.grad[4].tolist())
assert torch.equal(tuned.weight.grad[4].cpu(), torch.full((3,), 2.0))

