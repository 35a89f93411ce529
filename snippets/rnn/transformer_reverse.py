"""A small nn.TransformerEncoder learns to reverse digit strings."""
# --8<-- [start:setup]
import time

import torch
from torch import nn

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]

# --8<-- [start:data]
PAD, BOS, EOS = 10, 11, 12                 # the seq2seq page's tokens
MIN_LEN, MAX_LEN = 5, 8


def make_batch(n, gen):
    """n random digit strings, their reversals + EOS, padded with PAD."""
    lengths = torch.randint(MIN_LEN, MAX_LEN + 1, (n,), generator=gen)
    src = torch.full((n, MAX_LEN), PAD)
    tgt = torch.full((n, MAX_LEN + 1), PAD)
    for i, length in enumerate(lengths.tolist()):
        src[i, :length] = torch.randint(0, 10, (length,), generator=gen)
        tgt[i, :length] = src[i, :length].flip(0)
        tgt[i, length] = EOS
    return src.to(device), lengths, tgt.to(device)


def same_length_targets(tgt):              # (1)!
    y = tgt[:, :MAX_LEN]
    return y.masked_fill(y == EOS, PAD)    # (N, 8): reversal, then PAD


test_gen = torch.Generator().manual_seed(1)         # the same test strings
src_test, len_test, tgt_test = make_batch(1000, test_gen)
y_test = same_length_targets(tgt_test)
print("source", src_test[0].tolist(), "-> target", y_test[0].tolist())
# --8<-- [end:data]


# --8<-- [start:model]
def sinusoidal(length, d_model):
    pos = torch.arange(length, dtype=torch.float32)[:, None]
    freq = 10000.0 ** (-torch.arange(0, d_model, 2) / d_model)
    pe = torch.zeros(length, d_model)
    pe[:, 0::2] = torch.sin(pos * freq)
    pe[:, 1::2] = torch.cos(pos * freq)
    return pe


class Reverser(nn.Module):
    def __init__(self, d_model=32, heads=4, layers=2):
        super().__init__()
        self.embed = nn.Embedding(11, d_model, padding_idx=PAD)
        self.register_buffer("pe", sinusoidal(MAX_LEN, d_model))
        layer = nn.TransformerEncoderLayer(d_model, heads, 2 * d_model,
                                           dropout=0.0, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers,
                                             enable_nested_tensor=False)
        self.out = nn.Linear(d_model, 10)   # a digit at every position

    def forward(self, src):                 # (N, S) -> (N, S, 10)
        x = self.embed(src) + self.pe       # (2)!
        x = self.encoder(x, src_key_padding_mask=src == PAD)
        return self.out(x)


model = Reverser().to(device)
print("parameters:", sum(p.numel() for p in model.parameters()))
# --8<-- [end:model]

# --8<-- [start:train]
optimizer = torch.optim.Adam(model.parameters(), lr=0.003)
loss_fn = nn.CrossEntropyLoss(ignore_index=PAD)
gen = torch.Generator().manual_seed(0)
start = time.process_time()
for step in range(200):
    src, lengths, tgt = make_batch(64, gen)
    logits = model(src)                     # all positions in one pass
    loss = loss_fn(logits.flatten(0, 1), same_length_targets(tgt).flatten())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if step % 50 == 0 or step == 199:
        print(f"step {step:3d}  loss {loss.item():.3f}")
print(f"training: {time.process_time() - start:.1f} s of CPU time")
# --8<-- [end:train]

# --8<-- [start:evaluate]
model.eval()
with torch.no_grad():
    pred = model(src_test).argmax(2)        # (N, 8)
valid = y_test != PAD                       # the digits
token_acc = ((pred == y_test) & valid).sum().item() / valid.sum().item()
seq_acc = ((pred == y_test) | ~valid).all(1).float().mean().item()
print(f"held-out token accuracy {token_acc:.3f}, sequence {seq_acc:.3f}")
assert token_acc > 0.97 and seq_acc > 0.9
# --8<-- [end:evaluate]
