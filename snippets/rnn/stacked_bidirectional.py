"""Stacked and bidirectional LSTMs: the shapes of output, h_n and c_n."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# --8<-- [end:setup]

# --8<-- [start:shapes]
L, N, H_in, H = 5, 2, 4, 3
num_layers, num_directions = 2, 2
lstm = nn.LSTM(H_in, H, num_layers=num_layers, bidirectional=True)
lstm = lstm.to(device)
for name, p in lstm.named_parameters():
    if name.startswith("weight"):
        print(f"{name:22} {tuple(p.shape)}")
assert lstm.weight_ih_l1.shape == (4 * H, 2 * H)    # layer 1 reads 2H

x = torch.randn(L, N, H_in, device=device)
output, (h_n, c_n) = lstm(x)
print("output:", tuple(output.shape), " h_n:", tuple(h_n.shape),
      " c_n:", tuple(c_n.shape))
assert output.shape == (L, N, num_directions * H)   # (L, N, 2H)
assert h_n.shape == c_n.shape == (num_layers * num_directions, N, H)
# --8<-- [end:shapes]

# --8<-- [start:final]
h_n_view = h_n.view(num_layers, num_directions, N, H)
forward_final = h_n_view[-1, 0]                     # top layer, forward
backward_final = h_n_view[-1, 1]                    # top layer, backward
# the forward direction ends at step L-1, the backward one at step 0
assert torch.allclose(forward_final, output[-1, :, :H])
assert torch.allclose(backward_final, output[0, :, H:])
assert torch.equal(backward_final, h_n[-1])         # h_n[-1]: backward only
assert not torch.allclose(output[-1, :, H:], backward_final)
features = torch.cat([forward_final, backward_final], dim=1)    # (N, 2H)
print("top layer's final states, both directions:", tuple(features.shape))
print("forward = output[-1, :, :H], backward = output[0, :, H:]:", True)
# --8<-- [end:final]

# --8<-- [start:gru]
gru = nn.GRU(H_in, H, num_layers=3, batch_first=True,
             bidirectional=True).to(device)
output, h_n = gru(x.transpose(0, 1))                # (N, L, H_in)
print("GRU, 3 layers, bidirectional, batch_first: output",
      tuple(output.shape), " h_n", tuple(h_n.shape))
assert output.shape == (N, L, 2 * H) and h_n.shape == (3 * 2, N, H)
# --8<-- [end:gru]
