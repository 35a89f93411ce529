"""Embeddings learn: ids that behave alike end up close together."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# --8<-- [end:setup]

# --8<-- [start:task]
# 24 ids; the task: given ids a and b, predict (a + b) % 3
n_ids = 24
a, b = torch.cartesian_prod(torch.arange(n_ids), torch.arange(n_ids)).T
X = torch.stack([a, b], dim=1).to(device)             # (576, 2)
y = ((a + b) % 3).to(device)                          # (576,)

embedding = nn.Embedding(n_ids, 8)
model = nn.Sequential(embedding, nn.Flatten(),        # (N, 2, 8) -> (N, 16)
                      nn.Linear(16, 32), nn.ReLU(),
                      nn.Linear(32, 3)).to(device)


def neighbour_agreement():
    """Share of ids whose nearest other id (cosine) has the same id % 3."""
    w = nn.functional.normalize(embedding.weight.detach(), dim=1)
    cos = w @ w.T                                     # (24, 24)
    cos.fill_diagonal_(-2.0)                          # not itself
    nearest = cos.argmax(dim=1).cpu()
    return (nearest % 3 == torch.arange(n_ids) % 3).float().mean().item()


before = neighbour_agreement()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
for step in range(150):
    loss = nn.functional.cross_entropy(model(X), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
accuracy = (model(X).argmax(dim=1) == y).float().mean().item()
after = neighbour_agreement()
print(f"accuracy on the task: {accuracy:.3f}")
print(f"nearest neighbour has the same id % 3: {before:.2f} before, "
      f"{after:.2f} after training")
assert accuracy == 1.0 and after == 1.0 and before < 0.5
# --8<-- [end:task]
