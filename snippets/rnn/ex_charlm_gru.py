"""The character-level language model with a GRU instead of an LSTM."""
import codecs
import contextlib
import io
import math

import torch
from torch import nn

torch.manual_seed(0)
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")

with contextlib.redirect_stdout(io.StringIO()):
    import this
text = codecs.decode(this.s, "rot13")
chars = sorted(set(text))
data = torch.tensor([chars.index(c) for c in text])
vocab_size, split = len(chars), len(text) - 128
train = data[:split]


class CharGRU(nn.Module):
    def __init__(self, vocab_size, emb_dim=16, hidden_size=128):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, emb_dim)
        self.gru = nn.GRU(emb_dim, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, vocab_size)

    def forward(self, x, state=None):                 # state: (1, N, H)
        out, state = self.gru(self.embedding(x), state)
        return self.head(out), state


model = CharGRU(vocab_size).to(device)
print("parameters:", sum(p.numel() for p in model.parameters()))
batch_size, bptt = 8, 32
n = len(train) // batch_size
streams = train[:n * batch_size].view(batch_size, n).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
train_ppl, held_ppl = [], []
for epoch in range(60):
    state = None
    for start in range(0, n - 1, bptt):
        y = streams[:, start + 1:start + 1 + bptt]
        x = streams[:, start:start + y.shape[1]]
        if state is not None:
            state = state.detach()                    # one tensor, no tuple
        logits, state = model(x, state)
        loss = nn.functional.cross_entropy(
            logits.reshape(-1, vocab_size), y.reshape(-1))
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 0.5)
        optimizer.step()
        train_ppl.append(math.exp(loss.item()))
    if epoch % 5 == 4:
        with torch.no_grad():
            logits, _ = model(data[None, :-1].to(device))
            held_loss = nn.functional.cross_entropy(
                logits[0, split - 1:], data[split:].to(device))
        held_ppl.append(math.exp(held_loss.item()))
print(f"GRU: last training perplexity {train_ppl[-1]:.2f}, "
      f"held-out best {min(held_ppl):.1f}, at the end {held_ppl[-1]:.1f}")
assert train_ppl[-1] < 2 and min(held_ppl) < held_ppl[-1]
