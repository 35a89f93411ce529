"""Counting an RNN's parameters: they do not depend on the sequence length."""
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

H_in, H = 10, 20
rnn = nn.RNN(H_in, H, num_layers=2).to(device)
count = sum(p.numel() for p in rnn.parameters())
# layer 0: W_ih (H, H_in), W_hh (H, H), two biases (H,)
# layer 1: its input is layer 0's state, so W_ih is (H, H)
formula = (H * H_in + H * H + 2 * H) + (H * H + H * H + 2 * H)
print(f"nn.RNN({H_in}, {H}, num_layers=2): {count} parameters,"
      f" formula {formula}")
assert count == formula == 1480

for L in (5, 50, 500):                          # the same weights every step
    x = torch.randn(L, 1, H_in, device=device)
    output, h_n = rnn(x)
    print(f"L = {L:3}: output {tuple(output.shape)}, h_n {tuple(h_n.shape)}")
    assert output.shape == (L, 1, H) and h_n.shape == (2, 1, H)
assert sum(p.numel() for p in rnn.parameters()) == count
