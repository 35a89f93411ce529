"""Clipping an exploding gradient: the norm is capped, the direction kept."""
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

L, H_in, H = 30, 4, 16
rnn = nn.RNN(H_in, H).to(device, torch.float64)
Q, _ = torch.linalg.qr(torch.randn(H, H, dtype=torch.float64))
with torch.no_grad():                       # the exploding case of the page
    rnn.weight_hh_l0.copy_(1.5 * Q)
    rnn.bias_ih_l0.zero_()
    rnn.bias_hh_l0.zero_()
x = 1e-3 * torch.randn(L, 1, H_in, dtype=torch.float64)
output, h_n = rnn(x.to(device))
output[-1].sum().backward()

before = [p.grad.clone() for p in rnn.parameters()]
total = nn.utils.clip_grad_norm_(rnn.parameters(), max_norm=1.0)
after = [p.grad for p in rnn.parameters()]
norm_after = torch.cat([g.flatten() for g in after]).norm().item()
cosine = torch.cosine_similarity(torch.cat([g.flatten() for g in before]),
                                 torch.cat([g.flatten() for g in after]),
                                 dim=0).item()
print(f"gradient norm before clipping: {total.item():.3g}")
print(f"after clip_grad_norm_(max_norm=1.0): {norm_after:.3f}")
print(f"cosine between the two gradients: {cosine:.6f}")
assert total > 100 and abs(norm_after - 1.0) < 1e-6
assert abs(cosine - 1) < 1e-12
