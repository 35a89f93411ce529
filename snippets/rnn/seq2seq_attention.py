"""Seq2seq with additive attention, trained to reverse digit strings."""
# --8<-- [start:setup]
import time
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
# --8<-- [end:setup]
# --8<-- [start:data]
PAD, BOS, EOS = 10, 11, 12                 # digits are tokens 0 to 9
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

test_gen = torch.Generator().manual_seed(1)         # held-out strings
src_test, len_test, tgt_test = make_batch(1000, test_gen)
print("source", src_test[0].tolist(), "-> target", tgt_test[0].tolist())
# --8<-- [end:data]

# --8<-- [start:model]
class Encoder(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.embed = nn.Embedding(13, hidden, padding_idx=PAD)
        self.lstm = nn.LSTM(hidden, hidden // 2, batch_first=True,
                            bidirectional=True)

    def forward(self, src, lengths):
        packed = pack_padded_sequence(self.embed(src), lengths,
                                      batch_first=True, enforce_sorted=False)
        out, (h_n, c_n) = self.lstm(packed)                      # (1)!
        keys, _ = pad_packed_sequence(out, True, total_length=MAX_LEN)
        return keys, (torch.cat(list(h_n), 1), torch.cat(list(c_n), 1))


class Decoder(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.w_q = nn.Linear(hidden, hidden, bias=False)   # attention
        self.w_k = nn.Linear(hidden, hidden, bias=False)
        self.v = nn.Linear(hidden, 1, bias=False)
        self.embed = nn.Embedding(13, hidden)
        self.cell = nn.LSTMCell(2 * hidden, hidden)
        self.out = nn.Linear(2 * hidden, 13)

    def attend(self, query, keys, mask):   # (N, H), (N, S, H), (N, S)
        hidden = torch.tanh(self.w_q(query).unsqueeze(1) + self.w_k(keys))
        scores = self.v(hidden).squeeze(2)                     # (N, S)
        scores = scores.masked_fill(~mask, float("-inf"))      # (2)!
        weights = torch.softmax(scores, dim=1)                 # (N, S)
        return (weights.unsqueeze(2) * keys).sum(1), weights   # (N, H)

    def forward(self, token, state, keys, mask):
        context, weights = self.attend(state[0], keys, mask)   # (3)!
        state = self.cell(torch.cat([self.embed(token), context], 1), state)
        logits = self.out(torch.cat([state[0], context], 1))
        return logits, state, weights


def seq2seq(encoder, decoder, src, lengths, tgt=None):
    """Teacher forcing when tgt is given, greedy decoding otherwise."""
    keys, state = encoder(src, lengths)
    token = torch.full((len(src),), BOS, device=src.device)
    logits, weights = [], []
    for t in range(MAX_LEN + 1):
        step_logits, state, w = decoder(token, state, keys, src != PAD)
        logits.append(step_logits)
        weights.append(w)
        token = tgt[:, t] if tgt is not None else step_logits.argmax(1)
    return torch.stack(logits, 1), torch.stack(weights, 1)  # (4)!
# --8<-- [end:model]

# --8<-- [start:train]
encoder, decoder = Encoder(32).to(device), Decoder(32).to(device)
params = list(encoder.parameters()) + list(decoder.parameters())
optimizer = torch.optim.Adam(params, lr=0.008)
loss_fn = nn.CrossEntropyLoss(ignore_index=PAD)    # padding costs nothing
gen = torch.Generator().manual_seed(0)
start = time.process_time()
for step in range(120):
    src, lengths, tgt = make_batch(64, gen)
    logits, _ = seq2seq(encoder, decoder, src, lengths, tgt)
    loss = loss_fn(logits.flatten(0, 1), tgt.flatten())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if step % 40 == 0 or step == 119:
        print(f"step {step:3d}  loss {loss.item():.3f}")
print(f"training: {time.process_time() - start:.1f} s of CPU time")
# --8<-- [end:train]
# --8<-- [start:evaluate]
with torch.no_grad():
    logits, attention = seq2seq(encoder, decoder, src_test, len_test)
pred = logits.argmax(2)                                # (N, T), greedy
valid = tgt_test != PAD                                # digits and EOS
token_acc = ((pred == tgt_test) & valid).sum().item() / valid.sum().item()
seq_acc = ((pred == tgt_test) | ~valid).all(1).float().mean().item()
print(f"held-out token accuracy {token_acc:.3f}, sequence {seq_acc:.3f}")
assert token_acc > 0.95 and seq_acc > 0.85
mirror = (len_test[:, None] - 1 - torch.arange(MAX_LEN)).to(device)  # (5)!
looks_at = attention[:, :MAX_LEN].argmax(2)            # (N, S)
on_mirror = (looks_at == mirror)[mirror >= 0].float().mean().item()
print(f"attention peaks at the mirrored input: {on_mirror:.3f} of steps")
assert on_mirror > 0.85
example = attention[0, :len_test[0] + 1, :len_test[0]]   # (L + 1, L)
print(example.cpu().numpy().round(2))
# --8<-- [end:evaluate]
