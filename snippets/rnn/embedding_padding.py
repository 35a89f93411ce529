"""padding_idx: a row that starts at zero and never gets a gradient."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# --8<-- [end:setup]

# --8<-- [start:padding]
PAD = 0
embedding = nn.Embedding(6, 3, padding_idx=PAD).to(device)
print("row 0 at creation:", embedding.weight[PAD].tolist())
assert torch.all(embedding.weight[PAD] == 0)

# two sequences of lengths 4 and 2, padded with 0 to length 4
batch = torch.tensor([[4, 2, 5, 1],
                      [3, 5, PAD, PAD]], device=device)
optimizer = torch.optim.SGD(embedding.parameters(), lr=0.5, momentum=0.9)
for step in range(3):
    loss = embedding(batch).pow(2).sum()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
grad = embedding.weight.grad
print("gradient of row 0:", grad[PAD].tolist())
print("gradient of row 5:", [round(g, 2) for g in grad[5].tolist()])
assert torch.all(grad[PAD] == 0) and torch.all(grad[5] != 0)
print("row 0 after 3 steps:", embedding.weight[PAD].tolist())
assert torch.all(embedding.weight[PAD] == 0)
# --8<-- [end:padding]

# --8<-- [start:sum]
# a padded position adds nothing to a sum over the sequence
summed = embedding(batch).sum(dim=1)                  # (2, 3)
alone = embedding(batch[1, :2]).sum(dim=0)            # sequence 2 unpadded
torch.testing.assert_close(summed[1], alone)
print("sum over a padded sequence = sum over its real tokens: True")
# --8<-- [end:sum]
