"""EmbeddingBag: a lookup and a per-bag sum or mean in one call."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# --8<-- [end:setup]

# --8<-- [start:bag]
# three bags of ids, of lengths 3, 1 and 4, concatenated into one 1-D tensor
ids = torch.tensor([2, 7, 7, 4, 0, 9, 1, 3], device=device)
offsets = torch.tensor([0, 3, 4], device=device)     # where each bag starts

for mode in ("sum", "mean"):
    bag = nn.EmbeddingBag(10, 5, mode=mode).to(device)
    out = bag(ids, offsets)                           # (3 bags, 5)

    table = nn.Embedding(10, 5).to(device)
    table.load_state_dict(bag.state_dict())           # the same weight
    pieces = table(ids).split([3, 1, 4])              # one piece per bag
    reduce = torch.sum if mode == "sum" else torch.mean
    ref = torch.stack([reduce(p, dim=0) for p in pieces])
    torch.testing.assert_close(out, ref)
    print(f"mode={mode!r}: {tuple(out.shape)}, equal to Embedding + {mode}")
# --8<-- [end:bag]

# --8<-- [start:sparse]
big = nn.Embedding(100_000, 16, sparse=True).to(device)
big(torch.tensor([5, 17, 5], device=device)).sum().backward()
grad = big.weight.grad
print("sparse gradient:", grad.layout, "rows stored:",
      grad.coalesce().indices().flatten().tolist())
assert grad.is_sparse and grad.coalesce().indices().numel() == 2

for opt_class in (torch.optim.SGD, torch.optim.SparseAdam, torch.optim.Adam):
    try:
        opt_class(big.parameters(), lr=0.01).step()
        accepted = True
    except RuntimeError:
        accepted = False
    print(f"{opt_class.__name__:>10}: {'accepts' if accepted else 'refuses'}")
    assert accepted == (opt_class is not torch.optim.Adam)
# --8<-- [end:sparse]
