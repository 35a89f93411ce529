"""A character-level language model on the Zen of Python."""
# --8<-- [start:setup]
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
# --8<-- [end:setup]

# --8<-- [start:data]
with contextlib.redirect_stdout(io.StringIO()):      # `this` prints the Zen
    import this                                       # when first imported
text = codecs.decode(this.s, "rot13")
chars = sorted(set(text))                             # the vocabulary
data = torch.tensor([chars.index(c) for c in text])   # (856,) ids
vocab_size = len(chars)
split = len(text) - 128                               # hold out the tail
train = data[:split]
p = torch.bincount(train) / len(train)                # character frequencies
unigram = math.exp(torch.special.entr(p).sum().item())  # exp(entropy)
print(f"{len(text)} characters, {vocab_size} distinct; "
      f"unigram perplexity {unigram:.1f}")
# --8<-- [end:data]

# --8<-- [start:model]
class CharLM(nn.Module):
    def __init__(self, vocab_size, emb_dim=16, hidden_size=128):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, emb_dim)
        self.lstm = nn.LSTM(emb_dim, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, vocab_size)

    def forward(self, x, state=None):                 # x: (N, L) ids
        out, state = self.lstm(self.embedding(x), state)  # (N, L, H)
        return self.head(out), state                  # (N, L, vocab)


model = CharLM(vocab_size).to(device)
# --8<-- [end:model]

# --8<-- [start:train]
batch_size, bptt = 8, 32
n = len(train) // batch_size
streams = train[:n * batch_size].view(batch_size, n).to(device)  # (8, 91)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
train_ppl, held_ppl, norms = [], [], []
step = 0
for epoch in range(60):
    state = None                                      # streams restart
    for start in range(0, n - 1, bptt):
        y = streams[:, start + 1:start + 1 + bptt]    # (8, <=32) targets:
        x = streams[:, start:start + y.shape[1]]      # the next characters
        if state is not None:
            state = tuple(s.detach() for s in state)  # (1)!
        logits, state = model(x, state)
        loss = nn.functional.cross_entropy(
            logits.reshape(-1, vocab_size), y.reshape(-1))
        optimizer.zero_grad()
        loss.backward()
        norm = nn.utils.clip_grad_norm_(model.parameters(), 0.5)  # (2)!
        optimizer.step()
        norms.append(norm.item())
        train_ppl.append(math.exp(loss.item()))
        if step % 30 == 0:
            print(f"step {step:3d}: perplexity {train_ppl[-1]:5.2f}, "
                  f"gradient norm {norm.item():.2f} before clipping")
        step += 1
    if epoch % 5 == 4:                                # (3)!
        model.eval()
        with torch.no_grad():
            logits, _ = model(data[None, :-1].to(device))
            held = nn.functional.cross_entropy(
                logits[0, split - 1:], data[split:].to(device))
        held_ppl.append((step, math.exp(held.item())))
        model.train()
print(f"{step} steps, {sum(v > 0.5 for v in norms)} clipped; "
      f"largest norm {max(norms):.2f}")
print(f"perplexity: first step {train_ppl[0]:.1f}, last step "
      f"{train_ppl[-1]:.2f} (unigram {unigram:.1f}, vocabulary {vocab_size})")
assert train_ppl[-1] < train_ppl[0] / 10 and train_ppl[-1] < unigram / 5
best_step, best = min(held_ppl, key=lambda sp: sp[1])
print(f"held-out tail: best {best:.1f} at step {best_step}, "
      f"{held_ppl[-1][1]:.1f} at the end")
assert best < unigram and held_ppl[-1][1] > best
# --8<-- [end:train]

# --8<-- [start:sample]
def sample(prompt, length, temperature, generator):
    model.eval()
    x = torch.tensor([[chars.index(c) for c in prompt]], device=device)
    out, state = prompt, None
    with torch.no_grad():
        for _ in range(length):
            logits, state = model(x, state)           # (1, L, vocab)
            probs = torch.softmax(logits[0, -1] / temperature, dim=0)
            i = torch.multinomial(probs.cpu(), 1, generator=generator)
            out += chars[i.item()]
            x = i.view(1, 1).to(device)               # feed it back
    return out


zen_words, known = set(text.split()), {}
for t in (0.5, 1.0, 2.0):
    out = sample("Beautiful", 200, t, torch.Generator().manual_seed(0))
    words = out.split()
    known[t] = sum(w in zen_words for w in words) / len(words)
    print(f"--- temperature {t}: {known[t]:.0%} of its words are in the Zen")
    flat = out.replace("\n", "/")                     # "/": a new line
    print(*[flat[i:i + 70] for i in range(0, len(flat), 70)], sep="\n")
assert known[0.5] > known[2.0] + 0.5
# --8<-- [end:sample]
