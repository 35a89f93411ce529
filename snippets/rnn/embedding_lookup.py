"""nn.Embedding is a lookup table: one-hot times the weight matrix."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# --8<-- [end:setup]

# --8<-- [start:lookup]
vocab_size, dim = 10, 4
embedding = nn.Embedding(vocab_size, dim).to(device)
print("weight:", tuple(embedding.weight.shape))      # (vocab_size, dim)

idx = torch.tensor([[1, 3, 3, 7],
                    [0, 3, 9, 2]], device=device)     # (N, L) integer ids
vectors = embedding(idx)                              # (N, L, dim)
print("ids:", tuple(idx.shape), "-> vectors:", tuple(vectors.shape))
assert torch.equal(vectors[0, 1], embedding.weight[3])   # row 3, no math
# --8<-- [end:lookup]

# --8<-- [start:onehot]
one_hot = nn.functional.one_hot(idx, vocab_size).to(torch.float64)
W = embedding.weight.detach().double().requires_grad_()
product = one_hot @ W                                 # (N, L, 10) @ (10, 4)
lookup = embedding.double()(idx)
assert torch.equal(product.detach(), lookup.detach())
print("lookup equals one_hot @ weight: True")
# --8<-- [end:onehot]

# --8<-- [start:grad]
upstream = torch.randn(2, 4, dim, dtype=torch.float64, device=device)
(product * upstream).sum().backward()
(lookup * upstream).sum().backward()
grad = embedding.weight.grad                          # (10, 4)
torch.testing.assert_close(grad, W.grad)
print("same gradient both ways: True")

rows = grad.abs().sum(dim=1) != 0
print("rows with a gradient:", rows.nonzero().flatten().tolist())
assert rows.nonzero().flatten().tolist() == sorted(set(idx.flatten().tolist()))
# id 3 was looked up three times: its row sums the three upstream gradients
where = idx == 3
torch.testing.assert_close(grad[3], upstream[where].sum(dim=0))
print("row 3 = sum of its 3 upstream gradients: True")
# --8<-- [end:grad]
