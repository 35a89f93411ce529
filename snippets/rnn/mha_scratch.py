"""Multi-head attention by hand, with nn.MultiheadAttention's own weights."""
# --8<-- [start:setup]
import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:module]
E, HEADS = 8, 2                                    # model width, heads
mha = nn.MultiheadAttention(E, HEADS, batch_first=True)
mha = mha.to(device=device, dtype=torch.float64)
for name, p in mha.named_parameters():
    print(f"{name:18s} {tuple(p.shape)}")
# --8<-- [end:module]


# --8<-- [start:by_hand]
def multi_head(query, key, value, mha, key_padding_mask=None):
    """(N, L, E), (N, S, E), (N, S, E) -> (N, L, E), weights (N, L, S)."""
    w_q, w_k, w_v = mha.in_proj_weight.chunk(3)    # (1)!
    b_q, b_k, b_v = mha.in_proj_bias.chunk(3)
    heads, d = mha.num_heads, mha.embed_dim // mha.num_heads

    def split(x):                                  # (N, T, E) -> (N, h, T, d)
        return x.unflatten(-1, (heads, d)).transpose(1, 2)
    q = split(query @ w_q.T + b_q)
    k = split(key @ w_k.T + b_k)
    v = split(value @ w_v.T + b_v)
    scores = q @ k.transpose(-2, -1) / d ** 0.5    # (N, h, L, S)
    if key_padding_mask is not None:               # True = padding
        scores = scores.masked_fill(key_padding_mask[:, None, None],
                                    float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    out = (weights @ v).transpose(1, 2).flatten(2)  # (N, L, h * d)
    return mha.out_proj(out), weights.mean(1)       # (2)!
# --8<-- [end:by_hand]


# --8<-- [start:compare]
x = torch.randn(3, 5, E, dtype=torch.float64, device=device)   # self
memory = torch.randn(3, 6, E, dtype=torch.float64, device=device)
padding = torch.zeros(3, 6, dtype=torch.bool, device=device)
padding[0, 4:] = True                              # sequence 0: 4 keys
cases = [("self-attention", (x, x, x), None),
         ("cross-attention", (x, memory, memory), None),
         ("with key padding", (x, memory, memory), padding)]
for label, (qu, ke, va), mask in cases:
    out, weights = multi_head(qu, ke, va, mha, mask)
    ref, ref_weights = mha(qu, ke, va, key_padding_mask=mask)
    torch.testing.assert_close(out, ref, rtol=1e-12, atol=1e-12)
    torch.testing.assert_close(weights, ref_weights, rtol=1e-12, atol=1e-12)
    print(f"{label:16s} output {tuple(out.shape)}, weights "
          f"{tuple(weights.shape)}: equal to nn.MultiheadAttention")
assert (weights[0, :, 4:] == 0).all()              # padded keys get 0
# --8<-- [end:compare]
