"""Parts 8 and 9: misconceptions about convolutions and recurrent
networks, each checked; lines start with the row's number in the table."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence

torch.manual_seed(0)

# 8.1 "convolution" layers compute a cross-correlation (no kernel flip)
x = torch.arange(9.0).view(1, 1, 3, 3)
k = torch.tensor([[[[1.0, 0.0], [0.0, 0.0]]]])   # picks the top-left
print("8.1 conv2d with a top-left kernel:", F.conv2d(x, k).flatten().tolist())
assert torch.equal(F.conv2d(x, k), x[..., :2, :2])  # a flip: bottom-right

# 8.2 a pooling layer's stride defaults to its window size
pool = nn.MaxPool2d(2)
print("8.2 MaxPool2d(2).stride:", pool.stride, "| 4x4 ->",
      tuple(pool(torch.randn(1, 1, 4, 4)).shape[-2:]))
assert pool.stride == 2

# 8.3 in train mode, BatchNorm's output for a sample depends on its batch
bn = nn.BatchNorm1d(3)
sample = torch.randn(1, 3)
a = bn(torch.cat([sample, torch.randn(1, 3)]))[0]
b = bn(torch.cat([sample, torch.randn(1, 3)]))[0]
print("8.3 same sample, two batches, train mode: equal?", torch.equal(a, b))
assert not torch.allclose(a, b)

# 8.4 BatchNorm normalises with the biased variance (divides by N)
batch = torch.randn(6, 1) * 3 + 1
out = nn.BatchNorm1d(1, affine=False)(batch)
print("8.4 output variance, biased:", round(out.var(unbiased=False).item(), 4),
      "| unbiased:", round(out.var().item(), 4))
assert abs(out.var(unbiased=False).item() - 1) < 1e-3

# 8.5 channels_last changes the strides, not the shape or the result
img = torch.randn(2, 3, 4, 5)
cl = img.to(memory_format=torch.channels_last)
print("8.5 channels_last: shape", tuple(cl.shape), "strides", cl.stride())
assert cl.shape == img.shape and torch.equal(cl, img)

# 9.1 nn.RNN reads (L, N, H_in) unless batch_first=True; h_n keeps
#     the layer dimension first either way
rnn = nn.RNN(4, 6, batch_first=True)
output, h_n = rnn(torch.randn(2, 7, 4))          # (N, L, H_in)
print("9.1 batch_first: output", tuple(output.shape), "| h_n",
      tuple(h_n.shape))
assert nn.RNN(4, 6).batch_first is False and h_n.shape == (1, 2, 6)

# 9.2 bidirectional: output[-1] holds only the forward direction's end
bi = nn.GRU(4, 6, bidirectional=True)
output, h_n = bi(torch.randn(7, 2, 4))           # (L, N, H_in)
print("9.2 backward final state is output[0, :, H:]:",
      torch.allclose(h_n[1], output[0, :, 6:]), "| output[-1, :, H:]:",
      torch.allclose(h_n[1], output[-1, :, 6:]))
assert torch.allclose(h_n[1], output[0, :, 6:])

# 9.3 padding without packing gives the short sequence a wrong h_n
gru = nn.GRU(2, 3, batch_first=True)
short = torch.randn(1, 2, 2)
padded = torch.cat([short, torch.zeros(1, 3, 2)], dim=1)   # to length 5
_, alone = gru(short)
_, unpacked = gru(padded)
_, packed = gru(pack_padded_sequence(padded, torch.tensor([2]),
                                     batch_first=True))
error = (unpacked - alone).abs().max().item()
print("9.3 h_n error, padded:", round(error, 4), "| packed:",
      (packed - alone).abs().max().item())
assert torch.allclose(packed, alone) and not torch.allclose(unpacked, alone)

# 9.4 torch.zeros(...) initial states do not follow a float64 model
net = nn.LSTM(2, 3).double()
h0 = torch.zeros(1, 1, 3)                        # float32, on the CPU
try:
    net(torch.randn(4, 1, 2, dtype=torch.float64), (h0, h0))
except RuntimeError as err:
    print("9.4 float32 zeros into a float64 LSTM:", type(err).__name__)
else:
    raise AssertionError("expected a RuntimeError")

# 9.5 and 9.6 embeddings: Adam refuses sparse gradients; padding_idx's
# row never gets a gradient
emb = nn.Embedding(5, 2, sparse=True, padding_idx=0)
emb(torch.tensor([0, 1, 1])).sum().backward()
try:
    torch.optim.Adam(emb.parameters()).step()
except RuntimeError as err:
    print("9.5 Adam with sparse gradients:", type(err).__name__)
    assert "SparseAdam" in str(err)
else:
    raise AssertionError("expected a RuntimeError")
dense = emb.weight.grad.to_dense()
print("9.6 gradient rows: padding", dense[0].tolist(), "| id 1",
      dense[1].tolist())
assert torch.equal(dense[0], torch.zeros(2)) and dense[1].abs().sum() > 0
