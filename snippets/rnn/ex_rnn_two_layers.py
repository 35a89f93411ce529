"""A two-layer RNN from scratch, equal to nn.RNN(num_layers=2)."""
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")


def rnn_layer(x, h, W_ih, W_hh, b_ih, b_hh):
    """One layer over a whole sequence: x (L, N, H_in), h (N, H)."""
    states = []
    for x_t in x:
        h = torch.tanh(x_t @ W_ih.T + b_ih + h @ W_hh.T + b_hh)
        states.append(h)
    return torch.stack(states), h


L, N, H_in, H = 6, 2, 3, 4
rnn = nn.RNN(H_in, H, num_layers=2).to(device, torch.float64)
x = torch.randn(L, N, H_in, device=device, dtype=torch.float64)
output, h_n = rnn(x)                        # h_0: zeros for both layers

inputs, finals = x, []
for layer in range(2):                      # layer 1 reads layer 0's states
    w = [getattr(rnn, f"{name}_l{layer}") for name in
         ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
    h_0 = x.new_zeros(N, H)
    inputs, h_last = rnn_layer(inputs, h_0, *w)
    finals.append(h_last)

print("output:", tuple(output.shape), " h_n:", tuple(h_n.shape))
assert torch.allclose(inputs, output, rtol=0, atol=1e-12)     # top layer
assert torch.allclose(torch.stack(finals), h_n, rtol=0, atol=1e-12)
print("output = the top layer's states; h_n = each layer's last state")
