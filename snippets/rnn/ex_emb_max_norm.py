"""max_norm: looked-up rows are rescaled in place, the others are not."""
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

embedding = nn.Embedding(6, 4, max_norm=1.0).to(device)
with torch.no_grad():
    embedding.weight.mul_(3)                          # norms about 3 to 6
before = embedding.weight.detach().norm(dim=1).clone()
out = embedding(torch.tensor([1, 4], device=device))
after = embedding.weight.detach().norm(dim=1)
print("row norms before:", [round(v, 2) for v in before.tolist()])
print("row norms after: ", [round(v, 2) for v in after.tolist()])
print("output norms:", [round(v, 2) for v in out.norm(dim=1).tolist()])
looked_up = torch.tensor([0, 1, 0, 0, 1, 0], device=device).bool()
assert torch.allclose(after[looked_up].cpu(), torch.ones(2), atol=1e-4)
assert torch.equal(after[~looked_up], before[~looked_up])
