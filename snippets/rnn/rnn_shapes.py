"""The shapes of nn.RNN: input, output, h_n; with and without batch_first."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# --8<-- [end:setup]

# --8<-- [start:default]
L, N, H_in, H = 5, 2, 4, 3             # steps, batch, input size, hidden size
rnn = nn.RNN(input_size=H_in, hidden_size=H).to(device)
for name, p in rnn.named_parameters():
    print(f"{name:13} {tuple(p.shape)}")

x = torch.randn(L, N, H_in, device=device)          # (L, N, H_in)
output, h_n = rnn(x)                                # h_0 defaults to zeros
print("x:", tuple(x.shape), " output:", tuple(output.shape),
      " h_n:", tuple(h_n.shape))
assert output.shape == (L, N, H)                    # h_t for every step t
assert h_n.shape == (1, N, H)                       # (num_layers, N, H)
assert torch.equal(output[-1], h_n[0])              # last step = h_n
print("output[-1] equals h_n[0]:", torch.equal(output[-1], h_n[0]))
# --8<-- [end:default]

# --8<-- [start:batch_first]
rnn_bf = nn.RNN(H_in, H, batch_first=True).to(device)
rnn_bf.load_state_dict(rnn.state_dict())            # the same weights
x_bf = x.transpose(0, 1)                            # (N, L, H_in)
output_bf, h_n_bf = rnn_bf(x_bf)
print("x_bf:", tuple(x_bf.shape), " output_bf:", tuple(output_bf.shape),
      " h_n_bf:", tuple(h_n_bf.shape))
assert output_bf.shape == (N, L, H)                 # batch first ...
assert h_n_bf.shape == (1, N, H)                    # ... but not in h_n
torch.testing.assert_close(output_bf, output.transpose(0, 1))
torch.testing.assert_close(h_n_bf, h_n)
print("same numbers, only the layout differs")
# --8<-- [end:batch_first]

# --8<-- [start:h0]
h_0 = torch.randn(1, N, H, device=device)           # a given initial state
output_a, h_n_a = rnn(x, h_0)
output_b, h_n_b = rnn(x[:3], h_0)                   # the first 3 steps ...
output_c, h_n_c = rnn(x[3:], h_n_b)                 # ... then the rest
torch.testing.assert_close(torch.cat([output_b, output_c]), output_a)
torch.testing.assert_close(h_n_c, h_n_a)
print("two chunks, h_n carried over = one pass:", True)
# --8<-- [end:h0]
