"""Scaled dot-product attention from scratch, equal to PyTorch's."""
# --8<-- [start:setup]
import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]


# --8<-- [start:attention]
def attention(q, k, v, mask=None):
    """softmax(q k^T / sqrt(d)) v; mask: True where attending is allowed."""
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])  # (..., L, S)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)                    # rows sum to 1
    return weights @ v, weights                                # (..., L, D_v)


# batch 2, 3 heads, 5 queries, 7 keys and values, 4 features each
q = torch.randn(2, 3, 5, 4, dtype=torch.float64, device=device)
k = torch.randn(2, 3, 7, 4, dtype=torch.float64, device=device)
v = torch.randn(2, 3, 7, 4, dtype=torch.float64, device=device)
out, weights = attention(q, k, v)
ref = F.scaled_dot_product_attention(q, k, v)
print("output:", tuple(out.shape), "weights:", tuple(weights.shape))
torch.testing.assert_close(out, ref, rtol=1e-12, atol=1e-12)
print("equal to F.scaled_dot_product_attention: True")
torch.testing.assert_close(weights.sum(-1), torch.ones_like(weights[..., 0]))
# --8<-- [end:attention]

# --8<-- [start:causal]
x = torch.randn(2, 3, 5, 4, dtype=torch.float64, device=device)  # q = k = v
causal = torch.ones(5, 5, dtype=torch.bool, device=device).tril()  # (1)!
out, weights = attention(x, x, x, causal)
for ref in (F.scaled_dot_product_attention(x, x, x, is_causal=True),
            F.scaled_dot_product_attention(x, x, x, attn_mask=causal)):
    torch.testing.assert_close(out, ref, rtol=1e-12, atol=1e-12)
print("causal: equal with is_causal=True and with attn_mask: True")
print("causal weights of the first head:")
print(weights[0, 0].cpu().numpy().round(2))
assert (weights[..., causal.logical_not()] == 0).all()   # no look ahead
# step 2's output does not change when later steps change
x2 = x.clone()
x2[:, :, 3:] += 1.0
out2, _ = attention(x2, x2, x2, causal)
torch.testing.assert_close(out2[:, :, :3], out[:, :, :3])
print("first 3 outputs unchanged when steps 3-4 change: True")
# --8<-- [end:causal]
