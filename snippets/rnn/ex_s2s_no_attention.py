"""The same seq2seq without attention: one vector carries the whole input."""
import time
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

torch.manual_seed(0)
device = (torch.accelerator.current_accelerator()
          if torch.accelerator.is_available() else torch.device("cpu"))
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

class Encoder(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.embed = nn.Embedding(13, hidden, padding_idx=PAD)
        self.lstm = nn.LSTM(hidden, hidden // 2, batch_first=True,
                            bidirectional=True)

    def forward(self, src, lengths):
        packed = pack_padded_sequence(self.embed(src), lengths,
                                      batch_first=True, enforce_sorted=False)
        out, (h_n, c_n) = self.lstm(packed)
        keys, _ = pad_packed_sequence(out, True, total_length=MAX_LEN)
        return keys, (torch.cat(list(h_n), 1), torch.cat(list(c_n), 1))


class Decoder(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.embed = nn.Embedding(13, hidden)
        self.cell = nn.LSTMCell(hidden, hidden)
        self.out = nn.Linear(hidden, 13)

    def forward(self, token, state, keys, mask):   # keys and mask unused
        state = self.cell(self.embed(token), state)
        return self.out(state[0]), state, None


def seq2seq(encoder, decoder, src, lengths, tgt=None):
    """Teacher forcing when tgt is given, greedy decoding otherwise."""
    keys, state = encoder(src, lengths)
    token = torch.full((len(src),), BOS, device=src.device)
    logits = []
    for t in range(MAX_LEN + 1):
        step_logits, state, _ = decoder(token, state, keys, src != PAD)
        logits.append(step_logits)
        token = tgt[:, t] if tgt is not None else step_logits.argmax(1)
    return torch.stack(logits, 1), None


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
with torch.no_grad():
    logits, _ = seq2seq(encoder, decoder, src_test, len_test)
pred = logits.argmax(2)                                # (N, T), greedy
valid = tgt_test != PAD                                # digits and EOS
token_acc = ((pred == tgt_test) & valid).sum().item() / valid.sum().item()
seq_acc = ((pred == tgt_test) | ~valid).all(1).float().mean().item()
print(f"held-out token accuracy {token_acc:.3f}, sequence {seq_acc:.3f}")
assert seq_acc < 0.7     # with attention: 0.973
right = ((pred == tgt_test) | ~valid).all(1).cpu()
by_length = [right[len_test == n].float().mean().item()
             for n in range(MIN_LEN, MAX_LEN + 1)]
print("sequence accuracy by length 5..8:", [round(a, 3) for a in by_length])
assert by_length[0] > by_length[-1]      # longer strings suffer most
