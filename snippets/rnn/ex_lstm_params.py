"""Parameters of RNN, GRU and LSTM layers of the same size: 1 : 3 : 4."""
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

H_in, H = 32, 64
one_gate = H * H_in + H * H + 2 * H         # W_x, W_h and two biases
counts = {}
for cls, gates in [(nn.RNN, 1), (nn.GRU, 3), (nn.LSTM, 4)]:
    layer = cls(H_in, H).to(device)
    counts[cls.__name__] = sum(p.numel() for p in layer.parameters())
    print(f"{cls.__name__:5} {counts[cls.__name__]:6} parameters"
          f" = {gates} x {one_gate}")
    assert counts[cls.__name__] == gates * one_gate

x = torch.randn(10, 2, H_in, device=device)
bi = nn.LSTM(H_in, H, num_layers=2, bidirectional=True).to(device)
count = sum(p.numel() for p in bi.parameters())
# layer 0: 2 directions reading H_in; layer 1: 2 directions reading 2H
formula = (2 * 4 * (H * H_in + H * H + 2 * H)
           + 2 * 4 * (H * 2 * H + H * H + 2 * H))
print(f"LSTM, 2 layers, bidirectional: {count} parameters")
assert count == formula
assert bi(x)[0].shape == (10, 2, 2 * H)
